import { Link } from "@/components/ui/link";
import { can } from "@/lib/auth/roles";
import { DENIED, pageSessionUser } from "@/lib/server/auth/session";

// Rendered (status 403) when a signed-in user opens a page their roles do not allow. A user with no
// roles yet (a first single sign-on without OIDC_DEFAULT_ROLES) may open no page, 首页 included.
export default async function Forbidden() {
  const user = await pageSessionUser();
  const browses = user !== null && can(user.roles, "browse");
  return (
    <div className="mx-auto max-w-lg py-12">
      <h1 className="text-xl font-semibold">没有权限</h1>
      <p className="mt-2 text-slate-700">
        {browses
          ? "你的账号没有打开这个页面的角色。如需使用，请联系管理员为你分配相应角色（编辑可以发送推送，审核人可以审批，管理员可以管理用户和查看审计日志）。"
          : DENIED.browse}
      </p>
      {browses && (
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-slate-900 underline">
          回到首页
        </Link>
      )}
    </div>
  );
}
