import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/server/audit";
import {
  addressFailures,
  deleteAbandonedAttempts,
  recentFailures,
  reserveAddressAttempt,
  reserveAttempt,
  signInAddressKey,
} from "@/lib/server/auth/account-limit";
import { openDatabase, serialized, type ConsoleDatabase } from "@/lib/server/db";
import { freshDatabase, STORES } from "./support/databases";

// The sign-in limits (per username, per address), counted from the audit log's failed sign-ins.

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

  it("counts the attempts another console has in flight: its rows in the table they share", async () => {
    const elsewhere = (started: Date) =>
      db.db
        .insertInto("sign_in_attempts")
        .values({ id: crypto.randomUUID(), username: "zhangsan", started: started.toISOString() })
        .execute();
    for (let i = 0; i < LIMIT.limit - 1; i += 1) await elsewhere(now);
    const last = await reserveAttempt(db, "zhangsan", LIMIT);
    expect(last).not.toBeNull();
    expect(await reserveAttempt(db, "zhangsan", LIMIT)).toBeNull();
    await last!.release();
  });

  it("stops counting, after a minute, an attempt that a console which stopped never released", async () => {
    const twoMinutesAgo = minutesAgo(2);
    for (let i = 0; i < LIMIT.limit; i += 1) expect(await reserveAttempt(db, "zhangsan", LIMIT, twoMinutesAgo)).not.toBeNull();
    expect(await reserveAttempt(db, "zhangsan", LIMIT, twoMinutesAgo), "still counted within the minute").toBeNull();
    expect(await reserveAttempt(db, "zhangsan", LIMIT)).not.toBeNull();
    // The hourly sweep deletes what was left behind, and only that.
    expect(await deleteAbandonedAttempts(db)).toBe(LIMIT.limit);
    expect(await deleteAbandonedAttempts(db)).toBe(0);
  });
});

describe.each(STORES)("the per-address sign-in limit on %s", (kind) => {
  let db: ConsoleDatabase;
  const now = new Date();
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  // As the sign-in handler writes them: the count's key in the details where it is not the address.
  const fail = (ip: string | null, at = now, status = 401, target = "someone") => {
    const key = signInAddressKey(ip);
    return appendAudit(
      db.db,
      { actor: null, ip, action: "sign_in_failed", target, details: { status, ...(key !== ip ? { address_key: key } : {}) } },
      at,
    );
  };

  beforeEach(async () => {
    db = await openDatabase(await freshDatabase(kind));
  });

  afterEach(async () => {
    await db.close();
  });

  it("counts an address's failures within the last minute, whatever the names; never successes, waits or other addresses", async () => {
    await fail("192.0.2.7", secondsAgo(61));
    await fail("192.0.2.7", secondsAgo(50), 401, "zhangsan");
    await fail("192.0.2.7", secondsAgo(10), 401, "lisi");
    await fail("192.0.2.7", now, 429);
    await fail("192.0.2.8", now);
    for (let i = 0; i < 30; i += 1) await appendAudit(db.db, { actor: "zhangsan", ip: "192.0.2.7", action: "sign_in" }, now);
    expect(await addressFailures(db, "192.0.2.7", now)).toBe(2);
    expect(await addressFailures(db, "192.0.2.9", now)).toBe(0);
  });

  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    [null, "unknown"],
    ["not:an::address::", "not:an::address::"],
  ])("counts %s under %s", (ip, key) => {
    expect(signInAddressKey(ip)).toBe(key);
  });

  it("counts an IPv6 caller by its /64, which it could otherwise walk through, and callers of unknown address together", async () => {
    for (const ip of ["2001:db8:1:2::1", "2001:db8:1:2:0:0:0:2", "2001:db8:1:2:ffff::3"]) await fail(ip);
    expect(await reserveAddressAttempt(db, signInAddressKey("2001:db8:1:2::99"), 3, now)).toEqual({ waitSeconds: 60 });
    expect("release" in (await reserveAddressAttempt(db, signInAddressKey("2001:db8:1:3::1"), 3, now))).toBe(true);
    await fail(null);
    await fail(null);
    expect(await reserveAddressAttempt(db, signInAddressKey(null), 2, now)).toEqual({ waitSeconds: 60 });
  });

  it("says to wait until one more fits: 1 s when only attempts in flight fill the limit", async () => {
    await fail("192.0.2.7", secondsAgo(45));
    await fail("192.0.2.7", secondsAgo(5));
    const held = await Promise.all(Array.from({ length: 5 }, () => reserveAddressAttempt(db, "192.0.2.7", 3, now)));
    expect(held.filter((r) => "release" in r)).toHaveLength(1);
    expect(held.filter((r) => "waitSeconds" in r)).toEqual(Array(4).fill({ waitSeconds: 1 }));
    for (const r of held) if ("release" in r) await r.release();
    // Four failures against a limit of three (a limit just lowered): the second oldest must leave first.
    await fail("192.0.2.7", secondsAgo(30));
    await fail("192.0.2.7", secondsAgo(20));
    expect(await reserveAddressAttempt(db, "192.0.2.7", 3, now)).toEqual({ waitSeconds: 30 });
    expect("release" in (await reserveAddressAttempt(db, "192.0.2.7", 3, new Date(now.getTime() + 31_000)))).toBe(true);
    expect("release" in (await reserveAddressAttempt(db, "192.0.2.8", 3, now))).toBe(true);
  });

  it("keeps an address's attempts apart from a username's, even one typed like the address's key", async () => {
    const byName = await reserveAttempt(db, "address:192.0.2.7", { limit: 1, windowMinutes: 15 }, now);
    expect(byName).not.toBeNull();
    expect("release" in (await reserveAddressAttempt(db, "192.0.2.7", 1, now))).toBe(true);
  });
});

// On PostgreSQL a console has a pool of connections, which a burst at one lock must not take from
// everyone else. (SQLite has the one connection, and every query takes its turn on it.)
describe("the per-account sign-in limit on postgres's pool", () => {
  let db: ConsoleDatabase;
  const LIMIT = { limit: 3, windowMinutes: 15 };

  beforeEach(async () => {
    db = await openDatabase(await freshDatabase("postgres"));
  });

  afterEach(async () => {
    await db.close();
  });

  it("keeps the console's other queries going while a burst of guesses at one name waits its turn", async () => {
    let letGo!: () => void;
    let held!: Promise<void>;
    await new Promise<void>((begun) => {
      held = serialized(db, "chuanbo-console.sign-in:zhangsan", () => {
        begun();
        return new Promise<void>((resolve) => (letGo = resolve));
      });
    });
    // More guesses than the pool has connections (10), all waiting on the one name.
    const guesses = Array.from({ length: 20 }, () => reserveAttempt(db, "zhangsan", LIMIT));
    // Another user's sign-in still gets a connection (without the queue, this waited for ever).
    expect(await recentFailures(db, "lisi", 15)).toBe(0);
    letGo();
    await held;
    expect((await Promise.all(guesses)).filter(Boolean)).toHaveLength(LIMIT.limit);
  });
});
