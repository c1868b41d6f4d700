import { publicOptions } from "@/lib/server/options";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read" }, () => publicOptions());
