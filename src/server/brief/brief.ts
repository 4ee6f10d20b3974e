import { sql, type Expression } from 'kysely';
import { nextOccurrence, type Brief } from '../../domain/brief.js';
import { localDate } from '../../domain/cadence.js';
import { outstanding } from '../../domain/commitments.js';
import type { ContactKind } from '../../domain/contacts.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../domain/roles.js';
import { openableBy } from '../access/scope.js';
import { auditRowsFrom, recordDenied } from '../audit/audit.js';
import { cadencesQuery, describeCadence, type CadenceRow } from '../cadence/cadence.js';
import { commitmentFromRow, commitmentsQuery, type CommitmentRow } from '../commitments/commitments.js';
import { prepared, queryBuilder, StatementTemplate, type Db } from '../db/database.js';
import { personNotFound } from '../people/person-scope.js';

const day = 86_400_000;
const action = 'person.brief.read';

type Item = {
  id: string;
  kind: string;
  text: string;
  saidBy: string | null;
  saidOn: string | null;
  onDate: string | null;
  everyYear: boolean;
};
type LastContact = { id: string; kind: ContactKind; at: string; practitioner: string; note: string | null };
type NetworkChange = { name: string; change: 'added' | 'changed' | 'ended'; on: string };
/** A rhythm as it comes through JSON: its last contact as text, not yet a Date. */
type CadenceJson = Omit<CadenceRow, 'last_contact_at'> & { last_contact_at: string | null };

interface BriefRow {
  id: string;
  full_name: string;
  address_as: string | null;
  pronouns: string | null;
  preferred_language: string | null;
  interpreter_needed: boolean;
  interpreter_language: string | null;
  preferred_channels: string[];
  best_times: string | null;
  communication_to_avoid: string | null;
  accessibility_needs: string | null;
  time_zone: string;
  items: Item[];
  last_contact: LastContact | null;
  network_changes: NetworkChange[];
  promises: CommitmentRow[];
  agreed: CommitmentRow[];
  cadences: CadenceJson[];
  goals: Brief['goals'];
  latest_checkin: (Omit<NonNullable<Brief['latestCheckIn']>, 'total'> & { total: number | string | null }) | null;
}

/** Rows of an embedded query as one JSON array, in the query's own order. */
const jsonRows = (query: Expression<unknown>) => sql`(select coalesce(json_agg(x), '[]'::json) from (${query}) x)`;

type BriefHoles = {
  organisationId: string;
  userId: string;
  sourceAddress: string | null;
  personId: string;
  utcToday: string;
};

