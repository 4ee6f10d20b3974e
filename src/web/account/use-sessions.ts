import { useQuery } from '@tanstack/react-query';
import type { SessionSummary } from '../../domain/auth.js';
import { api } from '../api/client';

export const sessionsKey = ['sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<{ items: SessionSummary[] }>('/api/auth/sessions'),
    staleTime: 0,
  });
}
