import { ApiError } from "@/lib/api/fetch-json";
import { SESSION_ENDED } from "@/lib/auth/session-ended";
import { signInAgainHref } from "@/lib/auth/sign-in-again";
import { newAttempt, planAttempt, type Attempt, type SentResult } from "@/lib/compose/draft";
import { sendTimeBody, sendTimeState } from "@/lib/compose/send-time";
import { bodyFingerprint, type ComposeValues } from "@/lib/compose/values";
import { savePushEdit } from "@/lib/pushes/push-fetch";
import { outcomeOf, sendPush } from "@/lib/pushes/send-push";
import type { Confirming, Failure, SendContext } from "@/components/compose/use-compose-send";
import type { Push } from "@/lib/validations/push";

// The composer's sending, exactly once: the draft's Idempotency-Key is chosen by planAttempt and
// written as "pending" before the request leaves, so a reload mid-send can never send twice.
// Loaded when 发送 or 测试发送 is first pressed (and fetched while the editor types), not with the page.

/**
 * A send whose request got no answer from the console's own server (the network dropped): not the
 * vendor's silence, so the way to know is to ask the console again with the same key, which fetches
 * the attempt's result and never sends twice. Kept here, in the code 发送 loads, not beside
 * MAY_HAVE_GONE, which every record page carries.
 */
const NO_ANSWER =
  "连不上控制台服务器，没有收到这次发送的结果，它可能已经发出，也可能没有。网络恢复后再点“发送”（内容不要改）：控制台会取回这次的结果，不会重复发出。";

/**
 * The console refused the request for want of a session (it expired, was signed out in another tab,
 * or an admin reset the password): the push was surely not sent. The page is not rendered again (that
 * would go to the sign-in page at once, before this was read); the notice links there instead.
 */
const SIGNED_OUT = `${SESSION_ENDED}。`;

export function failureOf(error: unknown): Failure {
  const outcome = outcomeOf(error);
  const api = error instanceof ApiError ? error : undefined;
  if (api?.status === 401) {
    return { message: SIGNED_OUT, outcome: "failed", signIn: signInAgainHref() };
  }
  // No answer from the console (status 0): "check the network and retry" and "do not resend" would
  // contradict each other; the retry with the same key is the safe way to learn what happened.
  const message = api?.status === 0 ? NO_ANSWER : (api?.message ?? "发送时出了意外错误。");
  return { message, outcome, ...(api?.push?.id ? { pushId: api.push.id } : {}) };
}

// The send time is part of what a key was used for: another time is another request.
const fingerprint = (push: Push, time: Confirming["time"]) => `${bodyFingerprint(push)}|${time.body.scheduled_at ?? ""}`;

function showServerFields(ctx: SendContext, error: unknown) {
  if (!(error instanceof ApiError)) return;
  const values = ctx.store.current().values;
  for (const [name, message] of Object.entries(error.fields)) {
    if (name in values) ctx.form.setError(name as keyof ComposeValues, { type: "server", message });
  }
}

/** 发送…: the confirmation opens, unless the time is blocked. */
export function confirm(ctx: SendContext, push: Push) {
  const { choice, now, onBlocked } = ctx.sendTime;
  const state = sendTimeState(choice, push, ctx.options, now);
  if (state.blocked) return onBlocked();
  const time = { scheduledAt: state.scheduledAt, body: sendTimeBody(choice, state) };
  const plan = planAttempt(ctx.store.current().send, fingerprint(push, time));
  ctx.setConfirming({ push, unsure: !ctx.editing && plan.kind === "unsure", time });
}

/**
 * A record was made or changed (a failure leaves one too): render again, so that going Back to
 * 推送记录 or 待审批 shows it (the router's back/forward cache would otherwise show the list as it
 * was); after a real send or save that failed (`recheck`), ask the server's verdict on the draft again
 * too, the sender's counts having moved. Not after a lost connection: nothing reached the server, and
 * a render offline would reload the page and its notices; nor after a lost session (SIGNED_OUT).
 */
function refreshLists(ctx: SendContext, error?: unknown, recheck = false) {
  if (error instanceof ApiError && (error.status === 0 || error.status === 401)) return;
  ctx.refresh();
  if (recheck) ctx.recheck();
}

