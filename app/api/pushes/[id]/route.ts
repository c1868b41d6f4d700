import { apiError } from "@/lib/server/http";
import { pushStore } from "@/lib/server/pushes/store";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read" }, async ({ params }) => {
  const record = await pushStore().get(params.id!);
  return record ?? apiError(404, "not_found", "没有找到这条推送记录，它可能不是从这个控制台发出的。请回到推送记录列表查看。");
});
