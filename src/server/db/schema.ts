import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely's view of the tables in migrations/. Kept by hand, beside the SQL it mirrors. */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sign_in_directory: SignInDirectoryTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  people: PersonTable;
  allocations: AllocationTable;
  access_grants: AccessGrantTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  notifications: NotificationTable;
  calendar_feeds: CalendarFeedTable;
  instruments: InstrumentTable;
  checkin_responses: CheckinResponseTable;
  goals: GoalTable;
  goal_steps: GoalStepTable;
  goal_progress: GoalProgressTable;
  goal_milestones: GoalMilestoneTable;
  plan_versions: PlanVersionTable;
  audit_chain_heads: AuditChainHeadTable;
  audit_events: AuditEventTable;
  profile_items: ProfileItemTable;
  network_members: NetworkMemberTable;
  consents: ConsentTable;
  field_changes: FieldChangeTable;
  contacts: ContactTable;
  contact_participants: ContactParticipantTable;
  contact_notes: ContactNoteTable;
  commitments: CommitmentTable;
  commitment_events: CommitmentEventTable;
  checkin_cadences: CheckinCadenceTable;
  idempotency_keys: IdempotencyKeyTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Role = 'practitioner' | 'supervisor' | 'manager' | 'administrator';

export interface OrganisationTable {
  id: string;
  name: string;
  time_zone: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UserTable {
  organisation_id: string;
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  password_changed_at: Timestamp;
  totp_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  disabled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
  working_days: Generated<number[]>;
}
export type UserRow = Selectable<UserTable>;

export interface SignInDirectoryTable {
  email: string;
  organisation_id: string;
  user_id: string;
}

export interface TeamTable {
  organisation_id: string;
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface TeamMemberTable {
  organisation_id: string;
  team_id: string;
  user_id: string;
  joined_at: CreatedAt;
}

/** A calendar date column: read back as `YYYY-MM-DD` (see database.ts). */
type DateColumn = string | null;

export interface PersonTable {
  organisation_id: string;
  id: string;
  full_name: string;
  restricted: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  legal_name: string | null;
  address_as: string | null;
  pronouns: string | null;
  date_of_birth: DateColumn;
  preferred_language: string | null;
  interpreter_needed: Generated<boolean>;
  interpreter_language: string | null;
  reading_preferences: Generated<string[]>;
  preferred_channels: Generated<string[]>;
  best_times: string | null;
  communication_to_avoid: string | null;
  accessibility_needs: string | null;
  culture_and_faith: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contact_details_restricted: Generated<boolean>;
  version: Generated<number>;
  search_names: ColumnType<string, never, never>;
}

export type ProfileItemKind = 'what_matters' | 'strength' | 'to_remember' | 'approach_with_care';

export interface ProfileItemTable {
  organisation_id: string;
  id: string;
  person_id: string;
  kind: ProfileItemKind;
  text: string;
  said_by: string | null;
  said_on: DateColumn;
  on_date: DateColumn;
  every_year: Generated<boolean>;
  recorded_by: string;
  recorded_at: CreatedAt;
  archived_at: NullableTimestamp;
  archived_by: string | null;
}

export interface NetworkMemberTable {
  organisation_id: string;
  id: string;
  person_id: string;
  name: string;
  relationship: string;
  sector: string;
  strength: string;
  support: string;
  contact_frequency: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  contact_restricted: Generated<boolean>;
  is_risk: Generated<boolean>;
  risk_note: string | null;
  linked_person_id: string | null;
  notes: string | null;
  started_on: DateColumn;
  ended_on: DateColumn;
  end_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ConsentTable {
  organisation_id: string;
  id: string;
  person_id: string;
  network_member_id: string | null;
  recipient_organisation: string | null;
  purpose: string;
  purpose_detail: string | null;
  decision: 'granted' | 'refused' | 'withdrawn';
  decided_on: string;
  expires_on: DateColumn;
  how_given: string;
  notes: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface FieldChangeTable {
  organisation_id: string;
  id: string;
  person_id: string;
  record_type: 'person' | 'network_member';
  record_id: string;
  field: string;
  old_value: ColumnType<unknown, string | null, never>;
  new_value: ColumnType<unknown, string | null, never>;
  restricted: Generated<boolean>;
  changed_by: string;
  changed_at: CreatedAt;
}

export interface AllocationTable {
  organisation_id: string;
  id: string;
  person_id: string;
  user_id: string;
  allocated_by: string | null;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  ended_by: string | null;
}

export interface AccessGrantTable {
  organisation_id: string;
  id: string;
  person_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
}

export type SessionEndReason = 'logout' | 'idle' | 'expired' | 'ended_by_user' | 'password_changed' | 'disabled';

export interface SessionTable {
  organisation_id: string;
  token_hash: Buffer;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  ended_at: NullableTimestamp;
  ended_reason: SessionEndReason | null;
  user_agent: string | null;
  source_address: string | null;
}

export type SignInOutcome = 'succeeded' | 'failed' | 'throttled' | 'second_factor_required' | 'second_factor_failed';

export interface SignInAttemptTable {
  id: Generated<string>;
  attempted_at: CreatedAt;
  email: string;
  source_address: string | null;
  outcome: SignInOutcome;
}

export type NotificationKind =
  | 'break_glass'
  | 'promise_due'
  | 'promise_overdue'
  | 'checkin_overdue'
  | 'date_coming_up'
  | 'checkin_prompt'
  | 'checkin_signal';

export interface NotificationTable {
  organisation_id: string;
  id: string;
  user_id: string;
  kind: NotificationKind;
  access_grant_id: string | null;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
  person_id: string | null;
  subject_id: string | null;
  reason_key: string | null;
  due_on: DateColumn;
  emailed_at: NullableTimestamp;
}

export interface CalendarFeedTable {
  organisation_id: string;
  id: string;
  user_id: string;
  token_hash: Buffer;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
  last_read_at: NullableTimestamp;
}

export interface InstrumentTable {
  organisation_id: string;
  id: string;
  key: string;
  version: string;
  title: string;
  validated: boolean;
  shipped: Generated<boolean>;
  definition: ColumnType<unknown, string, never>;
  loaded_by: string | null;
  loaded_at: CreatedAt;
  retired_at: NullableTimestamp;
}

export interface CheckinResponseTable {
  organisation_id: string;
  id: string;
  person_id: string;
  instrument_id: string;
  answers: ColumnType<Record<string, number | string>, string, never>;
  /** numeric: read back as a string by pg. */
  total: ColumnType<string | null, number | null, never>;
  subscales: ColumnType<Record<string, number | null>, string, never>;
  alerts: ColumnType<unknown[], string, never>;
  mode: 'handed_over' | 'together' | 'portal';
  completed_at: CreatedAt;
  recorded_by: string | null;
}

export interface GoalTable {
  organisation_id: string;
  id: string;
  person_id: string;
  in_their_words: string;
  said_by: string;
  said_on: string;
  why_it_matters: string | null;
  strengths: Generated<string[]>;
  status: Generated<'active' | 'reached' | 'set_aside'>;
  created_by: string;
  created_at: CreatedAt;
}

export interface GoalStepTable {
  organisation_id: string;
  id: string;
  goal_id: string;
  text: string;
  owner_kind: PartyKind;
  owner_user_id: string | null;
  owner_member_id: string | null;
  owner_name: string | null;
  due_on: DateColumn;
  done_on: DateColumn;
  commitment_id: string | null;
  position: number;
  created_by: string;
  created_at: CreatedAt;
}

export interface GoalProgressTable {
  organisation_id: string;
  id: string;
  goal_id: string;
  score: number;
  rated_on: string;
  comment: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface GoalMilestoneTable {
  organisation_id: string;
  id: string;
  goal_id: string;
  text: string;
  reached_on: string;
  message: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface PlanVersionTable {
  organisation_id: string;
  id: string;
  person_id: string;
  number: number;
  agreed_on: string;
  participants: ColumnType<unknown, string, never>;
  snapshot: ColumnType<unknown, string, never>;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface AuditChainHeadTable {
  organisation_id: string;
  chain: number;
  last_seq: string;
  last_hash: Buffer;
}

export type AuditKind = 'routine' | 'break_glass' | 'security';
export type AuditOutcome = 'succeeded' | 'denied' | 'failed';

/** chain, seq, occurred_at and the hashes are set by the database trigger, never by the app. */
export interface AuditEventTable {
  organisation_id: string;
  chain: ColumnType<number, never, never>;
  seq: ColumnType<string, never, never>;
  occurred_at: ColumnType<Date, never, never>;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  kind: ColumnType<AuditKind, AuditKind | undefined, never>;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  outcome: AuditOutcome;
  source_address: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: ColumnType<Buffer, never, never>;
  hash: ColumnType<Buffer, never, never>;
}
export type NewAuditEvent = Insertable<AuditEventTable>;

export interface ContactTable {
  organisation_id: string;
  id: string;
  person_id: string;
  practitioner_id: string;
  kind: 'home_visit' | 'office' | 'phone' | 'video' | 'message' | 'letter';
  status: 'draft' | 'planned' | 'made' | 'attempted' | 'cancelled';
  initiated_by: Generated<'practitioner' | 'person'>;
  planned_start: NullableTimestamp;
  planned_end: NullableTimestamp;
  actual_start: NullableTimestamp;
  actual_end: NullableTimestamp;
  received_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  place: string | null;
  cancelled_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ContactParticipantTable {
  organisation_id: string;
  contact_id: string;
  network_member_id: string;
}

export interface ContactNoteTable {
  organisation_id: string;
  contact_id: string;
  version: number;
  text: string;
  correction_reason: string | null;
  written_by: string;
  written_at: Timestamp;
  signed_off_at: NullableTimestamp;
  signed_off_by: string | null;
}

export type PartyKind = 'practitioner' | 'person' | 'network_member' | 'other_professional';

export interface CommitmentTable {
  organisation_id: string;
  id: string;
  person_id: string;
  promised_by: PartyKind;
  promised_by_user_id: string | null;
  promised_by_member_id: string | null;
  promised_to: PartyKind;
  promised_to_user_id: string | null;
  promised_to_member_id: string | null;
  other_party_name: string | null;
  what: string;
  due_on: string;
  status: Generated<'open' | 'kept' | 'kept_late' | 'renegotiated' | 'not_kept'>;
  kept_on: DateColumn;
  made_in_contact_id: string | null;
  kept_in_contact_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CommitmentEventTable {
  organisation_id: string;
  id: string;
  commitment_id: string;
  event: 'made' | 'renegotiated' | 'kept' | 'kept_late' | 'not_kept';
  previous_due_on: DateColumn;
  new_due_on: DateColumn;
  reason: string | null;
  contact_id: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface CheckinCadenceTable {
  organisation_id: string;
  id: string;
  person_id: string;
  network_member_id: string | null;
  every_days: number;
  agreed_on: string;
  set_by: string;
  set_at: CreatedAt;
  ended_at: NullableTimestamp;
}

export interface IdempotencyKeyTable {
  organisation_id: string;
  user_id: string;
  key: string;
  route: string;
  request_hash: Buffer;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
}
