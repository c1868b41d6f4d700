/** The sign-in page, saying the session ended (lib/auth/session-ended.ts), that returns to `here` (a path with its query). */
export const signInAgainHref = (here: string) => `/sign-in?next=${encodeURIComponent(here)}&expired=1`;
