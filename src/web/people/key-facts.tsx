import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import type { Person } from '../../domain/people.js';
import { ageOn } from '../i18n/format';

/** The few things to know at a glance before speaking to the person: name, pronouns, age, language. */
export function KeyFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const facts = [
    person.addressAs && person.addressAs !== person.fullName
      ? t('people.keyFacts.addressAs', { name: person.addressAs })
      : null,
    person.pronouns,
    person.dateOfBirth ? t('people.keyFacts.age', { count: ageOn(person.dateOfBirth, todayIso()) }) : null,
    person.preferredLanguage ? t('people.keyFacts.language', { language: person.preferredLanguage }) : null,
    person.interpreterNeeded
      ? person.interpreterLanguage
        ? t('people.keyFacts.interpreterIn', { language: person.interpreterLanguage })
        : t('people.keyFacts.interpreter')
      : null,
  ].filter((fact): fact is string => Boolean(fact));
  if (facts.length === 0 && !person.restricted) {
    return null;
  }
  return (
    <Group gap="xs" wrap="wrap">
      {person.restricted && (
        <Badge color="red" variant="light">
          {t('people.restricted')}
        </Badge>
      )}
      {facts.length > 0 && (
        <Text size="md" c="dark.7" style={{ overflowWrap: 'anywhere' }}>
          {facts.join(' · ')}
        </Text>
      )}
    </Group>
  );
}
