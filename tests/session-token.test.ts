import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRoles } from "@/lib/auth/roles";
import { cookieValue, userOfCookie, verifiedToken } from "@/lib/server/auth/session-token";
import { openDatabase } from "@/lib/server/db";
import type Database from "better-sqlite3";

// The session check against a real SQLite file with the console's migrations: a cookie signed as
// better-call signs it, and the session row read every time.

const SECRET = "test-auth-secret-0123456789abcdefghij";
const NAME = "chuanbo.session_token";
const NOW = Date.parse("2026-11-29T08:00:00Z");
const sign = (token: string, secret = SECRET) =>
  encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
const cookie = (token: string, secret = SECRET) => `other=1; ${NAME}=${sign(token, secret)}`;

let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "session-token-"));
  db = openDatabase(path.join(dir, "console.sqlite"));
  const user = db.prepare(
    `INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt, username, displayUsername, role, banned)
     VALUES (?, ?, ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?, ?, ?)`,
  );
  user.run("u1", "李编辑", "li@users.chuanbo.invalid", "li", "Li", "editor,supervisor", 0);
  user.run("u2", "停用者", "off@users.chuanbo.invalid", "off", null, "editor", 1);
  user.run("u3", "单点", "sso@example.com", null, null, null, null);
  const session = db.prepare(
    `INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, userId)
     VALUES (?, ?, ?, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z', ?)`,
  );
  session.run("s1", "2026-11-29T12:00:00.000Z", "live-token", "u1");
  session.run("s2", "2026-11-29T07:59:59.999Z", "expired-token", "u1");
  session.run("s3", "2026-11-29T12:00:00.000Z", "banned-token", "u2");
  session.run("s4", "2026-11-29T12:00:00.000Z", "sso-token", "u3");
  session.run("s5", "not a date", "garbled-date", "u1");
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const check = (header: string | null) => userOfCookie(db, header, { name: NAME, secret: SECRET }, NOW);

describe("the session check", () => {
  it("answers the user of a live session, as SessionUser", () => {
    expect(check(cookie("live-token"))).toEqual({ id: "u1", username: "li", name: "李编辑", roles: parseRoles("editor,supervisor") });
    // No username (single sign-on without one): the email and the name stand in, with no roles.
    expect(check(cookie("sso-token"))).toEqual({ id: "u3", username: "sso@example.com", name: "单点", roles: [] });
  });

  it("reads the row every time: a deleted session ends on the next check", () => {
    db.prepare("INSERT INTO session (id, expiresAt, token, createdAt, updatedAt, userId) VALUES ('s9', ?, 'gone', ?, ?, 'u1')").run(
      "2026-11-29T12:00:00.000Z",
      "2026-11-29T00:00:00.000Z",
      "2026-11-29T00:00:00.000Z",
    );
    expect(check(cookie("gone"))).not.toBeNull();
    db.prepare("DELETE FROM session WHERE token = 'gone'").run();
    expect(check(cookie("gone"))).toBeNull();
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
  ])("refuses %s", (_, header) => {
    expect(check(header)).toBeNull();
  });

  it("expires at the stored instant, not after", () => {
    const at = Date.parse("2026-11-29T12:00:00.000Z");
    expect(userOfCookie(db, cookie("live-token"), { name: NAME, secret: SECRET }, at - 1)).not.toBeNull();
    expect(userOfCookie(db, cookie("live-token"), { name: NAME, secret: SECRET }, at)).toBeNull();
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
