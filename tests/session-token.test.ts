import { createHmac } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRoles } from "@/lib/auth/roles";
import { deleteExpiredSessions } from "@/lib/server/auth/session-sweep";
import { cookieValue, userOfCookie, verifiedToken } from "@/lib/server/auth/session-token";
import { openDatabase, type ConsoleDatabase } from "@/lib/server/db";
import { freshDatabase, STORES } from "./support/databases";

// The session check against a real database of each kind with the console's migrations: a cookie
// signed as better-call signs it, and the session row read every time; and the sweep of expired rows.

const SECRET = "test-auth-secret-0123456789abcdefghij";
const NAME = "chuanbo.session_token";
const NOW = Date.parse("2026-11-29T08:00:00Z");
const sign = (token: string, secret = SECRET) =>
  encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
const cookie = (token: string, secret = SECRET) => `other=1; ${NAME}=${sign(token, secret)}`;

describe.each(STORES)("on %s", (kind) => {
  let cdb: ConsoleDatabase;

  /** Rows as better-auth writes them on each store: flags 0/1 or booleans, dates as text or timestamptz. */
  const flag = (on: boolean | null) => (on === null ? null : kind === "sqlite" ? Number(on) : on);
  async function addUser(id: string, name: string, email: string, username: string | null, role: string | null, banned: boolean | null) {
    await sql`INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt", "username", "displayUsername", "role", "banned")
    VALUES (${id}, ${name}, ${email}, ${flag(false)}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ${username}, ${username}, ${role}, ${flag(banned)})`.execute(
      cdb.db,
    );
  }
  async function addSession(id: string, expiresAt: string, token: string, userId: string) {
    await sql`INSERT INTO "session" ("id", "expiresAt", "token", "createdAt", "updatedAt", "userId")
    VALUES (${id}, ${expiresAt}, ${token}, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z', ${userId})`.execute(cdb.db);
  }

  beforeAll(async () => {
    cdb = await openDatabase(await freshDatabase(kind));
    await addUser("u1", "李编辑", "li@users.chuanbo.invalid", "li", "editor,supervisor", false);
    await addUser("u2", "停用者", "off@users.chuanbo.invalid", "off", "editor", true);
    await addUser("u3", "单点", "sso@example.com", null, null, null);
    await addSession("s1", "2026-11-29T12:00:00.000Z", "live-token", "u1");
    await addSession("s2", "2026-11-29T07:59:59.999Z", "expired-token", "u1");
    await addSession("s3", "2026-11-29T12:00:00.000Z", "banned-token", "u2");
    await addSession("s4", "2026-11-29T12:00:00.000Z", "sso-token", "u3");
    // PostgreSQL's timestamptz cannot hold one.
    if (kind === "sqlite") await addSession("s5", "not a date", "garbled-date", "u1");
  });

  afterAll(async () => {
    await cdb.close();
  });

  const check = (header: string | null) => userOfCookie(cdb, header, { name: NAME, secret: SECRET }, NOW);

  describe("the session check", () => {
    it("answers the user of a live session, as SessionUser", async () => {
      expect(await check(cookie("live-token"))).toEqual({
        id: "u1",
        username: "li",
        name: "李编辑",
        roles: parseRoles("editor,supervisor"),
      });
      // No username (single sign-on without one): the email and the name stand in, with no roles.
      expect(await check(cookie("sso-token"))).toEqual({ id: "u3", username: "sso@example.com", name: "单点", roles: [] });
    });

    it("reads the row every time: a deleted session ends on the next check", async () => {
      await addSession("s9", "2026-11-29T12:00:00.000Z", "gone", "u1");
      expect(await check(cookie("gone"))).not.toBeNull();
      await sql`DELETE FROM "session" WHERE "token" = 'gone'`.execute(cdb.db);
      expect(await check(cookie("gone"))).toBeNull();
    });

    it.each([
      ["no Cookie header", null],
      ["no session cookie", "other=1"],
      ["an empty value", `${NAME}=`],
      ["a token without a signature", `${NAME}=live-token`],
      ["another secret's signature", cookie("live-token", "another-secret-0123456789abcdefghij")],
      ["a signature of another token", `${NAME}=${encodeURIComponent(`live-token.${decodeURIComponent(sign("x")).split(".")[1]}`)}`],
      ["a truncated signature", `${NAME}=${sign("live-token").slice(0, -6)}`],
      [
        "a signature with a flipped character",
        `${NAME}=${sign("live-token").replace(/.(%3D)$/, (m, eq) => (m[0] === "A" ? "B" : "A") + eq)}`,
      ],
      ["an unknown token, well signed", cookie("no-such-token")],
      ["an expired session", cookie("expired-token")],
      ["a disabled user's session", cookie("banned-token")],
      ["an unreadable expiry", cookie("garbled-date")],
      ["the token under another name", `chuanbo.session_token2=${sign("live-token")}`],
      ["a secure-prefixed copy only", `__Secure-${NAME}=${sign("live-token")}`],
    ])("refuses %s", async (_, header) => {
      expect(await check(header)).toBeNull();
    });

    it("expires at the stored instant, not after", async () => {
      const at = Date.parse("2026-11-29T12:00:00.000Z");
      expect(await userOfCookie(cdb, cookie("live-token"), { name: NAME, secret: SECRET }, at - 1)).not.toBeNull();
      expect(await userOfCookie(cdb, cookie("live-token"), { name: NAME, secret: SECRET }, at)).toBeNull();
    });
  });

  // Last: it deletes the expired row the checks above read.
  describe("the sweep of expired sessions", () => {
    const sessionIds = async () => (await cdb.db.selectFrom("session").select("id").orderBy("id").execute()).map((row) => row.id);

    it("deletes the sessions that have expired and no other; the live ones still sign in", async () => {
      const before = await sessionIds();
      expect(await deleteExpiredSessions(cdb, new Date(NOW))).toBe(1);
      expect(await sessionIds()).toEqual(before.filter((id) => id !== "s2"));
      expect(await check(cookie("live-token"))).toMatchObject({ id: "u1" });
      expect(await check(cookie("sso-token"))).toMatchObject({ id: "u3" });
      expect(await deleteExpiredSessions(cdb, new Date(NOW)), "a second sweep finds nothing").toBe(0);
    });
  });
});

describe("cookie parsing and the signature", () => {
  it.each([
    [`${NAME}=a; ${NAME}=b`, "a"],
    [` ${NAME} = "quoted" `, "quoted"],
    [`${NAME}=%E0%A4%A`, "%E0%A4%A"],
    [`x=1;${NAME}=a%2Eb`, "a.b"],
  ])("reads %j as %j", (header, value) => {
    expect(cookieValue(header, NAME)).toBe(value);
  });

  it.each([".", ".abc", "token.", "token.====", `token.${"A".repeat(43)}=`, "x".repeat(5000)])("refuses the shape %j", (value) => {
    expect(verifiedToken(value, SECRET)).toBeNull();
  });

  it("accepts a token containing dots, signed whole", () => {
    expect(verifiedToken(decodeURIComponent(sign("a.b.c")), SECRET)).toBe("a.b.c");
  });
});
