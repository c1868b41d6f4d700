import { describe, expect, it } from "vitest";
import { newUserSchema, passwordSchema, passwordSchemaFor, userPatchSchema, weakPasswordReason } from "@/lib/auth/user-schema";

const user = (password: unknown, username = "zhangsan") => ({ username, name: "张三", roles: ["editor"], password });
const passwordMessage = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.find((issue) => issue.path.join(".") === "password")?.message;

describe("a password an admin sets (form, route and CLI share the schema)", () => {
  it.each([
    ["1234567890", "全是数字"],
    ["138001380001", "全是数字"],
    ["aaaaaaaaaa", "同一个字符重复"],
    ["AAAAAAAAAAAA", "同一个字符重复"],
    ["----------", "同一个字符重复"],
    ["abcdefghijk", "连续的数字或字母"],
    ["ABCDEFGHIJ", "连续的数字或字母"],
    ["zyxwvutsrqp", "连续的数字或字母"],
    ["qwertyuiop", "连续的数字或字母"],
    ["asdfghjklz", "连续的数字或字母"],
    ["Password123", "最常见的密码"],
    ["woaini1314", "最常见的密码"],
    ["1qaz2wsx3edc", "最常见的密码"],
  ])("refuses %s (%s)", (password, reason) => {
    expect(weakPasswordReason(password)).toContain(reason);
    expect(passwordMessage(newUserSchema.safeParse(user(password)))).toContain(reason);
    expect(passwordMessage(userPatchSchema.safeParse({ password }))).toContain(reason);
  });

  it.each([
    ["zhangsan", "zhangsan-2026!"],
    ["zhangsan", "my-ZhangSan-pw"],
    ["li.si", "secret-li.si-9"],
  ])("refuses the username %s inside the password %s", (username, password) => {
    expect(weakPasswordReason(password, username)).toBe("密码不能包含用户名");
    expect(passwordMessage(newUserSchema.safeParse(user(password, ` ${username.toUpperCase()} `)))).toBe("密码不能包含用户名");
    expect(
      passwordSchemaFor(username)
        .safeParse(password)
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["密码不能包含用户名"]);
  });

  it.each([
    // The demo accounts' and the e2e tests' accounts stay valid.
    ["demo-editor", "chuanbo-demo"],
    ["demo-admin", "chuanbo-demo"],
    ["new-abc123", "new-colleague-pw"],
    ["tmp-abc123", "temporary-pass-123"],
    ["revoke-abc123", "revocation-pw-1"],
    ["revoke-abc123", "revocation-pw-2"],
    ["mi-admin", "multi-instance-pw"],
    ["mi-session", "multi-instance-pw"],
    ["both-abc123", "both-roles-password"],
    ["focus-abc123", "focus-editor-password"],
    ["wire-editor", "wire-test-password"],
    ["backup-check", "backup-test-password"],
    ["zhangsan", "long-enough-pw"],
    ["zhangsan", "1234567890a"], // digits and a letter: long enough, not a pattern
    ["index-editor", "kept-index-pw-1"],
    ["real-admin", "offline-admin-pw1"],
    // A name of two or three letters is in ordinary passphrases by chance: not refused for it.
    ["li", "climbing-mountains"],
    ["wu", "would-you-wait-9"],
    ["ma", "summer-rain-2026"],
  ])("accepts %s with %s", (username, password) => {
    expect(weakPasswordReason(password, username)).toBeNull();
    expect(newUserSchema.safeParse(user(password, username)).success).toBe(true);
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it("says 至少 10 位 for a short one, not a second message", () => {
    const result = newUserSchema.safeParse(user("123"));
    expect(result.error?.issues.filter((issue) => issue.path[0] === "password").map((issue) => issue.message)).toEqual(["密码至少 10 位"]);
  });

  it.each([null, 1234567890, ["1234567890"], { length: 12 }])("refuses a password of the wrong type (%j) without throwing", (password) => {
    expect(newUserSchema.safeParse(user(password)).success).toBe(false);
    expect(userPatchSchema.safeParse({ password }).success).toBe(false);
  });
});
