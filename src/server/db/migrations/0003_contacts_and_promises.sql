-- Consistency: contacts (planned and recorded, and those the person starts), notes that are signed
-- off and corrected by new versions, the promises ledger, agreed check-in cadences, and the keys
-- that make a retried request record one contact, not two.

-- Where the organisation works, for calendar dates (a check-in due "on Tuesday").
ALTER TABLE organisations ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/London';

-- The days a practitioner works (ISO weekdays, Monday = 1): a promise due outside them gets a
-- gentle warning, never a block.
ALTER TABLE users ADD COLUMN working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}'
  CHECK (working_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]);

CREATE TABLE contacts (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- The practitioner whose contact it is.
  practitioner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('home_visit', 'office', 'phone', 'video', 'message', 'letter')),
  -- draft: being written (kept on the server so a reload loses nothing, and never counted);
  -- planned: an appointment; made / attempted: it happened, or was tried; cancelled.
  status text NOT NULL CHECK (status IN ('draft', 'planned', 'made', 'attempted', 'cancelled')),
  initiated_by text NOT NULL DEFAULT 'practitioner' CHECK (initiated_by IN ('practitioner', 'person')),
  -- Planned against actual: punctuality (started within 10 minutes of plan?) and overrun.
  planned_start timestamptz,
  planned_end timestamptz,
  actual_start timestamptz,
  actual_end timestamptz,
  -- For contacts the person starts: when they reached out, and when they were answered.
  received_at timestamptz,
  answered_at timestamptz,
  place text CHECK (char_length(place) BETWEEN 1 AND 200),
  cancelled_reason text CHECK (char_length(cancelled_reason) BETWEEN 1 AND 500),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, practitioner_id) REFERENCES users (organisation_id, id),
  CHECK (answered_at IS NULL OR received_at IS NULL OR answered_at >= received_at),
  CHECK (planned_end IS NULL OR (planned_start IS NOT NULL AND planned_end > planned_start AND planned_end <= planned_start + interval '12 hours')),
  CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start AND actual_end <= actual_start + interval '12 hours')),
  CHECK (status <> 'planned' OR planned_start IS NOT NULL),
  CHECK (status NOT IN ('made', 'attempted') OR actual_start IS NOT NULL OR received_at IS NOT NULL),
  CHECK (initiated_by = 'person' OR received_at IS NULL)
);
CREATE INDEX contacts_by_person ON contacts (organisation_id, person_id, coalesce(actual_start, planned_start, received_at) DESC);
CREATE INDEX contacts_by_practitioner ON contacts (organisation_id, practitioner_id, planned_start) WHERE status IN ('planned', 'made', 'attempted');

-- Network members who were there.
CREATE TABLE contact_participants (
  organisation_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  network_member_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, contact_id, network_member_id),
  FOREIGN KEY (organisation_id, contact_id) REFERENCES contacts (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, network_member_id) REFERENCES network_members (organisation_id, id)
);
CREATE INDEX contact_participants_by_member ON contact_participants (organisation_id, network_member_id);

-- A contact's note, as versions. The latest is the note; until it is signed off it can be edited
-- in place. After sign-off it cannot be changed: a correction is a new version with a reason, and
-- every version stays visible (SECURITY.md check 32).
CREATE TABLE contact_notes (
  organisation_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 20000),
  correction_reason text CHECK (char_length(correction_reason) BETWEEN 1 AND 1000),
  written_by uuid NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  signed_off_at timestamptz,
  signed_off_by uuid,
  PRIMARY KEY (organisation_id, contact_id, version),
  FOREIGN KEY (organisation_id, contact_id) REFERENCES contacts (organisation_id, id) ON DELETE CASCADE,
  CHECK ((version = 1) = (correction_reason IS NULL)),
  CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL))
);

-- A signed-off note version is final, whoever tries to change it.
CREATE FUNCTION contact_notes_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_off_at IS NOT NULL THEN
    RAISE EXCEPTION 'a signed-off note cannot be changed; add a correction instead' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER contact_notes_final BEFORE UPDATE OR DELETE ON contact_notes
  FOR EACH ROW EXECUTE FUNCTION contact_notes_final();

