import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import { parseRoles, type Role } from "@/lib/auth/roles";
import { authTime, type ConsoleDatabase } from "@/lib/server/db";
import type Database from "better-sqlite3";

// The session check every request makes, in microseconds: the cookie's signature checked here as
// better-call signs it (`token.base64(HMAC-SHA256(token, secret))`, URI-encoded), then the session
// and its user read with one query on the unique index of session.token. The row is
// read every time, so sign-out, disabling and a new password (which delete the rows) end a session
// on the very next request.

export type SessionUser = { id: string; username: string; name: string; roles: Role[] };

/** A cookie's value by name, as better-call parses it (the first of that name; quotes stripped; URI-decoded). */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.charCodeAt(0) === 34) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The token of a signed cookie value, or null when the signature is not this secret's. */
export function verifiedToken(value: string | null, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  // An HMAC-SHA256 in base64 is 44 characters ending in "=" (better-call refuses any other shape).
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const given = Buffer.from(signature, "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

type Row = {
  expiresAt: string | Date;
  id: string;
  username: string | null;
  email: string;
  name: string;
  role: string | null;
  banned: number | boolean | null;
};

/** Identifiers quoted, so the one text reads on both stores ("user" is a reserved word on PostgreSQL). */
const SQL = `SELECT s."expiresAt", u."id", u."username", u."email", u."name", u."role", u."banned"
  FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE s."token" = ?`;
const statements = new WeakMap<Database.Database, Database.Statement<[string], Row>>();

/**
 * The session and its user. On SQLite a prepared statement on the connection, synchronous: a few
 * microseconds, where the query builder's way costs several times that on every request. A read
 * between another transaction's statements on the same connection is harmless: sessions are only
 * written by better-auth, never inside the console's own transactions.
 */
async function sessionRow({ db, sqlite }: ConsoleDatabase, token: string): Promise<Row | undefined> {
  if (sqlite) {
    let statement = statements.get(sqlite);
    if (!statement) statements.set(sqlite, (statement = sqlite.prepare<[string], Row>(SQL)));
    return statement.get(token);
  }
  // The same text, its one "?" (at the end) bound by the query layer.
  return (await sql<Row>`${sql.raw(SQL.slice(0, -1))}${token}`.execute(db)).rows[0];
}

/** The user of a live session with this token: none when unknown, expired or the user is disabled. */
export async function userOfToken(cdb: ConsoleDatabase, token: string, now = Date.now()): Promise<SessionUser | null> {
  const row = await sessionRow(cdb, token);
  if (!row || row.banned) return null;
  // An unreadable expiry is no session.
  if (!(authTime(row.expiresAt) > now)) return null;
  return { id: row.id, username: row.username ?? row.email, name: row.name || row.username || row.email, roles: parseRoles(row.role) };
}

/** The signed-in user for a Cookie header: the signature, then the one read. */
export async function userOfCookie(
  cdb: ConsoleDatabase,
  cookieHeader: string | null,
  cookie: { name: string; secret: string },
  now = Date.now(),
): Promise<SessionUser | null> {
  const token = verifiedToken(cookieValue(cookieHeader, cookie.name), cookie.secret);
  return token ? userOfToken(cdb, token, now) : null;
}
