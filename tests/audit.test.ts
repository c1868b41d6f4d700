import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { appendAudit, auditCsv, clientIp, listAudit } from "@/lib/server/audit";
import { openDatabase } from "@/lib/server/db";
import { auditQuerySchema } from "@/lib/validations/audit";
import type Database from "better-sqlite3";

let dir: string;
let db: Database.Database;
const query = (params: Record<string, string> = {}) => z.parse(auditQuerySchema, params);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-"));
  db = openDatabase(path.join(dir, "console.sqlite"));
  appendAudit(db, { actor: "demo-editor", ip: "10.0.0.1", action: "sign_in" }, new Date("2026-03-01T15:59:00Z"));
  appendAudit(
    db,
    { actor: null, ip: "10.0.0.2", action: "sign_in_failed", target: "=cmd|'/c calc'!A1", details: { status: 401 } },
    new Date("2026-03-01T16:00:00Z"),
  );
  appendAudit(
    db,
    { actor: "demo-supervisor", ip: "10.0.0.3", action: "push_rejected", target: "p1", details: { reason: '范围"太大"' } },
    new Date("2026-03-02T01:00:00Z"),
  );
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the audit log", () => {
  it("cannot be changed or emptied, whatever code asks", () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(listAudit(db, query()).total).toBe(3);
  });

  it("lists newest first and filters by action, actor, target and China calendar days", () => {
    expect(listAudit(db, query()).records.map((entry) => entry.action)).toEqual(["push_rejected", "sign_in_failed", "sign_in"]);
    expect(listAudit(db, query({ action: "sign_in" })).records).toEqual([
      expect.objectContaining({ actor: "demo-editor", ip: "10.0.0.1", details: {} }),
    ]);
    expect(listAudit(db, query({ actor: "demo-supervisor" })).records[0]?.details).toEqual({ reason: '范围"太大"' });
    // 2026-03-01T16:00Z is already 3 月 2 日 in China.
    expect(listAudit(db, query({ to: "2026-03-01" })).records.map((entry) => entry.action)).toEqual(["sign_in"]);
    expect(listAudit(db, query({ from: "2026-03-02" })).total).toBe(2);
    expect(listAudit(db, query({ size: "1", current: "2" })).records.map((entry) => entry.action)).toEqual(["sign_in_failed"]);
  });

  it("exports CSV in China time, quoted, and never as a spreadsheet formula", () => {
    const lines = auditCsv(db, query()).split("\r\n");
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
