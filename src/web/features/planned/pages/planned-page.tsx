import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type PlannedArea = 'planner' | 'events' | 'audience' | 'focus';

// Areas of DESIGN.md that are not built yet: one honest sentence or two about what will be here.
export function PlannedPage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  return (
    <Stack maw={680}>
      <title>{`${t(`nav.${area}`)} · ${t('app.name')}`}</title>
      <Group gap="sm" align="center">
        <Title order={1}>{t(`nav.${area}`)}</Title>
        <Badge variant="outline" color="gray">{t('planned.badge')}</Badge>
      </Group>
      <Text size="lg">{t(`planned.${area}`)}</Text>
    </Stack>
  );
}
