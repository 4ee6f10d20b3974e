import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/dates.js';
import type { Person } from '../../domain/people.js';
import { ageOn, useDateFormat } from '../i18n/format';
import { FactList } from '../ui/fact-list';

/** Who the person is, as they describe themselves: names, language, access needs, culture. */
export function ProfileView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const dateOfBirth = person.dateOfBirth
    ? t('profile.view.dateOfBirth', {
        date: format.calendarDate(person.dateOfBirth),
        count: ageOn(person.dateOfBirth, todayIso()),
      })
    : null;
  const interpreter = person.interpreterNeeded
    ? person.interpreterLanguage
      ? t('profile.view.interpreterIn', { language: person.interpreterLanguage })
      : t('profile.view.interpreterNeeded')
    : t('profile.view.interpreterNotNeeded');
  const readingPreferences = person.readingPreferences.map((value) => t(`profile.reading.${value}`));
  const channels = person.preferredChannels.map((value) => t(`profile.channels.${value}`));

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="profile-names-heading">
        <Title order={3} size="h5" id="profile-names-heading" mb="sm">
          {t('profile.view.names')}
        </Title>
        <FactList
          facts={[
            { label: t('profile.fields.fullName'), value: person.fullName },
            ...(person.legalName && person.legalName !== person.fullName
              ? [{ label: t('profile.fields.legalName'), value: person.legalName }]
              : []),
            { label: t('profile.fields.addressAs'), value: person.addressAs },
            { label: t('profile.fields.pronouns'), value: person.pronouns },
            { label: t('profile.fields.dateOfBirth'), value: dateOfBirth },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profile-language-heading">
        <Title order={3} size="h5" id="profile-language-heading" mb="sm">
          {t('profile.view.language')}
        </Title>
        <FactList
          facts={[
            { label: t('profile.fields.preferredLanguage'), value: person.preferredLanguage },
            { label: t('profile.fields.interpreter'), value: interpreter },
            { label: t('profile.fields.readingPreferences'), value: readingPreferences.join(' · ') },
            { label: t('profile.fields.preferredChannels'), value: channels.join(' · ') },
            { label: t('profile.fields.bestTimes'), value: person.bestTimes },
            { label: t('profile.fields.communicationToAvoid'), value: person.communicationToAvoid },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="profile-access-heading">
        <Title order={3} size="h5" id="profile-access-heading" mb="sm">
          {t('profile.view.accessAndCulture')}
        </Title>
        <FactList
          facts={[
            { label: t('profile.fields.accessibilityNeeds'), value: person.accessibilityNeeds },
            { label: t('profile.fields.cultureAndFaith'), value: person.cultureAndFaith },
          ]}
        />
      </Paper>
    </Stack>
  );
}
