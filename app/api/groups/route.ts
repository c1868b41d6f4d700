import { groupsApiQuerySchema, toGroupsParams } from "@/lib/groups/groups-api-schema";
import { groupsPage } from "@/lib/server/group-index";
import { jsonResponse } from "@/lib/server/http";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read", query: groupsApiQuerySchema }, async ({ query }) => {
  const { params, refresh } = toGroupsParams(query);
  const started = performance.now();
  const page = await groupsPage(params, { refresh });
  // Lets a person (and bench/) see the server's share of the time without a profiler.
  return jsonResponse(page, 200, { "server-timing": `groups;dur=${(performance.now() - started).toFixed(1)}` });
});
