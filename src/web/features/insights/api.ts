import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ChannelReturn, ClientSources, Funnel, PlatformRisk, RiskPeople, Vanity, WhatWorks } from '../../../server/modules/insights/insights.contract.ts';
import { api } from '../../lib/api-client.ts';

export type FunnelView = z.output<typeof Funnel>;
export type WhatWorksView = z.output<typeof WhatWorks>;
export type ChannelReturnView = z.output<typeof ChannelReturn>;
export type ClientSourcesView = z.output<typeof ClientSources>;
export type PlatformRiskView = z.output<typeof PlatformRisk>;
export type RiskPeopleView = z.output<typeof RiskPeople>;
export type VanityView = z.output<typeof Vanity>;
export type RiskPlatform = RiskPeopleView['platform'];

export const insightsKeys = {
  all: ['insights'] as const,
  funnel: ['insights', 'funnel'] as const,
  whatWorks: (days: number) => ['insights', 'what-works', days] as const,
  channelReturn: (days: number) => ['insights', 'channel-return', days] as const,
  clientSources: ['insights', 'client-sources'] as const,
  platformRisk: ['insights', 'platform-risk'] as const,
  riskPeople: (platform: string) => ['insights', 'platform-risk', platform] as const,
  vanity: (days: number) => ['insights', 'vanity', days] as const,
};

export function useFunnel() {
  return useQuery({ queryKey: insightsKeys.funnel, queryFn: ({ signal }) => api('/api/v1/insights/funnel', { schema: Funnel, signal }) });
}

export function useWhatWorks(days: number) {
  return useQuery({ queryKey: insightsKeys.whatWorks(days), queryFn: ({ signal }) => api('/api/v1/insights/what-works', { schema: WhatWorks, query: { days }, signal }) });
}

export function useChannelReturn(days: number) {
  return useQuery({ queryKey: insightsKeys.channelReturn(days), queryFn: ({ signal }) => api('/api/v1/insights/channel-return', { schema: ChannelReturn, query: { days }, signal }) });
}

export function useClientSources() {
  return useQuery({ queryKey: insightsKeys.clientSources, queryFn: ({ signal }) => api('/api/v1/insights/client-sources', { schema: ClientSources, signal }) });
}

export function usePlatformRisk() {
  return useQuery({ queryKey: insightsKeys.platformRisk, queryFn: ({ signal }) => api('/api/v1/insights/platform-risk', { schema: PlatformRisk, signal }) });
}

export function useRiskPeople(platform: RiskPlatform | null) {
  return useQuery({
    queryKey: insightsKeys.riskPeople(platform ?? ''),
    queryFn: ({ signal }) => api(`/api/v1/insights/platform-risk/${platform}`, { schema: RiskPeople, query: { limit: 100 }, signal }),
    enabled: Boolean(platform),
  });
}

export function riskCsvUrl(platform: string): string {
  return `/api/v1/insights/platform-risk/${platform}/people.csv`;
}

export function useVanity(days: number) {
  return useQuery({ queryKey: insightsKeys.vanity(days), queryFn: ({ signal }) => api('/api/v1/insights/vanity', { schema: Vanity, query: { days }, signal }) });
}
