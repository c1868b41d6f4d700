import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  clearDraft,
  editSlot,
  loadDraft,
  newAttempt,
  newDraft,
  newKey,
  newPushSlot,
  planAttempt,
  saveDraft,
  type Attempt,
} from "@/lib/compose/draft";
import { adoptSharedDraft } from "@/lib/compose/draft-work";
import { baseOf, KEEP_EDITS_MS, pruneEditDrafts } from "@/lib/compose/edit-base";
import { parseGroupIds } from "@/lib/compose/find-groups";
import { reachOf, reachText, smsMessages } from "@/lib/compose/reach";
import { bodyFingerprint, emptyValues, valuesFromPush } from "@/lib/compose/values";
import { countCodePoints } from "@/lib/text/code-points";
import { pushSchema, type Push } from "@/lib/validations/push";
import type { PushRecord } from "@/lib/validations/push-record";

describe("counters", () => {
  it("count characters as people do", () => {
    expect(countCodePoints("标签")).toBe(2);
    expect(countCodePoints("😀a汉")).toBe(3);
    expect(countCodePoints("👩‍🚒")).toBe(3); // a joined emoji is three code points, as the vendor counts them
  });
});

describe("reach", () => {
  it("sums 人数 as the estimate (预计触达)", () => {
    const reach = reachOf([{ pnum: 1200 }, { pnum: 34 }]);
    expect(reach).toEqual({ people: 1234, unknownGroups: 0, groups: 2 });
    expect(reachText(reach)).toBe("预计触达 1,234 人");
  });

  it("says when some counts are missing, and when all are", () => {
    // Unknown never reads as the known part (nor as 0).
    expect(reachText(reachOf([{ pnum: 10 }, { pnum: null }]))).toBe("人数未知（已知部分预计触达 10 人，另有 1 个用户组人数未知）");
    expect(reachText(reachOf([{ pnum: null }]))).toBe("人数未知（1 个用户组的人数都未知）");
    expect(reachText(reachOf([{ pnum: 0 }, { pnum: null }, { pnum: null }]))).toBe(
      "人数未知（已知部分预计触达 0 人，另有 2 个用户组人数未知）",
    );
    expect(reachText(reachOf([]))).toBe("尚未选择用户组");
  });

  it("counts SMS messages as segments times people", () => {
    expect(smsMessages(2, reachOf([{ pnum: 500 }, { pnum: 250 }]))).toBe(1500);
  });
});

const sms: Push = {
  name: "停水",
  section_id: 90,
  chuanbo_type_id: 38,
  notify_way: 2,
  chuanbo_group: [101],
  msg_sign_id: 50,
  msg_template: "明天停水",
};

describe("compose values and the schema", () => {
  it("validates only the chosen channel and drops the other channels' fields", () => {
    const values = { ...emptyValues(), ...valuesFromPush(sms), push_title: "留着", voice_content: "也留着" };
    const parsed = z.parse(pushSchema, values);
    expect(parsed).toEqual(sms);
  });

  it("round-trips each channel through the form", () => {
    const notification: Push = {
      name: "n",
      section_id: 90,
      chuanbo_type_id: 38,
      notify_way: 1,
      chuanbo_group: [1, 2],
      push_title: "t",
      push_content: "c",
      push_icon: "https://x.example/i.png",
      link_type: 2,
      link_content: "123",
    };
    const voice: Push = {
      name: "v",
      section_id: 90,
      chuanbo_type_id: 38,
      notify_way: 3,
      chuanbo_group: [3],
      voice_content: "语音",
      task_tag: "tag",
    };
    for (const push of [notification, sms, voice]) expect(z.parse(pushSchema, valuesFromPush(push))).toEqual(push);
  });

  it("fingerprints a push regardless of key order", () => {
    const reordered = Object.fromEntries(Object.entries(sms).reverse()) as Push;
    expect(bodyFingerprint(reordered)).toBe(bodyFingerprint(sms));
    expect(bodyFingerprint({ ...sms, msg_template: "后天停水" })).not.toBe(bodyFingerprint(sms));
  });
});

