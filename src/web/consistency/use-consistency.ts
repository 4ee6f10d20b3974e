import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Consistency } from '../../domain/consistency.js';
import { api, withQuery } from '../api/client';

export function usePersonConsistency(personId: string, days: number) {
  return useQuery({
    queryKey: ['consistency', 'person', personId, days],
    queryFn: () => api.get<Consistency>(withQuery(`/api/people/${personId}/consistency`, { days })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function usePractitionerConsistency(userId: string | null, days: number) {
  return useQuery({
    queryKey: ['consistency', 'practitioner', userId, days],
    queryFn: () => api.get<Consistency>(withQuery(`/api/practitioners/${userId}/consistency`, { days })),
    enabled: userId !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
