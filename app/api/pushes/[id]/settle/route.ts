import { settlePush } from "@/lib/server/pushes/follow-up";
import { route } from "@/lib/server/route";
import { settleSchema } from "@/lib/validations/settle";

export const dynamic = "force-dynamic";

/** 核实结果不明: `{ outcome: "sent" | "not_sent", note }`; answers with the updated record. */
export const POST = route({ need: "settle", body: settleSchema }, ({ params, body, actor, user }) =>
  settlePush(params.id!, body, actor, user.roles),
);
