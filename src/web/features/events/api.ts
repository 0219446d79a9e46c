import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  MessageResult, Occurrence, OccurrenceList, Registration as RegistrationSchema, RegistrationGroups, SeriesDetail, SeriesList,
  type MessageInput, type OccurrencePatch, type SeriesInput,
} from '../../../server/modules/events/events.contract.ts';
import { api } from '../../lib/api-client.ts';

export type Series = z.output<typeof SeriesList>['items'][number];
export type SeriesDetail = z.output<typeof SeriesDetail>;
export type Occurrence = z.output<typeof Occurrence>;
export type Registration = z.output<typeof RegistrationSchema>;
export type RegistrationGroups = z.output<typeof RegistrationGroups>;
export type SeriesValues = z.input<typeof SeriesInput>;
// Output: the times are Dates here and travel as ISO text.
export type OccurrenceChanges = z.output<typeof OccurrencePatch>;
export type MessageValues = z.input<typeof MessageInput>;
export { messageGroups, MessageInput, OccurrencePatch, SeriesInput } from '../../../server/modules/events/events.contract.ts';

export const eventKeys = {
  all: ['events'] as const,
  series: ['events', 'series'] as const,
  seriesDetail: (id: string) => ['events', 'series', id] as const,
  occurrences: ['events', 'occurrences'] as const,
  occurrenceRange: (from: Date, to: Date) => ['events', 'occurrences', 'range', from.toISOString(), to.toISOString()] as const,
  occurrence: (id: string) => ['events', 'occurrences', 'one', id] as const,
  registrations: (id: string) => ['events', 'registrations', id] as const,
};

export function useSeriesList() {
  return useQuery({
    queryKey: eventKeys.series,
    queryFn: ({ signal }) => api('/api/v1/events', { schema: SeriesList, signal }),
  });
}

export function useSeries(id: string) {
  return useQuery({
    queryKey: eventKeys.seriesDetail(id),
    queryFn: ({ signal }) => api(`/api/v1/events/${id}`, { schema: SeriesDetail, signal }),
  });
}

export function useOccurrences(from: Date, to: Date) {
  return useQuery({
    queryKey: eventKeys.occurrenceRange(from, to),
    queryFn: ({ signal }) => api('/api/v1/events/occurrences', { query: { from: from.toISOString(), to: to.toISOString() }, schema: OccurrenceList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOccurrence(id: string) {
  return useQuery({
    queryKey: eventKeys.occurrence(id),
    queryFn: ({ signal }) => api(`/api/v1/events/occurrences/${id}`, { schema: Occurrence, signal }),
  });
}

export function useRegistrations(occurrenceId: string, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: eventKeys.registrations(occurrenceId),
    queryFn: ({ signal }) => api(`/api/v1/events/occurrences/${occurrenceId}/registrations`, { schema: RegistrationGroups, signal }),
    // At the door other phones check people in too: keep the list fresh.
    refetchInterval: options.poll ? 15_000 : false,
  });
}

export function registrationsCsvUrl(occurrenceId: string): string {
  return `/api/v1/events/occurrences/${occurrenceId}/registrations.csv`;
}

// Counts, places and the lists change together: refresh everything about events.
function refreshEvents(client: QueryClient) {
  void client.invalidateQueries({ queryKey: eventKeys.all });
}

export function useCreateSeries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SeriesValues) => api('/api/v1/events', { method: 'POST', body: input, schema: SeriesDetail }),
    onSuccess: (series) => {
      client.setQueryData(eventKeys.seriesDetail(series.id), series);
      refreshEvents(client);
    },
    meta: { form: true },
  });
}

export function useUpdateSeries(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<SeriesValues>) => api(`/api/v1/events/${id}`, { method: 'PATCH', body: input, schema: SeriesDetail }),
    onSuccess: (series) => {
      client.setQueryData(eventKeys.seriesDetail(series.id), series);
      refreshEvents(client);
    },
    meta: { form: true },
  });
}

export function useUpdateOccurrence(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OccurrenceChanges) => api(`/api/v1/events/occurrences/${id}`, { method: 'PATCH', body: input, schema: Occurrence }),
    onSuccess: (occurrence) => {
      client.setQueryData(eventKeys.occurrence(id), occurrence);
      refreshEvents(client);
    },
    meta: { form: true },
  });
}

export function useCancelOccurrence(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/v1/events/occurrences/${id}/cancel`, { method: 'POST', schema: Occurrence }),
    onSuccess: (occurrence) => {
      client.setQueryData(eventKeys.occurrence(id), occurrence);
      refreshEvents(client);
    },
  });
}

export function useCancelRegistration(occurrenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) => api(`/api/v1/events/occurrences/${occurrenceId}/registrations/${registrationId}/cancel`, { method: 'POST', schema: RegistrationSchema }),
    onSuccess: () => refreshEvents(client),
  });
}

export function useSendMessage(occurrenceId: string) {
  return useMutation({
    mutationFn: (input: MessageValues) => api(`/api/v1/events/occurrences/${occurrenceId}/messages`, { method: 'POST', body: input, schema: MessageResult }),
    meta: { form: true },
  });
}

// At the door: the tapped person, or the code from their email. The list moves them to attended at once.
export function useCheckIn(occurrenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { registrationId: string } | { code: string }) =>
      api(`/api/v1/events/occurrences/${occurrenceId}/check-in`, { method: 'POST', body: input, schema: RegistrationSchema }),
    onSuccess: (registration) => {
      client.setQueryData<RegistrationGroups>(eventKeys.registrations(occurrenceId), (groups) => groups && {
        ...groups,
        confirmed: groups.confirmed.map((item) => (item.id === registration.id ? registration : item)),
        noShow: groups.noShow.filter((item) => item.id !== registration.id),
      });
      void client.invalidateQueries({ queryKey: eventKeys.registrations(occurrenceId) });
    },
    meta: { handles: ['NOT_FOUND', 'NOT_CONFIRMED'] },
  });
}
