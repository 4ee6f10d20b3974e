import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonListItem } from '../../domain/people.js';
import { api, withQuery } from '../api/client';
import type { Page } from '../people/use-people';

interface Props {
  /** The person whose network this is: not offered as a link to themselves. */
  excludeId: string;
  value: { id: string; fullName: string } | null;
  onChange: (person: { id: string; fullName: string } | null) => void;
  error?: string;
}

/**
 * Optional: the member is also someone the organisation supports. A name search (the text stays in
 * this component), then a choice from the people the user may see.
 */
export function PersonSearch({ excludeId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: ['people', 'link-search', debounced],
    queryFn: () =>
      api.get<Page<PersonListItem>>(withQuery('/api/people', { q: debounced, filter: 'all', pageSize: 6 })),
    enabled: debounced.length >= 2,
  });

  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('network.form.linkedPerson')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{value.fullName}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => onChange(null)}>
            {t('network.form.unlink')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const options = (results.data?.items ?? []).filter((person) => person.id !== excludeId);
  return (
    <Stack gap={4}>
      <TextInput
        label={t('network.form.linkedPerson')}
        description={t('network.form.linkedPersonHint')}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        autoComplete="off"
        maxLength={100}
        error={error}
      />
      {results.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
      {debounced.length >= 2 && results.data && (
        <Stack gap={4} role="group" aria-label={t('network.form.linkResults')}>
          {options.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('network.form.noMatches')}
            </Text>
          ) : (
            options.map((person) => (
              <Button
                key={person.id}
                size="compact-sm"
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  onChange({ id: person.id, fullName: person.fullName });
                  setSearch('');
                }}
              >
                {t('network.form.linkTo', { name: person.fullName })}
              </Button>
            ))
          )}
        </Stack>
      )}
    </Stack>
  );
}
