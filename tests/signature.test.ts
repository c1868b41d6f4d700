import { describe, expect, it } from "vitest";
import { canonicalParams, sign, stringToSign } from "@/lib/server/signature";

// Expected digests were computed outside this code, with
//   printf '<string-to-sign>' | openssl dgst -sha256 -hmac 'secret-key'

const base = {
  timestamp: "1725870195030",
  requestId: "934f972e-aa53-4fd9-9d92-6bbe2d321b08",
};

describe("x-signature", () => {
  it("signs a group_list call over method, path, timestamp, request id, tenant and sorted params", () => {
    const input = {
      ...base,
      method: "GET",
      path: "/openapi/chuanbo/group_list",
      tenantId: "6",
      params: [
        ["connectNo", "e000b5743a866438"],
        ["size", "5"],
        ["current", "1"],
      ] as const,
    };
    expect(stringToSign(input)).toBe(
      "GET\n/openapi/chuanbo/group_list\n1725870195030\n934f972e-aa53-4fd9-9d92-6bbe2d321b08\n6\nconnectNo=e000b5743a866438&current=1&size=5",
    );
    expect(sign("secret-key", input)).toBe("f388eb1ea032f8f1eba2b72cd1ab9d6603c9f24505d3edacfdd421cd03faa803");
  });

  it("percent-encodes UTF-8 and RFC 3986 reserved characters, and leaves the tenant line empty when there is none", () => {
    const input = {
      ...base,
      method: "post",
      path: "/openapi/chuanbo/push_create",
      tenantId: undefined,
      params: [
        ["name", "gateway-系统通知"],
        ["connectNo", "e000b5743a866438"],
        ["notify_way", "1"],
        ["chuanbo_group", "123,144"],
        ["push_title", "1111"],
        ["push_content", "a b!()*'"],
      ] as const,
    };
    expect(sign("secret-key", input)).toBe("4e7fe6ca4c88d840c34d1b9bb3072f4e7d8233aafb636f4ac8ccaacb4de92002");
  });

  it("orders repeated names by value, so the same parameters always give the same string", () => {
    expect(
      canonicalParams([
        ["b", "2"],
        ["a", "9"],
        ["b", "1"],
      ]),
    ).toBe("a=9&b=1&b=2");
  });

  it("changes with the secret", () => {
    const input = { ...base, method: "GET", path: "/p", tenantId: undefined, params: [] };
    expect(sign("one", input)).not.toBe(sign("two", input));
    expect(sign("one", input)).toMatch(/^[0-9a-f]{64}$/);
  });
});
