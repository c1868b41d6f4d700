// The sign-in form's own check: only what is missing. The server (better-auth) decides the rest.
// Plain code, not a zod schema: the sign-in page ships no validation library (bench/bundle-budgets.json).

export type SignInValues = { username: string; password: string };
export type SignInProblems = Partial<Record<keyof SignInValues, string>>;

/** A message per empty field; a name of spaces only is empty. */
export function signInProblems({ username, password }: SignInValues): SignInProblems {
  return {
    ...(username.trim() === "" ? { username: "请输入用户名" } : {}),
    ...(password === "" ? { password: "请输入密码" } : {}),
  };
}

/** The name as it is sent: without surrounding spaces, in lower case, as usernames are kept. */
export const signInName = (username: string) => username.trim().toLowerCase();
