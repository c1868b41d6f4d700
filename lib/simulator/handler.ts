import "server-only";
import * as z from "zod/mini";
import { fromWireFields } from "@/lib/chuanbo/wire";
import { serverConfig } from "@/lib/server/config";
import { withinBodyLimit } from "@/lib/server/http";
import { options } from "@/lib/server/options";
import { simState, takeFault, type Fault, type SimAction } from "@/lib/simulator/state";
import { vendorPushSchema } from "@/lib/validations/push";

// The vendor's two calls, as its page describes them, for when no real upstream is configured.
// Strict on purpose: what the vendor would refuse, this refuses, with a Chinese message and code != 0.

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json;charset=UTF-8" } });

const fail = (code: number, message: string) => json({ code, message });

const CODE_BAD_PARAM = 10001;
const CODE_BAD_CREDENTIAL = 10401;
const CODE_NOT_FOUND = 10404;

const delay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

async function playFault(fault: Fault, signal: AbortSignal): Promise<Response> {
  switch (fault.kind) {
    case "code":
      return fail(fault.code ?? 50001, fault.message ?? "系统繁忙，请稍后再试");
    case "http_500":
      return new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain" } });
    case "html":
      return new Response(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
        { status: 502, headers: { "content-type": "text/html" } },
      );
    case "bad_json":
      return new Response('{"code":0,"message":"success","data":{"list":{"records":[{"id":', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    case "bad_shape":
      return json({ code: 0, message: "success", data: { list: { rows: [] } } });
    case "hang":
      // No answer at all: hold the request until the caller gives up (or ten minutes pass).
      await delay(600_000, signal);
      return new Response(null, { status: 504 });
  }
}

function checkConnectNo(connectNo: string | null) {
  if (!connectNo) return fail(CODE_BAD_CREDENTIAL, "缺少 connectNo");
  if (connectNo !== serverConfig().upstream.connectNo) return fail(CODE_BAD_CREDENTIAL, "connectNo 无效，请核对线下获取的 connectNo");
  return undefined;
}

function intParam(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === "") return fallback;
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

function groupList(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const denied = checkConnectNo(params.get("connectNo"));
  if (denied) return denied;
  const size = intParam(params.get("size"), 10);
  const current = intParam(params.get("current"), 1);
  if (size === undefined || size > 1000) return fail(CODE_BAD_PARAM, "size 参数错误，应为 1 到 1000 的整数");
  if (current === undefined) return fail(CODE_BAD_PARAM, "current 参数错误，应为不小于 1 的整数");
  const { groups } = simState();
  const records = groups.slice((current - 1) * size, current * size);
  return json({
    code: 0,
    message: "success",
    data: { list: { records, total: groups.length, size, current, pages: Math.ceil(groups.length / size) } },
  });
}

async function pushCreate(request: Request): Promise<Response> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return fail(CODE_BAD_PARAM, "请求须为 multipart/form-data 表单");
  }
  // Open to anyone while the simulator is in use: read within the same size limit as every route.
  const limited = await withinBodyLimit(request);
  if (limited instanceof Response) return limited;
  let form: FormData;
  try {
    form = await limited.formData();
  } catch {
    return fail(CODE_BAD_PARAM, "表单无法解析");
  }
  const fields: Array<[string, string]> = [];
  const byName = new Map<string, string>();
  for (const [name, value] of form) {
    if (typeof value !== "string") return fail(CODE_BAD_PARAM, `${name} 不应是文件`);
    if (name === "connectNo") continue;
    fields.push([name, value]);
    byName.set(name, value);
  }
  const record = (accepted: boolean, message: string) =>
    simState().pushes.push({
      receivedAt: new Date().toISOString(),
      requestId: request.headers.get("x-request-id"),
      accepted,
      message,
      fields,
    });

  const denied = checkConnectNo(typeof form.get("connectNo") === "string" ? (form.get("connectNo") as string) : null);
  if (denied) {
    record(false, "connectNo 无效");
    return denied;
  }
  const parsed = z.safeParse(vendorPushSchema, fromWireFields(byName));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "参数错误";
    record(false, message);
    return fail(CODE_BAD_PARAM, message);
  }
  const push = parsed.data;
  const known = options();
  const unknownId = (list: Array<{ id: number }>, id: number | undefined) => id !== undefined && !list.some((x) => x.id === id);
  const problem = unknownId(known.sections, push.section_id)
    ? `部门 ${push.section_id} 不存在`
    : unknownId(known.types, push.chuanbo_type_id)
      ? `消息类型 ${push.chuanbo_type_id} 不存在`
      : unknownId(known.directives, push.chuanbo_directive_id)
        ? `传播指令 ${push.chuanbo_directive_id} 不存在`
        : push.notify_way === 2 && unknownId(known.smsSignatures, push.msg_sign_id)
          ? `短信签名 ${push.msg_sign_id} 不存在或未审核通过`
          : missingGroup(push.chuanbo_group);
  if (problem) {
    record(false, problem);
    return fail(CODE_NOT_FOUND, problem);
  }
  record(true, "success");
  return json({ code: 0, message: "success" });
}

function missingGroup(ids: number[]): string | undefined {
  const known = new Set(simState().groups.map((g) => g.id));
  const missing = ids.filter((id) => !known.has(id));
  return missing.length > 0 ? `用户组 ${missing.join("、")} 不存在` : undefined;
}

export async function handleVendorRequest(action: string, request: Request): Promise<Response> {
  if (action !== "group_list" && action !== "push_create") return new Response("Not Found", { status: 404 });
  const expected = action === "group_list" ? "GET" : "POST";
  if (request.method !== expected) return new Response("Method Not Allowed", { status: 405 });
  const state = simState();
  state.requests[action as SimAction] += 1;
  await delay(state.latencyMs, request.signal);
  const fault = takeFault(action);
  if (fault) return playFault(fault, request.signal);
  return action === "group_list" ? groupList(request) : pushCreate(request);
}
