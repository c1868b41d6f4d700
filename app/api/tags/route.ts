import * as z from "zod/mini";
import { tagIndex } from "@/lib/server/group-index";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ refresh: z.optional(z.enum(["0", "1"], { error: "refresh 只能是 1 或 0" })) });

/** Every tag in use across all groups, its distinct values with group counts, and the departments. */
export const GET = route({ need: "read", query: querySchema }, ({ query }) => tagIndex({ refresh: query.refresh === "1" }));
