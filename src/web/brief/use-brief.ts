import { useQuery } from '@tanstack/react-query';
import type { Brief } from '../../domain/brief.js';
import { api } from '../api/client';

/** The pre-visit brief: one request, one audited read, asked afresh each time it is opened. */
export function useBrief(personId: string) {
  return useQuery({
    queryKey: ['brief', personId],
    queryFn: () => api.get<Brief>(`/api/people/${personId}/brief`),
    staleTime: 0,
  });
}
