import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { keepPreviousData } from '@tanstack/react-query';
import { ladderSteps, type LadderStep } from '../../../server/modules/people/ladder.ts';
import type { z } from 'zod';
import {
  DuplicateCandidates, Interaction, InteractionList, Introductions, PeoplePage, Person, TagList, type InteractionInput, type PersonInput,
} from '../../../server/modules/people/people.contract.ts';
import { api, apiWithStatus } from '../../lib/api-client.ts';
import { refreshToday } from '../today/keys.ts';

export type { Interaction, InteractionInput, LadderStep, Person, PersonInput };
export { ladderSteps };
type InteractionPage = { items: Interaction[]; nextCursor: string | null };
export type DuplicatePair = z.output<typeof DuplicateCandidates>['items'][number];
export type DuplicateReason = DuplicatePair['reasons'][number];
export type IntroductionTree = z.output<typeof Introductions>;
export type PeopleFilter = { q: string; tag: string; step: LadderStep | '' };

const pageSize = 25;

export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (filter: PeopleFilter) => [...peopleKeys.lists(), filter] as const,
  lookup: (q: string) => [...peopleKeys.all, 'lookup', q] as const,
  tags: () => [...peopleKeys.all, 'tags'] as const,
  detail: (id: string) => [...peopleKeys.all, 'detail', id] as const,
  interactions: (id: string) => [...peopleKeys.all, 'detail', id, 'interactions'] as const,
  introductions: (id: string) => [...peopleKeys.all, 'detail', id, 'introductions'] as const,
  duplicates: () => [...peopleKeys.all, 'duplicates'] as const,
};

export function usePeople(filter: PeopleFilter) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api('/api/v1/people', { query: { q: filter.q, tag: filter.tag, step: filter.step, cursor: pageParam, limit: pageSize }, schema: PeoplePage, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new search runs, the old rows stay instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => api(`/api/v1/people/${id}`, { schema: Person, signal }), enabled: options.enabled });
}

// A short list for pickers (the introducer): the first few matches of a search.
export function usePeopleLookup(q: string) {
  return useQuery({
    queryKey: peopleKeys.lookup(q),
    queryFn: ({ signal }) => api('/api/v1/people', { query: { q, limit: 20 }, schema: PeoplePage, signal }),
    placeholderData: keepPreviousData,
  });
}

// Tags in use, most used first: suggestions for filters and forms.
export function usePeopleTags(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: peopleKeys.tags(), queryFn: ({ signal }) => api('/api/v1/people/tags', { schema: TagList, signal }), enabled: options.enabled });
}

// Introductions are trees: a new or changed introducer shows on every page of that tree.
function refreshIntroductions(client: QueryClient) {
  void client.invalidateQueries({ predicate: (query) => query.queryKey[0] === peopleKeys.all[0] && query.queryKey[3] === 'introductions' });
}

// A touch may move the ladder and the counts on the person; the timeline is updated in place.
function refreshPerson(client: QueryClient, personId: string) {
  void client.invalidateQueries({ queryKey: peopleKeys.detail(personId), exact: true });
  void client.invalidateQueries({ queryKey: peopleKeys.lists() });
  refreshToday(client);
}

// The server answers 200 instead of 201 when the new person had an email, phone, handle or profile
// URL of someone already here: they were merged into that person, whose record comes back.
export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: PersonInput) => {
      const { status, data } = await apiWithStatus('/api/v1/people', { method: 'POST', body: input, schema: Person });
      return { person: data, merged: status === 200 };
    },
    onSuccess: ({ person, merged }) => {
      client.setQueryData(peopleKeys.detail(person.id), person);
      void client.invalidateQueries({ queryKey: peopleKeys.lists() });
      void client.invalidateQueries({ queryKey: peopleKeys.tags() });
      if (merged) void client.invalidateQueries({ queryKey: peopleKeys.interactions(person.id) });
      refreshIntroductions(client);
      void client.invalidateQueries({ queryKey: peopleKeys.duplicates() });
      refreshToday(client);
    },
    meta: { form: true, handles: ['DUPLICATE_PERSON'] },
  });
}

export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api(`/api/v1/people/${id}`, { method: 'PATCH', body: input, schema: Person }),
    onSuccess: (person) => {
      client.setQueryData(peopleKeys.detail(id), person);
      void client.invalidateQueries({ queryKey: peopleKeys.lists() });
      void client.invalidateQueries({ queryKey: peopleKeys.tags() });
      // Cadence and tags decide who is due to reconnect.
      refreshToday(client);
      refreshIntroductions(client);
      void client.invalidateQueries({ queryKey: peopleKeys.duplicates() });
    },
    meta: { form: true, handles: ['DUPLICATE_PERSON'] },
  });
}

