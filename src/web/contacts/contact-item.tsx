import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../domain/contacts.js';
import { useDateFormat } from '../i18n/format';
import { ContactNote } from './contact-note';
import { contactTime, describeDuration, describeMeasures, noteState } from './describe-contact';
import { PlannedChange } from './planned-change';

interface Props {
  contact: Contact;
  personName: string;
  open: boolean;
  justRecorded: boolean;
  onToggle: () => void;
}

const noteStateColour = { none: 'gray', open: 'orange', signed: 'teal' } as const;

/** One contact: what, when, who, how it went against the plan; opened in place for its note. */
export function ContactItem({ contact, personName, open, justRecorded, onToggle }: Props) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const detailsId = useId();
  const kind = t(`contacts.kinds.${contact.kind}`);
  const when = format.dateTime(contactTime(contact));
  const state = noteState(contact);
  const present = (items: (string | null)[]) => items.filter((item): item is string => Boolean(item));
  // Two lines to scan: who, where and with whom; then how it went against the plan.
  const who = present([
    t('contacts.by', { name: contact.practitioner.displayName }),
    contact.participants.length > 0
      ? t('contacts.with', { names: format.list(contact.participants.map((participant) => participant.name)) })
      : null,
    contact.place ? t('contacts.at', { place: contact.place }) : contact.placeHidden ? t('contacts.placeHidden') : null,
    contact.initiatedBy === 'person' ? t('contacts.theyStarted', { name: personName }) : null,
    contact.cancelledReason ? t('contacts.cancelledBecause', { reason: contact.cancelledReason }) : null,
  ]);
  const measures = present([
    contact.status !== 'planned' && contact.plannedStart
      ? t('contacts.plannedFor', { time: format.dateTime(contact.plannedStart) })
      : null,
    contact.actualStart && contact.actualEnd
      ? t('contacts.lasted', {
          duration: describeDuration(t, (Date.parse(contact.actualEnd) - Date.parse(contact.actualStart)) / 60_000),
        })
      : null,
    ...describeMeasures(t, contact),
  ]);

  return (
    <Paper
      component="li"
      withBorder
      px="md"
      py="sm"
      data-testid="contact"
      data-contact-id={contact.id}
      data-status={contact.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600}>
              {kind} · {when}
            </Text>
            <Group gap={6} wrap="wrap">
              {contact.status !== 'made' && (
                <Badge variant="outline" color="dark.6">
                  {t(`contacts.status.${contact.status}`)}
                </Badge>
              )}
              {contact.status !== 'planned' && contact.status !== 'cancelled' && (
                <Badge variant="light" color={noteStateColour[state]}>
                  {t(`contacts.noteState.${state}`)}
                </Badge>
              )}
              {contact.notes.length > 1 && (
                <Badge variant="outline" color="dark.6">
                  {t('contacts.noteState.corrected')}
                </Badge>
              )}
            </Group>
            {[who, measures].map(
              (line) =>
                line.length > 0 && (
                  <Text key={line.join()} size="sm" c="dark.7" style={{ overflowWrap: 'anywhere' }}>
                    {line.join(' · ')}
                  </Text>
                ),
            )}
          </Stack>
          <Button
            variant="light"
            size="compact-md"
            onClick={onToggle}
            aria-expanded={open}
            aria-controls={detailsId}
            style={{ flexShrink: 0 }}
          >
            {open ? t('contacts.close') : t('contacts.open')}
            <span className="visually-hidden"> {t('contacts.openLabel', { what: kind, when })}</span>
          </Button>
        </Group>
        {justRecorded && (
          <Alert color="teal" variant="light" role="status">
            {t('contacts.recorded')}
          </Alert>
        )}
        <div id={detailsId} hidden={!open}>
          {open && (
            <Stack gap="sm" pt="xs">
              {contact.status === 'draft' && (
                <div>
                  <Button
                    component={Link}
                    to={`/people/${contact.personId}/contacts/new`}
                    state={{ continueDraft: contact.id }}
                  >
                    {t('contacts.continueDraft')}
                  </Button>
                </div>
              )}
              {contact.status === 'planned' && <PlannedChange contact={contact} />}
              {contact.status !== 'draft' && <ContactNote contact={contact} personName={personName} />}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
