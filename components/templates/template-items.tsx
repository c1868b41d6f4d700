import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatChinaListTime } from "@/lib/text/china-time";
import { personName } from "@/lib/text/person";
import { zh } from "@/lib/text/zh";
import { NOTIFY_WAY_LABELS } from "@/lib/validations/push-labels";
import type { Template } from "@/lib/templates/template";
import type { ReactNode } from "react";

// The templates as a list, each with its own buttons (使用, or 编辑 and 删除): the composer's
// 选择模板 renders it in the browser, /templates on the server.

/** A line of the template's content, to tell templates with similar names apart. */
export function templateSummary(template: Template): string {
  switch (template.notify_way) {
    case 1:
      return `${template.push_title}：${template.push_content}`;
    case 2:
      return template.msg_template;
    case 3:
      return template.voice_content;
  }
}

/** Who made it, and who changed it last and when, if anyone did since: 创建人：张三 · 李四修改于 2026-03-01 09:30. */
export function templateAuthors(template: Template): string {
  const made = zh`创建人：${personName(template.created_by, template.names)}`;
  if (template.updated_at === template.created_at) return made;
  return zh`${made} · ${personName(template.updated_by, template.names)}修改于${formatChinaListTime(template.updated_at)}`;
}

export function TemplateItems({ templates, actions }: { templates: Template[]; actions: (template: Template) => ReactNode }) {
  return (
    <ul aria-label="模板" className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {templates.map((template) => (
        <li key={template.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="flex min-w-0 flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium wrap-anywhere">{template.name}</span>
              <Badge>{NOTIFY_WAY_LABELS[template.notify_way]}</Badge>
            </div>
            <p className="line-clamp-2 text-sm wrap-anywhere text-slate-600">{templateSummary(template)}</p>
            <p className="text-xs text-slate-500">{templateAuthors(template)}</p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">{actions(template)}</div>
        </li>
      ))}
    </ul>
  );
}

/** Nothing to list: none yet, or none that match the words or channel asked for. */
export function NoTemplates({ filtered }: { filtered: boolean }) {
  return (
    <EmptyState title={filtered ? "没有符合条件的模板" : "还没有模板"}>
      {filtered ? "换个关键词或类型再试。" : "在创建推送页或推送记录里点「存为模板」，就能在这里找到它。"}
    </EmptyState>
  );
}
