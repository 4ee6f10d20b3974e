import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Person } from '../../domain/people.js';
import { ContactItem } from './contact-item';
import { useContacts } from './use-contacts';

/** What the record page or the brief passed along: the contact just recorded, or one to open. */
function openedFrom(state: unknown): { id: string; recorded: boolean } | null {
  if (!state || typeof state !== 'object') {
    return null;
  }
  if ('recorded' in state && typeof state.recorded === 'string') {
    return { id: state.recorded, recorded: true };
  }
  if ('open' in state && typeof state.open === 'string') {
    return { id: state.open, recorded: false };
  }
  return null;
}

/**
 * The person's contacts, newest first (the user's own drafts included), read when the tab opens.
 * Each opens in place to show its note: write it, sign it off, correct it.
 */
export function ContactsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const location = useLocation();
  const opened = openedFrom(location.state);
  const contacts = useContacts(person.id);
  const [open, setOpen] = useState<string[]>(() => (opened ? [opened.id] : []));
  const items = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  const toggle = (id: string) =>
    setOpen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  return (
    <Stack gap="md">
      {/* "Record a visit" is above the tabs, on every part of the record. */}
      <Title order={2} size="h3">
        {t('contacts.title')}
      </Title>
      <Text size="sm">{t('contacts.intro', { name: person.addressAs ?? person.fullName })}</Text>
      {contacts.isPending && <Loader aria-label={t('common.loading')} />}
      {contacts.isError && (
        <Alert color="red" role="alert">
          {contacts.error.message}
        </Alert>
      )}
      {contacts.data && items.length === 0 && <Text>{t('contacts.empty')}</Text>}
      {items.length > 0 && (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('contacts.listLabel')}>
          {items.map((contact) => (
            <ContactItem
              key={contact.id}
              contact={contact}
              personName={person.addressAs ?? person.fullName}
              open={open.includes(contact.id)}
              justRecorded={opened?.recorded === true && opened.id === contact.id}
              onToggle={() => toggle(contact.id)}
            />
          ))}
        </Stack>
      )}
      {contacts.hasNextPage && (
        <div>
          <Button variant="default" loading={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
            {t('contacts.showOlder')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
