import { request as httpRequest } from "node:http";

// A POST without Content-Length (Transfer-Encoding: chunked), which fetch and Playwright cannot send:
// the body arrives in pieces and only counting them can stop it.

export async function chunkedPost(
  url: string,
  headers: Record<string, string>,
  body: string,
  piece = 8 * 1024,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    // A connection of its own (agent: false): after an early answer the server may still be draining
    // the rest of the body, and a request queued behind it on a kept-alive socket would wait.
    const req = httpRequest(url, { method: "POST", agent: false, headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // A server that answers early may close the connection while pieces are still going out.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const bytes = Buffer.from(body);
    const writeFrom = (offset: number) => {
      if (answered || offset >= bytes.length) return req.end();
      req.write(bytes.subarray(offset, offset + piece), () => setImmediate(() => writeFrom(offset + piece)));
    };
    writeFrom(0);
  });
}
