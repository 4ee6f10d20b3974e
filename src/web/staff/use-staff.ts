import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffRequest, StaffMember, Team, UpdateStaffRequest } from '../../domain/staff.js';
import { api } from '../api/client';

const staffKey = ['staff'] as const;
const teamsKey = ['teams'] as const;

export function useStaff() {
  return useQuery({ queryKey: staffKey, queryFn: () => api.get<{ items: StaffMember[] }>('/api/staff') });
}

export function useTeams() {
  return useQuery({ queryKey: teamsKey, queryFn: () => api.get<{ items: Team[] }>('/api/teams') });
}

function useRefreshStaff() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: staffKey }),
      queryClient.invalidateQueries({ queryKey: teamsKey }),
    ]);
}

export function useCreateStaff() {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: CreateStaffRequest) => api.post<StaffMember>('/api/staff', body),
    onSuccess: refresh,
  });
}

export function useUpdateStaff() {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: UpdateStaffRequest }) =>
      api.patch<StaffMember>(`/api/staff/${userId}`, changes),
    onSuccess: refresh,
  });
}

export function useCreateTeam() {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (name: string) => api.post<Team>('/api/teams', { name }),
    onSuccess: refresh,
  });
}
