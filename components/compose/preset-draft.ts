import { newDraft, type Draft } from "@/lib/compose/draft";
import { holdsWork } from "@/lib/compose/draft-work";
import { findGroups, parseGroupIds } from "@/lib/compose/find-groups";
import { valuesFromPush } from "@/lib/compose/values";
import { fetchPush } from "@/lib/pushes/push-fetch";
import type { Group } from "@/lib/validations/group";

// A link's preset (?from=<push> copies a record, ?groups=1,2 chooses groups): loaded only when the
// address has one, so a plain /compose never fetches this code. A preset that would replace what
// the editor's unsent draft holds (its words, or other groups) asks first (PresetQuestion).

/** Asked before a preset replaces part of an unsent draft; `kept` is that draft, as it was. */
export type PresetAsk = { title: string; detail: string; replace: string; keep: string; kept: Draft };
export type Preset = { draft: Draft; notice: string; ask?: PresetAsk };

/** Fifty names are a wall of text: a few by name, more as a count. */
function groupNames(groups: readonly Group[]): string {
  if (groups.length <= 3) return groups.map((g) => g.title).join("、");
  return `${groups
    .slice(0, 2)
    .map((g) => g.title)
    .join("、")} 等 ${groups.length} 个`;
}

const draftName = (draft: Draft) => (draft.values.name.trim() ? `「${draft.values.name.trim()}」` : "");

/** The draft a preset starts, what to tell the editor about it, and what to ask first; null when the address has none. */
export async function presetDraft(params: URLSearchParams, saved: Draft | null, signal: AbortSignal): Promise<Preset | null> {
  const unsent = saved && !saved.result ? saved : null;
  const from = params.get("from");
  if (from) {
    const record = await fetchPush(from, signal);
    const { found, missing } = await findGroups(record.body.chuanbo_group, signal);
    const notice = `已复制推送记录“${record.name}”的内容，这是一条新推送${missing.length ? `；用户组 ${missing.map((id) => `#${id}`).join("、")} 已找不到，请重新选择` : ""}。`;
    const draft = newDraft({ ...valuesFromPush(record.body), chuanbo_group: found.map((g) => g.id) }, found);
    if (!unsent || !holdsWork(unsent)) return { draft, notice };
    const ask = {
      title: `用复制的推送替换没有发出的草稿${draftName(unsent)}？`,
      detail: `草稿只有一份：替换后，草稿里原来填写的内容和选择的用户组都不能恢复。`,
      replace: "替换为复制的推送",
      keep: "继续编辑原来的草稿",
      kept: unsent,
    };
    return { draft, notice, ask };
  }
  const ids = parseGroupIds(params.get("groups"));
  if (ids.length === 0) return null;
  const { found, missing } = await findGroups(ids, signal);
  const base = unsent ?? newDraft();
  const draft: Draft = { ...base, values: { ...base.values, chuanbo_group: found.map((g) => g.id) }, groups: found };
  const notice = [
    found.length ? `已选好用户组：${groupNames(found)}。` : "",
    missing.length ? `没有找到用户组 ${missing.map((id) => `#${id}`).join("、")}。` : "",
  ].join("");
  const before = base.values.chuanbo_group;
  const same = before.length === found.length && found.every((g) => before.includes(g.id));
  if (!unsent || before.length === 0 || same) return { draft, notice };
  const ask = {
    title: `把草稿${draftName(unsent)}的用户组换成所选的 ${found.length} 个？`,
    detail: `草稿现在选的是${unsent.groups.length ? groupNames(unsent.groups) : before.map((id) => `#${id}`).join("、")}，将换成${groupNames(found)}；草稿里填写的内容不变。`,
    replace: "换成所选的用户组",
    keep: "保留草稿原来的用户组",
    kept: unsent,
  };
  return { draft, notice, ask };
}
