import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Brief } from '../../domain/brief.js';
import { useDateFormat } from '../i18n/format';
import { BriefSection } from './brief-section';

/** Their goals, in their words, with the progress they last gave themselves (issue 5). */
export function GoalsSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const name = brief.person.addressAs ?? brief.person.fullName;
  return (
    <BriefSection title={t('brief.goals.title')}>
      {brief.goals.length === 0 ? (
        <Text size="sm">{t('brief.goals.none', { name })}</Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {brief.goals.map((goal) => (
            <List.Item key={goal.id}>
              <Text fw={600}>“{goal.inTheirWords}”</Text>
              <Text size="sm" c="dark.6">
                {goal.latestProgress
                  ? t('brief.goals.progress', {
                      score: goal.latestProgress.score,
                      date: format.calendarDate(goal.latestProgress.ratedOn),
                    })
                  : t('brief.goals.noProgress')}
                {' · '}
                {t('brief.goals.openSteps', { count: goal.openSteps })}
              </Text>
              {goal.latestMilestone && (
                <Text size="sm">
                  {t('brief.goals.milestone', {
                    text: goal.latestMilestone.text,
                    date: format.calendarDate(goal.latestMilestone.reachedOn),
                  })}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to={`/people/${brief.person.id}/goals`} size="sm" className="no-print">
        {t('brief.goals.open')}
      </Anchor>
    </BriefSection>
  );
}

/** How their latest check-in went, and whether it raised something to talk about. */
export function LatestCheckInSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const latest = brief.latestCheckIn;
  const name = brief.person.addressAs ?? brief.person.fullName;
  return (
    <BriefSection title={t('brief.checkIn.title')}>
      {latest ? (
        <>
          <Group gap="xs">
            <Text fw={600}>{latest.instrument}</Text>
            {latest.raisedSomething && (
              <Badge color="orange.9" variant="outline" tt="none">
                {t('brief.checkIn.raised')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dark.6">
            {latest.total === null
              ? t('brief.checkIn.when', { date: format.dateTime(latest.completedAt) })
              : t('brief.checkIn.whenTotal', { date: format.dateTime(latest.completedAt), total: latest.total })}
          </Text>
          {latest.raisedSomething && <Text size="sm">{t('brief.checkIn.ask')}</Text>}
        </>
      ) : (
        <Text size="sm">{t('brief.checkIn.none', { name })}</Text>
      )}
      <Anchor component={Link} to={`/people/${brief.person.id}/how-its-going`} size="sm" className="no-print">
        {t('brief.checkIn.open')}
      </Anchor>
    </BriefSection>
  );
}
