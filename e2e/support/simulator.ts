import type { Control, ControlSummary, Fault } from "../../lib/simulator/state";
import type { APIRequestContext } from "@playwright/test";

// Drives the simulator's control endpoint: on the simulator console (the tests' baseURL, through a
// request context), or on a console of a test's own (startConsole), by its address.
// The types are the simulator's own, so a test cannot drift from what the endpoint takes and answers.

export type SimFault = Fault;
/** The simulator's state: its requests by action, and every push it received, in order. */
export type SimSummary = ControlSummary;

type Console = APIRequestContext | string;

async function call(on: Console, body?: Control): Promise<SimSummary> {
  const [status, text] =
    typeof on === "string"
      ? await fetch(`${on}/simulator/control`, {
          method: body ? "POST" : "GET",
          headers: { "content-type": "application/json" },
          body: body && JSON.stringify(body),
        }).then(async (response) => [response.ok ? 200 : response.status, await response.text()] as const)
      : await (body ? on.post("/simulator/control", { data: body }) : on.get("/simulator/control")).then(
          async (response) => [response.ok() ? 200 : response.status(), await response.text()] as const,
        );
  if (status !== 200) throw new Error(`simulator ${body ? "control" : "state"} failed: ${status} ${text}`);
  return JSON.parse(text) as SimSummary;
}

export const controlSimulator = (on: Console, body: Control): Promise<SimSummary> => call(on, body);

export const simulatorState = (on: Console): Promise<SimSummary> => call(on);
