import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { appendAudit, auditCsv, clientIp, listAudit } from "@/lib/server/audit";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { auditQuerySchema } from "@/lib/validations/audit";
import { freshDatabase, STORES } from "./support/databases";
import type { AuditEntry } from "@/lib/auth/audit-actions";

/** One CSV line's cells, every one quoted (as the export writes them), unquoted. */
const csvCells = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"'));

const query = (params: Record<string, string> = {}) => z.parse(auditQuerySchema, params);

describe.each(STORES)("the audit log on %s", (kind) => {
  let cdb: ConsoleDatabase;

  beforeEach(async () => {
    cdb = await openDatabase(await freshDatabase(kind));
    const { db } = cdb;
    await appendAudit(db, { actor: "demo-editor", ip: "10.0.0.1", action: "sign_in" }, new Date("2026-03-01T15:59:00Z"));
    await appendAudit(
      db,
      { actor: null, ip: "10.0.0.2", action: "sign_in_failed", target: "=cmd|'/c calc'!A1", details: { status: 401 } },
      new Date("2026-03-01T16:00:00Z"),
    );
    await appendAudit(
      db,
      { actor: "demo-supervisor", ip: "10.0.0.3", action: "push_rejected", target: "p1", details: { reason: '范围"太大"' } },
      new Date("2026-03-02T01:00:00Z"),
    );
  });

  afterEach(async () => {
    await cdb.close();
  });

  // SQLite: triggers. PostgreSQL: a trigger too, and the console's role holds no UPDATE, DELETE or
  // TRUNCATE privilege on the table (refused before the trigger is reached).
  it("cannot be changed or emptied, whatever code asks", async () => {
    const refused = kind === "sqlite" ? /append-only/ : /permission denied for table audit_log/;
    await expect(sql`UPDATE audit_log SET actor = 'someone-else'`.execute(cdb.db)).rejects.toThrow(refused);
    await expect(sql`DELETE FROM audit_log`.execute(cdb.db)).rejects.toThrow(refused);
    if (kind === "postgres") await expect(sql`TRUNCATE audit_log`.execute(cdb.db)).rejects.toThrow(refused);
    expect((await listAudit(cdb, query())).total).toBe(3);
  });

  it("lists newest first and filters by action, actor, target and China calendar days", async () => {
    const db = cdb;
    expect((await listAudit(db, query())).records.map((entry) => entry.action)).toEqual(["push_rejected", "sign_in_failed", "sign_in"]);
    expect((await listAudit(db, query({ action: "sign_in" }))).records).toEqual([
      expect.objectContaining({ actor: "demo-editor", ip: "10.0.0.1", details: {} }),
    ]);
    expect((await listAudit(db, query({ actor: "demo-supervisor" }))).records[0]?.details).toEqual({ reason: '范围"太大"' });
    // 2026-03-01T16:00Z is already 3 月 2 日 in China.
    expect((await listAudit(db, query({ to: "2026-03-01" }))).records.map((entry) => entry.action)).toEqual(["sign_in"]);
    expect((await listAudit(db, query({ from: "2026-03-02" }))).total).toBe(2);
    expect((await listAudit(db, query({ size: "1", current: "2" }))).records.map((entry) => entry.action)).toEqual(["sign_in_failed"]);
  });

  it("exports CSV in China time, quoted, and never as a spreadsheet formula; 详情 in words, the stored JSON last", async () => {
    const lines = (await auditCsv(cdb, query())).split("\r\n");
    expect(lines[0]).toBe('\uFEFF"时间（北京时间）","操作人","IP 地址","操作","操作代码","对象","详情","原始详情（JSON）"');
    expect(lines[1]).toBe(
      '"2026-03-02 09:00:00","demo-supervisor","10.0.0.3","驳回推送","push_rejected","p1","驳回理由：范围""太大""","{""reason"":""范围\\""太大\\""""}"',
    );
    expect(lines[2]).toBe(
      `"2026-03-02 00:00:00","","10.0.0.2","登录失败","sign_in_failed","'=cmd|'/c calc'!A1","HTTP 401","{""status"":401}"`,
    );
    expect(lines[3]).toBe('"2026-03-01 23:59:00","demo-editor","10.0.0.1","登录","sign_in","","","{}"');
  });

  it("says a push's groups and addresses in the CSV as the page does, and guards every cell, the words' included", async () => {
    const { db } = cdb;
    const details = {
      name: '=HYPERLINK("http://x")',
      notify_way: 3,
      chuanbo_group: [101, 999],
      reach: 6063,
      is_test: false,
      time_only: true,
    };
    await appendAudit(
      db,
      { actor: "demo-supervisor", ip: "::ffff:10.0.0.4", action: "push_rescheduled", target: "p2", details },
      new Date("2026-03-03T01:00:00Z"),
    );
    await appendAudit(
      db,
      { actor: "+demo", ip: "-1", action: "push_rejected", target: "p3", details: { reason: "@SUM(1)" } },
      new Date("2026-03-03T02:00:00Z"),
    );
    const asked: number[][] = [];
    const titles = async (entries: readonly AuditEntry[]) => {
      asked.push(entries.flatMap((e) => (Array.isArray(e.details.chuanbo_group) ? (e.details.chuanbo_group as number[]) : [])));
      return new Map([[101, "城东街道网格员"]]);
    };
    const lines = (await auditCsv(cdb, query({ from: "2026-03-03" }), titles)).split("\r\n");
    expect(asked).toEqual([[101, 999]]);
    expect(lines[1]).toBe(
      `"2026-03-03 10:00:00","'+demo","'-1","驳回推送","push_rejected","p3","驳回理由：@SUM(1)","{""reason"":""@SUM(1)""}"`,
    );
    const cells = csvCells(lines[2]!);
    // The address as the page shows it: an IPv4 client of a dual-stack socket as IPv4.
    expect(cells.slice(2, 6)).toEqual(["10.0.0.4", "修改定时推送", "push_rescheduled", "p2"]);
    expect(cells[6]).toBe('推送「=HYPERLINK("http://x")」 · 渠道 语音消息 · 用户组 城东街道网格员 等 2 个 · 预计触达 6,063 人 · 只改时间');
    expect(JSON.parse(cells[7]!)).toEqual(details);
    expect(lines).toHaveLength(4); // header, two entries, and the closing line break
  });

  it("records the socket's address, never an X-Forwarded-For the caller made up (no TRUSTED_PROXIES)", () => {
    const request = (headers: Record<string, string>) => new Request("http://console/", { headers });
    expect(clientIp(request({ "x-console-peer": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-console-peer": "203.0.113.9", "x-forwarded-for": "10.7.7.7" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-console-peer": "::ffff:127.0.0.1", "x-forwarded-for": "=1+2" }))).toBe("127.0.0.1");
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4" }))).toBeNull();
  });

  it("refuses unknown actions and malformed days in the query", () => {
    expect(z.safeParse(auditQuerySchema, { action: "drop_table" }).success).toBe(false);
    expect(z.safeParse(auditQuerySchema, { from: "3/1/2026" }).success).toBe(false);
  });
});
