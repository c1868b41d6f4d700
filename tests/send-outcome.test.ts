import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/fetch-json";
import { outcomeOf } from "@/lib/pushes/send-push";

// What a failed send means for the push: "failed" only when it surely did not go out, so a retry
// may take a fresh key; everything else is "unknown" (the composer then warns before a second push).
// A 201 (sent) and a 202 (held for approval) are answers, not errors: the composer's test covers them.

const api = (status: number, code: string, push?: { id?: string; status?: string }) =>
  new ApiError(status, code, "消息", {}, undefined, undefined, push);

describe("outcomeOf", () => {
  it("believes the push record's own status over the HTTP status and the code", () => {
    const table: Array<[ApiError, "failed" | "unknown"]> = [
      [api(504, "upstream_timeout", { id: "p-1", status: "failed" }), "failed"],
      [api(500, "internal", { status: "failed" }), "failed"],
      [api(502, "upstream_rejected", { id: "p-1", status: "unknown" }), "unknown"],
      [api(400, "invalid_request", { id: "p-1", status: "unknown" }), "unknown"],
      [api(422, "reach_exceeded", { status: "pending" }), "unknown"],
      [api(502, "upstream_rejected", { id: "p-1", status: "pending" }), "unknown"],
    ];
    for (const [error, outcome] of table) expect(outcomeOf(error), `${error.status} ${error.code} ${error.push?.status}`).toBe(outcome);
  });

  it("counts a refusal that sent nothing as failed, whatever its status", () => {
    const table: Array<[number, string]> = [
      [502, "upstream_rejected"], // the vendor said code != 0
      [400, "invalid_request"],
      [422, "idempotency_mismatch"],
      [500, "upstream_rejected"],
    ];
    for (const [status, code] of table) expect(outcomeOf(api(status, code)), `${status} ${code}`).toBe("failed");
  });

  it("counts any other 4xx as failed, except 409 (the same key may still be sending)", () => {
    for (const [status, code] of [
      [400, "bad"],
      [401, "unauthenticated"],
      [403, "forbidden"],
      [404, "not_found"],
      [413, "payload_too_large"],
      [415, "unsupported_media_type"],
      [422, "reach_exceeded"],
      [429, "push_rate_limited"],
      [499, "unknown"],
    ] as const) {
      expect(outcomeOf(api(status, code)), `${status} ${code}`).toBe("failed");
    }
    expect(outcomeOf(api(409, "in_progress"))).toBe("unknown");
    expect(outcomeOf(api(409, "not_pending_approval"))).toBe("unknown");
  });

  it("counts a server error, a timeout, a lost connection and odd statuses as unknown", () => {
    for (const [status, code] of [
      [500, "internal"],
      [502, "upstream_bad_response"],
      [502, "upstream_unavailable"],
      [503, "unknown"],
      [504, "upstream_timeout"],
      [0, "network"],
      [200, "unknown"],
      [302, "unknown"],
      [399, "unknown"],
      [-1, "unknown"],
      [Number.NaN, "unknown"],
    ] as const) {
      expect(outcomeOf(api(status, code)), `${status} ${code}`).toBe("unknown");
    }
  });

  it("does not mistake a record status it does not know, or a look-alike code, for a verdict", () => {
    expect(outcomeOf(api(504, "upstream_timeout", { status: "FAILED" }))).toBe("unknown");
    expect(outcomeOf(api(504, "upstream_timeout", { status: "sent" }))).toBe("unknown");
    expect(outcomeOf(api(504, "upstream_timeout", { id: "p-1" }))).toBe("unknown");
    expect(outcomeOf(api(502, "Upstream_Rejected"))).toBe("unknown");
    expect(outcomeOf(api(502, " upstream_rejected"))).toBe("unknown");
    expect(outcomeOf(api(403, "forbidden", { status: "rejected" }))).toBe("failed");
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
