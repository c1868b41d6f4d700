import type { APIRequestContext } from "@playwright/test";

// Drives the simulator's control endpoint (on the simulator console, the tests' baseURL).

export type SimFault = {
  kind: "code" | "http_500" | "html" | "bad_json" | "bad_shape" | "hang";
  action?: "group_list" | "push_create";
  times?: number;
  code?: number;
  message?: string;
};

export type SimSummary = {
  latencyMs: number;
  groupCount: number;
  requests: { group_list: number; push_create: number };
  pushes: Array<{ requestId: string | null; accepted: boolean; message: string; fields: Array<[string, string]> }>;
};

export async function controlSimulator(
  request: APIRequestContext,
  body: { reset?: boolean; latencyMs?: number; groupCount?: number; faults?: SimFault[]; clearPushes?: boolean },
): Promise<SimSummary> {
  const response = await request.post("/simulator/control", { data: body });
  if (!response.ok()) throw new Error(`simulator control failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as SimSummary;
}

export async function simulatorState(request: APIRequestContext): Promise<SimSummary> {
  return (await (await request.get("/simulator/control")).json()) as SimSummary;
}
