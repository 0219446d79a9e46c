import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Planner as PlannerSchema, PlannerSettings as PlannerSettingsSchema, type PlannerSettingsInput,
} from '../../../server/modules/posts/planner.contract.ts';
import {
  Channel as ChannelSchema, ChannelCheck, ChannelList, CoachResult, DueList, Post as PostSchema, PostList, PostOutcomes, PostWithCoach,
  type ChannelInput, type ChannelPatch, type CoachInput, type PostInput, type PostPatch, type ResolveInput,
} from '../../../server/modules/posts/posts.contract.ts';
import { api } from '../../lib/api-client.ts';

export type Channel = z.output<typeof ChannelSchema>;
export type Post = z.output<typeof PostSchema>;
export type PostDetail = z.output<typeof PostWithCoach>;
export type Planner = z.output<typeof PlannerSchema>;
export type PlannerSettings = z.output<typeof PlannerSettingsSchema>;
export type Coach = z.output<typeof CoachResult>;
export type Outcomes = z.output<typeof PostOutcomes>;
export type DueItem = z.output<typeof DueList>['items'][number];
export type ChannelValues = z.input<typeof ChannelInput>;
export type PostValues = z.input<typeof PostInput>;
export type PostChanges = z.output<typeof PostPatch>;
export type Message = { en: string; de: string };
export { apiPlatforms, ChannelInput, PostInput, pillars, userStatuses } from '../../../server/modules/posts/posts.contract.ts';
export { platformLimits, platforms } from '../../../server/modules/posts/platforms.ts';

export const plannerKeys = {
  all: ['planner'] as const,
  view: (view: 'week' | 'month', date: string | undefined) => ['planner', 'view', view, date ?? 'today'] as const,
  settings: ['planner', 'settings'] as const,
  channels: ['planner', 'channels'] as const,
  post: (id: string) => ['planner', 'post', id] as const,
  outcomes: (id: string) => ['planner', 'post', id, 'outcomes'] as const,
  due: ['planner', 'due'] as const,
  troubled: ['planner', 'troubled'] as const,
  coach: (input: unknown) => ['planner', 'coach', input] as const,
};

// A post, a channel or a slot changes the calendar, the mix guard and the due list at once.
function refreshPlanner(client: QueryClient) {
  void client.invalidateQueries({ queryKey: plannerKeys.all });
}

export function usePlanner(view: 'week' | 'month', date: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.view(view, date),
    queryFn: ({ signal }) => api('/api/v1/planner', { query: { view, date }, schema: PlannerSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlannerSettings() {
  return useQuery({ queryKey: plannerKeys.settings, queryFn: ({ signal }) => api('/api/v1/planner/settings', { schema: PlannerSettingsSchema, signal }) });
}

export function useSavePlannerSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PlannerSettingsInput>) => api('/api/v1/planner/settings', { method: 'PUT', body: input, schema: PlannerSettingsSchema }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

export function useChannels() {
  return useQuery({ queryKey: plannerKeys.channels, queryFn: ({ signal }) => api('/api/v1/channels', { schema: ChannelList, signal }) });
}

export function useCreateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelValues) => api('/api/v1/channels', { method: 'POST', body: input, schema: ChannelSchema }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

export function useUpdateChannel(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ChannelPatch>) => api(`/api/v1/channels/${id}`, { method: 'PATCH', body: input, schema: ChannelSchema }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

export function useRemoveChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/channels/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshPlanner(client),
  });
}

export function usePost(id: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.post(id ?? 'new'),
    queryFn: ({ signal }) => api(`/api/v1/posts/${id}`, { schema: PostWithCoach, signal }),
    enabled: Boolean(id),
  });
}

export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PostValues) => api('/api/v1/posts', { method: 'POST', body: input, schema: PostWithCoach }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

// On a form the fields show the server's objections; on the calendar a notification does (form: false).
export function useUpdatePost({ form = true }: { form?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: PostChanges }) => api(`/api/v1/posts/${id}`, { method: 'PATCH', body: changes, schema: PostWithCoach }),
    onSuccess: () => refreshPlanner(client),
    meta: { form },
  });
}

export function useRemovePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/posts/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshPlanner(client),
  });
}

// The coach and the counter as the person types: advice only, asked for once the typing pauses.
export function useCoach(input: z.input<typeof CoachInput>) {
  return useQuery({
    queryKey: plannerKeys.coach(input),
    queryFn: ({ signal }) => api('/api/v1/posts/coach', { method: 'POST', body: input, schema: CoachResult, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

// Manual channels whose time has come; refreshed every minute so the next one appears on its own.
export function useDue() {
  return useQuery({ queryKey: plannerKeys.due, queryFn: ({ signal }) => api('/api/v1/posts/due', { schema: DueList, signal }), refetchInterval: 60_000 });
}

// Posts whose outcome is unknown or failed: someone has to look at the platform.
export function useTroubledPosts() {
  return useQuery({
    queryKey: plannerKeys.troubled,
    queryFn: async ({ signal }) => {
      const [unknown, failed] = await Promise.all([
        api('/api/v1/posts', { query: { status: 'unknown' }, schema: PostList, signal }),
        api('/api/v1/posts', { query: { status: 'failed' }, schema: PostList, signal }),
      ]);
      return [...unknown.items, ...failed.items];
    },
    refetchInterval: 60_000,
  });
}

export function useMarkPosted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, channelId, url }: { postId: string; channelId: string; url: string }) =>
      api(`/api/v1/posts/${postId}/channels/${channelId}/posted`, { method: 'POST', body: { url }, schema: PostWithCoach }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

export function useResolve() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, channelId, input }: { postId: string; channelId: string; input: z.input<typeof ResolveInput> }) =>
      api(`/api/v1/posts/${postId}/channels/${channelId}/resolve`, { method: 'POST', body: input, schema: PostWithCoach }),
    onSuccess: () => refreshPlanner(client),
    meta: { form: true },
  });
}

// What a published post led to; "check now" reads its channels' new replies first.
export function useOutcomes(id: string) {
  return useQuery({ queryKey: plannerKeys.outcomes(id), queryFn: ({ signal }) => api(`/api/v1/posts/${id}/outcomes`, { schema: PostOutcomes, signal }) });
}

export function useCheckReplies(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (channelIds: string[]) => {
      let read = 0;
      for (const channelId of channelIds) read += (await api(`/api/v1/channels/${channelId}/check-replies`, { method: 'POST', schema: ChannelCheck })).read;
      return read;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: plannerKeys.outcomes(postId) }),
  });
}
