import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CalendarFeed, Plan, type PlanDone, type PlanInput } from '../../../server/modules/people/nudges.contract.ts';
import { api } from '../../lib/api-client.ts';
import { peopleKeys } from '../people/api.ts';
import { refreshToday } from '../today/keys.ts';

export type { Plan };
export type PlanInputValues = z.input<typeof PlanInput>;
export type PlanDoneValues = z.input<typeof PlanDone>;
export type PlanKind = Plan['kind'];
export const planKinds = ['call', 'meeting', 'coffee'] as const satisfies readonly PlanKind[];

const PlanList = z.object({ items: z.array(Plan) });

export const planKeys = {
  all: ['plans'] as const,
  upcoming: () => [...planKeys.all, 'upcoming'] as const,
  feed: ['calendar-feed'] as const,
};

// The server's default window: from 30 days back (overdue ones) to a year ahead; only plans still open.
export function useUpcomingPlans() {
  return useQuery({ queryKey: planKeys.upcoming(), queryFn: ({ signal }) => api('/api/v1/plans', { schema: PlanList, signal }) });
}

function afterPlanChange(client: QueryClient, plan: Plan) {
  refreshToday(client);
  void client.invalidateQueries({ queryKey: planKeys.all });
  // Done logs an interaction: the ladder, the counts and the timeline move.
  void client.invalidateQueries({ queryKey: peopleKeys.detail(plan.personId) });
  void client.invalidateQueries({ queryKey: peopleKeys.lists() });
}

export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInputValues) => api('/api/v1/plans', { method: 'POST', body: input, schema: Plan }),
    onSuccess: (plan) => afterPlanChange(client, plan),
    meta: { form: true },
  });
}

export function useCompletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PlanDoneValues }) => api(`/api/v1/plans/${id}/done`, { method: 'POST', body: input, schema: Plan }),
    onSuccess: (plan) => afterPlanChange(client, plan),
    meta: { form: true },
  });
}

export function useCancelPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/plans/${id}/cancel`, { method: 'POST', schema: Plan }),
    onSuccess: (plan) => afterPlanChange(client, plan),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: planKeys.feed, queryFn: ({ signal }) => api('/api/v1/plans/feed', { schema: CalendarFeed, signal }), staleTime: Infinity });
}
