import { markSeen } from "@/lib/server/pushes/notifications";
import { route } from "@/lib/server/route";
import { seenSchema } from "@/lib/validations/notifications";

export const dynamic = "force-dynamic";

/** Marks the user's notifications read up to `until`; answers `{ ok: true }`. */
export const POST = route({ need: "read", body: seenSchema }, async ({ user, body }) => {
  await markSeen(user.username, new Date(body.until));
  return { ok: true };
});
