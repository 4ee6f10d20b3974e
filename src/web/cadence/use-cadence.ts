import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cadence } from '../../domain/cadence.js';
import { api, withQuery } from '../api/client';

export type OverdueCheckin = Cadence & { personId: string; personName: string };

export function useCadences(personId: string) {
  return useQuery({
    queryKey: ['cadence', personId],
    queryFn: () => api.get<{ items: Cadence[] }>(`/api/people/${personId}/cadence`),
    staleTime: 0,
  });
}

export function useSetCadence(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { networkMemberId: string | null; everyDays: number | null; agreedOn?: string }) =>
      api.put<{ items: Cadence[] }>(`/api/people/${personId}/cadence`, body),
    // The answer is the rhythms as they are now: no second read.
    onSuccess: async (answer) => {
      queryClient.setQueryData(['cadence', personId], answer);
      await Promise.all(
        [['brief', personId], ['consistency'], ['checkins']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey, refetchType: 'active' }),
        ),
      );
    },
  });
}

/** Check-ins due today or overdue: the user's own people, or (mine = false) everyone they oversee. */
export function useOverdueCheckins(mine: boolean) {
  return useQuery({
    queryKey: ['checkins', mine],
    queryFn: () => api.get<{ items: OverdueCheckin[] }>(withQuery('/api/checkins/overdue', { mine: String(mine) })),
    staleTime: 0,
  });
}
