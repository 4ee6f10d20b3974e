import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessLogEntry } from '../../domain/audit.js';
import type { Person, PersonListItem } from '../../domain/people.js';
import type { Colleague } from '../../domain/staff.js';
import { api, withQuery } from '../api/client';

export interface Page<Item> {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}

export type CaseloadFilter = 'mine' | 'team' | 'recent' | 'all';
export const peopleKey = ['people'] as const;
export const personKey = (personId: string) => ['person', personId] as const;

export interface CaseloadQuery {
  q: string;
  filter: CaseloadFilter;
  /** With the team filter: one team (managers choose). */
  teamId?: string;
  page: number;
}

export function usePeopleList(query: CaseloadQuery) {
  return useQuery({
    queryKey: [...peopleKey, query],
    // The search text goes to the API only: never into the page's own address (SECURITY.md check 24).
    queryFn: () =>
      api.get<Page<PersonListItem>>(
        withQuery('/api/people', {
          q: query.q.trim() || undefined,
          filter: query.filter,
          teamId: query.filter === 'team' ? query.teamId : undefined,
          page: query.page,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0, // asked afresh on each visit: allocations change, and the server checks the session
  });
}

/** Each opening of a record is an audited read, so it is always asked of the server afresh. */
export function usePerson(personId: string) {
  return useQuery({
    queryKey: personKey(personId),
    queryFn: () => api.get<Person>(`/api/people/${personId}`),
    staleTime: 0,
    retry: false,
  });
}

export function useAccessLog(personId: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['access-log', personId, page],
    queryFn: () => api.get<Page<AccessLogEntry>>(withQuery(`/api/people/${personId}/access-log`, { page })),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useColleagues(enabled: boolean) {
  return useQuery({
    queryKey: ['colleagues'],
    queryFn: () => api.get<{ items: Colleague[] }>('/api/colleagues'),
    enabled,
  });
}

/** After a change to a record: its page, its access log and the lists that show it. */
export function useRefreshPerson(personId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: personKey(personId) }),
      queryClient.invalidateQueries({ queryKey: ['access-log', personId] }),
      queryClient.invalidateQueries({ queryKey: peopleKey }),
    ]);
  };
}

export function useAllocate(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<Person>(`/api/people/${personId}/allocations`, { userId }),
    // The answer is the updated record: no second (audited) read needed.
    onSuccess: async (person) => {
      queryClient.setQueryData(personKey(personId), person);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['access-log', personId] }),
        queryClient.invalidateQueries({ queryKey: peopleKey }),
      ]);
    },
  });
}

export function useEndAllocation(personId: string) {
  const refresh = useRefreshPerson(personId);
  return useMutation({
    mutationFn: (allocationId: string) => api.delete(`/api/people/${personId}/allocations/${allocationId}`),
    onSuccess: refresh,
  });
}
