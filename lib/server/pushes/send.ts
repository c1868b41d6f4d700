import "server-only";
import { after } from "next/server";
import * as z from "zod/mini";
import { MAY_HAVE_GONE } from "@/lib/pushes/unknown-outcome";
import { recordAudit } from "@/lib/server/audit";
import { pushCreate } from "@/lib/server/chuanbo-client";
import { errorResponse, invalidRequest, jsonResponse } from "@/lib/server/http";
import { logger } from "@/lib/server/log";
import { options } from "@/lib/server/options";
import { auditOf, beginPolicedPush, pushReach } from "@/lib/server/pushes/policy";
import { screenPush } from "@/lib/server/pushes/preflight";
import { auditOutcome, finishRecord, isAbandoned, settleAbandoned } from "@/lib/server/pushes/settle";
import { pushStore, type BeginResult, type Outcome, type PushStore } from "@/lib/server/pushes/store";
import { UpstreamError } from "@/lib/server/upstream-error";
import { pushSchema, type Push } from "@/lib/validations/push";
import {
  type PushCreated,
  type PushHeld,
  type PushScheduled,
  type Reach,
  type PushErrorBody,
  type PushRecord,
  type PushStatus,
} from "@/lib/validations/push-record";
import type { Actor } from "@/lib/server/actor";
import type { SendTime } from "@/lib/validations/send-time";

// POST /api/pushes and /api/pushes/test: exactly-once sending. The attempt is recorded before the
// upstream is called, keyed on the caller's Idempotency-Key; the same key never calls the upstream twice.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_ADVICE = "请为每条新推送生成一个 UUID 放在这个请求头里，重试同一条推送时沿用同一个。";

function pushErrorBody(code: string, message: string, pushId: string, status: PushStatus): PushErrorBody {
  return { error: { code, message, pushId, status } };
}

const pushError = (status: number, code: string, message: string, record: PushRecord) =>
  jsonResponse(pushErrorBody(code, message, record.id, record.status), status);

/** The Idempotency-Key header as this console keys it (lower case), or the 400 answer saying what is wrong. */
export function idempotencyKey(request: Request): string | Response {
  const key = request.headers.get("idempotency-key")?.trim() ?? "";
  if (UUID.test(key)) return key.toLowerCase();
  const message = key === "" ? `缺少 Idempotency-Key 请求头：${KEY_ADVICE}` : `Idempotency-Key 须是 UUID：${KEY_ADVICE}`;
  return invalidRequest({ "Idempotency-Key": message }, message);
}

/**
 * A test send's body: whatever groups the editor picked, it goes to the test group alone; without
 * a configured test group, the refusal.
 */
export function testPushSchema(): typeof pushSchema | Response {
  const { testGroupId } = options();
  if (testGroupId === undefined) {
    return invalidRequest({}, "还没有配置测试组，无法发送到测试组。请管理员在选项文件中填写 testGroupId 后再试。");
  }
  const toTestGroup = (input: unknown) =>
    input && typeof input === "object" && !Array.isArray(input) ? { ...input, chuanbo_group: [testGroupId] } : input;
  return z.pipe(z.transform(toTestGroup), pushSchema) as unknown as typeof pushSchema;
}

