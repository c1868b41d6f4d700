import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseRoles, type Role } from "@/lib/auth/roles";
import { authTime, type ConsoleDatabase } from "@/lib/server/db";

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

/** The user of a live session with this token: none when unknown, expired or the user is disabled. */
export async function userOfToken({ db }: ConsoleDatabase, token: string, now = Date.now()): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("session as s")
    .innerJoin("user as u", "u.id", "s.userId")
    .select(["s.expiresAt", "u.id", "u.username", "u.email", "u.name", "u.role", "u.banned"])
    .where("s.token", "=", token)
    .executeTakeFirst();
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
