import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { PageHeading } from '../ui/page-heading';
import { AdministratorHome } from './administrator-home';
import { CaseloadList } from './caseload-list';
import type { CaseloadFilter } from './use-people';

/** Home: the people the user works with, searchable. The search text stays in this component. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [filter, setFilter] = useState<CaseloadFilter>(overseer ? 'all' : 'mine');
  const [page, setPage] = useState(1);

  if (user.role === 'administrator') {
    return <AdministratorHome />;
  }

  return (
    <Stack gap="md">
      <PageHeading>{t('people.caseload.title')}</PageHeading>
      <Text>{overseer ? t('people.caseload.introOverseer') : t('people.caseload.intro')}</Text>
      <Stack gap="sm" component="search">
        {overseer && (
          <SegmentedControl
            aria-label={t('people.caseload.filterLabel')}
            value={filter}
            onChange={(value) => {
              setFilter(value === 'mine' ? 'mine' : 'all');
              setPage(1);
            }}
            data={[
              { value: 'mine', label: t('people.caseload.filterMine') },
              { value: 'all', label: t('people.caseload.filterAll') },
            ]}
            fullWidth
            style={{ maxWidth: 420 }}
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
        query={{ q: debouncedSearch, filter, page }}
        searching={debouncedSearch.trim() !== ''}
        onPageChange={setPage}
      />
    </Stack>
  );
}
