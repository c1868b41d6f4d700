import { handlePushRequest } from "@/lib/server/pushes/send";
import { pushStore } from "@/lib/server/pushes/store";
import { route } from "@/lib/server/route";
import { pushSchema } from "@/lib/validations/push";
import { pushListQuerySchema } from "@/lib/validations/push-record";

export const dynamic = "force-dynamic";

/** 创建推送: exactly once per Idempotency-Key, through the limits and the approval policy. */
export const POST = route({ need: "send", body: pushSchema }, ({ request, body, actor }) =>
  handlePushRequest(request, { push: body, test: false, actor }),
);

/** 推送记录: newest first, paged, filtered by channel and status. */
export const GET = route({ need: "read", query: pushListQuerySchema }, ({ query }) => pushStore().list(query));
