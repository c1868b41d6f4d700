import { fetchJson } from "@/lib/api/fetch-json";

/** A state-changing call: JSON, as every such route requires (and a cross-site form cannot send). */
export function sendJson<T>(method: "POST" | "PATCH", url: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
