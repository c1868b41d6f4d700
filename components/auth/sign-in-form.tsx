"use client";

import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { fetchJson } from "@/lib/api/fetch-json";
import { safeNext } from "@/lib/auth/safe-next";
import { signInName, signInProblems, type SignInProblems, type SignInValues } from "@/lib/auth/sign-in-fields";

// A form that posts, in plain React: no form library and no schema library, for the size of the
// page everyone opens first (bench/bundle-budgets.json). As the other forms do: problems show on
// submit, then follow each keystroke. The inputs keep their own values and are read when needed, so
// what someone typed before the page's script ran is what is sent; before that, a submit posts
// to the page itself (method="post"), never putting the password in an address.

type Demo = { username: string; name: string; roles: string };

export function SignInForm({ next, demo, oidcName }: { next: string; demo?: { password: string; accounts: Demo[] }; oidcName?: string }) {
  const [errors, setErrors] = useState<SignInProblems>({});
  const [checked, setChecked] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const inputs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  const read = (): SignInValues => ({ username: inputs.username.current?.value ?? "", password: inputs.password.current?.value ?? "" });
  const recheck = () => checked && setErrors(signInProblems(read()));

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    const values = read();
    const problems = signInProblems(values);
    setErrors(problems);
    const first = (["username", "password"] as const).find((field) => problems[field]);
    if (first) return inputs[first].current?.focus();
    setFailure(null);
    setSubmitting(true);
    try {
      await fetchJson("/api/auth/sign-in/username", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: signInName(values.username), password: values.password }),
      });
      // The server already checked it; the same rule again here, so this line can go nowhere else.
      window.location.assign(safeNext(next));
    } catch (error) {
      setFailure((error as Error).message);
      setSubmitting(false);
      inputs.password.current?.focus();
    }
  }

  async function singleSignOn() {
    setFailure(null);
    try {
      const { url } = await fetchJson<{ url: string }>("/api/auth/sign-in/social", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          provider: "oidc",
          callbackURL: safeNext(next),
          errorCallbackURL: "/sign-in?sso=failed",
          disableRedirect: true,
        }),
      });
      window.location.assign(url);
    } catch (error) {
      setFailure((error as Error).message);
    }
  }

  return (
    <div className="space-y-6">
      <form method="post" onSubmit={signIn} noValidate className="space-y-4" aria-label="登录">
        <Field id="username" label="用户名" required error={errors.username}>
          <TextInput
            ref={inputs.username}
            name="username"
            onChange={recheck}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
          />
        </Field>
        <Field id="password" label="密码" required error={errors.password}>
          <TextInput ref={inputs.password} name="password" type="password" onChange={recheck} autoComplete="current-password" />
        </Field>
        {failure && <Alert variant="error">{failure}</Alert>}
        <button
          type="submit"
          disabled={isSubmitting}
          className="w-full rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {isSubmitting ? "正在登录…" : "登录"}
        </button>
      </form>

      {oidcName && (
        <button
          type="button"
          onClick={singleSignOn}
          className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          使用{oidcName}登录
        </button>
      )}

      {demo && (
        <section aria-labelledby="demo-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-heading" className="font-semibold text-amber-900">
            模拟环境演示账号
          </h2>
          <p className="mt-1 text-amber-900">
            密码都是 <code className="rounded bg-white px-1 font-mono">{demo.password}</code>。这些账号只在模拟环境中存在。
          </p>
          <table className="mt-3 w-full text-left">
            <thead>
              <tr className="text-amber-900">
                <th scope="col" className="py-1 font-medium">
                  用户名
                </th>
                <th scope="col" className="py-1 font-medium">
                  角色
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {demo.accounts.map((account) => (
                <tr key={account.username} className="border-t border-amber-200">
                  <td className="py-1.5 font-mono">{account.username}</td>
                  <td className="py-1.5">{account.roles}</td>
                  <td className="py-1.5 text-right">
                    <button
                      type="button"
                      className="rounded border border-amber-400 bg-white px-2 py-0.5 text-amber-900 hover:bg-amber-100"
                      aria-label={`填入 ${account.username}`}
                      onClick={() => {
                        inputs.username.current!.value = account.username;
                        inputs.password.current!.value = demo.password;
                        setErrors(signInProblems(read()));
                        inputs.password.current!.focus();
                      }}
                    >
                      填入
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
