import { handleAuthRequest } from "@/lib/server/auth/handler";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** better-auth's endpoints that the console uses (lib/server/auth/handler.ts says which). */
const auth = route({ need: "public", raw: true }, ({ request, text }) => handleAuthRequest(request, text));

export { auth as GET, auth as POST };
