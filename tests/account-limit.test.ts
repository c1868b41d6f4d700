import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/server/audit";
import { recentFailures, reserveAttempt } from "@/lib/server/auth/account-limit";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { freshDatabase, STORES } from "./support/databases";

// The per-username sign-in limit, counted from the audit log's failed sign-ins.

describe.each(STORES)("the per-account sign-in limit on %s", (kind) => {
  let db: ConsoleDatabase;
  const LIMIT = { limit: 3, windowMinutes: 15 };
  const now = new Date();
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const fail = (target: string, at = now, status = 401) =>
    appendAudit(db.db, { actor: null, ip: "192.0.2.1", action: "sign_in_failed", target, details: { status } }, at);

  beforeEach(async () => {
    db = await openDatabase(await freshDatabase(kind));
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
    const held = await Promise.all(Array.from({ length: 10 }, () => reserveAttempt(db, "zhangsan", LIMIT)));
    expect(held.filter(Boolean)).toHaveLength(LIMIT.limit);
    // One attempt ends as a failure: its entry is written before it is released.
    await fail("zhangsan");
    held[0]!.release();
    held[0]!.release();
    expect(await reserveAttempt(db, "zhangsan", LIMIT)).toBeNull();
    // Another ends well (no failure written): its slot is free again.
    held[1]!.release();
    const again = await reserveAttempt(db, "zhangsan", LIMIT);
    expect(again).not.toBeNull();
    // In flight is this process's count: leave none behind for the next test.
    for (const attempt of [...held, again]) attempt?.release();
  });
});
