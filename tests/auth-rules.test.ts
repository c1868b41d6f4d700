import { describe, expect, it } from "vitest";
import { can, formatRoles, parseRoles } from "@/lib/auth/roles";
import { AccessError } from "@/lib/server/auth/errors";
import { assertSameOrigin } from "@/lib/server/auth/same-origin";

describe("roles", () => {
  it("reads better-auth's comma-separated role string, dropping unknown names", () => {
    expect(parseRoles("editor,supervisor")).toEqual(["supervisor", "editor"]);
    expect(parseRoles(" admin , user")).toEqual(["admin"]);
    expect(parseRoles(null)).toEqual([]);
    expect(formatRoles(["editor", "supervisor"])).toBe("supervisor,editor");
  });

  it("keeps sending and approving apart; every role may browse", () => {
    expect(can(["supervisor"], "send")).toBe(false);
    expect(can(["supervisor"], "approve")).toBe(true);
    expect(can(["editor"], "approve")).toBe(false);
    expect(can(["admin"], "send")).toBe(false);
    expect(can(["admin"], "browse")).toBe(true);
    expect(can([], "browse")).toBe(false);
    expect(can(["editor", "supervisor"], "approve")).toBe(true);
  });
});

describe("the same-origin rule for state-changing requests", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/pushes", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });
  const refusal = (request: Request, publicUrl?: string) => {
    try {
      assertSameOrigin(request, publicUrl);
      return null;
    } catch (error) {
      return error instanceof AccessError ? error.status : error;
    }
  };
  const json = { "content-type": "application/json" };

  it("lets a script (no Origin, no Sec-Fetch-Site) and a same-origin page through", () => {
    expect(refusal(post(json))).toBeNull();
    expect(refusal(post({ ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refusal(new Request("http://127.0.0.1:3000/api/groups"))).toBeNull();
  });

  it("refuses another site's page, a form post, and a non-JSON body", () => {
    expect(refusal(post({ ...json, origin: "https://evil.example" }))).toBe(403);
    expect(refusal(post({ ...json, "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(refusal(post({ ...json, "sec-fetch-site": "same-site" }))).toBe(403);
    expect(refusal(post({ ...json, origin: "null" }))).toBe(403);
    expect(refusal(post({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }))).toBe(403);
    expect(refusal(post({ "content-type": "text/plain" }))).toBe(415);
  });

  it("accepts the configured public address behind a proxy", () => {
    expect(refusal(post({ ...json, origin: "https://chuanbo.example.com" }), "https://chuanbo.example.com")).toBeNull();
  });
});
