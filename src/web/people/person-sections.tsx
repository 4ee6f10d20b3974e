import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Person } from '../../domain/people.js';
import { AccessLogSection } from '../audit/access-log-section';
import { useSession } from '../auth/session-context';
import { CheckinsTab } from '../checkins/checkins-tab';
import { PersonPromises } from '../commitments/person-promises';
import { ConsentTab } from '../consent/consent-tab';
import { ContactsTab } from '../contacts/contacts-tab';
import { PersonConsistency } from '../consistency/person-consistency';
import { GoalsTab } from '../goals/goals-tab';
import { NetworkTab } from '../network/network-tab';
import { HistoryTab } from '../profile/history-tab';
import { ProfileItemsTab } from '../profile/profile-items-tab';
import { ProfileTab } from '../profile/profile-tab';
import { AllocationSection } from './allocation-section';
import { PersonSummary } from './person-summary';
import { RestrictionSection } from './restriction-section';

export const sections = [
  'profile',
  'contacts',
  'what-matters',
  'network',
  'goals',
  'how-its-going',
  'promises',
  'consistency',
  'consent',
  'history',
] as const;
export type Section = (typeof sections)[number];

export function isSection(value: string | undefined): value is Section {
  return sections.includes(value as Section);
}

const tabLabels = {
  profile: 'people.sections.profile',
  contacts: 'people.sections.contacts',
  'what-matters': 'people.sections.whatMatters',
  network: 'people.sections.network',
  goals: 'goals.tab',
  'how-its-going': 'voice.tab',
  promises: 'people.sections.promises',
  consistency: 'people.sections.consistency',
  consent: 'people.sections.consent',
  history: 'people.sections.history',
} as const;

/**
 * The person's world in a few places a tired practitioner can find fast: the profile, what matters
 * to them in their words, their network, consent, and the history of changes. Each section has its
 * own address (ids and section names only) so Back works, and is read only when opened (reads are
 * audited).
 */
export function PersonSections({ person, section }: { person: Person; section: Section }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const overseer = user.role === 'supervisor' || user.role === 'manager';

  return (
    <Tabs
      value={section}
      onChange={(value) => {
        if (isSection(value ?? undefined)) {
          void navigate(value === 'profile' ? `/people/${person.id}` : `/people/${person.id}/${value}`);
        }
      }}
      keepMounted={false}
      variant="outline"
    >
      <Tabs.List aria-label={t('people.sections.label')} className="person-tabs">
        {sections.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {t(tabLabels[value])}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="profile" pt="md">
        <Stack gap="lg">
          <ProfileTab person={person} />
          <PersonSummary person={person} showAllocations={!overseer} />
          {overseer && (
            <>
              <AllocationSection person={person} />
              <RestrictionSection person={person} />
              <AccessLogSection personId={person.id} />
            </>
          )}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="contacts" pt="md">
        <ContactsTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="what-matters" pt="md">
        <ProfileItemsTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="network" pt="md">
        <NetworkTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="goals" pt="md">
        <GoalsTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="how-its-going" pt="md">
        <CheckinsTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="promises" pt="md">
        <PersonPromises person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="consistency" pt="md">
        <PersonConsistency person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="consent" pt="md">
        <ConsentTab person={person} />
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="md">
        <HistoryTab personId={person.id} />
      </Tabs.Panel>
    </Tabs>
  );
}
