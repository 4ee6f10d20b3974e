-- Foundation: organisations, staff, teams, people and their allocation, sessions, break-glass
-- grants, notifications, and the append-only, hash-chained audit trail.
--
-- Every tenant table has organisation_id first in its primary key and in each foreign key, so the
-- schema distributes by organisation on Citus (docs/scaling.md). Global tables are few and small:
-- organisations, sign_in_directory, sign_in_attempts.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  email citext NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 120),
  role text NOT NULL CHECK (role IN ('practitioner', 'supervisor', 'manager', 'administrator')),
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  -- TOTP secret, encrypted with the server's key (AES-256-GCM); pending until confirmed.
  totp_secret text,
  totp_enabled_at timestamptz,
  -- The last time step accepted, so a code cannot be used twice (SECURITY.md check 6).
  totp_last_step bigint,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  CONSTRAINT users_email_unique UNIQUE (organisation_id, email)
);

-- Sign-in names are unique across organisations; this small global table says which organisation
-- an address belongs to (a Citus reference table).
CREATE TABLE sign_in_directory (
  email citext PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid NOT NULL
);

CREATE TABLE teams (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  CONSTRAINT teams_name_unique UNIQUE (organisation_id, name)
);

-- Practitioners belong to teams; a supervisor's membership means they supervise that team.
CREATE TABLE team_members (
  organisation_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, team_id, user_id),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX team_members_by_user ON team_members (organisation_id, user_id, team_id);

CREATE TABLE people (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  full_name text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 200),
  -- A restricted (sealed) record is not findable; only its allocated practitioners see it in lists.
  restricted boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX people_by_name ON people (organisation_id, full_name, id);
CREATE INDEX people_name_trigram ON people USING gin (organisation_id, full_name gin_trgm_ops);

CREATE TABLE allocations (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  user_id uuid NOT NULL,
  allocated_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_by uuid,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX allocations_active_unique ON allocations (organisation_id, person_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX allocations_active_by_user ON allocations (organisation_id, user_id, person_id) WHERE ended_at IS NULL;

-- Break-glass: time-limited access with a stated reason (SECURITY.md check 16).
CREATE TABLE access_grants (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 10 AND 1000),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
  CHECK (expires_at > granted_at)
);
CREATE INDEX access_grants_by_user ON access_grants (organisation_id, user_id, person_id, expires_at);
CREATE INDEX access_grants_by_time ON access_grants (organisation_id, granted_at DESC);

-- Server-side sessions. The cookie holds the organisation and a random token; only the token's
-- SHA-256 is stored, so a copy of this table cannot be replayed.
CREATE TABLE sessions (
  organisation_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_reason text CHECK (ended_reason IN ('logout', 'idle', 'expired', 'ended_by_user', 'password_changed', 'disabled')),
  user_agent text,
  source_address inet,
  PRIMARY KEY (organisation_id, token_hash),
  CONSTRAINT sessions_id_unique UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
CREATE INDEX sessions_open_by_user ON sessions (organisation_id, user_id) WHERE ended_at IS NULL;

-- Every sign-in attempt, known address or not (SECURITY.md check 1), and the throttle's input.
CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  email citext NOT NULL,
  source_address inet,
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'throttled', 'second_factor_required', 'second_factor_failed'))
);
CREATE INDEX sign_in_attempts_by_email ON sign_in_attempts (email, attempted_at);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (source_address, attempted_at);

CREATE TABLE notifications (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('break_glass')),
  access_grant_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, access_grant_id) REFERENCES access_grants (organisation_id, id)
);
CREATE INDEX notifications_by_user ON notifications (organisation_id, user_id, created_at DESC);

-- Audit: append-only and hash-chained. Rows are spread over a few chains per organisation (one per
-- database connection, by backend pid) so that concurrent transactions do not queue on one lock;
-- each chain links every row to the one before it, and the heads hold each chain's latest link.
CREATE TABLE audit_chain_heads (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  chain smallint NOT NULL CHECK (chain BETWEEN 0 AND 7),
  last_seq bigint NOT NULL,
  last_hash bytea NOT NULL,
  PRIMARY KEY (organisation_id, chain)
);

CREATE TABLE audit_events (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  chain smallint NOT NULL,
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL CHECK (char_length(action) BETWEEN 1 AND 80),
  kind text NOT NULL DEFAULT 'routine' CHECK (kind IN ('routine', 'break_glass', 'security')),
  record_type text,
  record_id uuid,
  -- The person whose record this touches, so that a record's access log finds every read of it.
  person_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'denied', 'failed')),
  source_address inet,
  reason text CHECK (char_length(reason) <= 1000),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (organisation_id, chain, seq)
);
CREATE INDEX audit_events_by_person ON audit_events (organisation_id, person_id, occurred_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX audit_events_by_kind ON audit_events (organisation_id, kind, occurred_at DESC) WHERE kind <> 'routine';
CREATE INDEX audit_events_by_actor ON audit_events (organisation_id, actor_user_id, occurred_at DESC);

-- The text each row's hash is taken over. `npm run audit:verify` rebuilds it independently.
CREATE FUNCTION audit_event_canonical(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.organisation_id, e.chain, e.seq,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.actor_user_id, e.actor_role, e.action, e.kind, e.record_type, e.record_id, e.person_id,
    e.outcome, host(e.source_address), e.reason, e.details, encode(e.prev_hash, 'hex')
  )::text
$$;

-- Assigns chain, sequence, time and hashes; the application cannot choose them.
CREATE FUNCTION audit_events_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  next_seq bigint;
  previous bytea;
BEGIN
  NEW.chain := (pg_backend_pid() % 8)::smallint;
  UPDATE audit_chain_heads SET last_seq = last_seq + 1
    WHERE organisation_id = NEW.organisation_id AND chain = NEW.chain
    RETURNING last_seq, last_hash INTO next_seq, previous;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (organisation_id, chain, last_seq, last_hash)
      VALUES (NEW.organisation_id, NEW.chain, 0, '\x00'::bytea)
      ON CONFLICT DO NOTHING;
    UPDATE audit_chain_heads SET last_seq = last_seq + 1
      WHERE organisation_id = NEW.organisation_id AND chain = NEW.chain
      RETURNING last_seq, last_hash INTO next_seq, previous;
  END IF;
  NEW.seq := next_seq;
  NEW.prev_hash := previous;
  NEW.occurred_at := clock_timestamp();
  NEW.hash := sha256(convert_to(audit_event_canonical(NEW), 'UTF8'));
  UPDATE audit_chain_heads SET last_hash = NEW.hash
    WHERE organisation_id = NEW.organisation_id AND chain = NEW.chain;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_events_link BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_link();

CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER sign_in_attempts_append_only BEFORE UPDATE OR DELETE ON sign_in_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
