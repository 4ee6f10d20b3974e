-- Reminders: notifications for promises due tomorrow or overdue, check-ins overdue and dated
-- things to remember coming up. Each has a reason key, unique per recipient, so the same reminder
-- never fires twice — across reruns, restarts and several servers.

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('break_glass', 'promise_due', 'promise_overdue', 'checkin_overdue', 'date_coming_up'));
ALTER TABLE notifications
  ADD COLUMN person_id uuid,
  -- The promise, check-in rhythm or profile item the reminder is about.
  ADD COLUMN subject_id uuid,
  ADD COLUMN reason_key text CHECK (char_length(reason_key) BETWEEN 1 AND 200),
  ADD COLUMN due_on date,
  ADD COLUMN emailed_at timestamptz;
CREATE UNIQUE INDEX notifications_reason_unique ON notifications (organisation_id, user_id, reason_key) WHERE reason_key IS NOT NULL;
CREATE INDEX notifications_not_emailed ON notifications (organisation_id, user_id) WHERE emailed_at IS NULL AND reason_key IS NOT NULL;
