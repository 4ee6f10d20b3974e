import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cadence } from '../../domain/cadence.js';
import type { Person } from '../../domain/people.js';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { rhythmOrder } from './rhythm';
import { RhythmForm } from './rhythm-form';
import { RhythmFacts } from './rhythm-item';
import { useCadences, useSetCadence } from './use-cadence';

/**
 * The agreed rhythm of check-ins with the person (and, optionally, with members of their
 * network): how often, when next due, whether it has slipped — and a way to agree or change it.
 */
export function CheckinSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const cadences = useCadences(person.id);
  // 'new', or the id of the rhythm being changed.
  const [editing, setEditing] = useState<string | null>(null);
  const [stopping, setStopping] = useState<Cadence | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [stopError, setStopError] = useState<string | null>(null);
  const stop = useSetCadence(person.id);
  const personName = person.addressAs ?? person.fullName;
  const nameOf = (cadence: Cadence) => cadence.networkMember?.name ?? personName;
  const done = (message: string | null) => {
    setEditing(null);
    setSaved(message);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="checkins-heading">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="checkins-heading">
          {t('checkins.title')}
        </Title>
        {editing !== 'new' && cadences.data && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('checkins.add')}
          </Button>
        )}
      </Group>
      <Text size="sm">{t('checkins.intro', { name: personName })}</Text>
      <div role="status">
        {saved && (
          <Text size="sm" fw={600} c="teal.9">
            {saved}
          </Text>
        )}
      </div>
      {stopError && (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setStopError(null)}
        >
          {stopError}
        </Alert>
      )}
      {cadences.isPending && <Loader aria-label={t('common.loading')} />}
      {cadences.isError && (
        <Alert color="red" role="alert">
          {cadences.error.message}
        </Alert>
      )}
      {editing === 'new' && <RhythmForm personId={person.id} personName={personName} onDone={done} />}
      {cadences.data?.items.length === 0 && editing !== 'new' && (
        <Paper withBorder p="md" bg="gray.0">
          <Text size="sm">{t('checkins.none', { name: personName })}</Text>
        </Paper>
      )}
      {cadences.data && cadences.data.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('checkins.listLabel')}>
          {rhythmOrder(cadences.data.items).map((cadence) => (
            <Paper
              component="li"
              key={cadence.id}
              withBorder
              p="sm"
              data-testid="rhythm"
              data-state={cadence.state}
              style={
                cadence.state === 'overdue'
                  ? { borderInlineStart: '4px solid var(--mantine-color-orange-9)' }
                  : undefined
              }
            >
              <Stack gap="xs">
                <Text fw={700}>
                  {cadence.networkMember
                    ? t('checkins.withMember', { name: cadence.networkMember.name })
                    : t('checkins.withPerson', { name: personName })}
                </Text>
                <RhythmFacts cadence={cadence} />
                {editing === cadence.id ? (
                  <RhythmForm personId={person.id} personName={personName} current={cadence} onDone={done} />
                ) : (
                  <Group gap="xs" wrap="wrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(cadence.id)}>
                      {t('checkins.change')}
                      <span className="visually-hidden"> {t('checkins.withName', { name: nameOf(cadence) })}</span>
                    </Button>
                    <Button size="xs" variant="subtle" color="dark" onClick={() => setStopping(cadence)}>
                      {t('checkins.stop')}
                      <span className="visually-hidden"> {t('checkins.withName', { name: nameOf(cadence) })}</span>
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        opened={stopping !== null}
        title={t('checkins.stopTitle')}
        message={stopping ? t('checkins.stopBody', { name: nameOf(stopping) }) : ''}
        confirmLabel={t('checkins.stopConfirm')}
        busy={stop.isPending}
        onCancel={() => setStopping(null)}
        onConfirm={() => {
          if (stopping) {
            stop.mutate(
              { networkMemberId: stopping.networkMember?.id ?? null, everyDays: null },
              {
                onSuccess: () => done(t('checkins.stopped')),
                onError: (error) => setStopError(error.message),
                onSettled: () => setStopping(null),
              },
            );
          }
        }}
      />
    </Stack>
  );
}
