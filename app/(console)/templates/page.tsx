import { QueryProvider } from "@/components/query-provider";
import { TemplateAdmin } from "@/components/templates/template-admin";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata = { title: "常用模板" };

export default async function Page() {
  const user = await requirePageUser();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">常用模板</h1>
        <p className="text-sm text-slate-600">
          {can(user.roles, "send")
            ? "团队共用的推送内容。在创建推送页点「选择模板」即可填入；编辑可修改和删除自己建的模板，审核人和管理员可管理全部。"
            : "团队共用的推送内容，由编辑在创建推送时选用。审核人和管理员可修改和删除全部模板。"}
        </p>
      </div>
      <QueryProvider>
        <TemplateAdmin me={{ username: user.username, roles: user.roles }} />
      </QueryProvider>
    </div>
  );
}
