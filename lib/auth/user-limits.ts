// Limits the admin form shows without loading the schema (lib/auth/user-schema.ts, which uses them).

/** A person's display name (姓名), in the admin form, the CLI and from single sign-on. */
export const DISPLAY_NAME_MAX = 40;
