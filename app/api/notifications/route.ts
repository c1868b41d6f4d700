import { notificationsFor } from "@/lib/server/pushes/notifications";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** 通知: what concerns the signed-in user (decided pushes of theirs; for supervisors, how many wait). */
export const GET = route({ need: "read" }, ({ user }) => notificationsFor(user.username, user.roles));
