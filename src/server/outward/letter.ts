import type { Letter } from '../../domain/letters.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { hasConsent } from '../consent/consent.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { memberOf } from '../network/members.js';
import { selectMembers } from '../network/network.js';
import { readFromPerson } from '../people/person-scope.js';
import { outwardPerson } from './outward-person.js';

/**
 * A letter to someone in the person's network, to print and send — an outward-facing view, so it
 * needs the person's consent to share updates with that member, gets the person's details only
 * through `outwardPerson`, and is audited as a print.
 */
export async function letterToNetworkMember(
  db: Db,
  actor: Actor,
  personId: string,
  memberId: string,
  options: { includePersonContact: boolean },
): Promise<Letter> {
  return readFromPerson(db, actor, personId, 'person.letter.print', async (tx, person) => {
    const member = (await selectMembers(tx, actor, personId, { includeEnded: false, memberId }))[0];
    if (!member) {
      throw notFound('current member of this person’s network');
    }
    if (!(await hasConsent(tx, actor.organisationId, personId, memberId, 'share_updates'))) {
      throw new AppError(
        'conflict',
        `There is no current consent to share updates with ${member.name}. Record the person’s decision first.`,
      );
    }
    const row = await tx
      .selectFrom('people')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const organisation = await tx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', actor.organisationId)
      .executeTakeFirstOrThrow();
    const about = outwardPerson(row, { kind: 'network_member', memberId, isRisk: member.is_risk });
    const addressee = memberOf(member, person.allocatedToActor);
    const withheld: string[] = [];
    const paragraphs = [
      `I am ${actor.displayName} from ${organisation.name}. I work with ${about.name}, who has asked me to keep you up to date.`,
      `If you would like to talk about how things are going, please contact me at ${organisation.name}.`,
    ];
    if (options.includePersonContact) {
      if (about.contact) {
        const ways = [
          about.contact.phone && `phone ${about.contact.phone}`,
          about.contact.email && `email ${about.contact.email}`,
          about.contact.address && `write to ${about.contact.address}`,
        ].filter(Boolean);
        if (ways.length > 0) {
          paragraphs.splice(1, 0, `You can reach ${about.addressAs ?? about.name} directly: ${ways.join('; ')}.`);
        }
      } else {
        withheld.push(
          member.is_risk
            ? `${about.name}’s contact details: ${member.name} is recorded as a risk to them.`
            : `${about.name}’s contact details: they are restricted.`,
        );
      }
    }
    await recordAudit(tx, actor, {
      action: 'person.letter.print',
      recordType: 'network_member',
      recordId: memberId,
      personId,
      details: { includePersonContact: options.includePersonContact, withheld: withheld.length },
    });
    return {
      to: { name: member.name, address: addressee.contact.address },
      from: { name: actor.displayName, organisation: organisation.name },
      date: new Date().toISOString().slice(0, 10),
      greeting: `Dear ${member.name},`,
      paragraphs,
      signOff: `Yours sincerely,\n${actor.displayName}`,
      withheld,
    };
  });
}

/**
 * Every outward-facing builder that exists. The risk rule's test runs against each of them; a new
 * builder (a portal page, an export, a notification to family) is added here and is tested at once.
 */
export const outwardBuilders = [
  {
    name: 'letter to a network member',
    build: (db: Db, actor: Actor, personId: string, memberId: string) =>
      letterToNetworkMember(db, actor, personId, memberId, { includePersonContact: true }),
  },
] as const;
