// A stand-in for the vendor written from its page alone, independent of the console's simulator:
// the console is pointed at it to prove what goes over the wire. It records every request and
// answers as the page says, unless told (POST /__script) to misbehave for the next requests.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 3299);
const connectNo = process.argv[3] ?? "";
let requests = [];
// [{ kind: "code" | "echo" | "html" | "hang" | "reset" | "slow", action?: "group_list" | "push_create", code?, message?, ms? }]
// echo: code != 0 with a message that repeats the connectNo it was sent, as a careless vendor might.
// slow: answers as usual, ms (500) later.
let script = [];

const group = (id) => ({
  id: String(id),
  title: `外部用户组${id}`,
  type: "2",
  department: "外部部门",
  status: "1",
  operate_time: "2024-06-06 15:19:04",
  operator: "demo6",
  extra_field: "ignored",
  tags: [
    {
      created_at: 1718075918000,
      created_by: "x",
      updated_at: 1718075918000,
      updated_by: "x",
      group_id: id,
      tag_code: "work_unit",
      tag_name: "工作单位",
      tenant_id: 6,
      relational_symbols: "value",
      value1: "太平街道",
    },
  ],
  ...(id % 2 === 0 ? { pnum: id * 10 } : {}),
});

async function readForm(req, body) {
  const request = new Request("http://vendor.invalid/", { method: "POST", headers: req.headers, body });
  const fields = [];
  for (const [name, value] of await request.formData()) fields.push([name, String(value)]);
  return fields;
}

const send = (res, status, body, type = "application/json") => {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);

  if (url.pathname === "/__requests") {
    if (req.method === "DELETE") {
      requests = [];
      script = [];
      return send(res, 200, { ok: true });
    }
    return send(res, 200, requests);
  }
  if (url.pathname === "/__script") {
    script = JSON.parse(body.toString() || "[]");
    return send(res, 200, { ok: true });
  }

  const fields = req.headers["content-type"]?.startsWith("multipart/form-data") ? await readForm(req, body) : [];
  requests.push({ method: req.method, path: url.pathname, query: [...url.searchParams], headers: req.headers, fields });

  const given = url.searchParams.get("connectNo") ?? fields.find(([n]) => n === "connectNo")?.[1];
  const index = script.findIndex((s) => !s.action || url.pathname.endsWith(`/${s.action}`));
  const step = index >= 0 ? script.splice(index, 1)[0] : undefined;
  if (step?.kind === "hang") return; // never answers
  if (step?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, step.ms ?? 500));
  if (step?.kind === "reset") return req.socket.destroy();
  if (step?.kind === "html") return send(res, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
  if (step?.kind === "code") return send(res, 200, { code: step.code ?? 500, message: step.message ?? "失败" });
  if (step?.kind === "echo") return send(res, 200, { code: step.code ?? 40003, message: `connectNo「${given}」无权调用 ${url.pathname}` });

  if (given !== connectNo) return send(res, 200, { code: 401, message: "connectNo 错误" });
  if (url.pathname === "/openapi/chuanbo/group_list" && req.method === "GET") {
    const size = Number(url.searchParams.get("size") ?? 10);
    const current = Number(url.searchParams.get("current") ?? 1);
    const total = 23;
    const ids = Array.from({ length: total }, (_, i) => 1000 + i).slice((current - 1) * size, current * size);
    return send(res, 200, {
      code: 0,
      message: "success",
      data: { list: { records: ids.map(group), total, size, current, pages: Math.ceil(total / size) } },
    });
  }
  if (url.pathname === "/openapi/chuanbo/push_create" && req.method === "POST") return send(res, 200, { code: 0, message: "success" });
  send(res, 404, "not found", "text/plain");
}).listen(port, "127.0.0.1", () => console.log(`fake vendor on ${port}`));
