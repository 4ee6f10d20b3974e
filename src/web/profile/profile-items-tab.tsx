import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import type { Person } from '../../domain/people.js';
import type { ProfileItem, ProfileItemKind } from '../../domain/profile.js';
import { useDateFormat } from '../i18n/format';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ProfileItemForm } from './profile-item-form';
import { orderThingsToRemember } from './remember-order';
import { useArchiveProfileItem, useProfileItems } from './use-profile';

const sectionOrder: ProfileItemKind[] = ['what_matters', 'strength', 'to_remember', 'approach_with_care'];

/** What matters to the person and their strengths, in their words; things to remember; care. */
export function ProfileItemsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const items = useProfileItems(person.id);
  if (items.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (items.isError) {
    return (
      <Alert color="red" role="alert">
        {items.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('profile.items.title')}
      </Title>
      {sectionOrder.map((kind) => (
        <ItemSection
          key={kind}
          kind={kind}
          person={person}
          items={items.data.items.filter((item) => item.kind === kind && item.archivedAt === null)}
        />
      ))}
    </Stack>
  );
}

function ItemSection({ kind, person, items }: { kind: ProfileItemKind; person: Person; items: ProfileItem[] }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [archiving, setArchiving] = useState<ProfileItem | null>(null);
  const archive = useArchiveProfileItem(person.id);
  const headingId = `items-${kind}-heading`;
  const care = kind === 'approach_with_care';

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      className={care ? 'approach-with-care' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {t(`profile.items.${kind}.title`)}
          </Title>
          {!adding && (
            <Button variant="light" size="xs" onClick={() => setAdding(true)}>
              {t(`profile.items.${kind}.add`)}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dark.6">
          {t(`profile.items.${kind}.intro`)}
        </Text>
        {adding && (
          <ProfileItemForm
            personId={person.id}
            kind={kind}
            defaultSaidBy={person.addressAs ?? person.fullName}
            onDone={() => setAdding(false)}
          />
        )}
        {items.length === 0 && !adding && <Text c="dimmed">{t(`profile.items.${kind}.empty`)}</Text>}
        {items.length > 0 && <ItemList kind={kind} items={items} onArchive={setArchiving} />}
        {archive.isError && (
          <Alert color="red" role="alert">
            {archive.error.message}
          </Alert>
        )}
      </Stack>
      <ConfirmDialog
        opened={archiving !== null}
        title={t('profile.items.archiveTitle')}
        message={archiving ? t('profile.items.archiveBody', { text: shorten(archiving.text) }) : ''}
        confirmLabel={t('profile.items.archive')}
        busy={archive.isPending}
        onCancel={() => setArchiving(null)}
        onConfirm={() => {
          if (archiving) {
            archive.mutate(archiving.id, { onSettled: () => setArchiving(null) });
          }
        }}
      />
    </Paper>
  );
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

interface ListProps {
  kind: ProfileItemKind;
  items: ProfileItem[];
  onArchive: (item: ProfileItem) => void;
}

function ItemList({ kind, items, onArchive }: ListProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const archiveButton = (item: ProfileItem) => (
    <Button
      variant="subtle"
      color="dark"
      size="compact-xs"
      onClick={() => onArchive(item)}
      aria-label={t('profile.items.archiveLabel', { text: shorten(item.text) })}
    >
      {t('profile.items.archive')}
    </Button>
  );

  if (kind === 'what_matters' || kind === 'strength') {
    const newestFirst = [...items].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {newestFirst.map((item) => (
          <li key={item.id}>
            <figure className="quotation">
              <blockquote>
                <Text style={{ whiteSpace: 'pre-line' }}>{t('profile.items.quoted', { text: item.text })}</Text>
              </blockquote>
              <Group component="figcaption" justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm" c="dark.6">
                  {item.saidOn
                    ? t('profile.items.saidByOn', {
                        name: item.saidBy ?? '',
                        date: format.calendarDate(item.saidOn),
                      })
                    : t('profile.items.saidByOnly', { name: item.saidBy ?? '' })}
                </Text>
                {archiveButton(item)}
              </Group>
            </figure>
          </li>
        ))}
      </Stack>
    );
  }

  const today = todayIso();
  const entries =
    kind === 'to_remember'
      ? orderThingsToRemember(items, today)
      : [...items]
          .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
          .map((item) => ({ item, next: null, daysAway: null }));
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {entries.map(({ item, next, daysAway }) => (
        <Paper component="li" key={item.id} withBorder p="sm" bg={care(kind) ? 'white' : undefined}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              {next !== null && daysAway !== null && (
                <Text size="sm" fw={700} c={daysAway < 0 ? 'dark.4' : 'teal.9'}>
                  {item.everyYear
                    ? t('profile.items.yearly', { date: format.dayAndMonth(next), count: daysAway })
                    : daysAway < 0
                      ? t('profile.items.passed', { date: format.calendarDate(next) })
                      : t('profile.items.onDay', { date: format.calendarDate(next), count: daysAway })}
                </Text>
              )}
              <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{item.text}</Text>
              <Text size="xs" c="dark.4">
                {t('profile.items.notedBy', {
                  name: item.recordedBy.displayName ?? t('profile.items.someone'),
                  date: format.date(item.recordedAt),
                })}
              </Text>
            </Stack>
            {archiveButton(item)}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function care(kind: ProfileItemKind): boolean {
  return kind === 'approach_with_care';
}
