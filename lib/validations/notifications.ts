import * as z from "zod/mini";

/** POST /api/notifications/seen: read up to the newest item shown (ISO 8601 with offset). */
export const seenSchema = z.object({
  until: z.iso.datetime({ offset: true, error: "until 须是带时区的 ISO 8601 时间，例如 2026-05-01T07:30:00Z" }),
});
