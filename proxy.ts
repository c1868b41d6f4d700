import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";

// Per-request CSP nonce (Next reads it from the request's Content-Security-Policy header and puts it
// on its own scripts), the page's path for the sign-in redirect, and an optimistic redirect of
// signed-out page requests to /sign-in. Never an access check: every page and route handler checks
// the session itself (lib/server/auth/session.ts); this only spares a signed-out visitor a page
// that streams a skeleton before it is sent away.

/** Pages a signed-out visitor may open. */
const OPEN_PAGES = ["/sign-in"];

const isOpen = (pathname: string) => OPEN_PAGES.some((open) => pathname === open || pathname.startsWith(`${open}/`));

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isOpen(pathname) && !SESSION_COOKIES.some((name) => request.cookies.get(name)?.value)) {
    const query = new URLSearchParams(search);
    query.delete("_rsc");
    const rest = query.toString();
    const target = new URL("/sign-in", request.url);
    target.searchParams.set("next", `${pathname}${rest ? `?${rest}` : ""}`);
    return NextResponse.redirect(target, 307);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    // No 'unsafe-inline' for scripts: only those carrying this request's nonce, and what they load.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Push icons are editor-given image URLs on other hosts.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-console-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only, prefetches included (every HTML answer needs its CSP): API answers are JSON,
      // files (Next's, public/icons, the tab icon) are files, the simulator is the vendor's stand-in.
      source: "/((?!api|simulator|_next/|icons/|icon.svg|favicon.ico).*)",
    },
  ],
};
