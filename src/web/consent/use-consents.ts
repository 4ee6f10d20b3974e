import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentRecord, CurrentConsent, NewConsent } from '../../domain/consent.js';
import { api } from '../api/client';

export interface Consents {
  current: CurrentConsent[];
  history: ConsentRecord[];
}

export const consentsKey = (personId: string) => ['consents', personId] as const;

export function useConsents(personId: string) {
  return useQuery({
    queryKey: consentsKey(personId),
    queryFn: () => api.get<Consents>(`/api/people/${personId}/consents`),
  });
}

/** The answer is what holds now and every decision: no second read needed. */
export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consent: NewConsent) => api.post<Consents>(`/api/people/${personId}/consents`, consent),
    onSuccess: (consents) => queryClient.setQueryData(consentsKey(personId), consents),
  });
}

/** Network members with a current (unexpired) grant to share updates with them. */
export function sharesUpdatesWith(consents: Consents | undefined): Set<string> {
  return new Set(
    (consents?.current ?? [])
      .filter((consent) => consent.purpose === 'share_updates' && consent.granted)
      .flatMap((consent) => (consent.recipient.kind === 'network_member' ? [consent.recipient.memberId] : [])),
  );
}
