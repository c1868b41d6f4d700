import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { safeNext } from "@/lib/auth/safe-next";
import { SESSION_ENDED } from "@/lib/auth/session-ended";
import { ssoFailureMessage } from "@/lib/auth/sso-errors";
import { DEMO_PASSWORD, usableDemoAccounts } from "@/lib/server/auth/demo-accounts";
import { sessionUser } from "@/lib/server/auth/session";
import { serverConfig } from "@/lib/server/config";

export const metadata = { title: "登录" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{
    next?: string | string[];
    sso?: string | string[];
    error?: string | string[];
    expired?: string | string[];
    signed_out?: string | string[];
    /** "new": opened beside the page whose session ended (its dialog waits there). */
    tab?: string | string[];
  }>;
}) {
  const params = await searchParams;
  const next = safeNext(typeof params.next === "string" ? params.next : undefined);
  if (await sessionUser(await headers())) redirect(next);
  const { auth } = serverConfig();
  const ssoFailure = ssoFailureMessage(params.sso, params.error);
  // sessionUser above waited for the accounts to be ready; retired demo accounts are not offered.
  const demoAccounts = auth.demoAccounts ? await usableDemoAccounts() : [];
  const demo =
    demoAccounts.length > 0
      ? {
          password: DEMO_PASSWORD,
          accounts: demoAccounts.map((account) => ({
            username: account.username,
            name: account.name,
            roles: account.roles.map((role) => ROLE_LABELS[role]).join("、"),
          })),
        }
      : undefined;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-xl font-semibold">登录传播通控制台</h1>
      <p className="mt-1 text-sm text-slate-600">登录后 {auth.sessionHours} 小时内有效。</p>
      {ssoFailure ? (
        <Alert variant="error" className="mt-4">
          {ssoFailure}
        </Alert>
      ) : (
        (params.expired === "1" || params.signed_out === "1") && (
          <Alert variant="info" className="mt-4">
            {params.expired === "1"
              ? `${SESSION_ENDED}，请重新登录；${params.tab === "new" ? "登录后可以关掉这个标签页，回到原来的标签页重试。" : "登录后回到刚才的页面。"}密码不对时，请向管理员索取新密码。`
              : "已退出登录。"}
          </Alert>
        )
      )}
      <div className="mt-6">
        <SignInForm next={next} demo={demo} oidcName={auth.oidc?.name} />
      </div>
    </div>
  );
}