/** The brief's one statement, built and compiled once per role (its text changes with nothing else). */
export const briefStatement = new StatementTemplate<BriefHoles>(
  ['organisationId', 'userId', 'sourceAddress', 'personId', 'utcToday'],
  ({ organisationId, userId, sourceAddress, personId, utcToday }, role) => {
    const actor: Actor = {
      organisationId,
      userId,
      sourceAddress,
      role: role as Role,
      displayName: '',
      sessionId: null,
    };
    const db = queryBuilder;
    const scope = db
      .selectFrom('people as p')
      .select(['p.organisation_id', 'p.id'])
      .where('p.organisation_id', '=', actor.organisationId)
      .where('p.id', '=', personId)
      .where(openableBy(actor));
    const audit = auditRowsFrom('scope', actor, { action, recordType: 'person', recordId: personId, personId });
    return sql<BriefRow>`${prepared}
    with scope as (${scope}), audited as (${audit})
    select p.id, p.full_name, p.address_as, p.pronouns, p.preferred_language, p.interpreter_needed,
      p.interpreter_language, p.preferred_channels, p.best_times, p.communication_to_avoid,
      p.accessibility_needs, o.time_zone,
      (select coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'text', i.text, 'saidBy', i.said_by,
              'saidOn', i.said_on, 'onDate', i.on_date, 'everyYear', i.every_year) order by i.recorded_at desc), '[]'::json)
        from profile_items i
        where i.organisation_id = p.organisation_id and i.person_id = p.id and i.archived_at is null) as items,
      case when lc.id is null then null else json_build_object('id', lc.id, 'kind', lc.kind,
        'at', to_char(lc.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'practitioner', lcu.display_name,
        'note', (select n.text from contact_notes n
                 where n.organisation_id = p.organisation_id and n.contact_id = lc.id order by n.version desc limit 1))
      end as last_contact,
      (select coalesce(json_agg(x order by x.on desc), '[]'::json) from (
        select m.name, case when m.ended_on is not null and m.updated_at > now() - interval '30 days' then 'ended'
                            when m.created_at > now() - interval '30 days' then 'added' else 'changed' end as change,
               to_char(greatest(m.created_at, m.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as on
        from network_members m
        where m.organisation_id = p.organisation_id and m.person_id = p.id and m.updated_at > now() - interval '30 days'
        order by m.updated_at desc limit 10) x) as network_changes,
      ${jsonRows(commitmentsQuery(db, actor, { personId, status: 'outstanding', personInCheckedScope: true }, utcToday))} as promises,
      ${jsonRows(
        commitmentsQuery(
          db,
          actor,
          { personId, madeInContactId: sql<string>`lc.id`, status: 'all', personInCheckedScope: true },
          utcToday,
        ),
      )} as agreed,
      ${jsonRows(cadencesQuery(db, actor, sql<boolean>`k.person_id = ${personId}`))} as cadences,
      (select coalesce(json_agg(json_build_object('id', g.id, 'inTheirWords', g.in_their_words, 'saidBy', g.said_by,
          'latestProgress', (select json_build_object('score', r.score, 'ratedOn', r.rated_on) from goal_progress r
             where r.organisation_id = g.organisation_id and r.goal_id = g.id order by r.rated_on desc, r.recorded_at desc limit 1),
          'latestMilestone', (select json_build_object('text', x.text, 'reachedOn', x.reached_on) from goal_milestones x
             where x.organisation_id = g.organisation_id and x.goal_id = g.id order by x.reached_on desc limit 1),
          'openSteps', (select count(*) from goal_steps st
             where st.organisation_id = g.organisation_id and st.goal_id = g.id and st.done_on is null)
        ) order by g.created_at), '[]'::json)
        from goals g where g.organisation_id = p.organisation_id and g.person_id = p.id and g.status = 'active') as goals,
      (select json_build_object('instrument', i.title,
          'completedAt', to_char(r.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'total', r.total, 'raisedSomething', jsonb_array_length(r.alerts) > 0)
        from checkin_responses r
        join instruments i on i.organisation_id = r.organisation_id and i.id = r.instrument_id
        where r.organisation_id = p.organisation_id and r.person_id = p.id
        order by r.completed_at desc limit 1) as latest_checkin,
      set_config('synchronous_commit', 'off', true) as commit_without_waiting
    from scope s
    join people p on p.organisation_id = s.organisation_id and p.id = s.id
    join organisations o on o.id = p.organisation_id
    left join lateral (
      select c.id, c.kind, c.practitioner_id, coalesce(c.actual_start, c.received_at) as at
      from contacts c
      where c.organisation_id = p.organisation_id and c.person_id = p.id and c.status in ('made', 'attempted')
      order by coalesce(c.actual_start, c.received_at) desc limit 1) lc on true
    left join users lcu on lcu.organisation_id = p.organisation_id and lcu.id = lc.practitioner_id`;
  },
);

