import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { AddGoal } from './add-goal';
import { GoalCard } from './goal-card';
import { PlanVersions } from './plan-versions';
import { useGoals } from './use-goals';

/** The person's Goals tab: their goals in their words, then the plan as agreed over time. */
export function GoalsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const goals = useGoals(person.id);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const name = person.addressAs ?? person.fullName;

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="goals-heading">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="goals-heading">
            {t('goals.title')}
          </Title>
          {!adding && (
            <Button variant="light" onClick={() => (setSaved(null), setAdding(true))}>
              {t('goals.add.open')}
            </Button>
          )}
        </Group>
        <Text size="sm">{t('goals.intro', { name })}</Text>
        <div role="status">
          {saved && (
            <Text size="sm" fw={600} c="teal.9">
              {saved}
            </Text>
          )}
        </div>
        {adding && (
          <AddGoal
            person={person}
            onDone={(message) => {
              setAdding(false);
              setSaved(message);
            }}
          />
        )}
        {goals.isPending && <Loader aria-label={t('common.loading')} />}
        {goals.isError && (
          <Alert color="red" role="alert">
            {goals.error.message}
          </Alert>
        )}
        {goals.data && goals.data.items.length === 0 && <Text size="sm">{t('goals.none', { name })}</Text>}
        {goals.data && goals.data.items.length > 0 && (
          <Stack gap="md">
            {goals.data.items.map((goal) => (
              <GoalCard key={goal.id} goal={goal} personName={name} />
            ))}
          </Stack>
        )}
      </Stack>
      <PlanVersions personId={person.id} personName={name} />
    </Stack>
  );
}
