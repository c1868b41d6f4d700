"use client";

import { useState } from "react";
import { TagRuleChip } from "@/components/groups/tag-rule-chip";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { DEFAULT_PAGE_SIZE, groupsHref } from "@/lib/groups/groups-url";
import { normalize } from "@/lib/groups/search";
import { formatCount } from "@/lib/text/count";
import type { TagSummary } from "@/lib/groups/tag-index";

/** Every tag the groups use (as the server page found them), with a filter; a value leads to those groups. */
export function TagsBrowser({ tags: all }: { tags: TagSummary[] }) {
  const [filter, setFilter] = useState("");

  const needle = normalize(filter.trim());
  const tags = all.filter(
    (tag) =>
      !needle ||
      [tag.tag_code, tag.tag_name ?? "", ...tag.values.flatMap((v) => [v.value1 ?? "", v.value2 ?? ""])].some((text) =>
        normalize(text).includes(needle),
      ),
  );

  return (
    <>
      <label className="flex max-w-sm flex-col gap-1 text-xs text-slate-600">
        筛选标签
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="标签名、代码或值"
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm"
        />
      </label>

      {tags.length === 0 ? (
        <EmptyState title={needle ? "没有符合条件的标签" : "还没有用户组用到标签"}>
          {needle ? "换个词再试。" : "标签组在传播通后台按标签规则创建。"}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {tags.map((tag) => (
            <li key={tag.tag_code}>
              <TagCard tag={tag} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TagCard({ tag }: { tag: TagSummary }) {
  const name = tag.tag_name?.trim() || tag.tag_code;
  const headingId = `tag-${tag.tag_code}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {name} <span className="font-mono text-xs font-normal text-slate-500">{tag.tag_code}</span>
        </h2>
        <Link
          href={groupsHref({ current: 1, size: DEFAULT_PAGE_SIZE, tag: { tag_code: tag.tag_code } })}
          className="text-sm text-blue-700 hover:underline"
        >
          {formatCount(tag.groups)} 个用户组使用
        </Link>
      </div>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">{name}的取值</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="py-1 font-medium">
              取值
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              用户组数
            </th>
          </tr>
        </thead>
        <tbody>
          {tag.values.map((value) => {
            const rule = { tag_code: tag.tag_code, tag_name: tag.tag_name, ...value };
            const filter = {
              tag_code: tag.tag_code,
              ...(value.relational_symbols === null ? {} : { relational_symbols: value.relational_symbols }),
              ...(value.value1 === null ? {} : { value1: value.value1 }),
              ...(value.value2 === null ? {} : { value2: value.value2 }),
            };
            return (
              <tr key={JSON.stringify([value.relational_symbols, value.value1, value.value2])} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 text-left font-normal">
                  <Link href={groupsHref({ current: 1, size: DEFAULT_PAGE_SIZE, tag: filter })} className="rounded-full hover:opacity-80">
                    <TagRuleChip rule={rule} />
                  </Link>
                </th>
                <td className="py-1.5 text-right tabular-nums">{formatCount(value.groups)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
