import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseRoles, type Role } from "@/lib/auth/roles";
import type Database from "better-sqlite3";

// The session check every request makes, in microseconds: the cookie's signature checked here as
// better-call signs it (`token.base64(HMAC-SHA256(token, secret))`, URI-encoded), then the session
// and its user read with one prepared statement on the unique index of session.token. The row is
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
  expiresAt: string;
  id: string;
  username: string | null;
  email: string;
  name: string;
  role: string | null;
  banned: number | null;
};

const SQL = `SELECT s.expiresAt, u.id, u.username, u.email, u.name, u.role, u.banned
  FROM session s JOIN user u ON u.id = s.userId WHERE s.token = ?`;

const statements = new WeakMap<Database.Database, Database.Statement<[string], Row>>();

/** The user of a live session with this token: none when unknown, expired or the user is disabled. */
export function userOfToken(db: Database.Database, token: string, now = Date.now()): SessionUser | null {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = db.prepare<[string], Row>(SQL)));
  const row = statement.get(token);
  if (!row || row.banned) return null;
  // better-auth writes dates as ISO strings; an unreadable one is no session.
  const expires = Date.parse(row.expiresAt);
  if (!(expires > now)) return null;
  return { id: row.id, username: row.username ?? row.email, name: row.name || row.username || row.email, roles: parseRoles(row.role) };
}

/** The signed-in user for a Cookie header: the signature, then the one read. */
export function userOfCookie(
  db: Database.Database,
  cookieHeader: string | null,
  cookie: { name: string; secret: string },
  now = Date.now(),
): SessionUser | null {
  const token = verifiedToken(cookieValue(cookieHeader, cookie.name), cookie.secret);
  return token ? userOfToken(db, token, now) : null;
}
