import { Badge, Blockquote, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalView } from '../../domain/plans.js';
import { useSession } from '../auth/session-context';
import { useDateFormat } from '../i18n/format';
import { AddStepForm } from './add-step';
import { MilestoneForm, RateProgressForm } from './goal-forms';
import { ProgressChart } from './progress-chart';

type Step = GoalView['steps'][number];

function useOwnerWords(personName: string) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (owner: Step['owner']) => {
    switch (owner.kind) {
      case 'person':
        return t('goals.owner.person', { name: personName });
      case 'practitioner':
        return owner.userId === null || owner.userId === user.id
          ? t('goals.owner.you')
          : t('goals.owner.practitioner', { who: owner.name ?? '' });
      case 'network_member':
        return owner.name ? t('goals.owner.member', { who: owner.name }) : t('goals.owner.someone');
      case 'other_professional':
        return owner.name ? t('goals.owner.professional', { who: owner.name }) : t('goals.owner.someone');
    }
  };
}

/** One goal: quoted as the person said it, why it matters, strengths, steps, progress, milestones. */
export function GoalCard({ goal, personName }: { goal: GoalView; personName: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const ownerWords = useOwnerWords(personName);
  const [open, setOpen] = useState<'step' | 'rate' | 'milestone' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const headingId = `goal-${goal.id}`;
  const done = (message: string | null) => {
    setOpen(null);
    setSaved(message);
  };

  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="goal" padding="md">
      <Stack gap="sm">
        <Blockquote
          color="teal"
          p="sm"
          cite={t('goals.saidBy', { who: goal.saidBy, date: format.calendarDate(goal.saidOn) })}
        >
          <Title order={3} size="h4" id={headingId} fw={600}>
            “{goal.inTheirWords}”
          </Title>
        </Blockquote>
        {goal.whyItMatters && (
          <div>
            <Text fw={700} size="sm">
              {t('goals.whyItMatters')}
            </Text>
            <Text size="sm">{goal.whyItMatters}</Text>
          </div>
        )}
        {goal.strengths.length > 0 && (
          <div>
            <Text fw={700} size="sm">
              {t('goals.strengths')}
            </Text>
            <Group gap="xs" mt={4}>
              {goal.strengths.map((strength) => (
                <Badge key={strength} variant="outline" color="teal.9" tt="none">
                  {strength}
                </Badge>
              ))}
            </Group>
          </div>
        )}
        <div>
          <Title order={4} size="h5">
            {t('goals.steps')}
          </Title>
          {goal.steps.length === 0 ? (
            <Text size="sm">{t('goals.noSteps')}</Text>
          ) : (
            <List size="sm" spacing={4} aria-label={t('goals.stepsLabel', { goal: goal.inTheirWords })}>
              {goal.steps.map((step) => (
                <List.Item key={step.id} data-testid="goal-step">
                  <Text span fw={600} size="sm">
                    {ownerWords(step.owner)}
                  </Text>{' '}
                  {step.text}
                  {step.dueOn && <> {t('goals.stepDue', { date: format.calendarDate(step.dueOn) })}</>}
                  {step.doneOn && (
                    <Badge ml="xs" color="teal.9" variant="outline" tt="none">
                      {t('goals.stepDone', { date: format.calendarDate(step.doneOn) })}
                    </Badge>
                  )}
                  {step.commitmentId && (
                    <Badge ml="xs" color="indigo.9" variant="outline" tt="none">
                      {t('goals.alsoPromise', { name: personName })}
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Title order={4} size="h5">
            {t('goals.progress.title', { name: personName })}
          </Title>
          <ProgressChart progress={goal.progress} />
        </div>
        <div>
          <Title order={4} size="h5">
            {t('goals.milestones.title')}
          </Title>
          {goal.milestones.length === 0 ? (
            <Text size="sm">{t('goals.milestones.none')}</Text>
          ) : (
            <List size="sm" spacing={4} listStyleType="none" aria-label={t('goals.milestones.title')}>
              {goal.milestones.map((milestone) => (
                <List.Item key={milestone.id} data-testid="milestone">
                  <Text span size="sm" fw={700} c="teal.9">
                    <span aria-hidden="true">★ </span>
                    {milestone.text}
                  </Text>{' '}
                  <Text span size="sm">
                    {t('goals.milestones.reached', { date: format.calendarDate(milestone.reachedOn) })}
                  </Text>
                  {milestone.message && (
                    <Text size="sm" fs="italic">
                      {t('goals.milestones.message', { name: personName, message: milestone.message })}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div role="status">
          {saved && (
            <Text size="sm" fw={600} c="teal.9">
              {saved}
            </Text>
          )}
        </div>
        {open === 'step' && (
          <AddStepForm personId={goal.personId} goalId={goal.id} personName={personName} onDone={done} />
        )}
        {open === 'rate' && <RateProgressForm personId={goal.personId} goalId={goal.id} onDone={done} />}
        {open === 'milestone' && (
          <MilestoneForm personId={goal.personId} goalId={goal.id} personName={personName} onDone={done} />
        )}
        {open === null && (
          <Group gap="sm">
            <Button variant="light" onClick={() => (setSaved(null), setOpen('step'))}>
              {t('goals.addStep.open')}
            </Button>
            <Button variant="light" onClick={() => (setSaved(null), setOpen('rate'))}>
              {t('goals.progress.open')}
            </Button>
            <Button variant="light" onClick={() => (setSaved(null), setOpen('milestone'))}>
              {t('goals.milestones.open')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
