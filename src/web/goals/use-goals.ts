import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GoalView,
  NewGoal,
  NewGoalStep,
  newMilestone,
  planVersionRequest,
  planVersionView,
  progressRating,
} from '../../domain/plans.js';
import { api, withQuery } from '../api/client';
import type { PlanChangeInput } from './plan-words';

export type PlanVersion = z.infer<typeof planVersionView>;
export type NewMilestone = z.input<typeof newMilestone>;
export type ProgressRating = z.input<typeof progressRating>;
export type PlanVersionRequest = z.input<typeof planVersionRequest>;

export const goalsKey = (personId: string) => ['goals', personId] as const;
const plansKey = (personId: string) => ['plans', personId] as const;

/** Read when the Goals tab opens (an audited read); never again behind the user's back. */
export function useGoals(personId: string) {
  return useQuery({
    queryKey: goalsKey(personId),
    queryFn: () => api.get<{ items: GoalView[] }>(`/api/people/${personId}/goals`),
    staleTime: 0,
  });
}

export function usePlans(personId: string) {
  return useQuery({
    queryKey: plansKey(personId),
    queryFn: () => api.get<{ items: PlanVersion[] }>(`/api/people/${personId}/plans`),
    staleTime: 0,
  });
}

export function usePlanDiff(personId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...plansKey(personId), 'diff', from, to],
    queryFn: () =>
      api.get<{ from: number; to: number; changes: PlanChangeInput[] }>(
        withQuery(`/api/people/${personId}/plans/diff`, { from: String(from), to: String(to) }),
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Each goal change answers with the goal as it is now: it replaces the one on screen (no second read). */
function useGoalChange<T>(personId: string, send: (body: T) => Promise<GoalView>, alsoRefresh: string[][] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (goal) => {
      queryClient.setQueryData<{ items: GoalView[] }>(goalsKey(personId), (list) => {
        if (!list) {
          return list;
        }
        const known = list.items.some((item) => item.id === goal.id);
        return { items: known ? list.items.map((item) => (item.id === goal.id ? goal : item)) : [...list.items, goal] };
      });
      await Promise.all(
        alsoRefresh.map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: 'none' })),
      );
    },
  });
}

export function useAddGoal(personId: string) {
  // A dated step owed to the person is also a promise: the ledger is read afresh when next opened.
  return useGoalChange(personId, (goal: NewGoal) => api.post<GoalView>(`/api/people/${personId}/goals`, goal), [
    ['commitments'],
    ['brief', personId],
  ]);
}

export function useAddStep(personId: string, goalId: string) {
  // As with a new goal: a dated step owed to the person is also a promise.
  return useGoalChange(
    personId,
    (step: NewGoalStep) => api.post<GoalView>(`/api/people/${personId}/goals/${goalId}/steps`, step),
    [['commitments'], ['brief', personId]],
  );
}

export function useRateProgress(personId: string, goalId: string) {
  return useGoalChange(personId, (rating: ProgressRating) =>
    api.post<GoalView>(`/api/people/${personId}/goals/${goalId}/progress`, rating),
  );
}

export function useAddMilestone(personId: string, goalId: string) {
  return useGoalChange(personId, (milestone: NewMilestone) =>
    api.post<GoalView>(`/api/people/${personId}/goals/${goalId}/milestones`, milestone),
  );
}

export function useRecordPlan(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: PlanVersionRequest) => api.post<PlanVersion>(`/api/people/${personId}/plans`, plan),
    onSuccess: (version) =>
      queryClient.setQueryData<{ items: PlanVersion[] }>(plansKey(personId), (list) =>
        list ? { items: [version, ...list.items] } : list,
      ),
  });
}
