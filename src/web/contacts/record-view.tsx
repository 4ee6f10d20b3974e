import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Contact } from '../../domain/contacts.js';
import type { Person } from '../../domain/people.js';
import { useSession } from '../auth/session-context';
import { useNetwork } from '../network/use-network';
import { PageHeading } from '../ui/page-heading';
import { DraftOffer } from './draft-offer';
import { RecordForm } from './record-form';
import { useContacts } from './use-contacts';

/** The draft the contacts list asked to continue ("Continue this draft"), from the page's state. */
function draftAskedFor(state: unknown): string | null {
  if (state && typeof state === 'object' && 'continueDraft' in state && typeof state.continueDraft === 'string') {
    return state.continueDraft;
  }
  return null;
}

/**
 * "Record a visit", reached from the brief, the caseload and the contacts list. A draft left on the
 * server (after a reload, say) is offered first, so nothing typed is lost.
 */
export function RecordView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const contacts = useContacts(person.id);
  const network = useNetwork(person.id, false);
  const askedFor = draftAskedFor(location.state);
  const [choice, setChoice] = useState<{ draft: Contact | null } | null>(null);
  const name = person.addressAs ?? person.fullName;

  const drafts = (contacts.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (contact) => contact.status === 'draft' && contact.practitioner.id === user.id,
  );
  const asked = drafts.find((draft) => draft.id === askedFor) ?? null;
  const error = contacts.error ?? network.error;
  const ready = contacts.data !== undefined && network.data !== undefined;
  // Decided once, when the contacts are first read: a later read (which would list the draft this
  // form has just saved) must not swap the form for the offer.
  if (ready && choice === null && (asked || drafts.length === 0)) {
    setChoice({ draft: asked });
  }
  const chosen = choice;

  return (
    <Stack gap="md">
      {/* The page title stays generic: titles are kept in browser history. */}
      <PageHeading documentTitle={t('record.documentTitle')}>
        {t('record.title', { name: person.fullName })}
      </PageHeading>
      <Text c="dark.7">{t('record.intro')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {!ready && !error && <Loader aria-label={t('common.loading')} />}
      {ready && chosen === null && drafts[0] && (
        <DraftOffer
          draft={drafts[0]}
          onContinue={() => setChoice({ draft: drafts[0]! })}
          onStartNew={() => setChoice({ draft: null })}
        />
      )}
      {ready && chosen !== null && (
        <RecordForm
          key={chosen.draft?.id ?? 'new'}
          personId={person.id}
          personName={name}
          members={network.data.items}
          draft={chosen.draft}
        />
      )}
    </Stack>
  );
}