-- The promises ledger: who promised what to whom, by when, and what became of it.
CREATE TABLE commitments (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  promised_by text NOT NULL CHECK (promised_by IN ('practitioner', 'person', 'network_member', 'other_professional')),
  promised_by_user_id uuid,
  promised_by_member_id uuid,
  promised_to text NOT NULL CHECK (promised_to IN ('practitioner', 'person', 'network_member', 'other_professional')),
  promised_to_user_id uuid,
  promised_to_member_id uuid,
  -- A name for an "other professional" who is not in the network.
  other_party_name text CHECK (char_length(other_party_name) BETWEEN 1 AND 200),
  what text NOT NULL CHECK (char_length(what) BETWEEN 1 AND 1000),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'kept_late', 'renegotiated', 'not_kept')),
  kept_on date,
  made_in_contact_id uuid,
  kept_in_contact_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, promised_by_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, promised_to_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, promised_by_member_id) REFERENCES network_members (organisation_id, id),
  FOREIGN KEY (organisation_id, promised_to_member_id) REFERENCES network_members (organisation_id, id),
  FOREIGN KEY (organisation_id, made_in_contact_id) REFERENCES contacts (organisation_id, id),
  FOREIGN KEY (organisation_id, kept_in_contact_id) REFERENCES contacts (organisation_id, id),
  CHECK (promised_by <> 'practitioner' OR promised_by_user_id IS NOT NULL),
  CHECK (promised_to <> 'practitioner' OR promised_to_user_id IS NOT NULL),
  CHECK (promised_by <> 'network_member' OR promised_by_member_id IS NOT NULL),
  CHECK (promised_to <> 'network_member' OR promised_to_member_id IS NOT NULL),
  CHECK ((status IN ('kept', 'kept_late')) = (kept_on IS NOT NULL))
);
CREATE INDEX commitments_by_person ON commitments (organisation_id, person_id, status, due_on);
CREATE INDEX commitments_open_by_practitioner ON commitments (organisation_id, promised_by_user_id, due_on)
  WHERE status IN ('open', 'renegotiated');

-- Every step of a promise's life: made, renegotiated (with the honest reason and the new date),
-- kept, kept late, not kept.
CREATE TABLE commitment_events (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  commitment_id uuid NOT NULL,
  event text NOT NULL CHECK (event IN ('made', 'renegotiated', 'kept', 'kept_late', 'not_kept')),
  previous_due_on date,
  new_due_on date,
  reason text CHECK (char_length(reason) BETWEEN 1 AND 1000),
  contact_id uuid,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, commitment_id) REFERENCES commitments (organisation_id, id),
  CHECK (event <> 'renegotiated' OR (reason IS NOT NULL AND new_due_on IS NOT NULL))
);
CREATE INDEX commitment_events_by_commitment ON commitment_events (organisation_id, commitment_id, recorded_at);

-- The agreed rhythm of check-ins: with the person, or with one member of their network
-- ("talk to the youth every other week … not the therapist every month").
CREATE TABLE checkin_cadences (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  network_member_id uuid,
  every_days integer NOT NULL CHECK (every_days BETWEEN 1 AND 366),
  agreed_on date NOT NULL,
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, network_member_id) REFERENCES network_members (organisation_id, id)
);
CREATE UNIQUE INDEX checkin_cadences_current ON checkin_cadences (organisation_id, person_id, coalesce(network_member_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE ended_at IS NULL;

-- Idempotency-Key (SECURITY.md check 31): the first request with a key records the result; a
-- retry gets the same answer without a second record; the same key with another body is refused.
CREATE TABLE idempotency_keys (
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  key text NOT NULL CHECK (char_length(key) BETWEEN 8 AND 200),
  route text NOT NULL,
  request_hash bytea NOT NULL,
  response_status integer,
  response_body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
