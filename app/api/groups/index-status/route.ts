import { groupIndexStatus } from "@/lib/server/group-index";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** What the group index holds and how far its crawl has come (the groups page shows the first one's progress). */
export const GET = route({ need: "read" }, () => groupIndexStatus());
