import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../domain/people.js';
import { useSession } from '../auth/session-context';
import { ContactDetailsCard } from './contact-details-card';
import { ProfileEditForm } from './profile-edit-form';
import { ProfileView } from './profile-view';

/** The profile: who the person is, in their words, and how to reach them; edited in place. */
export function ProfileTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const allocatedToMe = person.allocations.some((allocation) => allocation.userId === user.id);
  const contactEditable = !person.contact.restricted || allocatedToMe;
  const canRestrict = allocatedToMe || user.role === 'supervisor' || user.role === 'manager';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h3">
          {t('profile.title')}
        </Title>
        {!editing && (
          <Button
            variant="outline"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('profile.edit.open')}
          </Button>
        )}
      </Group>
      {saved && !editing && (
        <Alert color="teal" variant="light" role="status">
          {t('profile.edit.saved')}
        </Alert>
      )}
      {editing ? (
        <ProfileEditForm
          person={person}
          contactEditable={contactEditable}
          onDone={(changed) => {
            setEditing(false);
            setSaved(changed);
          }}
        />
      ) : (
        <>
          <ProfileView person={person} />
          <ContactDetailsCard person={person} canRestrict={canRestrict} />
        </>
      )}
    </Stack>
  );
}
