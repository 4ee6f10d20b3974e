import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/roles.js';
import { useSession } from '../auth/session-context';
import { PageHeading } from '../ui/page-heading';
import { AdministratorHome } from './administrator-home';
import { CaseloadList } from './caseload-list';
import { TeamChooser } from './team-chooser';
import type { CaseloadFilter } from './use-people';

/** Which filters each role gets: practitioners their own people and recent ones; overseers more. */
function filtersFor(role: Role): CaseloadFilter[] {
  return role === 'practitioner' ? ['mine', 'recent'] : ['mine', 'team', 'recent', 'all'];
}

const filterLabels = {
  mine: 'people.caseload.filterMine',
  team: 'people.caseload.filterTeam',
  recent: 'people.caseload.filterRecent',
  all: 'people.caseload.filterAll',
} as const;

/** Home: the people the user works with, searchable. The search text stays in this component. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [filter, setFilter] = useState<CaseloadFilter>(overseer ? 'all' : 'mine');
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);

  if (user.role === 'administrator') {
    return <AdministratorHome />;
  }
  const filters = filtersFor(user.role);
  const teamLabel = user.role === 'manager' ? t('people.caseload.filterByTeam') : t('people.caseload.filterTeam');

  return (
    <Stack gap="md">
      <PageHeading>{t('people.caseload.title')}</PageHeading>
      <Text>{overseer ? t('people.caseload.introOverseer') : t('people.caseload.intro')}</Text>
      <Stack gap="sm" component="search">
        <SegmentedControl
          aria-label={t('people.caseload.filterLabel')}
          value={filter}
          onChange={(value) => {
            setFilter(filters.find((candidate) => candidate === value) ?? filters[0]!);
            setPage(1);
          }}
          data={filters.map((value) => ({
            value,
            label: value === 'team' ? teamLabel : t(filterLabels[value]),
          }))}
          orientation={narrow && filters.length > 2 ? 'vertical' : 'horizontal'}
          fullWidth
          style={{ maxWidth: filters.length > 2 ? 640 : 420 }}
        />
        {user.role === 'manager' && filter === 'team' && (
          <TeamChooser
            value={teamId}
            onChange={(id) => {
              setTeamId(id);
              setPage(1);
            }}
          />
        )}
        <TextInput
          label={t('people.caseload.searchLabel')}
          description={t('people.caseload.searchHint')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          autoComplete="off"
          maxLength={100}
          style={{ maxWidth: 420 }}
        />
      </Stack>
      <CaseloadList
        query={{ q: debouncedSearch, filter, teamId, page }}
        searching={debouncedSearch.trim() !== ''}
        onPageChange={setPage}
      />
    </Stack>
  );
}
