import type { Control, ControlSummary, Fault } from "../../lib/simulator/state";
import type { APIRequestContext } from "@playwright/test";

// Drives the simulator's control endpoint (on the simulator console, the tests' baseURL).
// The types are the simulator's own, so a test cannot drift from what the endpoint takes and answers.

export type SimFault = Fault;
/** The simulator's state: its requests by action, and every push it received, in order. */
export type SimSummary = ControlSummary;

export async function controlSimulator(request: APIRequestContext, body: Control): Promise<SimSummary> {
  const response = await request.post("/simulator/control", { data: body });
  if (!response.ok()) throw new Error(`simulator control failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as SimSummary;
}

export async function simulatorState(request: APIRequestContext): Promise<SimSummary> {
  const response = await request.get("/simulator/control");
  if (!response.ok()) throw new Error(`simulator state failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as SimSummary;
}
