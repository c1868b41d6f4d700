import "server-only";
import { auditDetailsText, displayAddress } from "@/lib/auth/audit-details";
import { lookUpGroups } from "@/lib/server/pushes/group-refs";
import type { AuditEntry, AuditPage } from "@/lib/auth/audit-actions";

// The audit log in words, for /admin/audit and its CSV export alike: details through
// auditDetailsText, group names from the group index.

/** Group id → title for the groups these entries name; empty when the index cannot be read now (#id is shown). */
export async function groupTitles(entries: readonly Pick<AuditEntry, "details">[]): Promise<ReadonlyMap<number, string>> {
  const ids = entries.flatMap((e) => (Array.isArray(e.details.chuanbo_group) ? (e.details.chuanbo_group as unknown[]) : []));
  const numeric = ids.filter((id): id is number => typeof id === "number");
  const found = numeric.length > 0 ? await lookUpGroups(numeric) : undefined;
  return new Map([...(found ?? new Map())].map(([id, group]) => [id, group.title] as [number, string]));
}

/** A page of the audit log as /admin/audit shows it: details in words with group names, addresses as people write them. */
export async function inWords(page: AuditPage): Promise<AuditPage> {
  const names = await groupTitles(page.records);
  return {
    ...page,
    records: page.records.map((entry) => ({
      ...entry,
      ip: entry.ip === null ? null : displayAddress(entry.ip),
      summary: auditDetailsText(entry.action, entry.details, names),
    })),
  };
}
