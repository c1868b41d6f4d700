import * as z from "zod/mini";
import { ROLES } from "@/lib/auth/roles";
import { DISPLAY_NAME_MAX } from "@/lib/auth/user-limits";

// Users as the admin page, POST/PATCH /api/admin/users and the CLI see them. One schema for form and server.

export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export const usernameSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(USERNAME_RULE, "用户名须为 2–32 位小写字母、数字或 . _ -，以字母或数字开头"));

export const passwordSchema = z.string().check(z.minLength(10, "密码至少 10 位"), z.maxLength(128, "密码最多 128 位"));

export { DISPLAY_NAME_MAX };

const rolesSchema = z.array(z.enum(ROLES)).check(z.minLength(1, "至少选择一个角色"));

export const newUserSchema = z.object({
  username: usernameSchema,
  name: z.string().check(z.trim(), z.minLength(1, "请填写姓名"), z.maxLength(DISPLAY_NAME_MAX, `姓名最多 ${DISPLAY_NAME_MAX} 个字`)),
  roles: rolesSchema,
  password: passwordSchema,
});
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
