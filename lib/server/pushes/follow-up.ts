import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { settleRefusal, withdrawRefusal } from "@/lib/pushes/actions";
import { recordAudit } from "@/lib/server/audit";
import { apiError, jsonResponse } from "@/lib/server/http";
import { auditOf, recordNotFound, refusedOnPush } from "@/lib/server/pushes/policy";
import { pushStore } from "@/lib/server/pushes/store";
import { PUSH_STATUS_LABELS, SETTLE_OUTCOME_LABELS } from "@/lib/validations/push-labels";
import type { Actor } from "@/lib/server/actor";
import type { PushErrorBody, PushRecord } from "@/lib/validations/push-record";
import type { SettleInput } from "@/lib/validations/settle";

// After a push was recorded: its author withdraws it while it waits for approval (撤回), and a
// person settles an outcome the console could not know (核实结果不明). Each decided by one guarded
// UPDATE in the store, so a withdrawal racing an approval, or two settlements, end with one winner.

const moved = (record: PushRecord, what: string) =>
  apiError(409, "conflict", `这条推送现在是「${PUSH_STATUS_LABELS[record.status]}」，${what}。请刷新推送记录。`);

/** POST /api/pushes/:id/withdraw: its author, while it waits for approval. */
export async function withdrawPush(id: string, actor: Actor): Promise<Response> {
  const store = pushStore();
  const record = await store.get(id);
  if (!record) return recordNotFound();
  const refusal = withdrawRefusal(record, actor.username);
  if (refusal === "not_author") {
    return refusedOnPush(id, actor, "withdraw_others_push", "只有这条推送的作者可以撤回它。");
  }
  if (refusal) return moved(record, "已不在待审批，不能撤回");
  // What the author's retry with the same Idempotency-Key replays from now on.
  const answer: PushErrorBody = {
    error: { code: "withdrawn", message: "这条推送已由作者撤回，没有发出。", pushId: id, status: "withdrawn" },
  };
  const withdrawn = await store.withdraw(id, actor.username, { status: 409, body: answer });
  if (!withdrawn) return moved((await store.get(id)) ?? record, "已不在待审批（可能刚被审批），不能撤回");
  await recordAudit({ ...auditOf(withdrawn, actor), action: "push_withdrawn" });
  return jsonResponse(withdrawn);
}

/** POST /api/pushes/:id/settle: an editor or supervisor records what the vendor confirmed about an unknown outcome. */
export async function settlePush(id: string, input: SettleInput, actor: Actor, roles: readonly Role[]): Promise<Response> {
  const store = pushStore();
  const record = await store.get(id);
  if (!record) return recordNotFound();
  const refusal = settleRefusal(record, can(roles, "settle"));
  if (refusal === "not_allowed") return apiError(403, "forbidden", "只有编辑或审核人可以核实结果不明的推送。");
  if (refusal) return moved(record, "结果已不是「结果不明」，不能再核实");
  const settled = await store.settle(id, actor.username, input.outcome, input.note);
  if (!settled) return moved((await store.get(id)) ?? record, "刚被其他人核实过");
  const base = auditOf(settled, actor);
  await recordAudit({
    ...base,
    action: "push_settled",
    details: { ...base.details, outcome: input.outcome, outcome_label: SETTLE_OUTCOME_LABELS[input.outcome], note: input.note },
  });
  return jsonResponse(settled);
}
