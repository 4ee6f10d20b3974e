import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Letter } from '../../domain/letters.js';
import type { NetworkMember, NetworkMemberUpdate, NewNetworkMember } from '../../domain/network.js';
import { api, ifMatch, withQuery } from '../api/client';
import { historyKey } from '../profile/use-profile';

export const networkKey = (personId: string) => ['network', personId] as const;

export function useNetwork(personId: string, includeEnded: boolean) {
  return useQuery({
    queryKey: [...networkKey(personId), { includeEnded }],
    queryFn: () =>
      api.get<{ items: NetworkMember[] }>(
        withQuery(`/api/people/${personId}/network`, { includeEnded: String(includeEnded) }),
      ),
  });
}

function useAfterNetworkChange(personId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: networkKey(personId) }),
      queryClient.invalidateQueries({ queryKey: historyKey(personId) }),
    ]);
}

export function useAddMember(personId: string) {
  const refresh = useAfterNetworkChange(personId);
  return useMutation({
    mutationFn: (member: NewNetworkMember) => api.post<NetworkMember>(`/api/people/${personId}/network`, member),
    onSuccess: refresh,
  });
}

/** An edit from the member's `version`: someone else's save in between gives 412. */
export function useUpdateMember(personId: string) {
  const refresh = useAfterNetworkChange(personId);
  return useMutation({
    mutationFn: ({ member, changes }: { member: { id: string; version: number }; changes: NetworkMemberUpdate }) =>
      api.patch<NetworkMember>(`/api/people/${personId}/network/${member.id}`, changes, ifMatch(member.version)),
    onSuccess: refresh,
  });
}

/** The member as saved now, read afresh after a 412 (asked for by the user). */
export function useLoadLatestMember(personId: string) {
  const queryClient = useQueryClient();
  return async (memberId: string): Promise<NetworkMember | null> => {
    const latest = await queryClient.fetchQuery({
      queryKey: [...networkKey(personId), { includeEnded: true }],
      queryFn: () =>
        api.get<{ items: NetworkMember[] }>(withQuery(`/api/people/${personId}/network`, { includeEnded: 'true' })),
      staleTime: 0,
    });
    return latest.items.find((member) => member.id === memberId) ?? null;
  };
}

export function useEndTie(personId: string) {
  const refresh = useAfterNetworkChange(personId);
  return useMutation({
    mutationFn: ({ memberId, endedOn, endReason }: { memberId: string; endedOn: string; endReason?: string }) =>
      api.post<NetworkMember>(`/api/people/${personId}/network/${memberId}/end`, {
        endedOn,
        ...(endReason ? { endReason } : {}),
      }),
    onSuccess: refresh,
  });
}

/** Restricted contact details of a member, shown with a reason; kept by the caller in component state. */
export function useRevealMemberContact(personId: string) {
  return useMutation({
    mutationFn: ({ memberId, reason }: { memberId: string; reason: string }) =>
      api.post<NetworkMember>(`/api/people/${personId}/network/${memberId}/reveal-contact`, { reason }),
  });
}

export function useLetter(personId: string) {
  return useMutation({
    mutationFn: ({ memberId, includePersonContact }: { memberId: string; includePersonContact: boolean }) =>
      api.post<Letter>(`/api/people/${personId}/network/${memberId}/letter`, { includePersonContact }),
  });
}
