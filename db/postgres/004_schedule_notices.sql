-- Who last changed a scheduled push's time and when, and why a supervisor cancelled someone else's
-- push (as db/migrations/014).
ALTER TABLE pushes ADD COLUMN rescheduled_by text;
ALTER TABLE pushes ADD COLUMN rescheduled_at text;
ALTER TABLE pushes ADD COLUMN cancel_reason text;
