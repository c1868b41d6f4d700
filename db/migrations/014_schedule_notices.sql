-- 通知 for a scheduled push changed by someone other than its author: who last changed its time (修改时间,
-- or its author's own change of content and time) and when; and why a supervisor cancelled someone
-- else's push (asked of them from now on; NULL for cancellations before, and for an author's own).
ALTER TABLE pushes ADD COLUMN rescheduled_by TEXT;
ALTER TABLE pushes ADD COLUMN rescheduled_at TEXT;
ALTER TABLE pushes ADD COLUMN cancel_reason TEXT;
