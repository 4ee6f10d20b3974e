import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sectors, type NetworkMember, type TieStrength } from '../../domain/network.js';
import { useDateFormat } from '../i18n/format';
import { ReasonForm } from '../ui/reason-form';
import { useRevealMemberContact } from './use-network';

export type MemberAction = 'edit' | 'end' | 'letter';

interface Props {
  personId: string;
  personName: string;
  members: NetworkMember[];
  sharesUpdates: ReadonlySet<string>;
  onAction: (action: MemberAction, member: NetworkMember) => void;
}

/**
 * The same ties as the ecomap, as a list grouped by sector: what screen readers and small screens
 * use, and where each tie's details, contact and actions are.
 */
export function NetworkList({ personId, personName, members, sharesUpdates, onAction }: Props) {
  const { t } = useTranslation();
  const groups = sectors
    .map((sector) => ({ sector, members: members.filter((member) => member.sector === sector) }))
    .filter((group) => group.members.length > 0);

  return (
    <Stack gap="md">
      {groups.map((group) => (
        <section key={group.sector} aria-labelledby={`sector-${group.sector}`}>
          <Title order={3} size="h5" id={`sector-${group.sector}`} mb="xs">
            {t('network.list.sectorHeading', {
              sector: t(`network.sectors.${group.sector}`),
              count: group.members.length,
            })}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {group.members.map((member) => (
              <MemberCard
                key={member.id}
                personId={personId}
                personName={personName}
                member={member}
                sharesUpdates={sharesUpdates.has(member.id)}
                onAction={onAction}
              />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

interface CardProps {
  personId: string;
  personName: string;
  member: NetworkMember;
  sharesUpdates: boolean;
  onAction: (action: MemberAction, member: NetworkMember) => void;
}

function MemberCard({ personId, personName, member, sharesUpdates, onAction }: CardProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const ended = member.endedOn !== null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-testid="network-member"
      data-member-name={member.name}
      style={member.isRisk ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {member.name}
          </Text>
          <Text c="dark.6" style={{ overflowWrap: 'anywhere' }}>
            — {member.relationship}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap">
          {member.isRisk && (
            <Badge color="red.8" variant="filled" leftSection={<span aria-hidden="true">⚠</span>}>
              {t('network.list.risk', { name: personName })}
            </Badge>
          )}
          {sharesUpdates && (
            <Badge color="teal.8" variant="outline" leftSection={<span aria-hidden="true">✓</span>}>
              {t('network.ecomap.sharesMark')}
            </Badge>
          )}
          {ended && (
            <Badge color="gray.8" variant="outline">
              {t('network.list.ended', { date: format.calendarDate(member.endedOn!) })}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" align="center">
          <LineSample strength={member.strength} />
          <Text size="sm">
            {t(`network.strength.${member.strength}`)} · {t(`network.support.${member.support}`, { name: personName })}
            {member.contactFrequency && <> · {t(`network.frequency.${member.contactFrequency}`)}</>}
          </Text>
        </Group>
        {member.isRisk && member.riskNote && (
          <Text size="sm" c="red.9" style={{ whiteSpace: 'pre-line' }}>
            {t('network.list.riskNote', { note: member.riskNote })}
          </Text>
        )}
        {member.endReason && <Text size="sm">{t('network.list.endReason', { reason: member.endReason })}</Text>}
        <MemberContact personId={personId} member={member} />
        {member.linkedPerson && (
          <Text size="sm">
            {t('network.list.alsoSupported')}{' '}
            <Anchor component={Link} to={`/people/${member.linkedPerson.id}`}>
              {member.linkedPerson.fullName}
            </Anchor>
          </Text>
        )}
        {member.startedOn && (
          <Text size="sm" c="dark.6">
            {t('network.list.since', { date: format.calendarDate(member.startedOn) })}
          </Text>
        )}
        {member.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {member.notes}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="light" onClick={() => onAction('edit', member)}>
            {t('network.list.edit')}
            <span className="visually-hidden"> {member.name}</span>
          </Button>
          {!ended && (
            <>
              <Button size="xs" variant="default" onClick={() => onAction('letter', member)}>
                {t('network.list.letter')}
                <span className="visually-hidden"> {t('network.list.toName', { name: member.name })}</span>
              </Button>
              <Button size="xs" variant="subtle" color="dark" onClick={() => onAction('end', member)}>
                {t('network.list.end')}
                <span className="visually-hidden"> {t('network.list.withName', { name: member.name })}</span>
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A member's contact details; restricted ones only after a stated reason, kept in this card. */
function MemberContact({ personId, member }: { personId: string; member: NetworkMember }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<NetworkMember['contact'] | null>(null);
  const [asking, setAsking] = useState(false);
  const reveal = useRevealMemberContact(personId);
  const contact = revealed ?? member.contact;

  if (contact.hidden) {
    return asking ? (
      <ReasonForm
        label={t('profile.contact.reasonLabel')}
        hint={t('profile.contact.reasonHint')}
        submitLabel={t('profile.contact.show')}
        busy={reveal.isPending}
        onCancel={() => setAsking(false)}
        onSubmit={(reason, fail) =>
          reveal.mutate(
            { memberId: member.id, reason },
            {
              onSuccess: (shown) => {
                setAsking(false);
                setRevealed(shown.contact);
              },
              onError: fail,
            },
          )
        }
      />
    ) : (
      <Group gap="xs" wrap="wrap">
        <Badge color="red.8" variant="outline">
          {t('profile.contact.restricted')}
        </Badge>
        <Text size="sm">{t('network.list.contactHidden')}</Text>
        <Button size="compact-sm" variant="outline" onClick={() => setAsking(true)}>
          {t('profile.contact.show')}
        </Button>
      </Group>
    );
  }
  const ways = [contact.phone, contact.email, contact.address].filter((value): value is string => Boolean(value));
  if (ways.length === 0) {
    return null;
  }
  return (
    <Group gap="xs" wrap="wrap" align="flex-start">
      {contact.restricted && (
        <Badge color="red.8" variant="outline">
          {t('profile.contact.restricted')}
        </Badge>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {ways.join(' · ')}
      </Text>
    </Group>
  );
}

/** A short sample of the tie's line, as drawn on the ecomap (decorative: the words say it). */
export function LineSample({ strength }: { strength: TieStrength }) {
  return (
    <svg width="36" height="12" viewBox="0 0 36 12" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      {strength === 'strong' && <line x1="0" y1="6" x2="36" y2="6" stroke="#08443b" strokeWidth="4.5" />}
      {strength === 'tenuous' && (
        <line x1="0" y1="6" x2="36" y2="6" stroke="#495057" strokeWidth="2" strokeDasharray="7 5" />
      )}
      {strength === 'stressful' && (
        <>
          <line x1="0" y1="6" x2="36" y2="6" stroke="#9b2222" strokeWidth="2" />
          <path d="M9 1v10M18 1v10M27 1v10" stroke="#9b2222" strokeWidth="1.75" />
        </>
      )}
    </svg>
  );
}
