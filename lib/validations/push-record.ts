import * as z from "zod/mini";
import { groupsQuerySchema } from "@/lib/validations/group";
import { dayRangeInOrder, filterDay, filterText } from "@/lib/validations/list-filters";
import { NOTIFY_WAYS, type NotifyWay, type Push } from "@/lib/validations/push";
import { PUSH_STATUSES, type PushStatus } from "@/lib/validations/push-labels";
import type { ApiErrorBody } from "@/lib/api/error-body";
import type { Page } from "@/lib/api/page";
import type { PeopleNames } from "@/lib/text/person";

export type { PushStatus };

// The console's own record of a push (GET /api/pushes, GET /api/pushes/:id, POST /api/pushes):
// shared by the routes and the /compose and /history pages. Snake case, like the upstream.

export type PushRecord = {
  id: string;
  /** ISO 8601, UTC: when the console recorded the attempt, before calling the upstream. */
  created_at: string;
  /** When the upstream's outcome was recorded; null while pending. */
  finished_at: string | null;
  name: string;
  notify_way: NotifyWay;
  chuanbo_group: number[];
  /** Sum of the groups' pnum at send time; null when no count was known. Groups may overlap. */
  reach: number | null;
  /** Some group's pnum was missing (or the group was not found): the real reach is unknown, `reach` is only the known part. */
  reach_incomplete: boolean;
  status: PushStatus;
  upstream_code: number | null;
  upstream_message: string | null;
  request_id: string | null;
  is_test: boolean;
  /** Username of the author. */
  sent_by: string | null;
  /** Username of the supervisor who approved it, and when (ISO 8601); null if it needed no approval. */
  approved_by: string | null;
  approved_at: string | null;
  rejected_by: string | null;
  rejected_at: string | null;
  reject_reason: string | null;
  /** Why the approval policy held it, for the approver (e.g. 人数未知…); empty when it was not held. */
  hold_reasons: string[];
  /** ISO 8601, UTC: when a scheduled push is (or was) to go out; null for one sent at once. */
  scheduled_at: string | null;
  /** When the scheduler took it up to send it. */
  send_started_at: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  /** Why a supervisor cancelled someone else's push; null for its author's own cancel (not asked). */
  cancel_reason: string | null;
  /** Who last changed its time (its author, or a supervisor's 修改时间), and when; null if never changed. */
  rescheduled_by: string | null;
  rescheduled_at: string | null;
  /** Why it was sent inside 免打扰 anyway; null when it was not. */
  quiet_hours_reason: string | null;
  /** When its author withdrew it (撤回) while it waited for approval. */
  withdrawn_at: string | null;
  /** Who settled an unknown outcome (status then sent or failed), when, and how it was checked. */
  settled_by: string | null;
  settled_at: string | null;
  settle_note: string | null;
  /** Exactly what was sent: the parsed push. */
  body: Push;
  /** Its groups by name, added when a list or record is served; absent when the group index cannot be read now. */
  groups?: PushGroupRef[];
  /** Display names of the people it names (sent_by, approved_by, …) by username, added when served; a username without a name is left out. */
  names?: PeopleNames;
};

export type PushList = Page<PushRecord>;

/** POST /api/pushes and /api/pushes/test, 201. */
export type PushCreated = { id: string; status: "sent"; requestId: string };

/** POST /api/pushes, 202: the approval policy holds it until a supervisor approves. */
export type PushHeld = { id: string; status: "pending_approval"; scheduledAt?: string };

/** POST /api/pushes with scheduled_at, 202: recorded, to go out at scheduledAt (ISO 8601, UTC). */
export type PushScheduled = { id: string; status: "scheduled"; scheduledAt: string };

/** A failed send: the contract's envelope, plus the record it left so the UI can link to it. */
export type PushErrorBody = ApiErrorBody & { error: { pushId?: string; status?: PushStatus } };

const choice = <T extends string | number>(values: readonly T[], message: string) =>
  z.pipe(
    z.string(),
    z.transform((raw, ctx) => {
      // A blank filter (?status=) means no filter, as an emptied select sends it.
      if (raw.trim() === "") return undefined;
      const value = values.find((v) => String(v) === raw.trim());
      if (value === undefined) {
        ctx.issues.push({ code: "custom", input: raw, message });
        return z.NEVER;
      }
      return value;
    }),
  );

const listFilters = {
  current: groupsQuerySchema.shape.current,
  size: groupsQuerySchema.shape.size,
  notify_way: z.optional(choice(NOTIFY_WAYS, "notify_way 只能是 1（系统通知）、2（短信推送）或 3（语音消息）")),
  /** The author: a username exactly, or part of a console user's display name. */
  sent_by: filterText(64, "发送人"),
  /** China calendar days, inclusive, on created_at. */
  from: filterDay,
  to: filterDay,
};

/** GET /api/pushes query (from URL search params): paged; words in name or content, channel, status, sender, days. */
export const pushListQuerySchema = z
  .object({
    ...listFilters,
    status: z.optional(choice(PUSH_STATUSES, `status 只能是 ${PUSH_STATUSES.join("、")} 之一`)),
    /** Words found in the push's name, title or content (taken literally: % and _ are not wildcards). */
    q: filterText(100, "搜索词"),
  })
  .check(dayRangeInOrder);
export type PushListQuery = z.output<typeof pushListQuerySchema>;

/** GET /api/approvals query: paged; channel, sender, days (the status is always pending_approval). */
export const approvalListQuerySchema = z.object(listFilters).check(dayRangeInOrder);
export type ApprovalListQuery = z.output<typeof approvalListQuerySchema>;

/** A push's group as a page shows it: from the group index when served; `missing` when the group no longer exists. */
export type PushGroupRef = { id: number; title: string; type: number; pnum: number | null } | { id: number; missing: true };

/** As recorded: the sum of the known head counts (null when none is known), and whether some were missing. */
export type Reach = { reach: number | null; incomplete: boolean };

/** 422 quiet_hours: the push would go out inside 免打扰; the window (Beijing time) and the first moment after it. */
export type QuietHoursRefusal = ApiErrorBody & {
  error: { code: "quiet_hours"; quietHours: { start: string; end: string }; nextAllowedAt: string };
};

/**
 * POST /api/pushes/preflight: what POST /api/pushes would do with this draft now. `code` is the
 * error code POST would answer a refusal with; `quietHours` and `nextAllowedAt` come with quiet_hours.
 */
export type Preflight = {
  decision: "send" | "hold" | "refuse";
  reasons: string[];
  /** null: the groups could not be read, or the draft was refused before they were. */
  reach: Reach | null;
  code?: string;
  fields?: Record<string, string>;
  quietHours?: { start: string; end: string };
  nextAllowedAt?: string;
};
