-- The person's own check-ins (issue 5): instruments an organisation loads as JSON (versioned; a
-- version never changes once loaded), and the answers people give, scored, with the alerts they
-- raised. Alerts start a conversation: a prompt to the practitioner, a signal to the supervisor.

CREATE TABLE instruments (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{0,39}$'),
  version text NOT NULL CHECK (char_length(version) BETWEEN 1 AND 20),
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  validated boolean NOT NULL,
  -- Shipped with Rapport (its own, CC BY) or loaded by the organisation.
  shipped boolean NOT NULL DEFAULT false,
  definition jsonb NOT NULL,
  loaded_by uuid,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, key, version),
  FOREIGN KEY (organisation_id, loaded_by) REFERENCES users (organisation_id, id)
);

CREATE TABLE checkin_responses (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  instrument_id uuid NOT NULL,
  answers jsonb NOT NULL,
  total numeric,
  subscales jsonb NOT NULL DEFAULT '{}',
  alerts jsonb NOT NULL DEFAULT '[]',
  -- Handed over on the practitioner's device, filled in together, or (later) in the portal.
  mode text NOT NULL CHECK (mode IN ('handed_over', 'together', 'portal')),
  completed_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, instrument_id) REFERENCES instruments (organisation_id, id),
  FOREIGN KEY (organisation_id, recorded_by) REFERENCES users (organisation_id, id)
);
CREATE INDEX checkin_responses_by_person ON checkin_responses (organisation_id, person_id, completed_at DESC);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('break_glass', 'promise_due', 'promise_overdue', 'checkin_overdue', 'date_coming_up',
                  'checkin_prompt', 'checkin_signal'));
