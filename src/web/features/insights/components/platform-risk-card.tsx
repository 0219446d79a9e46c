import { BarChart } from '@mantine/charts';
import { Anchor, Button, Group, List, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { riskCsvUrl, useRiskPeople, type PlatformRiskView, type RiskPlatform } from '../api.ts';
import { Figure, percent } from './figure.tsx';

// Per platform, the people you could reach only there, with the list to ask them for another way.
export function PlatformRiskCard({ risk }: { risk: PlatformRiskView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<RiskPlatform | null>(null);
  const name = (p: string) => t(`platforms.${p}`, { defaultValue: p });
  const headline = risk.platforms.length === 0 ? t('insights.risk.none') : t('insights.risk.intro');
  return (
    <Figure id="insights-risk" title={t('insights.risk.title')} headline={headline}
      chart={risk.platforms.length > 0 ? <BarChart h={200} dataKey="platform"
        data={risk.platforms.map((p) => ({ platform: name(p.platform), people: p.onlyThere }))} series={[{ name: 'people', label: t('insights.risk.people'), color: 'orange.6' }]} /> : undefined}>
      {risk.platforms.length > 0 && (
        <List spacing={4}>
          {risk.platforms.map((p) => <List.Item key={p.platform}>{t('insights.risk.lose', { platform: name(p.platform), count: p.onlyThere })}</List.Item>)}
        </List>
      )}
      {risk.platforms.length > 0 && (
        <Table data-testid="insights-risk-table">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('insights.risk.platform')}</Table.Th><Table.Th>{t('insights.risk.people')}</Table.Th><Table.Th>{t('insights.risk.share')}</Table.Th><Table.Th>{t('insights.risk.list')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risk.platforms.map((p) => (
              <Table.Tr key={p.platform}>
                <Table.Td>{name(p.platform)}</Table.Td><Table.Td>{p.onlyThere}</Table.Td><Table.Td>{percent(p.share)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="compact-sm" variant="default" onClick={() => setShown(p.platform)} aria-label={t('insights.risk.showFor', { platform: name(p.platform) })}>{t('insights.risk.show')}</Button>
                    <Button size="compact-sm" variant="default" component="a" href={riskCsvUrl(p.platform)} download aria-label={t('insights.risk.csvFor', { platform: name(p.platform) })}>{t('insights.risk.csv')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <RiskPeople platform={shown} name={name(shown)} />}
    </Figure>
  );
}

function RiskPeople({ platform, name }: { platform: RiskPlatform; name: string }) {
  const { t } = useTranslation();
  const people = useRiskPeople(platform);
  if (!people.data) return null;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="insights-risk-people">
        <Table.Caption>{t('insights.risk.peopleCaption', { platform: name, count: people.data.total, shown: people.data.items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('insights.clients.name')}</Table.Th><Table.Th>{t('insights.risk.handle')}</Table.Th><Table.Th>{t('ladder.label')}</Table.Th><Table.Th>{t('insights.risk.lastTouch')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.data.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Anchor component={Link} to={`/people/${p.id}`}>{p.name}</Anchor></Table.Td>
              <Table.Td>{p.url ? <Anchor href={p.url} target="_blank" rel="noreferrer">{p.handle}</Anchor> : p.handle}</Table.Td>
              <Table.Td>{t(`ladder.steps.${p.ladder}`)}</Table.Td><Table.Td>{p.lastInteractionAt ? formatDate(p.lastInteractionAt) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {people.data.total === 0 && <Text size="sm" c="dimmed">{t('insights.risk.none')}</Text>}
    </Table.ScrollContainer>
  );
}
