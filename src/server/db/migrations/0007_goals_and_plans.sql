-- Goals and plans (issue 5): goals in the person's own words, steps each with an owner (a step
-- owed to the person becomes a promise in the ledger), progress the person rates 0–10, milestones
-- celebrated, and plan versions — the plan as agreed on a date, with who agreed and any dissent.

CREATE TABLE goals (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  in_their_words text NOT NULL CHECK (char_length(in_their_words) BETWEEN 1 AND 1000),
  said_by text NOT NULL CHECK (char_length(said_by) BETWEEN 1 AND 120),
  said_on date NOT NULL,
  why_it_matters text CHECK (char_length(why_it_matters) BETWEEN 1 AND 1000),
  strengths text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reached', 'set_aside')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id),
  CHECK (cardinality(strengths) <= 20)
);
CREATE INDEX goals_by_person ON goals (organisation_id, person_id, created_at);

CREATE TABLE goal_steps (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  goal_id uuid NOT NULL,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 300),
  owner_kind text NOT NULL CHECK (owner_kind IN ('practitioner', 'person', 'network_member', 'other_professional')),
  owner_user_id uuid,
  owner_member_id uuid,
  owner_name text CHECK (char_length(owner_name) BETWEEN 1 AND 200),
  due_on date,
  done_on date,
  -- A step owed to the person (by the practitioner, someone in their network or another
  -- professional) with a date is also a promise in the ledger.
  commitment_id uuid,
  position integer NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, goal_id) REFERENCES goals (organisation_id, id),
  FOREIGN KEY (organisation_id, owner_user_id) REFERENCES users (organisation_id, id),
  FOREIGN KEY (organisation_id, owner_member_id) REFERENCES network_members (organisation_id, id),
  FOREIGN KEY (organisation_id, commitment_id) REFERENCES commitments (organisation_id, id)
);
CREATE INDEX goal_steps_by_goal ON goal_steps (organisation_id, goal_id, position);

CREATE TABLE goal_progress (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  goal_id uuid NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  rated_on date NOT NULL,
  comment text CHECK (char_length(comment) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, goal_id) REFERENCES goals (organisation_id, id)
);
CREATE INDEX goal_progress_by_goal ON goal_progress (organisation_id, goal_id, rated_on);

CREATE TABLE goal_milestones (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  goal_id uuid NOT NULL,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 300),
  reached_on date NOT NULL,
  -- A short message to the person, shown in the portal (a later issue).
  message text CHECK (char_length(message) BETWEEN 1 AND 500),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, goal_id) REFERENCES goals (organisation_id, id)
);
CREATE INDEX goal_milestones_by_goal ON goal_milestones (organisation_id, goal_id, reached_on);

CREATE TABLE plan_versions (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  number integer NOT NULL,
  agreed_on date NOT NULL,
  participants jsonb NOT NULL,
  snapshot jsonb NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, person_id, number),
  FOREIGN KEY (organisation_id, person_id) REFERENCES people (organisation_id, id)
);
