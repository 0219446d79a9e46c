import { Badge, Checkbox, Group, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, Coach } from '../api.ts';

export type VariantValue = { on: boolean; own: boolean; body: string };

function LengthBadge({ length, channel }: { length: { count: number; limit: number; over: boolean } | undefined; channel: Channel }) {
  const { t } = useTranslation();
  if (!length) return null;
  return (
    <Badge variant="light" color={length.over ? 'red' : 'gray'} data-testid={`length-${channel.id}`} tt="none"
      aria-label={`${t('planner.editor.lengthLabel', { channel: channel.name, platform: t(`platforms.${channel.platform}`) })}: ${length.count} / ${length.limit}${length.over ? `, ${t('planner.editor.over')}` : ''}`}>
      {t('planner.editor.length', { count: length.count, limit: length.limit })}
    </Badge>
  );
}

// Which channels the post goes to, each with its live length as that platform counts it, and an own text if wanted.
export function ChannelVariants({ channels, value, onChange, coach, disabled }: {
  channels: Channel[]; value: Record<string, VariantValue>; onChange: (id: string, next: VariantValue) => void; coach: Coach | undefined; disabled: boolean;
}) {
  const { t } = useTranslation();
  const lengths = new Map((coach?.lengths ?? []).map((l) => [l.channelId, l.length]));
  if (channels.length === 0) return <Text size="sm" c="dimmed">{t('planner.editor.noChannels')}</Text>;
  return (
    <Stack gap="xs" role="group" aria-label={t('planner.editor.channels')}>
      <Text size="sm" fw={500}>{t('planner.editor.channels')}</Text>
      {channels.map((channel) => {
        const v = value[channel.id] ?? { on: false, own: false, body: '' };
        return (
          <Paper key={channel.id} withBorder p="xs">
            <Group justify="space-between">
              <Checkbox label={channel.name === t(`platforms.${channel.platform}`) ? channel.name : `${channel.name} (${t(`platforms.${channel.platform}`)})`} checked={v.on} disabled={disabled}
                onChange={(e) => onChange(channel.id, { ...v, on: e.currentTarget.checked })} />
              {v.on && <LengthBadge length={lengths.get(channel.id)} channel={channel} />}
            </Group>
            {v.on && (
              <Stack gap={4} mt={6}>
                <Switch size="xs" label={t('planner.editor.ownText', { channel: channel.name })} checked={v.own} disabled={disabled}
                  onChange={(e) => onChange(channel.id, { ...v, own: e.currentTarget.checked })} />
                {v.own && (
                  <Textarea label={t('planner.editor.variant', { channel: channel.name })} autosize minRows={2} value={v.body} disabled={disabled}
                    onChange={(e) => onChange(channel.id, { ...v, body: e.currentTarget.value })} />
                )}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
