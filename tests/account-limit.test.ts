import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/server/audit";
import { recentFailures, reserveAttempt } from "@/lib/server/auth/account-limit";
import { openDatabase } from "@/lib/server/db";
import type Database from "better-sqlite3";

// The per-username sign-in limit, counted from the audit log's failed sign-ins.

let dir: string;
let db: Database.Database;
const LIMIT = { limit: 3, windowMinutes: 15 };
const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const fail = (target: string, at = now, status = 401) =>
  appendAudit(db, { actor: null, ip: "192.0.2.1", action: "sign_in_failed", target, details: { status } }, at);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "account-limit-"));
  db = openDatabase(path.join(dir, "console.sqlite"));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the per-account sign-in limit", () => {
  it("counts a name's failures within the window, from any address, and nothing else", () => {
    fail("zhangsan", minutesAgo(16));
    fail("zhangsan", minutesAgo(14));
    fail("zhangsan", minutesAgo(1));
    fail("lisi");
    fail("zhangsan", now, 429);
    appendAudit(db, { actor: "zhangsan", ip: null, action: "sign_out" });
    expect(recentFailures(db, "zhangsan", 15, now)).toBe(2);
    expect(recentFailures(db, "nobody", 15, now)).toBe(0);
  });

  it("starts again after a successful sign-in", () => {
    fail("zhangsan", minutesAgo(3));
    fail("zhangsan", minutesAgo(2));
    appendAudit(db, { actor: "zhangsan", ip: null, action: "sign_in" }, minutesAgo(1));
    fail("zhangsan", now);
    expect(recentFailures(db, "zhangsan", 15, now)).toBe(1);
  });

  it("refuses once the failures reach the limit, for a name that exists or not alike", () => {
    for (const name of ["demo-editor", "no-such-user"]) {
      for (let i = 0; i < LIMIT.limit; i += 1) fail(name);
      expect(reserveAttempt(db, name, LIMIT), name).toBeNull();
    }
    expect(reserveAttempt(db, "someone-else", LIMIT)).not.toBeNull();
  });

  it("counts attempts still in flight, so parallel guesses cannot pass the limit together", () => {
    const held = Array.from({ length: 10 }, () => reserveAttempt(db, "zhangsan", LIMIT));
    expect(held.filter(Boolean)).toHaveLength(LIMIT.limit);
    // One attempt ends as a failure: its entry is written before it is released.
    fail("zhangsan");
    held[0]!.release();
    held[0]!.release();
    expect(reserveAttempt(db, "zhangsan", LIMIT)).toBeNull();
    // Another ends well (no failure written): its slot is free again.
    held[1]!.release();
    expect(reserveAttempt(db, "zhangsan", LIMIT)).not.toBeNull();
  });
});
