import { newUserSchema } from "@/lib/auth/user-schema";
import { route } from "@/lib/server/route";
import { created, createUser, listUsers, userChangeFailed } from "@/lib/server/users/users";

export const dynamic = "force-dynamic";

export const GET = route({ need: "admin" }, async () => ({ records: await listUsers() }));

export const POST = route({ need: "admin", body: newUserSchema }, ({ body, actor }) =>
  createUser(body, actor).then(created, userChangeFailed),
);
