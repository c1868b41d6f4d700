import { handlePushRequest, testPushSchema } from "@/lib/server/pushes/send";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** 发送到测试组: the same push, to the options file's test group alone, recorded as a test. */
export const POST = route({ need: "send", body: testPushSchema }, ({ request, body, actor }) =>
  handlePushRequest(request, { push: body, test: true, actor }),
);