/** POST /api/pushes and /api/pushes/test, after the route wrapper parsed the push. */
export async function handlePushRequest(
  request: Request,
  { push, test, actor, sendTime = {} }: { push: Push; test: boolean; actor: Actor; sendTime?: SendTime },
): Promise<Response> {
  const normalizedKey = idempotencyKey(request);
  if (normalizedKey instanceof Response) return normalizedKey;
  const store = pushStore();
  // A key this user sent before replays its answer; limits and approval apply to new real pushes
  // only, decided in the transaction that records them. A test send is exempt from both.
  let begun: BeginResult;
  const scheduledAt = test ? undefined : (sendTime.scheduled_at ?? undefined);
  if (test || (await store.hasKey(actor.username, normalizedKey))) {
    begun = await store.begin({ key: normalizedKey, push: push, isTest: test, sentBy: actor.username, scheduledAt });
  } else {
    // The time, 免打扰 (a push inside the window needs a reason or another time) and the groups.
    const screened = await screenPush(push, { scheduledAt, quietHoursReason: sendTime.quiet_hours_reason });
    if (screened instanceof Response) return screened;
    const policed = await beginPolicedPush(store, {
      key: normalizedKey,
      push: push,
      actor,
      policed: screened,
      scheduledAt,
      quietHoursReason: screened.quietHoursReason,
    });
    if (policed instanceof Response) return policed;
    begun = policed;
  }
  switch (begun.kind) {
    case "started": {
      const { record } = begun;
      const at = record.scheduled_at ?? undefined;
      if (record.status === "pending_approval") {
        await recordAudit({ ...auditOf(record, actor), action: "push_held" });
        return jsonResponse({ id: record.id, status: "pending_approval", ...(at ? { scheduledAt: at } : {}) } satisfies PushHeld, 202);
      }
      if (record.status === "scheduled" && at) {
        await recordAudit({ ...auditOf(record, actor), action: "push_scheduled" });
        return jsonResponse({ id: record.id, status: "scheduled", scheduledAt: at } satisfies PushScheduled, 202);
      }
      return send(store, record, push, actor, reachBeforeSend(record));
    }
    case "replay":
      return jsonResponse(begun.answer.body, begun.answer.status);
    case "mismatch":
      return pushError(
        422,
        "idempotency_mismatch",
        "这个 Idempotency-Key 已用于另一条内容不同的推送，本次没有发送。要发新的推送，请换一个新的 Idempotency-Key。",
        begun.record,
      );
    case "in_progress":
      if (isAbandoned(begun.record)) {
        const outcome = await settleAbandoned(store, begun.record, actor);
        return jsonResponse(outcome.answer.body, outcome.answer.status);
      }
      return pushError(409, "in_progress", "这条推送正在发送中，请等它完成后在推送记录中查看结果，不要重复提交。", begun.record);
  }
}

/** The reach recorded before the send, if it was known then. */
const reachBeforeSend = (record: PushRecord): Reach | undefined =>
  record.reach === null && record.reach_incomplete === false ? undefined : { reach: record.reach, incomplete: record.reach_incomplete };

/**
 * Sends a record that is now 'pending' (approved, or claimed by the scheduler when due), through
 * the same path and record as any other. `actor` null: the console itself sends it, outside any request.
 */
export function sendPending(record: PushRecord, actor: Actor | null): Promise<Response> {
  return send(pushStore(), record, record.body, actor, reachBeforeSend(record));
}

async function send(store: PushStore, record: PushRecord, push: Push, actor: Actor | null, knownReach?: Reach): Promise<Response> {
  if (!knownReach) {
    // Reach is a nicety of the record: computed beside the send, saved after the answer, never in its way.
    const reach = pushReach(push);
    const save = async () => {
      const value = await reach;
      if (value)
        await store
          .setReach(record.id, value)
          .catch((error: unknown) => logger().error({ err: error, pushId: record.id }, "push reach not saved"));
    };
    // Within a request, after the answer; the scheduler has no request to wait for.
    if (actor) after(save);
    else void save();
  }

  let outcome: Outcome;
  try {
    const result = await pushCreate(push);
    const body: PushCreated = { id: record.id, status: "sent", requestId: result.requestId };
    outcome = {
      status: "sent",
      upstreamCode: 0,
      upstreamMessage: result.message || null,
      requestId: result.requestId,
      answer: { status: 201, body },
    };
  } catch (error) {
    outcome = await failure(record, error);
  }
  return settle(store, record, actor, outcome);
}

/** Records the outcome and answers it. The answer tells the truth even if the record cannot be written. */
async function settle(store: PushStore, record: PushRecord, actor: Actor | null, outcome: Outcome): Promise<Response> {
  await finishRecord(store, record, outcome);
  await auditOutcome(record, actor, outcome);
  return jsonResponse(outcome.answer.body, outcome.answer.status);
}

async function failure(record: PushRecord, error: unknown): Promise<Outcome> {
  const upstream = error instanceof UpstreamError ? error : undefined;
  // Only a "no" from the vendor, or a connection it never accepted, proves the push did not go out.
  const status: PushStatus = upstream && (upstream.kind === "rejected" || !upstream.maybeDelivered) ? "failed" : "unknown";
  const answer = errorResponse(error);
  const body = (await answer.json()) as PushErrorBody;
  // The client already words timeouts and broken connections of push_create this way; the rest not.
  if (status === "unknown" && upstream?.kind !== "timeout" && upstream?.kind !== "unavailable") {
    body.error.message = `${upstream ? "传播通的应答无法识别。" : "发送时控制台出了意外错误。"}${MAY_HAVE_GONE}`;
  }
  body.error.pushId = record.id;
  body.error.status = status;
  return {
    status,
    upstreamCode: upstream?.upstreamCode ?? null,
    upstreamMessage: body.error.message,
    requestId: upstream?.requestId || null,
    answer: { status: answer.status, body },
  };
}
