import { createUserRoute, listUsersRoute } from "@/lib/server/auth/admin-routes";
import { withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withErrors(() => listUsersRoute(request));
}

export function POST(request: Request) {
  return withErrors(() => createUserRoute(request));
}
