import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/fetch-json";
import { worthRetrying } from "@/lib/query/query-client";

const failed = (status: number) => new ApiError(status, "x", "失败");

describe("worthRetrying (the browser's queries)", () => {
  it("asks again after the network or the server failed, three times at most", () => {
    for (const error of [failed(0), failed(500), failed(502), failed(503), failed(408), failed(429), new Error("other")]) {
      expect(worthRetrying(0, error)).toBe(true);
      expect(worthRetrying(2, error)).toBe(true);
      expect(worthRetrying(3, error)).toBe(false);
    }
  });

  it("shows at once what would be the same the next time: signed out, not allowed, not found, bad request", () => {
    for (const status of [400, 401, 403, 404, 409, 413]) expect(worthRetrying(0, failed(status))).toBe(false);
  });
});
