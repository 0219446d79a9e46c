import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Budget, CurrentSession, FocusSession, PlannedCalls, Reflection, ReflectionTrend, WeekSummary,
  type BudgetInput, type PlanCalls, type ReflectionAnswers, type StartSession,
} from '../../../server/modules/focus/focus.contract.ts';
import { api } from '../../lib/api-client.ts';
import { planKeys } from '../plans/api.ts';
import { refreshToday } from '../today/keys.ts';

export type { FocusSession };
export type WeekSummaryView = z.output<typeof WeekSummary>;
export type BudgetView = z.output<typeof Budget>;
export type TrendView = z.output<typeof ReflectionTrend>;
export type StartInput = z.input<typeof StartSession>;
export type BudgetValues = z.input<typeof BudgetInput>;
export type AnswerValues = z.input<typeof ReflectionAnswers>;

export const focusKeys = {
  all: ['focus'] as const,
  current: ['focus', 'current'] as const,
  session: (id: string) => ['focus', 'session', id] as const,
  week: ['focus', 'week'] as const,
  budget: ['focus', 'budget'] as const,
  trend: ['focus', 'trend'] as const,
};

function refreshFocus(client: QueryClient) {
  void client.invalidateQueries({ queryKey: focusKeys.all });
}

// The running session as the server computes it; another device may start or end it.
export function useCurrentFocus() {
  return useQuery({
    queryKey: focusKeys.current,
    queryFn: ({ signal }) => api('/api/v1/focus/sessions/current', { schema: CurrentSession, signal }),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
}

export function useFocusSession(id: string | null) {
  return useQuery({
    queryKey: focusKeys.session(id ?? ''),
    queryFn: ({ signal }) => api(`/api/v1/focus/sessions/${id}`, { schema: FocusSession, signal }),
    enabled: Boolean(id),
  });
}

export function useStartFocus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StartInput) => api('/api/v1/focus/sessions', { method: 'POST', body: input, schema: FocusSession }),
    onSuccess: (session) => {
      client.setQueryData(focusKeys.current, { session });
      refreshFocus(client);
    },
    meta: { form: true },
  });
}

export function useEndFocus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/focus/sessions/${id}/end`, { method: 'POST', schema: FocusSession }),
    onSuccess: (session) => {
      client.setQueryData(focusKeys.current, { session: null });
      client.setQueryData(focusKeys.session(session.id), session);
      refreshFocus(client);
    },
  });
}

export function usePlanCalls(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PlanCalls>) => api(`/api/v1/focus/sessions/${sessionId}/calls`, { method: 'POST', body: input, schema: PlannedCalls }),
    onSuccess: () => {
      refreshFocus(client);
      refreshToday(client);
      void client.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export function useFocusWeek() {
  return useQuery({ queryKey: focusKeys.week, queryFn: ({ signal }) => api('/api/v1/focus/week', { schema: WeekSummary, signal }), refetchInterval: 60_000 });
}

export function useFocusBudget() {
  return useQuery({ queryKey: focusKeys.budget, queryFn: ({ signal }) => api('/api/v1/focus/budget', { schema: Budget, signal }) });
}

export function useSaveBudget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetValues) => api('/api/v1/focus/budget', { method: 'PUT', body: input, schema: Budget }),
    onSuccess: () => refreshFocus(client),
    meta: { form: true },
  });
}

export function useDropOwnBudget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/v1/focus/budget', { method: 'DELETE', schema: Budget }),
    onSuccess: () => refreshFocus(client),
  });
}

export function useReflectionTrend() {
  return useQuery({ queryKey: focusKeys.trend, queryFn: ({ signal }) => api('/api/v1/focus/reflections', { query: { weeks: 12 }, schema: ReflectionTrend, signal }) });
}

export function useReflect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ week, answers }: { week: string; answers: AnswerValues }) => api(`/api/v1/focus/reflections/${week}`, { method: 'PUT', body: answers, schema: Reflection }),
    onSuccess: () => refreshFocus(client),
    meta: { form: true },
  });
}
