import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processSingleton } from "@/lib/server/singleton";

// The console's Prometheus metrics (GET /api/metrics). One registry per process, kept with
// processSingleton: Next may load this module once per route bundle, and a counter in one copy
// would never be seen by the route that reads another.

export type UpstreamErrorKind = "timeout" | "refused" | "unavailable" | "rejected" | "bad_response";

function makeMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    pushes: new Counter({
      name: "chuanbo_pushes_total",
      help: "Pushes by channel (app, sms, voice) and outcome (sent, failed, unknown), test sends included (test=true).",
      labelNames: ["channel", "outcome", "test"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "chuanbo_upstream_duration_seconds",
      help: "Upstream calls to the vendor, each attempt, by action; its _count is the number of calls.",
      labelNames: ["action"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    upstreamErrors: new Counter({
      name: "chuanbo_upstream_errors_total",
      help: "Upstream calls that failed, by action and kind (timeout, refused, unavailable, rejected, bad_response).",
      labelNames: ["action", "kind"] as const,
      registers,
    }),
    awaitingApproval: new Gauge({
      name: "chuanbo_pushes_awaiting_approval",
      help: "Pushes waiting for a supervisor's decision.",
      registers,
    }),
    scheduledNextHour: new Gauge({
      name: "chuanbo_pushes_scheduled_next_hour",
      help: "Scheduled pushes due within the next hour (overdue ones still waiting included).",
      registers,
    }),
    groupIndexAge: new Gauge({
      name: "chuanbo_group_index_age_seconds",
      help: "Seconds since the group index was fetched from the vendor; absent before the first fetch.",
      registers,
    }),
    groupIndexSize: new Gauge({
      name: "chuanbo_group_index_groups",
      help: "Groups in the group index.",
      registers,
    }),
    signInFailures: new Counter({
      name: "chuanbo_sign_in_failures_total",
      help: "Refused sign-ins by reason (password: wrong name or password; rate_limited; account_limited; other).",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
}

export const metrics = () => processSingleton("metrics", makeMetrics);

const CHANNELS: Record<number, string> = { 1: "app", 2: "sms", 3: "voice" };
export const channelOf = (notifyWay: number): string => CHANNELS[notifyWay] ?? String(notifyWay);
