import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { consoleDatabase } from "@/lib/server/db";
import { pushStore } from "@/lib/server/pushes/store";
import { withNames } from "@/lib/server/users/names";
import type { Notifications } from "@/lib/pushes/notifications";

// 通知: an author's pushes that were decided since they last looked, and for supervisors how many
// wait for them. Read state is one moment per user (notification_seen), so the badge clears once read.

const LIST_SIZE = 8;

async function seenAt(username: string): Promise<string | null> {
  const { db } = await consoleDatabase();
  const row = await db.selectFrom("notification_seen").select("seen_at").where("username", "=", username).executeTakeFirst();
  return row?.seen_at ?? null;
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
        at: r.finished_at ?? r.created_at,
        by: r.status === "rejected" ? r.rejected_by : r.approved_by,
        reject_reason: r.reject_reason,
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
