import { newDraft, type Draft } from "@/lib/compose/draft";
import { findGroups, parseGroupIds } from "@/lib/compose/find-groups";
import { valuesFromPush } from "@/lib/compose/values";
import { fetchPush } from "@/lib/pushes/push-fetch";

// A link's preset (?from=<push> copies a record, ?groups=1,2 chooses groups): loaded only when the
// address has one, so a plain /compose never fetches this code.

/** The draft a preset starts, and what to tell the editor about it; null when the address has none. */
export async function presetDraft(
  params: URLSearchParams,
  saved: Draft | null,
  signal: AbortSignal,
): Promise<{ draft: Draft; notice: string } | null> {
  const from = params.get("from");
  if (from) {
    const record = await fetchPush(from, signal);
    const { found, missing } = await findGroups(record.body.chuanbo_group, signal);
    const notice = `已复制推送记录“${record.name}”的内容，这是一条新推送${missing.length ? `；用户组 ${missing.map((id) => `#${id}`).join("、")} 已找不到，请重新选择` : ""}。`;
    return { draft: newDraft({ ...valuesFromPush(record.body), chuanbo_group: found.map((g) => g.id) }, found), notice };
  }
  const ids = parseGroupIds(params.get("groups"));
  if (ids.length === 0) return null;
  const { found, missing } = await findGroups(ids, signal);
  const base = saved && !saved.result ? saved : newDraft();
  const draft: Draft = { ...base, values: { ...base.values, chuanbo_group: found.map((g) => g.id) }, groups: found };
  // Fifty names are a wall of text: a few by name, more as a count (the list below has them all).
  const names =
    found.length <= 3
      ? found.map((g) => g.title).join("、")
      : `${found
          .slice(0, 2)
          .map((g) => g.title)
          .join("、")} 等 ${found.length} 个`;
  const notice = [
    found.length ? `已选好用户组：${names}。` : "",
    missing.length ? `没有找到用户组 ${missing.map((id) => `#${id}`).join("、")}。` : "",
  ].join("");
  return { draft, notice };
}
