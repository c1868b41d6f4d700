import * as z from "zod/mini";

/** The sign-in form; the server (better-auth) decides, this only says what is missing. */
export const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, "请输入用户名")),
  password: z.string().check(z.minLength(1, "请输入密码")),
});
export type SignInInput = z.output<typeof signInSchema>;
