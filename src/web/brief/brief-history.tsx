import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Brief } from '../../domain/brief.js';
import { useDateFormat } from '../i18n/format';
import { daysBetween, localToday } from '../ui/local-time';
import { noteExcerpt } from './brief-model';
import { PromiseLine } from './brief-promises';
import { BriefSection } from './brief-section';

/** The last contact: when, who, the start of its note, and what was agreed at it. */
export function LastTimeSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const last = brief.lastContact;
  if (!last) {
    return (
      <BriefSection title={t('brief.last.title')}>
        <Text c="dark.6">{t('brief.last.none')}</Text>
      </BriefSection>
    );
  }
  const excerpt = last.note ? noteExcerpt(last.note) : null;
  return (
    <BriefSection title={t('brief.last.title')}>
      <Text fw={600}>
        {t('brief.last.summary', {
          kind: t(`contacts.kinds.${last.kind}`),
          time: format.dateTime(last.at),
          practitioner: last.practitioner,
        })}
      </Text>
      {excerpt ? (
        <Stack gap={4}>
          <Text size="sm" c="dark.6">
            {t('brief.last.note')}
          </Text>
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="brief-last-note">
            {excerpt.text}
          </Text>
        </Stack>
      ) : (
        <Text c="dark.6">{t('brief.last.noNote')}</Text>
      )}
      <Anchor
        component={Link}
        to={`/people/${brief.person.id}/contacts`}
        state={{ open: last.id }}
        className="no-print"
      >
        {t('brief.last.readContact')}
      </Anchor>
      <Title order={3} size="h5">
        {t('brief.last.agreed')}
      </Title>
      {last.agreed.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('brief.last.nothingAgreed')}
        </Text>
      ) : (
        <ul className="brief-list" aria-label={t('brief.last.agreed')}>
          {last.agreed.map((promise) => (
            <PromiseLine key={promise.id} promise={promise} showStatus />
          ))}
        </ul>
      )}
    </BriefSection>
  );
}

/** How often they agreed to be in touch, and where that stands today. */
export function RhythmSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const name = brief.person.addressAs ?? brief.person.fullName;
  return (
    <BriefSection title={t('brief.rhythm.title')}>
      {brief.cadences.length === 0 ? (
        <Text c="dark.6">{t('brief.rhythm.none')}</Text>
      ) : (
        <ul className="brief-list">
          {brief.cadences.map((cadence) => (
            <li key={cadence.id}>
              <Text>
                {t('brief.rhythm.with', { name: cadence.networkMember?.name ?? name, count: cadence.everyDays })}
              </Text>
              <Text
                size="sm"
                c={cadence.state === 'overdue' ? 'red.9' : 'dark.7'}
                fw={cadence.state === 'on_track' ? 400 : 600}
              >
                {cadence.state === 'overdue'
                  ? t('brief.rhythm.overdue', { count: cadence.daysOverdue })
                  : cadence.state === 'due_today'
                    ? t('brief.rhythm.dueToday')
                    : t('brief.rhythm.onTrack', {
                        date: format.calendarDate(cadence.nextDueOn),
                        relative: format.relativeDays(daysFromToday(cadence.nextDueOn)),
                      })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </BriefSection>
  );
}

const daysFromToday = (date: string) => daysBetween(localToday(), date);

/** Who came into their life, changed or left it in the last month. */
export function NetworkSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <BriefSection title={t('brief.network.title')}>
      {brief.networkChanges.length === 0 ? (
        <Text c="dark.6">{t('brief.network.none')}</Text>
      ) : (
        <ul className="brief-list">
          {brief.networkChanges.map((change) => (
            <li key={`${change.name}-${change.on}`}>
              <Text style={{ overflowWrap: 'anywhere' }}>
                {t(`brief.network.${change.change}`, { name: change.name })}
              </Text>
              <Text size="sm" c="dark.6">
                {format.date(change.on)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </BriefSection>
  );
}
