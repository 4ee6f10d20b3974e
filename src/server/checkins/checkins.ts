import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CheckinRequest, CheckinResponse, Instrument } from '../../domain/checkins.js';
import {
  checkAnswers,
  checkinAlerts,
  instrumentDefinition,
  scoreAnswers,
  toFhirQuestionnaire,
  type Answers,
  type InstrumentDefinition,
} from '../../domain/instruments.js';
import { shippedInstruments } from '../../domain/shipped-instruments.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Queryable, Tx } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { readFromPerson, writeToPerson } from '../people/person-scope.js';

/**
 * Rapport's own instruments are loaded into every organisation (once; a new version is a new row),
 * so each organisation's check-ins point at an instrument row of its own.
 */
export async function ensureShippedInstruments(db: Queryable, organisationId?: string): Promise<void> {
  let organisations = db.selectFrom('organisations').select('id');
  if (organisationId) {
    organisations = organisations.where('id', '=', organisationId);
  }
  for (const { id } of await organisations.execute()) {
    for (const input of shippedInstruments) {
      const definition = instrumentDefinition.parse(input);
      await db
        .insertInto('instruments')
        .values({
          organisation_id: id,
          id: randomUUID(),
          key: definition.key,
          version: definition.version,
          title: definition.title,
          validated: definition.validated,
          shipped: true,
          definition: JSON.stringify(definition),
        })
        .onConflict((conflict) => conflict.columns(['organisation_id', 'key', 'version']).doNothing())
        .execute();
    }
  }
}

type InstrumentRow = {
  id: string;
  key: string;
  version: string;
  title: string;
  validated: boolean;
  shipped: boolean;
  definition: unknown;
  loaded_at: Date;
};

function toInstrument(row: InstrumentRow): Instrument {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    title: row.title,
    validated: row.validated,
    shipped: row.shipped,
    definition: instrumentDefinition.parse(row.definition),
    loadedAt: row.loaded_at.toISOString(),
  };
}

const instrumentColumns = ['id', 'key', 'version', 'title', 'validated', 'shipped', 'definition', 'loaded_at'] as const;

/** The organisation's instruments in use (not retired). Definitions are not personal data. */
export async function listInstruments(db: Db, actor: Actor): Promise<Instrument[]> {
  const rows = await db
    .selectFrom('instruments')
    .select(instrumentColumns)
    .where('organisation_id', '=', actor.organisationId)
    .where('retired_at', 'is', null)
    .orderBy('key')
    .orderBy('loaded_at', 'desc')
    .execute();
  return rows.map(toInstrument);
}

async function instrumentById(db: Queryable, actor: Actor, instrumentId: string): Promise<Instrument | null> {
  const row = await db
    .selectFrom('instruments')
    .select(instrumentColumns)
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', instrumentId)
    .executeTakeFirst();
  return row ? toInstrument(row) : null;
}

export async function instrumentAsFhir(db: Db, actor: Actor, instrumentId: string, publicUrl: string) {
  const found = await instrumentById(db, actor, instrumentId);
  if (!found) {
    throw notFound('instrument');
  }
  return toFhirQuestionnaire(found.definition, `${publicUrl}/fhir`);
}

/**
 * Loads an instrument definition (already checked, with the path of any problem, by the route's
 * schema). Managers and administrators do this: it is the organisation's set-up, not case work. A
 * key and version already loaded is refused: a version never changes once people have answered it.
 */
export async function loadInstrument(db: Db, actor: Actor, definition: InstrumentDefinition): Promise<Instrument> {
  if (actor.role !== 'manager' && actor.role !== 'administrator') {
    throw forbidden('Managers and administrators load instruments.');
  }
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('instruments')
      .values({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        key: definition.key,
        version: definition.version,
        title: definition.title,
        validated: definition.validated,
        definition: JSON.stringify(definition),
        loaded_by: actor.userId,
      })
      .onConflict((conflict) => conflict.columns(['organisation_id', 'key', 'version']).doNothing())
      .returning(instrumentColumns)
      .executeTakeFirst();
    if (!row) {
      throw new AppError(
        'conflict',
        `Version ${definition.version} of "${definition.key}" is already loaded. Give the changed instrument a new version.`,
      );
    }
    await recordAudit(tx, actor, {
      action: 'instrument.load',
      recordType: 'instrument',
      recordId: row.id,
      details: { key: definition.key, version: definition.version, items: definition.items.length },
    });
    return toInstrument(row);
  });
}

async function selectResponses(
  tx: Queryable,
  actor: Actor,
  personId: string,
  options: { responseId?: string; limit?: number } = {},
): Promise<CheckinResponse[]> {
  let query = tx
    .selectFrom('checkin_responses as r')
    .innerJoin('instruments as i', (join) =>
      join.onRef('i.organisation_id', '=', 'r.organisation_id').onRef('i.id', '=', 'r.instrument_id'),
    )
    .leftJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'r.organisation_id').onRef('u.id', '=', 'r.recorded_by'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.answers',
      'r.total',
      'r.subscales',
      'r.alerts',
      'r.mode',
      'r.completed_at',
      'r.recorded_by',
      'u.display_name',
      'i.id as instrument_id',
      'i.key',
      'i.version',
      'i.title',
    ])
    .where('r.organisation_id', '=', actor.organisationId)
    .where('r.person_id', '=', personId);
  if (options.responseId) {
    query = query.where('r.id', '=', options.responseId);
  }
  const rows = await query
    .orderBy('r.completed_at', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    instrument: { id: row.instrument_id, key: row.key, version: row.version, title: row.title },
    answers: row.answers,
    total: row.total === null ? null : Number(row.total),
    subscales: row.subscales,
    alerts: row.alerts as CheckinResponse['alerts'],
    mode: row.mode,
    completedAt: row.completed_at.toISOString(),
    recordedBy: row.recorded_by && row.display_name ? { id: row.recorded_by, displayName: row.display_name } : null,
  }));
}

