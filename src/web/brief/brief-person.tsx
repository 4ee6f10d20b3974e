import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Brief } from '../../domain/brief.js';
import { contactChannels } from '../../domain/profile.js';
import { useDateFormat } from '../i18n/format';
import { FactList } from '../ui/fact-list';
import { hasAddressFacts, orderThings, rememberWhen } from './brief-model';
import { BriefSection } from './brief-section';

/** Approach with care: first, calm and visible (trauma-informed, not an alarm). */
export function CareSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  if (brief.approachWithCare.length === 0) {
    return null;
  }
  return (
    <BriefSection title={t('brief.care.title')} wide className="approach-with-care">
      <List spacing={4}>
        {brief.approachWithCare.map((item) => (
          <List.Item key={item.id} style={{ overflowWrap: 'anywhere' }}>
            {item.text}
          </List.Item>
        ))}
      </List>
    </BriefSection>
  );
}

const isChannel = (value: string): value is (typeof contactChannels)[number] =>
  (contactChannels as readonly string[]).includes(value);

/** The name they use, pronouns, language and interpreter, how and when to get in touch. */
export function AddressSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const { person } = brief;
  if (!hasAddressFacts(person)) {
    return null;
  }
  const interpreter = person.interpreterNeeded
    ? person.interpreterLanguage
      ? t('brief.address.interpreterIn', { language: person.interpreterLanguage })
      : t('brief.address.interpreterAny')
    : t('brief.address.interpreterNone');
  const channels = person.preferredChannels.map((value) => (isChannel(value) ? t(`profile.channels.${value}`) : value));
  const facts = [
    { label: t('brief.address.callThem'), value: person.addressAs ?? person.fullName },
    { label: t('brief.address.pronouns'), value: person.pronouns },
    { label: t('brief.address.language'), value: person.preferredLanguage },
    {
      label: t('brief.address.interpreter'),
      value: person.interpreterNeeded ? <strong>{interpreter}</strong> : interpreter,
    },
    { label: t('brief.address.channels'), value: channels.join(' · ') },
    { label: t('brief.address.bestTimes'), value: person.bestTimes },
    { label: t('brief.address.avoid'), value: person.communicationToAvoid },
    { label: t('brief.address.accessibility'), value: person.accessibilityNeeds },
  ];
  // Only what is recorded: "Not recorded" eight times would bury what matters.
  return (
    <BriefSection title={t('brief.address.title')}>
      <FactList facts={facts.filter((fact) => fact.value !== null && fact.value !== '')} />
    </BriefSection>
  );
}

/** Things to remember: coming dates first, the next week's marked "Soon". */
export function RememberSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const things = orderThings(brief.thingsToRemember);
  return (
    <BriefSection title={t('brief.remember.title')}>
      {things.length === 0 ? (
        <Text c="dark.6">{t('brief.remember.none')}</Text>
      ) : (
        <ul className="brief-list">
          {things.map((thing) => {
            const when = rememberWhen(thing);
            const date =
              thing.onDate === null || thing.daysAway === null
                ? null
                : when === 'past'
                  ? t('brief.remember.past', { date: format.calendarDate(thing.onDate) })
                  : t(thing.everyYear ? 'brief.remember.yearly' : 'brief.remember.dated', {
                      date: format.calendarDate(thing.onDate),
                      relative: format.relativeDays(thing.daysAway),
                    });
            return (
              <li key={thing.id}>
                <Stack gap={0}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text style={{ overflowWrap: 'anywhere' }}>{thing.text}</Text>
                    {when === 'soon' && (
                      <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                        {t('brief.remember.soon')}
                      </Badge>
                    )}
                  </Group>
                  {date && (
                    <Text size="sm" c="dark.6">
                      {date}
                    </Text>
                  )}
                </Stack>
              </li>
            );
          })}
        </ul>
      )}
    </BriefSection>
  );
}

/** What matters to them, in their words. */
export function WhatMattersSection({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  if (brief.whatMatters.length === 0) {
    return null;
  }
  return (
    <BriefSection title={t('brief.whatMatters.title')}>
      <Stack gap="sm">
        {brief.whatMatters.map((item) => (
          <figure key={`${item.text}-${item.saidOn ?? ''}`} className="quotation">
            <blockquote style={{ overflowWrap: 'anywhere' }}>“{item.text}”</blockquote>
            {item.saidBy && (
              <Text component="figcaption" size="sm" c="dark.6">
                {item.saidOn
                  ? t('brief.whatMatters.saidByOn', { name: item.saidBy, date: format.calendarDate(item.saidOn) })
                  : t('brief.whatMatters.saidBy', { name: item.saidBy })}
              </Text>
            )}
          </figure>
        ))}
      </Stack>
    </BriefSection>
  );
}
