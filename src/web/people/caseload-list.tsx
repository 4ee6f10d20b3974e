import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonListItem } from '../../domain/people.js';
import { useSession } from '../auth/session-context';
import { VisitLinks } from '../brief/visit-links';
import { useDateFormat } from '../i18n/format';
import { Pager } from '../ui/pager';
import { usePeopleList, type CaseloadFilter, type CaseloadQuery } from './use-people';

interface Props {
  query: CaseloadQuery;
  searching: boolean;
  onPageChange: (page: number) => void;
}

export function CaseloadList({ query, searching, onPageChange }: Props) {
  const { t } = useTranslation();
  const people = usePeopleList(query);

  if (people.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (people.isError) {
    return (
      <Alert color="red" role="alert">
        {people.error.message}
      </Alert>
    );
  }
  const { items, total, pageSize } = people.data;
  return (
    <Stack gap="sm">
      <Text role="status" size="sm" c="gray.7">
        {searching ? t('people.caseload.matches', { count: total }) : t('people.caseload.count', { count: total })}
      </Text>
      {items.length === 0 ? (
        <EmptyCaseload searching={searching} filter={query.filter} />
      ) : (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('people.caseload.listLabel')}
        >
          {items.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
        </Stack>
      )}
      <Pager
        page={query.page}
        pageSize={pageSize}
        total={total}
        onChange={onPageChange}
        label={t('people.caseload.pagesLabel')}
      />
    </Stack>
  );
}

function PersonRow({ person }: { person: PersonListItem }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useDateFormat();
  const nameId = useId();
  // "you" first, then colleagues by name: what a practitioner scanning their own caseload needs.
  const mine = person.allocatedTo.some((allocation) => allocation.userId === user.id);
  const others = person.allocatedTo.filter((allocation) => allocation.userId !== user.id);
  const workers = format.list([
    ...(mine ? [t('people.caseload.you')] : []),
    ...others.map((allocation) => allocation.displayName),
  ]);
  return (
    <Paper component="li" withBorder px="md" py="sm">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <div>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/people/${person.id}`} fw={600} fz="lg" id={nameId}>
              {person.fullName}
            </Anchor>
            {person.restricted && (
              <Badge color="red" variant="light">
                {t('people.restricted')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dark.3">
            {workers ? t('people.caseload.allocatedTo', { names: workers }) : t('people.caseload.notAllocated')}
          </Text>
        </div>
        <VisitLinks personId={person.id} describedBy={nameId} />
      </Group>
    </Paper>
  );
}

function EmptyCaseload({ searching, filter }: { searching: boolean; filter: CaseloadFilter }) {
  const { t } = useTranslation();
  const message = searching
    ? t('people.caseload.emptySearch')
    : filter === 'mine'
      ? t('people.caseload.emptyMine')
      : filter === 'recent'
        ? t('people.caseload.emptyRecent')
        : filter === 'team'
          ? t('people.caseload.emptyTeam')
          : t('people.caseload.emptyAll');
  return (
    <Paper withBorder p="lg" bg="gray.0">
      <Text>{message}</Text>
    </Paper>
  );
}