/** A change of a scheduled push: the same record, no key (PATCH changes it or says why not). */
async function saveEdit(ctx: SendContext, id: string, { push, time }: Confirming) {
  const { groups } = ctx;
  ctx.inFlight.current = true;
  ctx.setSending("real");
  // One message at a time: this answer replaces the last one.
  ctx.setSaveError(null);
  ctx.setTest(null);
  try {
    const record = await savePushEdit({
      id,
      push,
      scheduledAt: time.body.scheduled_at ?? "",
      quietHoursReason: time.body.quiet_hours_reason,
    });
    const status = record.status === "pending_approval" ? "pending_approval" : "scheduled";
    ctx.onSent({ id, status, requestId: null, scheduledAt: record.scheduled_at, sentAt: new Date().toISOString(), push, groups });
    refreshLists(ctx);
  } catch (error) {
    refreshLists(ctx, error, true);
    ctx.setSaveError(error as Error);
    showServerFields(ctx, error);
    ctx.setConfirming(null);
  } finally {
    ctx.inFlight.current = false;
    ctx.setSending(null);
  }
}

/** 确认发送 in the dialog. */
export async function send(ctx: SendContext) {
  const { confirming, store, groups } = ctx;
  if (!confirming || ctx.inFlight.current) return;
  if (ctx.editing) return saveEdit(ctx, ctx.editing, confirming);
  const { push, unsure, time } = confirming;
  const body = fingerprint(push, time);
  const plan = planAttempt(store.current().send, body);
  if (plan.kind === "unsure" && !unsure) return ctx.setConfirming({ ...confirming, unsure: true });
  ctx.inFlight.current = true;
  // An "unsure" confirmed in the dialog is the editor's decision to send this as a new push.
  const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
  // Recorded before the request, so a reload mid-send knows a send may be under way.
  store.update({ send: { ...attempt, outcome: "pending" } });
  // One message at a time: this answer replaces the last one.
  ctx.setRestored(null);
  ctx.setRealFailure(null);
  ctx.setTest(null);
  ctx.setSending("real");
  try {
    const answer = await sendPush(push, attempt.key, "real", time.body);
    const result: SentResult = {
      id: answer.id,
      status: answer.status,
      requestId: answer.status === "sent" ? answer.requestId : null,
      scheduledAt: answer.status === "sent" ? null : (answer.scheduledAt ?? null),
      sentAt: new Date().toISOString(),
      push,
      groups,
    };
    store.update({ send: { ...attempt, outcome: "sent" }, result });
    ctx.onSent(result);
    refreshLists(ctx);
  } catch (error) {
    refreshLists(ctx, error, true);
    const failure = failureOf(error ?? new Error());
    store.update({ send: { ...attempt, outcome: failure.outcome } });
    ctx.setRealFailure(failure);
    showServerFields(ctx, error);
    ctx.setConfirming(null);
  } finally {
    ctx.inFlight.current = false;
    ctx.setSending(null);
  }
}

/** 发送到测试组. */
export async function sendTest(ctx: SendContext, push: Push) {
  const { store } = ctx;
  if (ctx.inFlight.current) return;
  ctx.inFlight.current = true;
  const body = bodyFingerprint(push);
  const plan = planAttempt(store.current().test, body);
  // Only the newsroom's own phones get a test: a changed test after an unclear one may go out anew.
  const attempt: Attempt = plan.kind === "send" ? plan.attempt : { ...newAttempt(), body };
  store.update({ test: { ...attempt, outcome: "pending" } });
  // One message at a time: this answer replaces the last one; but an unclear real send is the push's
  // state, not a message (it may have gone out: check 推送记录), and stays until it is settled.
  ctx.setTest(null);
  ctx.setRealFailure((failure) => (failure?.outcome === "unknown" ? failure : null));
  ctx.setSaveError(null);
  ctx.setSending("test");
  try {
    await sendPush(push, attempt.key, "test");
    store.update({ test: { ...attempt, outcome: "sent" } });
    ctx.setTest({ ok: true });
    refreshLists(ctx);
  } catch (error) {
    refreshLists(ctx, error);
    store.update({ test: { ...attempt, outcome: outcomeOf(error) } });
    ctx.setTest({ ok: false, message: failureOf(error).message });
    showServerFields(ctx, error);
  } finally {
    ctx.inFlight.current = false;
    ctx.setSending(null);
  }
}

/** 作为新推送发送: a fresh key, after an unclear outcome the editor has checked. */
export function startAnew(ctx: SendContext) {
  ctx.store.update({ send: newAttempt() });
  ctx.setRealFailure(null);
  ctx.setRestored(null);
}
