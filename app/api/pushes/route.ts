import { listPushes } from "@/lib/server/pushes/list";
import { handlePushRequest } from "@/lib/server/pushes/send";
import { route } from "@/lib/server/route";
import { pushListQuerySchema } from "@/lib/validations/push-record";
import { pushRequestSchema, splitSendTime } from "@/lib/validations/send-time";

export const dynamic = "force-dynamic";

/** 创建推送: exactly once per Idempotency-Key, through 免打扰, the limits and the approval policy; now or at `scheduled_at`. */
export const POST = route({ need: "send", body: pushRequestSchema }, ({ request, body, actor }) => {
  const { push, sendTime } = splitSendTime(body);
  return handlePushRequest(request, { push, test: false, actor, sendTime });
});

/** 推送记录: newest first, paged; searched by words, filtered by channel, status, sender and days; groups by name. */
export const GET = route({ need: "read", query: pushListQuerySchema }, ({ query }) => listPushes(query));
