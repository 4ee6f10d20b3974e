import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { useDateFormat } from '../i18n/format';

/**
 * Who the person is allocated to and when the record began. `showAllocations` is off when the
 * allocation section below lists them.
 */
export function PersonSummary({ person, showAllocations }: { person: Person; showAllocations: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {person.restricted && (
          <Group gap="xs">
            <Badge color="red" variant="light">
              {t('people.restricted')}
            </Badge>
            <Text size="sm">{t('people.person.restrictedNote')}</Text>
          </Group>
        )}
        {showAllocations && (
          <Title order={2} size="h4">
            {t('people.person.allocatedHeading')}
          </Title>
        )}
        {!showAllocations ? null : person.allocations.length === 0 ? (
          <Text>{t('people.person.noAllocation')}</Text>
        ) : (
          <List spacing={4}>
            {person.allocations.map((allocation) => (
              <List.Item key={allocation.id}>
                {t('people.person.allocatedSince', {
                  name: allocation.displayName,
                  date: format.date(allocation.since),
                })}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm" c="dark.4">
          {t('people.person.recordedOn', { date: format.date(person.createdAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