describe("idempotency keys in the draft", () => {
  const body = bodyFingerprint(sms);
  const changed = bodyFingerprint({ ...sms, msg_template: "改了" });
  const used = (outcome: Attempt["outcome"]): Attempt => ({ key: "k1", body, outcome });

  it("makes v4 UUIDs", () => {
    expect(newKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("uses the draft's key for the first send", () => {
    const fresh = newAttempt();
    expect(planAttempt(fresh, body)).toEqual({ kind: "send", attempt: { key: fresh.key, body, outcome: "none" } });
  });

  it("reuses the key for the same content unless it surely failed", () => {
    for (const outcome of ["pending", "unknown", "sent"] as const) {
      expect(planAttempt(used(outcome), body)).toMatchObject({ kind: "send", attempt: { key: "k1" } });
    }
    const retry = planAttempt(used("failed"), body);
    expect(retry).toMatchObject({ kind: "send", attempt: { body, outcome: "none" } });
    if (retry.kind === "send") expect(retry.attempt.key).not.toBe("k1");
  });

  it("takes a new key for changed content only after a definite answer", () => {
    for (const outcome of ["failed", "sent"] as const) {
      const plan = planAttempt(used(outcome), changed);
      expect(plan.kind).toBe("send");
      if (plan.kind === "send") expect(plan.attempt).toMatchObject({ body: changed, outcome: "none" });
      if (plan.kind === "send") expect(plan.attempt.key).not.toBe("k1");
    }
    expect(planAttempt(used("unknown"), changed)).toEqual({ kind: "unsure" });
    expect(planAttempt(used("pending"), changed)).toEqual({ kind: "unsure" });
  });
});

describe("draft storage", () => {
  const MINE = newPushSlot("demo-editor");
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
      key: (i: number) => [...data.keys()][i] ?? null,
      get length() {
        return data.size;
      },
    } as Storage;
  };

  it("keeps each person's new push apart: the next editor at a shared browser starts empty, the author finds theirs again", () => {
    const storage = memory();
    const mine = newDraft({ ...emptyValues(), name: "我的草稿" });
    saveDraft(mine, newPushSlot("demo-editor"), storage);
    expect(loadDraft(newPushSlot("demo-editor2"), storage)).toBeNull();
    saveDraft(newDraft({ ...emptyValues(), name: "同事的草稿" }), newPushSlot("demo-editor2"), storage);
    expect(loadDraft(newPushSlot("demo-editor"), storage)).toEqual(mine);
  });

  it("hands a draft kept before drafts were each person's to the first without work of their own: its words, with keys of its own", () => {
    const storage = memory();
    const before = newDraft({ ...emptyValues(), name: "升级前的草稿" });
    storage.setItem("chuanbo-console.compose-draft.v1", JSON.stringify(before));
    // Someone whose own draft holds work keeps theirs; the old one waits for the next.
    saveDraft(newDraft({ ...emptyValues(), name: "自己的" }), newPushSlot("demo-supervisor"), storage);
    adoptSharedDraft(newPushSlot("demo-supervisor"), storage);
    expect(loadDraft(newPushSlot("demo-supervisor"), storage)?.values.name).toBe("自己的");
    expect(storage.getItem("chuanbo-console.compose-draft.v1")).not.toBeNull();
    // An own draft that holds nothing (the composer saves one as it opens) is no reason to wait.
    saveDraft(newDraft(), newPushSlot("demo-editor"), storage);
    adoptSharedDraft(newPushSlot("demo-editor"), storage);
    const adopted = loadDraft(newPushSlot("demo-editor"), storage);
    expect(adopted?.values.name).toBe("升级前的草稿");
    expect(adopted?.send.key).not.toBe(before.send.key);
    expect(storage.getItem("chuanbo-console.compose-draft.v1")).toBeNull();
    adoptSharedDraft(newPushSlot("demo-editor2"), storage);
    expect(loadDraft(newPushSlot("demo-editor2"), storage)).toBeNull();
  });

  it("hands nobody an old shared draft whose send began: it may have gone out, under its author's key", () => {
    for (const outcome of ["pending", "unknown", "sent"] as const) {
      const storage = memory();
      const begun = { ...newDraft({ ...emptyValues(), name: "发到一半" }), send: { key: newKey(), body: "{}", outcome } };
      storage.setItem("chuanbo-console.compose-draft.v1", JSON.stringify(begun));
      adoptSharedDraft(newPushSlot("demo-editor"), storage);
      expect(loadDraft(newPushSlot("demo-editor"), storage), outcome).toBeNull();
    }
  });

  it("restores what it saved, 发送时间 included", () => {
    const storage = memory();
    const draft = {
      ...newDraft({ ...emptyValues(), name: "草稿" }),
      time: { mode: "scheduled" as const, local: "2026-12-01T08:30", overrideQuiet: false, quietReason: "" },
    };
    saveDraft(draft, MINE, storage);
    expect(loadDraft(MINE, storage)).toEqual(draft);
  });

  it("keeps a changed push's draft in its own slot, apart from the new push's", () => {
    const storage = memory();
    const fresh = newDraft({ ...emptyValues(), name: "新推送" });
    const changed = { ...newDraft({ ...emptyValues(), name: "改过的定时推送" }), base: "[记录]" };
    saveDraft(fresh, MINE, storage);
    saveDraft(changed, editSlot("p-1"), storage);
    expect(loadDraft(MINE, storage)).toEqual(fresh);
    expect(loadDraft(editSlot("p-1"), storage)).toEqual(changed);
    expect(loadDraft(editSlot("p-2"), storage)).toBeNull();
    clearDraft(editSlot("p-1"), storage);
    expect(loadDraft(editSlot("p-1"), storage)).toBeNull();
    expect(loadDraft(MINE, storage)).toEqual(fresh);
  });

  it("drops kept changes to scheduled pushes a month past their time, keeping newer ones, the one opened and new pushes' drafts", () => {
    const storage = memory();
    const now = Date.parse("2026-12-01T08:00:00Z");
    const changedFor = (id: string, scheduledAt: string | null) => {
      const record = { body: { name: id }, scheduled_at: scheduledAt, quiet_hours_reason: null } as unknown as PushRecord;
      saveDraft({ ...newDraft({ ...emptyValues(), name: id }), base: baseOf(record) }, editSlot(id), storage);
    };
    const monthAgo = new Date(now - KEEP_EDITS_MS);
    changedFor("long-gone", new Date(monthAgo.getTime() - 60_000).toISOString());
    changedFor("just-within", new Date(monthAgo.getTime() + 60_000).toISOString());
    changedFor("ahead", "2026-12-02T08:00:00.000Z");
    changedFor("opened-now", "2025-01-01T00:00:00.000Z");
    storage.setItem(editSlot("unreadable"), "{not json");
    saveDraft(newDraft({ ...emptyValues(), name: "新推送" }), MINE, storage);

    expect(pruneEditDrafts(now, "opened-now", storage).sort()).toEqual([editSlot("long-gone"), editSlot("unreadable")]);
    for (const id of ["just-within", "ahead", "opened-now"]) expect(loadDraft(editSlot(id), storage)?.values.name, id).toBe(id);
    expect(loadDraft(editSlot("long-gone"), storage)).toBeNull();
    expect(loadDraft(MINE, storage)?.values.name).toBe("新推送");
    expect(pruneEditDrafts(now, "opened-now", storage)).toEqual([]);
  });

  it("starts fresh from nothing or from garbage; a draft from before 发送时间 was kept opens with none", () => {
    const storage = memory();
    expect(loadDraft(MINE, storage)).toBeNull();
    storage.setItem(MINE, "{not json");
    expect(loadDraft(MINE, storage)).toBeNull();
    const { time: _time, ...older } = newDraft({ ...emptyValues(), name: "旧草稿" });
    storage.setItem(MINE, JSON.stringify(older));
    expect(loadDraft(MINE, storage)).toMatchObject({ values: { name: "旧草稿" }, time: null });
  });
});

describe("?groups=", () => {
  it("reads positive ids, once each, and ignores the rest", () => {
    expect(parseGroupIds("144,101, 144,x,-3,0")).toEqual([144, 101]);
    expect(parseGroupIds(null)).toEqual([]);
  });
});