export function useDeletePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/api/v1/people/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: peopleKeys.detail(id) });
      void client.invalidateQueries({ queryKey: peopleKeys.lists() });
      refreshIntroductions(client);
      void client.invalidateQueries({ queryKey: peopleKeys.duplicates() });
      void client.invalidateQueries({ queryKey: peopleKeys.tags() });
      refreshToday(client);
    },
  });
}

export function useInteractions(personId: string) {
  return useInfiniteQuery({
    queryKey: peopleKeys.interactions(personId),
    queryFn: ({ pageParam, signal }) =>
      api(`/api/v1/people/${personId}/interactions`, { query: { cursor: pageParam, limit: pageSize }, schema: InteractionList, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLogInteraction(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionInput) => api(`/api/v1/people/${personId}/interactions`, { method: 'POST', body: input, schema: Interaction }),
    onSuccess: (interaction) => {
      insertInteraction(client, personId, interaction);
      refreshPerson(client, personId);
    },
    meta: { form: true },
  });
}

export function useDeleteInteraction(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (interactionId: string) => api(`/api/v1/people/${personId}/interactions/${interactionId}`, { method: 'DELETE' }),
    onSuccess: (_nothing, interactionId) => {
      client.setQueryData<InfiniteData<InteractionPage>>(peopleKeys.interactions(personId), (data) => data && {
        ...data,
        pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== interactionId) })),
      });
      refreshPerson(client, personId);
    },
  });
}

// Newest first, like the server: the new touch goes where it belongs among the loaded ones. If it is
// older than everything loaded and more pages remain, it arrives with them instead.
function insertInteraction(client: QueryClient, personId: string, interaction: Interaction) {
  client.setQueryData<InfiniteData<InteractionPage>>(peopleKeys.interactions(personId), (data) => {
    if (!data) return data;
    const newerFirst = (a: Interaction, b: Interaction) => b.occurredAt.getTime() - a.occurredAt.getTime() || (b.id < a.id ? -1 : 1);
    const pages = data.pages.map((page) => ({ ...page, items: [...page.items] }));
    const target = pages.find((page) => page.items.some((item) => newerFirst(interaction, item) < 0))
      ?? (pages.at(-1)?.nextCursor ? undefined : pages.at(-1));
    if (!target) return data;
    target.items.push(interaction);
    target.items.sort(newerFirst);
    return { ...data, pages };
  });
}

// Who introduced this person (and who introduced them), and everyone they introduced in turn.
export function useIntroductions(id: string) {
  return useQuery({
    queryKey: peopleKeys.introductions(id),
    queryFn: ({ signal }) => api(`/api/v1/people/${id}/introductions`, { schema: Introductions, signal }),
  });
}

export function useDuplicates() {
  return useQuery({ queryKey: peopleKeys.duplicates(), queryFn: ({ signal }) => api('/api/v1/people/duplicates', { schema: DuplicateCandidates, signal }) });
}

// The other person's interactions, plans, introductions and contact details move to the survivor;
// the other is deleted. Almost every list may change.
export function useMergePeople() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, otherId }: { survivorId: string; otherId: string }) =>
      api(`/api/v1/people/${survivorId}/merge`, { method: 'POST', body: { otherId }, schema: Person }),
    onSuccess: (person, { otherId }) => {
      client.removeQueries({ queryKey: peopleKeys.detail(otherId) });
      client.setQueryData(peopleKeys.detail(person.id), person);
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      refreshToday(client);
    },
  });
}

export function useDismissDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pair: { aId: string; bId: string }) => api('/api/v1/people/duplicates/dismiss', { method: 'POST', body: pair }),
    onSuccess: (_nothing, { aId, bId }) => {
      // Gone at once; the refetch confirms.
      client.setQueryData<z.output<typeof DuplicateCandidates>>(peopleKeys.duplicates(), (data) => data && {
        items: data.items.filter((pair) => !(pair.a.id === aId && pair.b.id === bId) && !(pair.a.id === bId && pair.b.id === aId)),
      });
      void client.invalidateQueries({ queryKey: peopleKeys.duplicates() });
    },
  });
}
