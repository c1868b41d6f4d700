// Where to sign in again after the session ended (the sign-in page says so: lib/auth/session-ended.ts),
// coming back to this page. In the browser only.

/** The sign-in page, returning to this tab's page (path and query); `newTab`: it is opened beside this one. */
export function signInAgainHref({ newTab = false } = {}): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/sign-in?next=${encodeURIComponent(here)}&expired=1${newTab ? "&tab=new" : ""}`;
}
