import * as z from "zod/mini";
import { serverConfig } from "@/lib/server/config";
import { forgetGroupIndex } from "@/lib/server/group-index";
import { apiError, invalidRequest, jsonResponse, readJson } from "@/lib/server/http";
import { applyControl, controlSchema, simState, type ControlSummary, type SimState } from "@/lib/simulator/state";
import { fieldErrors } from "@/lib/validations/field-errors";

// Lets tests and benchmarks make the simulator misbehave, and read back what it received.

export const dynamic = "force-dynamic";

const notHere = () => apiError(404, "not_found", "模拟环境未启用。");

const summary = (state: SimState): ControlSummary => ({
  latencyMs: state.latencyMs,
  groupCount: state.groups.length,
  faults: state.faults,
  requests: state.requests,
  pushes: state.pushes,
});

export function GET() {
  if (serverConfig().upstream.mode !== "simulator") return notHere();
  return jsonResponse(summary(simState()));
}

export async function POST(request: Request) {
  if (serverConfig().upstream.mode !== "simulator") return notHere();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const control = z.safeParse(controlSchema, body.value);
  if (!control.success) return invalidRequest(fieldErrors(control.error));
  const state = applyControl(control.data);
  // New groups: the console's index of the old ones is stale, and a refresh must not wait out its interval.
  if (control.data.reset || control.data.groupCount !== undefined) await forgetGroupIndex();
  return jsonResponse(summary(state));
}
