import { request as httpRequest } from "node:http";

// HTTP from a chosen loopback address (127.0.0.2, 127.0.0.3, …: all of 127/8 is this machine on
// Linux), so a test can be two different callers, one forging X-Forwarded-For, to one console.

export type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
};

export function call(
  url: string,
  {
    method = "GET",
    from = "127.0.0.1",
    headers = {},
    body,
  }: { method?: string; from?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        localAddress: from,
        // With its length: Node frames a DELETE's body neither as chunks nor by a length of its own.
        headers: {
          ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Signs in and returns the session's Cookie header value. */
export async function signIn(url: string, username: string, password: string, from = "127.0.0.1"): Promise<string> {
  const answer = await call(`${url}/api/auth/sign-in/username`, { method: "POST", from, body: { username, password } });
  if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${answer.status} ${answer.text}`);
  const cookies = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  return cookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

type Entry = { actor: string | null; ip: string | null; action: string; target: string | null; details: Record<string, unknown> };

/** The audit log's entries for a query, read as an admin (cookie from signIn). */
export async function audit(url: string, adminCookie: string, query: string): Promise<Entry[]> {
  const answer = await call(`${url}/api/audit?${query}`, { headers: { cookie: adminCookie } });
  if (answer.status !== 200) throw new Error(`audit read failed: ${answer.status} ${answer.text}`);
  return answer.json().records as Entry[];
}
