import "server-only";
import http from "node:http";
import https from "node:https";

// How the upstream client puts a request on the wire: Node's http with kept-alive connections.
// Measured on loopback, undici's fetch cost about 2.5 ms more per call, and the console's share of
// every call is budgeted in milliseconds (bench/api-latency.mjs). No redirect is followed.

export type TransportRequest = { method: "GET" | "POST"; headers: Headers; body?: FormData; signal: AbortSignal };
export type TransportResponse = { status: number; text: string };
export type Transport = (url: URL, request: TransportRequest) => Promise<TransportResponse>;

const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

export const nodeTransport: Transport = async (url, { method, headers, body, signal }) => {
  const outgoing: Record<string, string> = Object.fromEntries(headers);
  let payload: Buffer | undefined;
  if (body) {
    // The platform's own multipart encoding, boundary and all.
    const encoded = new Response(body);
    payload = Buffer.from(await encoded.arrayBuffer());
    outgoing["content-type"] = encoded.headers.get("content-type") ?? "multipart/form-data";
    outgoing["content-length"] = String(payload.length);
  }
  const secure = url.protocol === "https:";
  return new Promise<TransportResponse>((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      { method, headers: outgoing, agent: secure ? agents.https : agents.http, signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
};