/**
 * The pre-visit brief, audited as a read of the record. Practitioners' promises and the person's (and
 * family's, and other professionals') are kept apart, overdue first; dated things to remember come
 * soonest first.
 *
 * One statement, so one round trip and one snapshot: the scope check (the same predicate as every
 * read of the record), the audit row (inserted only when the scope check finds the person), and every
 * part of the brief as JSON, using the promises' and rhythms' own queries. Like any audited read
 * (readTransaction), its commit does not wait for the disk (`set_config(…, true)` lasts only for
 * this statement's transaction). Out of scope is 404, audited as denied, as readFromPerson does.
 * Its text varies only with the actor's role, so it is planned once per connection (`prepared`): its
 * planning costs several times its execution.
 */
export async function getBrief(db: Db, actor: Actor, personId: string): Promise<Brief> {
  const utcToday = new Date().toISOString().slice(0, 10); // as selectCommitments reckons overdue
  const { rows } = await db.executeQuery<BriefRow>(
    briefStatement.compile(actor.role, {
      organisationId: actor.organisationId,
      userId: actor.userId,
      sourceAddress: actor.sourceAddress,
      personId,
      utcToday,
    }),
  );
  const core = rows[0];
  if (!core) {
    await recordDenied(db, actor, { action, recordType: 'person', recordId: personId, personId });
    throw personNotFound();
  }

  const today = localDate(new Date(), core.time_zone);
  const promises = core.promises.map((row) => commitmentFromRow(row, actor, utcToday));
  const agreed = core.agreed.map((row) => commitmentFromRow(row, actor, utcToday));
  const cadences = core.cadences
    .map((row) =>
      describeCadence(
        { ...row, last_contact_at: row.last_contact_at === null ? null : new Date(row.last_contact_at) },
        core.time_zone,
        today,
      ),
    )
    .map(({ personId: _p, personName: _n, ...cadence }) => cadence);

  const things = core.items
    .filter((item) => item.kind === 'to_remember')
    .map((item) => {
      const onDate = item.onDate ? nextOccurrence(item.onDate, item.everyYear, today) : null;
      return {
        id: item.id,
        text: item.text,
        onDate,
        everyYear: item.everyYear,
        daysAway: onDate ? Math.round((Date.parse(onDate) - Date.parse(today)) / day) : null,
      };
    })
    // Coming dates first (soonest first), then undated; past one-off dates last.
    .sort((a, b) => rank(a) - rank(b) || (a.onDate ?? '').localeCompare(b.onDate ?? ''));

  return {
    person: {
      id: core.id,
      fullName: core.full_name,
      addressAs: core.address_as,
      pronouns: core.pronouns,
      preferredLanguage: core.preferred_language,
      interpreterNeeded: core.interpreter_needed,
      interpreterLanguage: core.interpreter_language,
      preferredChannels: core.preferred_channels,
      bestTimes: core.best_times,
      communicationToAvoid: core.communication_to_avoid,
      accessibilityNeeds: core.accessibility_needs,
    },
    thingsToRemember: things,
    approachWithCare: core.items
      .filter((item) => item.kind === 'approach_with_care')
      .map((item) => ({ id: item.id, text: item.text })),
    whatMatters: core.items
      .filter((item) => item.kind === 'what_matters')
      .map((item) => ({ text: item.text, saidBy: item.saidBy, saidOn: item.saidOn })),
    promises: {
      byUs: promises.filter((item) => item.by.kind === 'practitioner' && outstanding(item.status)),
      toUs: promises.filter((item) => item.by.kind !== 'practitioner' && outstanding(item.status)),
    },
    lastContact: core.last_contact ? { ...core.last_contact, agreed } : null,
    cadences,
    networkChanges: core.network_changes,
    goals: core.goals,
    latestCheckIn: core.latest_checkin
      ? {
          ...core.latest_checkin,
          total: core.latest_checkin.total === null ? null : Number(core.latest_checkin.total),
        }
      : null,
    workingAgreement: null,
  };
}

function rank(thing: { onDate: string | null; daysAway: number | null }): number {
  if (thing.daysAway === null) {
    return 1;
  }
  return thing.daysAway >= 0 ? 0 : 2;
}
