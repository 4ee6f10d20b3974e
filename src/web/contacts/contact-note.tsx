import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, NoteVersion } from '../../domain/contacts.js';
import { useDateFormat } from '../i18n/format';
import { FormMessage } from '../ui/form-message';
import { CorrectionForm, NoteForm } from './note-forms';
import { useContactChanges } from './use-contacts';

type Mode = 'view' | 'edit' | 'signing' | 'correct';

/**
 * The note of a contact, with every version kept. Until it is signed off it can be edited; after,
 * it is read-only and "Correct this note" adds a new version with the reason — both stay visible.
 */
export function ContactNote({ contact, personName }: { contact: Contact; personName: string }) {
  const { t } = useTranslation();
  const changes = useContactChanges(contact.personId);
  const [mode, setMode] = useState<Mode>('view');
  const [done, setDone] = useState<string | null>(null);
  const latest = contact.notes.at(-1) ?? null;
  const signedOff = Boolean(latest?.signedOffAt);
  const headingId = `note-${contact.id}`;

  function begin(next: Mode) {
    setDone(null);
    setMode(next);
  }
  function finish(message: string) {
    setMode('view');
    setDone(message);
  }
  function signOff() {
    changes.signOff.mutate(contact.id, { onSuccess: () => finish(t('contacts.note.signedOffDone')) });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t('contacts.note.title')}
      </Title>
      {contact.notes.length === 0 ? (
        <Text c="dark.6">{t('contacts.note.none')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={contact.notes.length > 1 ? t('contacts.note.versionsLabel') : t('contacts.note.title')}
        >
          {contact.notes.map((version) => (
            <VersionView
              key={version.version}
              version={version}
              current={version === latest}
              numbered={contact.notes.length > 1}
            />
          ))}
        </Stack>
      )}
      <Text role="status" size="sm" c="teal.9">
        {done}
      </Text>
      {mode === 'view' && contact.status !== 'cancelled' && (
        <Group gap="sm" wrap="wrap">
          {!signedOff && (
            <Button variant="default" onClick={() => begin('edit')}>
              {latest ? t('contacts.note.edit') : t('contacts.note.add')}
            </Button>
          )}
          {latest && !signedOff && <Button onClick={() => begin('signing')}>{t('contacts.note.signOff')}</Button>}
          {signedOff && (
            <Button variant="default" onClick={() => begin('correct')}>
              {t('contacts.note.correct')}
            </Button>
          )}
        </Group>
      )}
      {mode === 'signing' && (
        <Alert color="teal" variant="light" title={t('contacts.note.signOffTitle')}>
          <Stack gap="sm">
            <Text c="dark.9">{t('contacts.note.signOffBody')}</Text>
            <FormMessage message={changes.signOff.error ? changes.signOff.error.message : null} />
            <Group gap="sm">
              <Button onClick={signOff} loading={changes.signOff.isPending}>
                {t('contacts.note.signOffConfirm')}
              </Button>
              <Button variant="default" onClick={() => setMode('view')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {mode === 'edit' && (
        <NoteForm
          contactId={contact.id}
          personId={contact.personId}
          personName={personName}
          initialText={latest?.text ?? ''}
          onDone={() => finish(t('contacts.note.saved'))}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'correct' && latest && (
        <CorrectionForm
          contactId={contact.id}
          personId={contact.personId}
          personName={personName}
          initialText={latest.text}
          onDone={() => finish(t('contacts.note.corrected'))}
          onCancel={() => setMode('view')}
        />
      )}
    </Stack>
  );
}

function VersionView({ version, current, numbered }: { version: NoteVersion; current: boolean; numbered: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const someone = t('promises.history.someone');
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      bg={current ? undefined : 'gray.0'}
      data-testid="note-version"
      data-version={version.version}
    >
      <Stack gap={4}>
        {numbered && (
          <Text size="sm" fw={600}>
            {t('contacts.note.version', { number: version.version })}
            {current ? ` · ${t('contacts.note.current')}` : ''}
          </Text>
        )}
        {version.correctionReason && (
          <Text size="sm" c="dark.8" style={{ overflowWrap: 'anywhere' }}>
            {t('contacts.note.correctionReason', { reason: version.correctionReason })}
          </Text>
        )}
        <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{version.text}</Text>
        <Text size="xs" c="dark.6">
          {t('contacts.note.written', {
            name: version.writtenBy.displayName ?? someone,
            time: format.dateTime(version.writtenAt),
          })}
        </Text>
        <Text size="xs" c={version.signedOffAt ? 'dark.6' : 'orange.9'}>
          {version.signedOffAt
            ? t('contacts.note.signedOff', {
                name: version.signedOffBy?.displayName ?? someone,
                time: format.dateTime(version.signedOffAt),
              })
            : t('contacts.note.notSignedOff')}
        </Text>
      </Stack>
    </Paper>
  );
}
