import { describe, expect, it } from "vitest";
import { SSO_FAILED, ssoFailureMessage } from "@/lib/auth/sso-errors";

describe("ssoFailureMessage", () => {
  it.each([
    ["failed", "BANNED_USER", "这个账号已被停用。如需恢复，请联系管理员。"],
    ["failed", "state_mismatch", "已失效、已用过或被改动"],
    ["failed", "state_not_found", "已失效、已用过或被改动"],
    ["failed", "state_security_mismatch", "已失效、已用过或被改动"],
    ["failed", "account_not_linked", "邮箱已属于控制台的另一个账号"],
    ["failed", "USERNAME_IS_ALREADY_TAKEN", "用户名已被控制台的另一个账号使用"],
    ["failed", "access_denied", "没有授权"],
    ["failed", "email_not_found", "email 范围"],
    [undefined, "BANNED_USER", "这个账号已被停用"],
  ])("sso=%s error=%s names the cause", (sso, error, words) => {
    expect(ssoFailureMessage(sso, error)).toContain(words);
  });

  it.each([
    ["failed", undefined],
    ["failed", "unable_to_create_user"],
    ["failed", "internal_server_error"],
    // Inherited names are not codes of ours.
    ["failed", "constructor"],
    ["failed", "__proto__"],
    ["failed", "toString"],
    // Arrays (?error=a&error=b) and hostile text get the general words, never the text itself.
    ["failed", ["BANNED_USER", "x"]],
    [undefined, "<script>alert(1)</script>"],
    [undefined, "你的账号已被盗，请拨打 400-000-0000"],
  ])("sso=%j error=%j gets the general message", (sso, error) => {
    expect(ssoFailureMessage(sso, error)).toBe(SSO_FAILED);
  });

  it.each([
    [undefined, undefined],
    ["", undefined],
    ["ok", undefined],
    ["FAILED", undefined],
    [["failed", "failed"], undefined],
  ])("sso=%j without an error says nothing", (sso, error) => {
    expect(ssoFailureMessage(sso, error)).toBeNull();
  });

  it("reads as the conventions ask: full-width punctuation, no exclamation marks", () => {
    for (const code of ["BANNED_USER", "state_mismatch", "account_not_linked", "USERNAME_IS_ALREADY_TAKEN", "email_not_found", "x"]) {
      const message = ssoFailureMessage("failed", code)!;
      expect(message).not.toMatch(/[!！,;:?]/);
      expect(message.endsWith("。")).toBe(true);
    }
  });
});
