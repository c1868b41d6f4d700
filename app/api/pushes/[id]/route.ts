import { apiError } from "@/lib/server/http";
import { withGroups } from "@/lib/server/pushes/group-refs";
import { reschedulePush } from "@/lib/server/pushes/schedule";
import { pushStore } from "@/lib/server/pushes/store";
import { route } from "@/lib/server/route";
import { pushRequestSchema, splitSendTime } from "@/lib/validations/send-time";

export const dynamic = "force-dynamic";

export const GET = route({ need: "read" }, async ({ params }) => {
  const record = await pushStore().get(params.id!);
  return record
    ? (await withGroups([record]))[0]!
    : apiError(404, "not_found", "没有找到这条推送记录，它可能不是从这个控制台发出的。请回到推送记录列表查看。");
});

/** 修改定时推送: its author changes content and time while it waits (same record, audited). */
export const PATCH = route({ need: "send", body: pushRequestSchema }, ({ params, body, actor }) =>
  reschedulePush(params.id!, splitSendTime(body), actor),
);
