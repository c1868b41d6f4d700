import * as z from "zod/mini";
import { ROLES } from "@/lib/auth/roles";
import { DISPLAY_NAME_MAX } from "@/lib/auth/user-limits";

// Users as the admin page, POST/PATCH /api/admin/users and the CLI see them. One schema for form and server.

export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export const usernameSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(USERNAME_RULE, "用户名须为 2–32 位小写字母、数字或 . _ -，以字母或数字开头"));

// The passwords tried first by anyone guessing (leaked-password lists' top entries of 10+ characters,
// and this console's own words). Kept short: the rules below catch the rest of the easy ones.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password123",
  "password1234",
  "passw0rd123",
  "qwertyuiop",
  "qwerty1234",
  "qwerty123456",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "1qaz@wsx3edc",
  "qazwsxedc123",
  "zaq12wsxcde3",
  "iloveyou123",
  "woaini1314",
  "woaini520520",
  "aa123456789",
  "abc1234567",
  "abcd123456",
  "admin12345",
  "admin123456",
  "chuanbotong",
]);

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

/** Steps up or down an alphabet (digits, letters, the keyboard's rows), like 0123456789 or 9876543210. */
function isSequence(password: string): boolean {
  return SEQUENCES.some((alphabet) =>
    [alphabet, [...alphabet].reverse().join("")].some((run) => {
      const doubled = run + run; // 7890123456 wraps around
      return doubled.includes(password);
    }),
  );
}

/** Why a password is too easy to guess, in Chinese, or null: one rule for form, route and CLI. */
export function weakPasswordReason(password: string, username?: string): string | null {
  const lower = password.toLowerCase();
  if (/^\d+$/.test(password)) return "密码不能全是数字，请加入字母或符号";
  if (new Set(lower).size === 1) return "密码不能是同一个字符重复";
  if (isSequence(lower)) return "密码不能是连续的数字或字母（如 1234567890、abcdefghij）";
  // Not for a name of two or three letters (li, wu, ma), which ordinary passphrases hold by chance.
  if (username && username.length >= 4 && lower.includes(username.toLowerCase())) return "密码不能包含用户名";
  if (COMMON_PASSWORDS.has(lower)) return "这是最常见的密码之一，请换一个不容易猜到的";
  return null;
}

/** A password as set for this username (new user, reset, CLI): long enough and not easy to guess. */
export function passwordSchemaFor(username?: string) {
  return z.string().check(
    z.minLength(10, "密码至少 10 位"),
    z.maxLength(128, "密码最多 128 位"),
    z.superRefine((password, ctx) => {
      const reason = password.length >= 10 ? weakPasswordReason(password, username) : null;
      if (reason) ctx.addIssue({ code: "custom", message: reason, input: password });
    }),
  );
}

/** Without the username: a route that learns it later (PATCH) checks that part itself. */
export const passwordSchema = passwordSchemaFor();

export { DISPLAY_NAME_MAX };

const rolesSchema = z.array(z.enum(ROLES)).check(z.minLength(1, "至少选择一个角色"));

export const newUserSchema = z
  .object({
    username: usernameSchema,
    name: z.string().check(z.trim(), z.minLength(1, "请填写姓名"), z.maxLength(DISPLAY_NAME_MAX, `姓名最多 ${DISPLAY_NAME_MAX} 个字`)),
    roles: rolesSchema,
    password: passwordSchema,
  })
  .check(
    // The one rule that needs both fields: the password may not contain the username.
    z.superRefine((user, ctx) => {
      const reason = user.password.length >= 10 ? weakPasswordReason(user.password, user.username) : null;
      if (reason && !weakPasswordReason(user.password)) ctx.addIssue({ code: "custom", path: ["password"], message: reason, input: user });
    }),
  );
export type NewUser = z.output<typeof newUserSchema>;

export const userPatchSchema = z.object({
  roles: z.optional(rolesSchema),
  disabled: z.optional(z.boolean()),
  password: z.optional(passwordSchema),
});
export type UserPatch = z.output<typeof userPatchSchema>;

export type UserSummary = {
  id: string;
  username: string;
  name: string;
  roles: (typeof ROLES)[number][];
  disabled: boolean;
  /** Signs in through single sign-on only (no console password). */
  sso: boolean;
  created_at: string;
};
