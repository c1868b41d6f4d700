import { readFileSync } from "node:fs";
import { consoleDir } from "./server-set";
import type { Group } from "../../lib/validations/group";
import type { APIRequestContext } from "@playwright/test";

// Pushes for the tests: groups big enough to meet the simulator console's approval line, and bodies
// of pushes and templates.

/** The approval line of the tests' simulator console (written by e2e/support/start-console.mjs). */
export const approvalLine = (): number =>
  (JSON.parse(readFileSync(`${consoleDir}/sim-options.json`, "utf8")) as { approval: { minReach: number } }).approval.minReach;

export async function bigGroups(request: APIRequestContext, atLeast = approvalLine()): Promise<{ ids: number[]; reach: number }> {
  const page = (await (await request.get("/api/groups?size=100")).json()) as { records: Group[] };
  const ids: number[] = [];
  let reach = 0;
  // Only groups with a 人数: one without makes the reach unknown, which is held for another reason.
  for (const group of page.records.filter((g) => g.pnum !== null).sort((a, b) => b.pnum! - a.pnum!)) {
    if (reach >= atLeast) break;
    ids.push(group.id);
    reach += group.pnum!;
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

/** A 系统通知 template's body (常用模板): the push's own fields, without groups or section. */
export const notificationTemplate = (name: string) => ({
  name,
  notify_way: 1,
  push_title: "暴雨预警",
  push_content: "今晚有暴雨，请远离河道。",
  link_type: 2,
  link_content: "12345",
});
