import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AudienceCount, Broadcast, BroadcastList, Preview, TestSendResult, type BroadcastInput, type Segment,
} from '../../../server/modules/audience/broadcasts.contract.ts';
import { api } from '../../lib/api-client.ts';

export type Broadcast = z.output<typeof Broadcast>;
export type BroadcastStatus = Broadcast['status'];
export type SegmentInput = z.input<typeof Segment>;
export type BroadcastDraft = z.input<typeof BroadcastInput>;
export { BroadcastInput } from '../../../server/modules/audience/broadcasts.contract.ts';

export const broadcastKeys = {
  all: ['broadcasts'] as const,
  list: () => [...broadcastKeys.all, 'list'] as const,
  detail: (id: string) => [...broadcastKeys.all, 'detail', id] as const,
  count: (segment: SegmentInput) => [...broadcastKeys.all, 'count', segment] as const,
  preview: (subject: string, body: string) => [...broadcastKeys.all, 'preview', subject, body] as const,
};

// While a broadcast is sending, its report moves: read it again every few seconds.
const refreshWhileSending = (status: BroadcastStatus | undefined) => (status === 'sending' || status === 'scheduled' ? 3000 : false);

export function useBroadcasts() {
  return useQuery({
    queryKey: broadcastKeys.list(),
    queryFn: ({ signal }) => api('/api/v1/broadcasts', { schema: BroadcastList, signal }),
    refetchInterval: (query) => (query.state.data?.items.some((b) => b.status === 'sending' || b.status === 'scheduled') ? 3000 : false),
  });
}

export function useBroadcast(id: string | undefined) {
  return useQuery({
    queryKey: broadcastKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api(`/api/v1/broadcasts/${id}`, { schema: Broadcast, signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => refreshWhileSending(query.state.data?.status),
  });
}

// How many addresses the segment reaches right now (consented, not suppressed, each once).
export function useAudienceCount(segment: SegmentInput) {
  return useQuery({
    queryKey: broadcastKeys.count(segment),
    queryFn: ({ signal }) => api('/api/v1/broadcasts/audience', { method: 'POST', body: segment, schema: AudienceCount, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePreview(subject: string, body: string) {
  return useQuery({
    queryKey: broadcastKeys.preview(subject, body),
    queryFn: ({ signal }) => api('/api/v1/broadcasts/preview', { method: 'POST', body: { subject, body }, schema: Preview, signal }),
    placeholderData: keepPreviousData,
  });
}

function useSaved() {
  const client = useQueryClient();
  return (broadcast: Broadcast) => {
    client.setQueryData(broadcastKeys.detail(broadcast.id), broadcast);
    void client.invalidateQueries({ queryKey: broadcastKeys.list() });
  };
}

// Saves the draft: creates it the first time, changes it afterwards.
export function useSaveBroadcast(id: string | undefined) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (draft: BroadcastDraft) => (id
      ? api(`/api/v1/broadcasts/${id}`, { method: 'PATCH', body: draft, schema: Broadcast })
      : api('/api/v1/broadcasts', { method: 'POST', body: draft, schema: Broadcast })),
    onSuccess: saved,
    meta: { form: true },
  });
}

export function useTestSend() {
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/broadcasts/${id}/test`, { method: 'POST', schema: TestSendResult }),
  });
}

// Send now (at: null) or at a time.
export function useSendBroadcast() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, at }: { id: string; at: Date | null }) => api(`/api/v1/broadcasts/${id}/send`, { method: 'POST', body: { at: at?.toISOString() ?? null }, schema: Broadcast }),
    onSuccess: saved,
  });
}

export function useUnschedule() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (id: string) => api(`/api/v1/broadcasts/${id}/unschedule`, { method: 'POST', schema: Broadcast }),
    onSuccess: saved,
  });
}
