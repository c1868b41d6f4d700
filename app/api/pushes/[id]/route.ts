import { apiError } from "@/lib/server/http";
import { pushDetail } from "@/lib/server/pushes/detail";
import { reschedulePush } from "@/lib/server/pushes/schedule";
import { route } from "@/lib/server/route";
import { pushRequestSchema, splitSendTime } from "@/lib/validations/send-time";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read" }, async ({ params }) => {
  const record = await pushDetail(params.id!);
  return record ?? apiError(404, "not_found", "没有找到这条推送记录，它可能不是从这个控制台发出的。请回到推送记录列表查看。");
});

/** 修改定时推送: its author changes content and time while it waits (same record, audited). */
export const PATCH = route({ need: "send", body: pushRequestSchema }, ({ params, body, actor }) =>
  reschedulePush(params.id!, splitSendTime(body), actor),
);
