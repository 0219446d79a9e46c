import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../api.ts';
import { excerpt } from '../message.ts';

export const pillarColors = { value: 'teal', personality: 'grape', community: 'blue', offer: 'orange', event: 'indigo' } as const;
// Tiny badges keep the text colour for contrast; the colour is in the badge's background or border.
export const readable = { color: 'var(--mantine-color-text)' };
const statusColors: Record<string, string> = { scheduled: 'blue', publishing: 'yellow', published: 'green', failed: 'red', unknown: 'red', idea: 'gray', draft: 'gray' };

// A post in a slot or the side list: its pillar, the start of its text, its status when it matters.
export function PostChip({ post, actions, leading, compact }: { post: Post; actions?: ReactNode; leading?: ReactNode; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={compact ? 4 : 'xs'} radius="sm" data-post-id={post.id}>
      <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
        {leading}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap={4} mb={2}>
            <Badge size="xs" variant="light" color={pillarColors[post.pillar]} style={readable}>{t(`planner.pillars.${post.pillar}`)}</Badge>
            {post.status !== 'scheduled' && <Badge size="xs" variant="outline" color={statusColors[post.status]} style={readable}>{t(`planner.statuses.${post.status}`)}</Badge>}
          </Group>
          <Text size="xs" lineClamp={compact ? 2 : 3}>{excerpt(post.body, compact ? 50 : 90)}</Text>
        </div>
        {actions}
      </Group>
    </Paper>
  );
}
