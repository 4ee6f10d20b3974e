-- The person and their world: a profile in their own words, their network (drawn as an ecomap),
-- consent to share, restricted contact details, and the history of every change.

-- Profile: only the name is required. `full_name` is the name the person uses; `legal_name` is kept
-- only where it differs. `version` guards against two people editing from the same version.
ALTER TABLE people
  ADD COLUMN legal_name text CHECK (char_length(legal_name) BETWEEN 1 AND 200),
  ADD COLUMN address_as text CHECK (char_length(address_as) BETWEEN 1 AND 120),
  ADD COLUMN pronouns text CHECK (char_length(pronouns) BETWEEN 1 AND 60),
  ADD COLUMN date_of_birth date,
  ADD COLUMN preferred_language text CHECK (char_length(preferred_language) BETWEEN 1 AND 80),
  ADD COLUMN interpreter_needed boolean NOT NULL DEFAULT false,
  ADD COLUMN interpreter_language text CHECK (char_length(interpreter_language) BETWEEN 1 AND 80),
  ADD COLUMN reading_preferences text[] NOT NULL DEFAULT '{}'
    CHECK (reading_preferences <@ ARRAY['plain_language', 'easy_read', 'large_print', 'braille', 'audio', 'read_aloud', 'digital_only']),
  ADD COLUMN preferred_channels text[] NOT NULL DEFAULT '{}'
    CHECK (preferred_channels <@ ARRAY['in_person', 'phone', 'text_message', 'email', 'letter', 'video']),
  ADD COLUMN best_times text CHECK (char_length(best_times) BETWEEN 1 AND 500),
  ADD COLUMN communication_to_avoid text CHECK (char_length(communication_to_avoid) BETWEEN 1 AND 1000),
  ADD COLUMN accessibility_needs text CHECK (char_length(accessibility_needs) BETWEEN 1 AND 2000),
  ADD COLUMN culture_and_faith text CHECK (char_length(culture_and_faith) BETWEEN 1 AND 2000),
  -- Where the person lives and how to reach them. When restricted (a refuge, a placement address),
  -- only their allocated practitioners see them without giving a reason, and no outward-facing view
  -- ever carries them (SECURITY.md checks 12 and 13).
  ADD COLUMN address text CHECK (char_length(address) BETWEEN 1 AND 500),
  ADD COLUMN phone text CHECK (char_length(phone) BETWEEN 1 AND 40),
  ADD COLUMN email text CHECK (char_length(email) BETWEEN 3 AND 254),
  ADD COLUMN contact_details_restricted boolean NOT NULL DEFAULT false,
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD CONSTRAINT people_interpreter_language CHECK (interpreter_needed OR interpreter_language IS NULL),
  -- Every name the person is known by, for typo-tolerant search (pg_trgm).
  ADD COLUMN search_names text GENERATED ALWAYS AS (
    full_name || coalesce(' ' || legal_name, '') || coalesce(' ' || address_as, '')
  ) STORED;

DROP INDEX people_name_trigram;
CREATE INDEX people_search_names_trigram ON people USING gin (organisation_id, search_names gin_trgm_ops);

-- What matters to the person and their strengths, in their words (quoted, attributed, dated);
-- small things to remember (optionally dated: a birthday, a court date); topics and approaches to
-- take care with. Items are archived, never deleted, so the record keeps what was said.
CREATE TABLE profile_items (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('what_matters', 'strength', 'to_remember', 'approach_with_care')),
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  -- Whose words: the person themself, or e.g. "Amara's grandmother". Required for what matters
  -- and strengths, which are quotations.
  said_by text CHECK (char_length(said_by) BETWEEN 1 AND 120),
  said_on date,
  -- For things to remember: the date it is about, and whether it comes round every year.
  on_date date,
  every_year boolean NOT NULL DEFAULT false,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz,
  archived_by uuid,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  CHECK (kind NOT IN ('what_matters', 'strength') OR (said_by IS NOT NULL AND said_on IS NOT NULL)),
  CHECK (kind = 'to_remember' OR (on_date IS NULL AND NOT every_year)),
  CHECK (NOT every_year OR on_date IS NOT NULL)
);
CREATE INDEX profile_items_by_person ON profile_items (organisation_id, person_id, kind, recorded_at) WHERE archived_at IS NULL;
CREATE INDEX profile_items_dated ON profile_items (organisation_id, on_date) WHERE on_date IS NOT NULL AND archived_at IS NULL;

