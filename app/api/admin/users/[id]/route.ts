import { userPatchSchema } from "@/lib/auth/user-schema";
import { route } from "@/lib/server/route";
import { updateUser, userChangeFailed } from "@/lib/server/users/users";

export const dynamic = "force-dynamic";

/** { roles?, disabled?, password? }: re-role, disable or enable, reset the password. */
export const PATCH = route({ need: "admin", body: userPatchSchema }, ({ body, actor, params }) =>
  updateUser(params.id!, body, actor).catch(userChangeFailed),
);
