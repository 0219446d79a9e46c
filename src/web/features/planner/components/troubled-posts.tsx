import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, serverFieldErrors } from '../../../lib/problems.ts';
import { useResolve, useTroubledPosts, type Post } from '../api.ts';
import { excerpt } from '../message.ts';

type Target = Post['channels'][number];

function ResolveTarget({ post, target }: { post: Post; target: Target }) {
  const { t } = useTranslation();
  const resolve = useResolve();
  const [url, setUrl] = useState('');
  const settle = (published: boolean) => resolve.mutate(
    { postId: post.id, channelId: target.channelId, input: { published, url: published && url.trim() ? url.trim() : null } },
    { onSuccess: () => notifySuccess(t('planner.troubled.resolved')) },
  );
  return (
    <Stack gap={4} data-testid="troubled-target">
      <Group gap="xs">
        <Text size="sm" fw={600}>{target.channelName}</Text>
        <Badge size="xs" color="red" variant="light">{target.state === 'unknown' ? t('planner.troubled.unknownState') : t('planner.troubled.failedState')}</Badge>
        {target.error && <Text size="xs" c="dimmed">{target.error}</Text>}
      </Group>
      <Group align="flex-end" gap="xs">
        <TextInput size="xs" type="url" label={t('planner.troubled.url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={serverFieldErrors(resolve.error).url} style={{ flex: 1 }} placeholder="https://" />
        <Button size="xs" onClick={() => settle(true)} loading={resolve.isPending}>{t('planner.troubled.isOut')}</Button>
        <Button size="xs" variant="default" onClick={() => settle(false)} loading={resolve.isPending}>{t('planner.troubled.notOut')}</Button>
      </Group>
    </Stack>
  );
}

// Posts whose outcome Onland could not tell (a timeout) or that failed: the person checks and settles each channel.
export function TroubledPosts() {
  const { t } = useTranslation();
  const troubled = useTroubledPosts();
  const posts = troubled.data ?? [];
  if (posts.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="troubled-title">
      <Title order={2} size="h4" id="troubled-title">{t('planner.troubled.title')}</Title>
      <Text size="sm" c="dimmed">{t('planner.troubled.intro')}</Text>
      {posts.map((post) => (
        <Paper key={post.id} withBorder p="sm">
          <Text size="sm" mb="xs">{excerpt(post.body, 120)}</Text>
          <Stack gap="sm">
            {post.channels.filter((c) => c.state === 'unknown' || c.state === 'failed').map((target) => <ResolveTarget key={target.channelId} post={post} target={target} />)}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