/** The person's check-ins, newest first, with their scores and what they raised. */
export async function listCheckins(db: Db, actor: Actor, personId: string): Promise<CheckinResponse[]> {
  return readFromPerson(db, actor, personId, 'person.checkins.read', async (tx) => {
    const items = await selectResponses(tx, actor, personId);
    await recordAudit(tx, actor, {
      action: 'person.checkins.read',
      recordType: 'person',
      recordId: personId,
      personId,
      details: { shown: items.length },
    });
    return items;
  });
}

/**
 * Records a check-in the person filled in (handed the device, or together): answers checked
 * against the instrument (422 naming `answers.<item>`), scored, and compared with the person's own
 * running baseline on the same instrument version to see whether anything should start a
 * conversation.
 */
export async function recordCheckin(
  db: Db,
  actor: Actor,
  personId: string,
  input: CheckinRequest,
): Promise<CheckinResponse> {
  return writeToPerson(db, actor, personId, 'checkin.record', async (tx) => {
    const found = await instrumentById(tx, actor, input.instrumentId);
    if (!found) {
      throw new AppError('validation_failed', 'Some fields need attention.', [
        { field: 'instrumentId', message: 'Choose one of your organisation’s instruments' },
      ]);
    }
    const answers: Answers = input.answers;
    const problems = checkAnswers(found.definition, answers);
    if (problems.length > 0) {
      throw new AppError(
        'validation_failed',
        'Some answers need attention.',
        problems.map((problem) => ({ field: `answers.${problem.linkId}`, message: problem.message })),
      );
    }
    const kept = Object.fromEntries(
      Object.entries(answers).filter(
        (entry): entry is [string, number | string] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '',
      ),
    );
    const earlier = await tx
      .selectFrom('checkin_responses')
      .select('total')
      .where('organisation_id', '=', actor.organisationId)
      .where('person_id', '=', personId)
      .where('instrument_id', '=', found.id)
      .orderBy('completed_at', 'asc')
      .execute();
    const scores = scoreAnswers(found.definition, kept);
    const alerts = checkinAlerts(
      found.definition,
      kept,
      earlier.map((row) => (row.total === null ? null : Number(row.total))),
    );
    const id = randomUUID();
    await tx
      .insertInto('checkin_responses')
      .values({
        organisation_id: actor.organisationId,
        id,
        person_id: personId,
        instrument_id: found.id,
        answers: JSON.stringify(kept),
        total: scores.total,
        subscales: JSON.stringify(scores.subscales),
        alerts: JSON.stringify(alerts),
        mode: input.mode,
        recorded_by: actor.userId,
      })
      .execute();
    if (alerts.length > 0) {
      await raiseCheckinAlerts(tx, actor, personId, id);
    }
    await recordAudit(tx, actor, {
      action: 'checkin.record',
      recordType: 'checkin',
      recordId: id,
      personId,
      details: { instrument: found.key, version: found.version, alerts: alerts.length },
    });
    return (await selectResponses(tx, actor, personId, { responseId: id }))[0]!;
  });
}

/**
 * A check-in that raised something starts a conversation: a prompt to each practitioner allocated
 * to the person ("What could I do differently?") and a signal to the supervisors of their teams.
 * The check-in is the reason (unique per recipient), so it is never raised twice.
 */
async function raiseCheckinAlerts(tx: Tx, actor: Actor, personId: string, responseId: string): Promise<void> {
  const practitioners = await tx
    .selectFrom('allocations as a')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.user_id'),
    )
    .select('u.id')
    .where('a.organisation_id', '=', actor.organisationId)
    .where('a.person_id', '=', personId)
    .where('a.ended_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .execute();
  const supervisors = await tx
    .selectFrom('users as u')
    .select('u.id')
    .where('u.organisation_id', '=', actor.organisationId)
    .where('u.role', '=', 'supervisor')
    .where('u.disabled_at', 'is', null)
    .where(
      sql<boolean>`exists (
        select 1 from team_members mine
        join team_members theirs on theirs.organisation_id = mine.organisation_id and theirs.team_id = mine.team_id
        join allocations a on a.organisation_id = theirs.organisation_id and a.user_id = theirs.user_id
        where mine.organisation_id = u.organisation_id and mine.user_id = u.id
          and a.person_id = ${personId} and a.ended_at is null)`,
    )
    .execute();
  const rows = [
    ...practitioners.map((row) => ({ userId: row.id, kind: 'checkin_prompt' as const })),
    ...supervisors
      .filter((row) => !practitioners.some((p) => p.id === row.id))
      .map((row) => ({ userId: row.id, kind: 'checkin_signal' as const })),
  ];
  if (rows.length === 0) {
    return;
  }
  await tx
    .insertInto('notifications')
    .values(
      rows.map(({ userId, kind }) => ({
        organisation_id: actor.organisationId,
        id: randomUUID(),
        user_id: userId,
        kind,
        person_id: personId,
        subject_id: responseId,
        reason_key: `${kind}:${responseId}`,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['organisation_id', 'user_id', 'reason_key']).where('reason_key', 'is not', null).doNothing(),
    )
    .execute();
}
