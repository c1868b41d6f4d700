import { serverConfig } from "@/lib/server/config";
import { route } from "@/lib/server/route";

// Liveness: the process answers. No upstream call (that is /api/ready), so anyone may ask as often as they like.

export const dynamic = "force-dynamic";

export const GET = route({ need: "public" }, () => ({ ok: true, upstream: serverConfig().upstream.mode }));
