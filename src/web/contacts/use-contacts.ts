import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { Contact, ContactUpdate } from '../../domain/contacts.js';
import { api, ifMatch, withQuery } from '../api/client';

/** The API's page size for contacts: a full page means there may be older ones. */
export const contactsPageSize = 25;

export const contactsKey = (personId: string) => ['contacts', personId] as const;
type ContactPages = InfiniteData<{ items: Contact[] }, number>;

/** Contacts with the person, newest first, a page at a time ("Show older contacts"). */
export function useContacts(personId: string) {
  return useInfiniteQuery({
    queryKey: contactsKey(personId),
    queryFn: ({ pageParam }) =>
      api.get<{ items: Contact[] }>(withQuery(`/api/people/${personId}/contacts`, { page: pageParam })),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (last.items.length >= contactsPageSize ? pages.length + 1 : undefined),
    staleTime: 0,
  });
}

/**
 * After a change to a contact: the answer is the saved contact, so it replaces the one in the list
 * (no second audited read), and the views that are built from contacts are asked again when shown.
 */
export async function afterContactChange(queryClient: QueryClient, personId: string, saved?: Contact) {
  if (saved) {
    queryClient.setQueryData<ContactPages>(contactsKey(personId), (current) =>
      current
        ? {
            ...current,
            pages: current.pages.map((page) => ({
              items: page.items.some((item) => item.id === saved.id)
                ? page.items.map((item) => (item.id === saved.id ? saved : item))
                : page.items,
            })),
          }
        : current,
    );
  }
  await Promise.all(
    [['brief', personId], ['cadence', personId], ['consistency'], ['commitments'], ['checkins']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey, refetchType: 'active' }),
    ),
  );
}

export function useContactChanges(personId: string) {
  const queryClient = useQueryClient();
  const base = `/api/people/${personId}/contacts`;
  const done = (saved: Contact) => afterContactChange(queryClient, personId, saved);
  return {
    writeNote: useMutation({
      mutationFn: ({ contactId, text }: { contactId: string; text: string }) =>
        api.put<Contact>(`${base}/${contactId}/note`, { text }),
      onSuccess: done,
    }),
    signOff: useMutation({
      mutationFn: (contactId: string) => api.post<Contact>(`${base}/${contactId}/note/sign-off`),
      onSuccess: done,
    }),
    correct: useMutation({
      mutationFn: ({ contactId, text, reason }: { contactId: string; text: string; reason: string }) =>
        api.post<Contact>(`${base}/${contactId}/note/corrections`, { text, reason }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ contact, changes }: { contact: Pick<Contact, 'id' | 'version'>; changes: ContactUpdate }) =>
        api.patch<Contact>(`${base}/${contact.id}`, changes, ifMatch(contact.version)),
      onSuccess: done,
    }),
  };
}
