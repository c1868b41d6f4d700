import { describe, expect, it } from "vitest";
import { tokenMatches } from "@/lib/server/metrics-scrape";

// Who may read GET /api/metrics: exactly "Bearer <METRICS_TOKEN>".

const TOKEN = "metrics-token-0123456789";

describe("the metrics token", () => {
  it("accepts the configured token as a bearer token (the scheme in any case)", () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    [null],
    [""],
    ["Bearer"],
    ["Bearer "],
    [TOKEN],
    [`Basic ${TOKEN}`],
    [`Bearer ${TOKEN} `],
    [`Bearer  ${TOKEN}`],
    [`Bearer ${TOKEN}x`],
    [`Bearer ${TOKEN.slice(0, -1)}`],
    [`Bearer ${TOKEN.toUpperCase()}`],
    [`Bearer ${TOKEN}\n`],
  ])("refuses %j", (header) => {
    expect(tokenMatches(header, TOKEN)).toBe(false);
  });
});
