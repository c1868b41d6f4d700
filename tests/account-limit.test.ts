import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/server/audit";
import { recentFailures, reserveAttempt } from "@/lib/server/auth/account-limit";
import { openDatabase, type ConsoleDatabase, type DatabaseTarget } from "@/lib/server/db";
import { freshDatabase, STORES } from "./support/databases";

// The per-username sign-in limit, counted from the audit log's failed sign-ins.

describe.each(STORES)("the per-account sign-in limit on %s", (kind) => {
  let target: DatabaseTarget;
  let db: ConsoleDatabase;
  const LIMIT = { limit: 3, windowMinutes: 15 };
  const now = new Date();
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const fail = (target: string, at = now, status = 401) =>
    appendAudit(db.db, { actor: null, ip: "192.0.2.1", action: "sign_in_failed", target, details: { status } }, at);

  beforeEach(async () => {
    target = await freshDatabase(kind);
    db = await openDatabase(target);
  });

  afterEach(async () => {
    await db.close();
  });

  it("counts a name's failures within the window, from any address, and nothing else", async () => {
    await fail("zhangsan", minutesAgo(16));
    await fail("zhangsan", minutesAgo(14));
    await fail("zhangsan", minutesAgo(1));
    await fail("lisi");
    await fail("zhangsan", now, 429);
    await appendAudit(db.db, { actor: "zhangsan", ip: null, action: "sign_out" });
    expect(await recentFailures(db, "zhangsan", 15, now)).toBe(2);
    expect(await recentFailures(db, "nobody", 15, now)).toBe(0);
  });

  it("starts again after a successful sign-in", async () => {
    await fail("zhangsan", minutesAgo(3));
    await fail("zhangsan", minutesAgo(2));
    await appendAudit(db.db, { actor: "zhangsan", ip: null, action: "sign_in" }, minutesAgo(1));
    await fail("zhangsan", now);
    expect(await recentFailures(db, "zhangsan", 15, now)).toBe(1);
  });

  it("refuses once the failures reach the limit, for a name that exists or not alike", async () => {
    for (const name of ["demo-editor", "no-such-user"]) {
      for (let i = 0; i < LIMIT.limit; i += 1) await fail(name);
      expect(await reserveAttempt(db, name, LIMIT), name).toBeNull();
    }
    expect(await reserveAttempt(db, "someone-else", LIMIT)).not.toBeNull();
  });

  it("counts attempts still in flight, so parallel guesses cannot pass the limit together", async () => {
    const held = (await Promise.all(Array.from({ length: 10 }, () => reserveAttempt(db, "zhangsan", LIMIT)))).filter((a) => a !== null);
    expect(held).toHaveLength(LIMIT.limit);
    // One attempt ends as a failure: its entry is written before it is released.
    await fail("zhangsan");
    await held[0]!.release();
    await held[0]!.release();
    expect(await reserveAttempt(db, "zhangsan", LIMIT)).toBeNull();
    // Another ends well (no failure written): its slot is free again.
    await held[1]!.release();
    const again = await reserveAttempt(db, "zhangsan", LIMIT);
    expect(again).not.toBeNull();
    expect(await reserveAttempt(db, "lisi", LIMIT), "another name is not held up").not.toBeNull();
  });

  it("counts the attempts in flight at another console on the same database", async () => {
    // On PostgreSQL its own pool; on SQLite one connection per process, so the same.
    const other = kind === "postgres" ? await openDatabase(target) : db;
    try {
      const consoles = [db, other, db, other, db, other, db, other];
      const held = await Promise.all(consoles.map((console_) => reserveAttempt(console_, "zhangsan", LIMIT)));
      expect(held.filter(Boolean)).toHaveLength(LIMIT.limit);
      for (const attempt of held) await attempt?.release();
      expect(await reserveAttempt(other, "zhangsan", LIMIT), "released at the one, free at the other").not.toBeNull();
    } finally {
      if (other !== db) await other.close();
    }
  });

  it("stops counting, after a minute, an attempt that a console which stopped never released", async () => {
    const twoMinutesAgo = minutesAgo(2);
    for (let i = 0; i < LIMIT.limit; i += 1) expect(await reserveAttempt(db, "zhangsan", LIMIT, twoMinutesAgo)).not.toBeNull();
    expect(await reserveAttempt(db, "zhangsan", LIMIT, twoMinutesAgo), "still counted within the minute").toBeNull();
    expect(await reserveAttempt(db, "zhangsan", LIMIT)).not.toBeNull();
  });
});
