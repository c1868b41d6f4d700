import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { consoleDatabase } from "@/lib/server/db";
import { pushStore } from "@/lib/server/pushes/store";
import { withNames } from "@/lib/server/users/names";
import type { NotificationItem, Notifications } from "@/lib/pushes/notifications";
import type { PushRecord } from "@/lib/validations/push-record";

// 通知: an author's pushes that concern them since they last looked (decided, or a scheduled one
// that failed at its time, or that someone else cancelled or moved), and for supervisors how many
// wait for them. Read state is one moment per user (notification_seen), so the badge clears once read.

const LIST_SIZE = 8;

async function seenAt(username: string): Promise<string | null> {
  const { db } = await consoleDatabase();
  const row = await db.selectFrom("notification_seen").select("seen_at").where("username", "=", username).executeTakeFirst();
  return row?.seen_at ?? null;
}

/** What concerned the author, by whom, and why (lib/pushes/notifications.ts words it). */
function noticeOf(r: PushRecord): Pick<NotificationItem, "kind" | "by" | "reason"> {
  if (r.status === "rejected") return { kind: "decided", by: r.rejected_by, reason: r.reject_reason };
  if (r.status === "expired" || r.status === "missed") return { kind: "decided", by: null, reason: null };
  if (r.status === "cancelled") return { kind: "cancelled", by: r.cancelled_by, reason: r.cancel_reason };
  const ended = r.status === "sent" || r.status === "failed" || r.status === "unknown";
  if (r.approved_by && ended) return { kind: "decided", by: r.approved_by, reason: null };
  if (r.status === "failed" || r.status === "unknown") return { kind: "failed_at_time", by: null, reason: null };
  return { kind: "moved", by: r.rescheduled_by, reason: null };
}

export async function notificationsFor(username: string, roles: readonly Role[]): Promise<Notifications> {
  const store = pushStore();
  const sends = can(roles, "send");
  const items = sends ? await store.decidedFor(username, LIST_SIZE) : [];
  return {
    unread: sends ? await store.countDecidedSince(username, await seenAt(username)) : 0,
    items: await withNames(
      items.map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        ...noticeOf(r),
        at: r.finished_at ?? r.rescheduled_at ?? r.created_at,
        scheduled_at: r.scheduled_at,
      })),
      ["by"],
    ),
    awaitingApproval: can(roles, "approve") ? await store.countAwaitingApproval(username) : null,
  };
}

/**
 * Read up to `until` (the newest item the user was shown), never beyond now and never backwards:
 * something decided after the list was drawn stays unread.
 */
export async function markSeen(username: string, until: Date, now = new Date()): Promise<void> {
  const at = (until.getTime() > now.getTime() ? now : until).toISOString();
  const { db } = await consoleDatabase();
  await db
    .insertInto("notification_seen")
    .values({ username, seen_at: at })
    .onConflict((oc) =>
      oc
        .column("username")
        .doUpdateSet({ seen_at: (eb) => eb.ref("excluded.seen_at") })
        .where("notification_seen.seen_at", "<", (eb) => eb.ref("excluded.seen_at")),
    )
    .execute();
}
