-- Calendar feeds: one iCalendar URL per practitioner, behind a random token. Only a hash of the
-- token is stored, so a copy of the database cannot be used to read anyone's calendar; making a
-- new link or stopping it revokes the old one at once.

CREATE TABLE calendar_feeds (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_read_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
-- The feed is found by its token alone (a calendar app cannot sign in).
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);
CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (organisation_id, user_id) WHERE revoked_at IS NULL;