-- The people and organisations in the person's life. Ties that end are kept, with an end date.
CREATE TABLE network_members (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  -- The relationship in the person's own words: "my nan", "Mr Patel at school".
  relationship text NOT NULL CHECK (char_length(relationship) BETWEEN 1 AND 200),
  sector text NOT NULL CHECK (sector IN ('family', 'friends', 'neighbours', 'community', 'faith', 'education_work', 'health', 'social_care', 'justice', 'housing', 'other_services')),
  strength text NOT NULL CHECK (strength IN ('strong', 'tenuous', 'stressful')),
  support text NOT NULL CHECK (support IN ('to_person', 'from_person', 'both', 'neither')),
  contact_frequency text CHECK (contact_frequency IN ('daily', 'weekly', 'monthly', 'less_often', 'no_contact')),
  phone text CHECK (char_length(phone) BETWEEN 1 AND 40),
  email text CHECK (char_length(email) BETWEEN 3 AND 254),
  address text CHECK (char_length(address) BETWEEN 1 AND 500),
  contact_restricted boolean NOT NULL DEFAULT false,
  -- A member may be a risk to the person (e.g. an alleged abuser): they must never see the
  -- person's restricted details in anything Rapport sends out (SECURITY.md check 13).
  is_risk boolean NOT NULL DEFAULT false,
  risk_note text CHECK (char_length(risk_note) BETWEEN 1 AND 1000),
  -- Another person supported by this organisation (siblings both on caseloads, say).
  linked_person_id uuid,
  notes text CHECK (char_length(notes) BETWEEN 1 AND 2000),
  started_on date,
  ended_on date,
  end_reason text CHECK (char_length(end_reason) BETWEEN 1 AND 500),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, linked_person_id) REFERENCES people (organisation_id, id),
  CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on),
  CHECK (end_reason IS NULL OR ended_on IS NOT NULL),
  CHECK (risk_note IS NULL OR is_risk),
  CHECK (linked_person_id IS NULL OR linked_person_id <> person_id)
);
CREATE INDEX network_members_by_person ON network_members (organisation_id, person_id, ended_on, sector);

-- Consent to share: per recipient (a network member or an organisation) and purpose. Each decision
-- is a new row, so the history stays; the latest unexpired decision is what holds.
CREATE TABLE consents (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  network_member_id uuid,
  recipient_organisation text CHECK (char_length(recipient_organisation) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (purpose IN ('share_updates', 'share_plan', 'share_concerns', 'contact_them', 'make_referral', 'other')),
  purpose_detail text CHECK (char_length(purpose_detail) BETWEEN 1 AND 500),
  decision text NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
  decided_on date NOT NULL,
  expires_on date,
  how_given text NOT NULL CHECK (how_given IN ('in_person', 'in_writing', 'phone', 'easy_read_form', 'through_interpreter', 'other')),
  notes text CHECK (char_length(notes) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, network_member_id) REFERENCES network_members (organisation_id, id),
  CHECK ((network_member_id IS NULL) <> (recipient_organisation IS NULL)),
  CHECK (purpose <> 'other' OR purpose_detail IS NOT NULL),
  CHECK (expires_on IS NULL OR expires_on >= decided_on)
);
CREATE INDEX consents_by_person ON consents (organisation_id, person_id, decided_on DESC, recorded_at DESC);

-- Who changed which field, when, from what to what: for the profile and for network members.
-- Values of restricted fields are shown back only to those who may see the field itself.
CREATE TABLE field_changes (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  record_type text NOT NULL CHECK (record_type IN ('person', 'network_member')),
  record_id uuid NOT NULL,
  field text NOT NULL CHECK (char_length(field) BETWEEN 1 AND 60),
  old_value jsonb,
  new_value jsonb,
  -- The field was restricted when it changed: its values stay hidden from those who may not see
  -- restricted details, even after the restriction is lifted (a refuge address stays secret).
  restricted boolean NOT NULL DEFAULT false,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
CREATE INDEX field_changes_by_record ON field_changes (organisation_id, record_id, changed_at DESC);
CREATE INDEX field_changes_by_person ON field_changes (organisation_id, person_id, changed_at DESC);
