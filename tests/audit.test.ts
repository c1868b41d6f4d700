import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { appendAudit, auditCsv, clientIp, listAudit } from "@/lib/server/audit";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { auditQuerySchema } from "@/lib/validations/audit";
import { freshDatabase, STORES } from "./support/databases";

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

  it("exports CSV in China time, quoted, and never as a spreadsheet formula", async () => {
    const lines = (await auditCsv(cdb, query())).split("\r\n");
    expect(lines[0]!.startsWith("\uFEFF")).toBe(true);
    expect(lines[1]).toBe(
      '"2026-03-02 09:00:00","demo-supervisor","10.0.0.3","审批驳回","push_rejected","p1","{""reason"":""范围\\""太大\\""""}"',
    );
    expect(lines[2]).toContain(`"'=cmd|'/c calc'!A1"`);
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
