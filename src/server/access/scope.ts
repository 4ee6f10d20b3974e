import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor.js';

/*
 * Legitimate-relationship access, written once as SQL predicates over a `people` row aliased `p`.
 * Every query that returns personal data filters with one of these, so access is enforced by the
 * database query itself and not by the caller remembering to check (SECURITY.md checks 8, 9, 17).
 *
 *   practitioner  the people allocated to them
 *   supervisor    the people allocated to anyone in a team they belong to (and their own)
 *   manager       everyone in the organisation
 *   administrator nobody: they manage staff and teams, not case content
 *
 * A restricted record is left out of every list and search except for its own allocated
 * practitioners; anyone else opens it only through break-glass, with a reason.
 */

/** `p` is allocated to the actor. */
export function allocatedToActor(actor: Actor): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from allocations a
    where a.organisation_id = p.organisation_id and a.person_id = p.id
      and a.user_id = ${actor.userId} and a.ended_at is null)`;
}

/** `p` is allocated to a member of a team the actor belongs to. */
export function allocatedWithinActorsTeams(actor: Actor): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from allocations a
    join team_members worker on worker.organisation_id = a.organisation_id and worker.user_id = a.user_id
    join team_members mine on mine.organisation_id = worker.organisation_id and mine.team_id = worker.team_id
    where a.organisation_id = p.organisation_id and a.person_id = p.id and a.ended_at is null
      and mine.user_id = ${actor.userId})`;
}

/** The actor holds unexpired break-glass access to `p`. */
export function holdsActiveGrant(actor: Actor): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from access_grants g
    where g.organisation_id = p.organisation_id and g.person_id = p.id
      and g.user_id = ${actor.userId} and g.expires_at > now())`;
}

/** The relationship the actor's role gives them, before restriction is considered. */
function roleReach(actor: Actor): RawBuilder<boolean> {
  switch (actor.role) {
    case 'practitioner':
      return allocatedToActor(actor);
    case 'supervisor':
      return sql<boolean>`(${allocatedToActor(actor)} or ${allocatedWithinActorsTeams(actor)})`;
    case 'manager':
      return sql<boolean>`true`;
    case 'administrator':
      return sql<boolean>`false`;
  }
}

/** People the actor may find: caseload lists, search, counts. */
export function findableBy(actor: Actor): RawBuilder<boolean> {
  return sql<boolean>`(p.organisation_id = ${actor.organisationId}
    and ${roleReach(actor)}
    and (not p.restricted or ${allocatedToActor(actor)}))`;
}

/** People the actor may open: what they may find, plus anything they hold break-glass access to. */
export function openableBy(actor: Actor): RawBuilder<boolean> {
  if (actor.role === 'administrator') {
    return sql<boolean>`false`;
  }
  return sql<boolean>`(p.organisation_id = ${actor.organisationId}
    and ((${roleReach(actor)} and (not p.restricted or ${allocatedToActor(actor)}))
         or ${holdsActiveGrant(actor)}))`;
}
