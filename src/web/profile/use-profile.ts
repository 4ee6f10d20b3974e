import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../domain/people.js';
import type { ContactDetails, FieldChange, NewProfileItem, ProfileItem, ProfileUpdate } from '../../domain/profile.js';
import { api, ifMatch, withQuery } from '../api/client';
import { personKey, type Page } from '../people/use-people';

export const profileItemsKey = (personId: string) => ['profile-items', personId] as const;
export const historyKey = (personId: string) => ['history', personId] as const;

export function useProfileItems(personId: string) {
  return useQuery({
    queryKey: profileItemsKey(personId),
    queryFn: () => api.get<{ items: ProfileItem[] }>(`/api/people/${personId}/profile-items`),
  });
}

export function useAddProfileItem(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: NewProfileItem) => api.post<ProfileItem>(`/api/people/${personId}/profile-items`, item),
    onSuccess: (item) => {
      queryClient.setQueryData<{ items: ProfileItem[] }>(profileItemsKey(personId), (current) =>
        current ? { items: [...current.items, item] } : current,
      );
    },
  });
}

export function useArchiveProfileItem(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => api.post<ProfileItem>(`/api/people/${personId}/profile-items/${itemId}/archive`),
    onSuccess: (archived) => {
      queryClient.setQueryData<{ items: ProfileItem[] }>(profileItemsKey(personId), (current) =>
        current ? { items: current.items.filter((item) => item.id !== archived.id) } : current,
      );
    },
  });
}

/** An edit from `version`: the answer is the saved record, so no second (audited) read. */
export function useUpdateProfile(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: ProfileUpdate }) =>
      api.patch<Person>(`/api/people/${personId}`, changes, ifMatch(version)),
    onSuccess: async (person) => {
      queryClient.setQueryData(personKey(personId), person);
      await queryClient.invalidateQueries({ queryKey: historyKey(personId) });
    },
  });
}

/** Reads the record afresh (after a 412): one audited read, asked for by the user. */
export function useLoadLatestPerson(personId: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({
      queryKey: personKey(personId),
      queryFn: () => api.get<Person>(`/api/people/${personId}`),
      staleTime: 0,
    });
}

/**
 * Restricted contact details shown with a stated reason. The answer stays in the component that
 * asked (never in the query cache or storage) and leaves the screen with it.
 */
export function useRevealContact(personId: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<ContactDetails>(`/api/people/${personId}/contact-details/reveal`, { reason }),
  });
}

export function useContactRestriction(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { restricted: boolean; reason: string }) =>
      api.put<Person>(`/api/people/${personId}/contact-details/restriction`, body),
    // The answer is the record at its new version, so the next edit is made from it.
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(personId), person);
      return queryClient.invalidateQueries({ queryKey: historyKey(personId) });
    },
  });
}

export function useHistory(personId: string, page: number) {
  return useQuery({
    queryKey: [...historyKey(personId), page],
    queryFn: () => api.get<Page<FieldChange>>(withQuery(`/api/people/${personId}/history`, { page })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
