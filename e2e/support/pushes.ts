import type { Group } from "../../lib/validations/group";
import type { APIRequestContext } from "@playwright/test";

// Pushes for the approval tests: groups big enough to meet the sample options' approval line (20000).

export async function bigGroups(request: APIRequestContext, atLeast = 20_000): Promise<{ ids: number[]; reach: number }> {
  const page = (await (await request.get("/api/groups?size=100")).json()) as { records: Group[] };
  const ids: number[] = [];
  let reach = 0;
  for (const group of [...page.records].sort((a, b) => (b.pnum ?? 0) - (a.pnum ?? 0))) {
    if (reach >= atLeast) break;
    ids.push(group.id);
    reach += group.pnum ?? 0;
  }
  return { ids, reach };
}

export const voicePush = (name: string, chuanbo_group: number[]) => ({
  name,
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 3,
  chuanbo_group,
  voice_content: "今晚有暴雨，请远离河道。",
});

export function submit(request: APIRequestContext, body: object, key: string = crypto.randomUUID()) {
  return request.post("/api/pushes", { data: body, headers: { "idempotency-key": key } });
}
