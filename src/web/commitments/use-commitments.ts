import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commitment, NewCommitment } from '../../domain/commitments.js';
import { api, ifMatch, withQuery } from '../api/client';

export type LedgerFilter = 'outstanding' | 'overdue' | 'finished' | 'all';

export function usePersonCommitments(personId: string, status: LedgerFilter) {
  return useQuery({
    queryKey: ['commitments', 'person', personId, status],
    queryFn: () => api.get<{ items: Commitment[] }>(withQuery(`/api/people/${personId}/commitments`, { status })),
    staleTime: 0,
  });
}

/** The signed-in user's own ledger, across the people they work with. */
export function useMyCommitments(status: LedgerFilter) {
  return useQuery({
    queryKey: ['commitments', 'mine', status],
    queryFn: () => api.get<{ items: Commitment[] }>(withQuery('/api/commitments', { status })),
    staleTime: 0,
  });
}

/** The gentle check before promising: never blocks, only informs. */
export function usePromiseCheck(dueOn: string | null) {
  return useQuery({
    queryKey: ['promise-check', dueOn],
    queryFn: () =>
      api.get<{ overdueCount: number; outsideWorkingDays: boolean; message: string | null }>(
        withQuery('/api/commitments/check', { dueOn: dueOn ?? undefined }),
      ),
    enabled: dueOn !== null,
    staleTime: 60_000,
    retry: false,
  });
}

function useAfterPromiseChange(personId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [['commitments'], ['brief', personId], ['consistency'], ['promise-check']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey, refetchType: 'active' }),
      ),
    );
}

export type PromiseChange =
  | { kind: 'keep'; keptOn: string }
  | { kind: 'renegotiate'; newDueOn: string; reason: string }
  | { kind: 'not-kept'; reason: string };

export function useChangePromise(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Made from the version on screen: if someone else changed the promise first, the answer is 412.
    mutationFn: ({ commitment, change }: { commitment: Pick<Commitment, 'id' | 'version'>; change: PromiseChange }) => {
      const { kind, ...body } = change;
      return api.post<Commitment>(
        `/api/people/${personId}/commitments/${commitment.id}/${kind}`,
        body,
        ifMatch(commitment.version),
      );
    },
    // The answer is the promise as it is now: it changes in place in every list that shows it (a
    // kept promise stays in view, marked kept, until the list is next opened), with no second read.
    onSuccess: async (changed) => {
      queryClient.setQueriesData<{ items: Commitment[] }>({ queryKey: ['commitments'] }, (list) =>
        list ? { items: list.items.map((item) => (item.id === changed.id ? changed : item)) } : list,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['commitments'], refetchType: 'none' }),
        ...[['brief', personId], ['consistency'], ['promise-check']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey, refetchType: 'active' }),
        ),
      ]);
    },
  });
}

export function useAddPromise(personId: string) {
  const refresh = useAfterPromiseChange(personId);
  return useMutation({
    // The key is the form's own: a retry after a lost answer records the promise once.
    mutationFn: ({ promise, key }: { promise: NewCommitment; key: string }) =>
      api.post<Commitment>(`/api/people/${personId}/commitments`, promise, { headers: { 'idempotency-key': key } }),
    onSuccess: refresh,
  });
}
