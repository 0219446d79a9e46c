import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useChannels, useCreatePost, usePost, useRemovePost, useUpdatePost } from '../api.ts';
import { PostForm, type PostSubmit } from '../components/post-form.tsx';
import { PostOutcomesPanel } from '../components/post-outcomes.tsx';

// Statuses a person may still change; the publisher owns the rest.
const editable = new Set(['idea', 'draft', 'scheduled', 'failed']);

export function PostPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user, workspace } = useCurrentSession();
  const post = usePost(id);
  const channels = useChannels();
  const create = useCreatePost();
  const update = useUpdatePost();
  const remove = useRemovePost();
  const [deleting, setDeleting] = useState(false);
  const title = id ? t('planner.editor.editTitle') : t('planner.editor.newTitle');
  const saved = () => { notifySuccess(t('planner.editor.saved')); void navigate('/planner'); };
  const submit = (input: PostSubmit, onError: (error: unknown) => void) => {
    if (id) update.mutate({ id, changes: input }, { onSuccess: saved, onError });
    else create.mutate({ ...input, scheduledAt: input.scheduledAt?.toISOString() ?? null }, { onSuccess: saved, onError });
  };
  const error = post.error ?? channels.error;
  const readOnly = user.role === 'viewer' || Boolean(post.data && !editable.has(post.data.status));
  return (
    <Stack gap="lg">
      <title>{`${title} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/planner" size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('planner.editor.back')}</Group></Anchor>
      <Group justify="space-between">
        <Title order={1}>{title}</Title>
        {id && post.data && !readOnly && <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>{t('planner.editor.delete')}</Button>}
      </Group>
      {error ? <Alert color="red">{problemMessage(error)}</Alert> : (id && post.isPending) || channels.isPending ? <Loading /> : (
        <>
          {post.data && readOnly && user.role !== 'viewer' && <Alert color="blue">{t('planner.editor.readOnly')}</Alert>}
          {post.data && post.data.channels.some((c) => c.url) && (
            <div>
              <Text fw={500} size="sm">{t('planner.editor.targets')}</Text>
              <List size="sm">
                {post.data.channels.filter((c) => c.url).map((c) => <List.Item key={c.channelId}>{c.channelName}: <Anchor href={c.url!} target="_blank" rel="noreferrer">{c.url}</Anchor></List.Item>)}
              </List>
            </div>
          )}
          {post.data && post.data.status === 'published' && (
            <PostOutcomesPanel postId={post.data.id}
              apiChannelIds={post.data.channels.filter((c) => c.mode === 'api' && c.state === 'published').map((c) => c.channelId)} />
          )}
          <PostForm key={post.data?.updatedAt.toISOString() ?? 'new'} post={post.data} channels={channels.data?.items ?? []} zone={workspace.timezone}
            pending={create.isPending || update.isPending} readOnly={readOnly} onSubmit={submit} />
        </>
      )}
      <ConfirmModal opened={deleting} title={t('planner.editor.delete')} body={t('planner.editor.deleteConfirm')} confirmLabel={t('planner.editor.delete')}
        pending={remove.isPending} onConfirm={() => id && remove.mutate(id, { onSuccess: () => { notifySuccess(t('planner.editor.deleted')); void navigate('/planner'); } })}
        onClose={() => setDeleting(false)} />
    </Stack>
  );
}
