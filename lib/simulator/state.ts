import "server-only";
import * as z from "zod/mini";
import { processSingleton, resetProcessSingleton } from "@/lib/server/singleton";
import { generateGroups, type SimGroup } from "@/lib/simulator/data";

// The simulator's memory: its groups, the pushes it received, and the faults it was told to play.
// Kept on globalThis so every route bundle of the one server process sees the same state.

export const SIM_ACTIONS = ["group_list", "push_create"] as const;
export type SimAction = (typeof SIM_ACTIONS)[number];

export const faultSchema = z.object({
  /** code: HTTP 200 with code != 0; http_500: a plain 500; html: a gateway's HTML error page;
   *  bad_json: cut-off JSON; bad_shape: code 0 with data that is not the contract; hang: no answer. */
  kind: z.enum(["code", "http_500", "html", "bad_json", "bad_shape", "hang"]),
  action: z.optional(z.enum(SIM_ACTIONS)),
  /** How many matching requests it applies to; absent: until cleared. */
  times: z.optional(z.number().check(z.int(), z.positive())),
  code: z.optional(z.number().check(z.int())),
  message: z.optional(z.string()),
});
export type Fault = z.output<typeof faultSchema>;

export const controlSchema = z.object({
  reset: z.optional(z.boolean()),
  latencyMs: z.optional(z.number().check(z.int(), z.gte(0), z.lte(60_000))),
  groupCount: z.optional(z.number().check(z.int(), z.gte(0), z.lte(50_000))),
  faults: z.optional(z.array(faultSchema)),
  clearPushes: z.optional(z.boolean()),
});
export type Control = z.output<typeof controlSchema>;

export type ReceivedPush = {
  receivedAt: string;
  requestId: string | null;
  accepted: boolean;
  message: string;
  /** Every form field as received, in order, except connectNo (a credential is never kept). */
  fields: Array<[string, string]>;
};

export type SimState = {
  groups: SimGroup[];
  latencyMs: number;
  faults: Fault[];
  pushes: ReceivedPush[];
  requests: { group_list: number; push_create: number };
};

/** What GET and POST /simulator/control answer: tests and benchmarks read it. */
export type ControlSummary = Pick<SimState, "latencyMs" | "faults" | "requests" | "pushes"> & { groupCount: number };

export const DEFAULT_GROUP_COUNT = 100;

function fresh(): SimState {
  return {
    groups: generateGroups(DEFAULT_GROUP_COUNT),
    latencyMs: 0,
    faults: [],
    pushes: [],
    requests: { group_list: 0, push_create: 0 },
  };
}

export const simState = (): SimState => processSingleton("simulator", fresh);

export function applyControl(control: Control): SimState {
  if (control.reset) resetProcessSingleton("simulator");
  const state = simState();
  if (control.latencyMs !== undefined) state.latencyMs = control.latencyMs;
  if (control.groupCount !== undefined) state.groups = generateGroups(control.groupCount);
  if (control.faults !== undefined) state.faults = control.faults;
  if (control.clearPushes) state.pushes = [];
  return state;
}

/** The fault this request meets, if any, counting down the ones that apply a number of times. */
export function takeFault(action: SimAction): Fault | undefined {
  const state = simState();
  const index = state.faults.findIndex((f) => f.action === undefined || f.action === action);
  const fault = state.faults[index];
  if (!fault) return undefined;
  if (fault.times !== undefined) {
    if (fault.times <= 1) state.faults.splice(index, 1);
    else fault.times -= 1;
  }
  return fault;
}
