import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { LosingTouch, Today, type Nudge, type NudgeAction } from '../../../server/modules/people/nudges.contract.ts';
import { api } from '../../lib/api-client.ts';
import { peopleKeys } from '../people/api.ts';
import { refreshToday, todayKeys } from './keys.ts';

export type { Nudge };
export type TodayView = z.output<typeof Today>;
export type NudgeActionInput = z.input<typeof NudgeAction>;

export function useToday() {
  return useQuery({
    queryKey: todayKeys.today,
    queryFn: ({ signal }) => api('/api/v1/today', { schema: Today, signal }),
    // Meeting mode ends and plans fall due while the page is open; a calm minute is fresh enough.
    refetchInterval: 60_000,
  });
}

export function useLosingTouch() {
  return useQuery({ queryKey: todayKeys.losingTouch, queryFn: ({ signal }) => api('/api/v1/losing-touch', { schema: LosingTouch, signal }) });
}

export function useNudgeAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NudgeActionInput) => api('/api/v1/nudges/actions', { method: 'POST', body: input }),
    onSuccess: (_nothing, input) => {
      // Gone at once; the refetch then brings whatever else changed.
      client.setQueryData<TodayView>(todayKeys.today, (today) => today && {
        ...today,
        sections: today.sections.map((section) => ({ ...section, nudges: section.nudges.filter((n) => n.key !== input.key) })),
      });
      client.setQueryData<z.output<typeof LosingTouch>>(todayKeys.losingTouch, (list) => list && { items: list.items.filter((n) => n.key !== input.key) });
      refreshToday(client);
      // Done on a call nudge logs the call: the person's ladder and timeline change.
      const personId = input.key.split(':')[1];
      if (personId) void client.invalidateQueries({ queryKey: peopleKeys.detail(personId) });
    },
  });
}
