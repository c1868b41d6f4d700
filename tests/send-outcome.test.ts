import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/fetch-json";
import { outcomeOf } from "@/lib/pushes/send-push";

// What a failed send means for the push: "failed" only when it surely did not go out, so a retry
// may take a fresh key; everything else is "unknown" (the composer then warns before a second push).
// A 201 (sent) and a 202 (held for approval) are answers, not errors: the composer's test covers them.

type Row = [status: number, code: string, record: string | undefined, outcome: "failed" | "unknown"];

const table: Row[] = [
  // The push record's own status wins over the HTTP status and the code.
  [504, "upstream_timeout", "failed", "failed"],
  [500, "internal", "failed", "failed"],
  [502, "upstream_rejected", "unknown", "unknown"],
  [400, "invalid_request", "unknown", "unknown"],
  [422, "reach_exceeded", "pending", "unknown"],
  [502, "upstream_rejected", "pending", "unknown"],
  // A refusal that sent nothing, whatever its status.
  [502, "upstream_rejected", undefined, "failed"],
  [500, "upstream_rejected", undefined, "failed"],
  [400, "invalid_request", undefined, "failed"],
  [422, "idempotency_mismatch", undefined, "failed"],
  [500, "invalid_request", undefined, "failed"],
  [500, "idempotency_mismatch", undefined, "failed"],
  // Any other 4xx: the console refused before sending.
  [400, "bad", undefined, "failed"],
  [401, "unauthenticated", undefined, "failed"],
  [403, "forbidden", undefined, "failed"],
  [404, "not_found", undefined, "failed"],
  [413, "payload_too_large", undefined, "failed"],
  [415, "unsupported_media_type", undefined, "failed"],
  [422, "reach_exceeded", undefined, "failed"],
  [429, "push_rate_limited", undefined, "failed"],
  [499, "unknown", undefined, "failed"],
  // But 409: the same key may still be sending.
  [409, "in_progress", undefined, "unknown"],
  [409, "not_pending_approval", undefined, "unknown"],
  // A server error, a timeout, a lost connection, odd statuses.
  [500, "internal", undefined, "unknown"],
  [502, "upstream_bad_response", undefined, "unknown"],
  [502, "upstream_unavailable", undefined, "unknown"],
  [503, "unknown", undefined, "unknown"],
  [504, "upstream_timeout", undefined, "unknown"],
  [0, "network", undefined, "unknown"],
  [200, "unknown", undefined, "unknown"],
  [302, "unknown", undefined, "unknown"],
  [399, "unknown", undefined, "unknown"],
  [-1, "unknown", undefined, "unknown"],
  [Number.NaN, "unknown", undefined, "unknown"],
  // A record status it does not know, or a look-alike code, is no verdict.
  [504, "upstream_timeout", "FAILED", "unknown"],
  [504, "upstream_timeout", "sent", "unknown"],
  [502, "Upstream_Rejected", undefined, "unknown"],
  [502, " upstream_rejected", undefined, "unknown"],
  [403, "forbidden", "rejected", "failed"],
];

describe("outcomeOf", () => {
  it.each(table)("HTTP %s %j, record %j: %s", (status, code, record, outcome) => {
    const push = record === undefined ? undefined : { id: "p-1", status: record };
    expect(outcomeOf(new ApiError(status, code, "消息", {}, undefined, undefined, push))).toBe(outcome);
  });

  it("reads a record without a status by the rest", () => {
    expect(outcomeOf(new ApiError(504, "upstream_timeout", "消息", {}, undefined, undefined, { id: "p-1" }))).toBe("unknown");
    expect(outcomeOf(new ApiError(422, "reach_exceeded", "消息", {}, undefined, undefined, { id: "p-1" }))).toBe("failed");
  });

  it("counts anything that is not the console's answer as unknown", () => {
    const lookAlike = { name: "ApiError", status: 400, code: "invalid_request", message: "x", push: { status: "failed" } };
    for (const error of [
      new TypeError("Failed to fetch"),
      new DOMException("aborted", "AbortError"),
      lookAlike,
      "failed",
      400,
      null,
      undefined,
    ]) {
      expect(outcomeOf(error), String(error)).toBe("unknown");
    }
  });
});
