import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { releaseLease, takeLease } from "@/lib/server/group-index-store";
import { freshDatabase, STORES } from "./support/databases";

// The group index's crawl lease: of several consoles on one database, one crawls at a time.

describe.each(STORES)("the crawl lease on %s", (kind) => {
  let a: ConsoleDatabase;
  let b: ConsoleDatabase;
  const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, s));

  beforeEach(async () => {
    const target = await freshDatabase(kind);
    a = await openDatabase(target);
    // A second console: on PostgreSQL its own pool; on SQLite one connection per process, so the same.
    b = kind === "postgres" ? await openDatabase(target) : a;
  });
  afterEach(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it("goes to exactly one of many asking at once, and to nobody else until it ends or is given up", async () => {
    const asks = Array.from({ length: 12 }, (_, i) => takeLease((i % 2 ? a : b).db, "crawl", `console-${i}`, at(60), at(0)));
    const granted = (await Promise.all(asks)).filter(Boolean);
    expect(granted).toHaveLength(1);
    // Held: another holder is refused, the holder renews.
    const holder = (await a.db.selectFrom("leases").select("holder").executeTakeFirstOrThrow()).holder;
    expect(await takeLease(b.db, "crawl", "someone-else", at(90), at(30))).toBe(false);
    expect(await takeLease(a.db, "crawl", holder, at(90), at(30))).toBe(true);
    // Expired: anyone may take it.
    expect(await takeLease(b.db, "crawl", "someone-else", at(200), at(91))).toBe(true);
    // Given up by its holder: free at once; given up by a former holder: nothing changes.
    await releaseLease(a.db, "crawl", holder, at(100));
    expect(await takeLease(a.db, "crawl", holder, at(300), at(100))).toBe(false);
    await releaseLease(b.db, "crawl", "someone-else", at(100));
    expect(await takeLease(a.db, "crawl", holder, at(300), at(101))).toBe(true);
  });
});
