import '@mantine/charts/styles.css';
import { Alert, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelReturn, useClientSources, useFunnel, usePlatformRisk, useVanity, useWhatWorks } from '../api.ts';
import { ChannelReturnCard } from '../components/channel-return-card.tsx';
import { ClientSourcesCard } from '../components/client-sources-card.tsx';
import { FunnelCard } from '../components/funnel-card.tsx';
import { PlatformRiskCard } from '../components/platform-risk-card.tsx';
import { VanityCard } from '../components/vanity-card.tsx';
import { WhatWorksCard } from '../components/what-works-card.tsx';

const periods = [30, 90, 365] as const;

// Numbers that count relationships: conversations, calls, meetings, clients. Likes and followers
// have a tab of their own and never make the headline.
export function InsightsPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(90);
  const [tab, setTab] = useState<string | null>('relationships');
  return (
    <Stack gap="lg" maw={1000}>
      <title>{`${t('nav.insights')} · ${t('app.name')}`}</title>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('nav.insights')}</Title>
          <Text c="dimmed">{t('insights.intro')}</Text>
        </div>
        <Select label={t('insights.period')} w={180} value={String(days)} onChange={(v) => v && setDays(Number(v))} allowDeselect={false}
          data={periods.map((d) => ({ value: String(d), label: t('insights.lastDays', { count: d }) }))} />
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="relationships">{t('insights.tabs.relationships')}</Tabs.Tab>
          <Tabs.Tab value="vanity">{t('insights.tabs.vanity')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="relationships" pt="md"><Relationships days={days} /></Tabs.Panel>
        <Tabs.Panel value="vanity" pt="md">{tab === 'vanity' && <VanityTab days={days} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Relationships({ days }: { days: number }) {
  const { t } = useTranslation();
  const funnel = useFunnel();
  const works = useWhatWorks(days);
  const result = useChannelReturn(days);
  const sources = useClientSources();
  const risk = usePlatformRisk();
  const failed = [funnel, works, result, sources, risk].some((q) => q.isError);
  return (
    <Stack gap="lg">
      {failed && <Alert color="red" role="alert">{t('insights.loadError')}</Alert>}
      {funnel.data && <FunnelCard funnel={funnel.data} />}
      {works.data && <WhatWorksCard works={works.data} />}
      {result.data && <ChannelReturnCard result={result.data} />}
      {sources.data && <ClientSourcesCard sources={sources.data} />}
      {risk.data && <PlatformRiskCard risk={risk.data} />}
    </Stack>
  );
}

function VanityTab({ days }: { days: number }) {
  const { t } = useTranslation();
  const vanity = useVanity(days);
  return (
    <Stack gap="lg">
      <Text>{t('insights.vanity.why')}</Text>
      {vanity.isError && <Alert color="red" role="alert">{t('insights.loadError')}</Alert>}
      {vanity.data && <VanityCard vanity={vanity.data} />}
    </Stack>
  );
}
