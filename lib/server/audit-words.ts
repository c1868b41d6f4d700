import "server-only";
import { auditDetailsText, displayAddress } from "@/lib/auth/audit-details";
import { lookUpGroups } from "@/lib/server/pushes/group-refs";
import type { AuditPage } from "@/lib/auth/audit-actions";

/** A page of the audit log as /admin/audit shows it: details in words with group names, addresses as people write them. */
export async function inWords(page: AuditPage): Promise<AuditPage> {
  const ids = page.records.flatMap((e) => (Array.isArray(e.details.chuanbo_group) ? e.details.chuanbo_group : []));
  const found = ids.length > 0 ? await lookUpGroups(ids.filter((id): id is number => typeof id === "number")) : undefined;
  const names = new Map([...(found ?? new Map())].map(([id, group]) => [id, group.title] as [number, string]));
  return {
    ...page,
    records: page.records.map((entry) => ({
      ...entry,
      ip: entry.ip === null ? null : displayAddress(entry.ip),
      summary: auditDetailsText(entry.details, names),
    })),
  };
}
