import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinRequest, CheckinResponse, Instrument } from '../../domain/checkins.js';
import type { Contact } from '../../domain/contacts.js';
import { api } from '../api/client';

const checkinsKey = (personId: string) => ['checkins', personId] as const;

/** The person's own check-ins, read when the tab opens (audited), never polled. */
export function usePersonCheckins(personId: string) {
  return useQuery({
    queryKey: checkinsKey(personId),
    queryFn: () => api.get<{ items: CheckinResponse[] }>(`/api/people/${personId}/checkins`),
    staleTime: 0,
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: () => api.get<{ items: Instrument[] }>('/api/instruments'),
    staleTime: 5 * 60_000,
  });
}

/** The newest page of contacts, only to mark them on the time line (the Contacts tab shares it). */
export function useRecentContacts(personId: string) {
  return useQuery({
    queryKey: ['contacts', personId, 'time-line'],
    queryFn: () => api.get<{ items: Contact[] }>(`/api/people/${personId}/contacts`),
    staleTime: 0,
  });
}

export function useRecordCheckin(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (checkin: CheckinRequest) => api.post<CheckinResponse>(`/api/people/${personId}/checkins`, checkin),
    // The answer is the check-in as recorded: added to the list on screen, no second read.
    onSuccess: async (saved) => {
      queryClient.setQueryData<{ items: CheckinResponse[] }>(checkinsKey(personId), (list) =>
        list ? { items: [saved, ...list.items] } : list,
      );
      await queryClient.invalidateQueries({ queryKey: ['notifications'], refetchType: 'none' });
    },
  });
}
