import { TemplateActions, TemplateAdmin } from "@/components/templates/template-admin";
import { TemplateFilters } from "@/components/templates/template-filters";
import { NoTemplates, TemplateItems } from "@/components/templates/template-items";
import { RetryableError } from "@/components/ui/retryable-error";
import { pagingOf } from "@/lib/api/page";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/server/auth/session";
import { publicOptions } from "@/lib/server/options";
import { hrefOf, listInput, parseSearch, searchProblem, type SearchInput } from "@/lib/server/search-params";
import { listTemplates } from "@/lib/server/templates/store";
import { canEditTemplate } from "@/lib/templates/template";
import { templateListQuerySchema } from "@/lib/validations/template";

export const metadata = { title: "常用模板" };

const PAGE_SIZE = 10;

// Rendered on the server from what GET /api/templates answers (one function); the search, pages,
// 编辑 and 删除 run in the browser (no react-query here).
export default async function Page({ searchParams }: { searchParams: Promise<SearchInput> }) {
  const user = await requirePageUser();
  const search = await searchParams;
  const parsed = parseSearch(templateListQuerySchema, listInput(search, ["q", "notify_way"], PAGE_SIZE));
  const page = parsed.ok ? await listTemplates(parsed.query) : null;
  const me = { username: user.username, roles: user.roles };
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
      <TemplateAdmin smsSignatures={publicOptions().smsSignatures}>
        <TemplateFilters pagination={page && pagingOf(page)}>
          {!parsed.ok ? (
            <RetryableError title="读取模板失败" message={searchProblem(parsed)} retryHref={hrefOf("/templates", search)} />
          ) : page && page.total === 0 ? (
            <NoTemplates filtered={Boolean(parsed.query.q) || parsed.query.notify_way !== undefined} />
          ) : (
            page && (
              <TemplateItems
                templates={page.records}
                actions={(template) => canEditTemplate(me, template) && <TemplateActions template={template} />}
              />
            )
          )}
        </TemplateFilters>
      </TemplateAdmin>
    </div>
  );
}
