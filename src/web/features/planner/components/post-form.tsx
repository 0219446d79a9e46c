import { Button, Grid, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, serverFieldErrors, type FieldErrors } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { instantOf, wallClock } from '../../events/zoned.ts';
import { pillars, useCoach, userStatuses, type Channel, type PostDetail } from '../api.ts';
import { ChannelVariants, type VariantValue } from './channel-variants.tsx';
import { CoachPanel } from './coach-panel.tsx';

type Pillar = (typeof pillars)[number];
type Status = (typeof userStatuses)[number];
export type PostSubmit = { pillar: Pillar; body: string; status: Status; scheduledAt: Date | null; channels: { channelId: string; body: string | null }[] };
type Props = { post?: PostDetail; channels: Channel[]; zone: string; pending: boolean; readOnly: boolean; onSubmit: (input: PostSubmit, onError: (error: unknown) => void) => void };

function initial(post: PostDetail | undefined, zone: string) {
  const variants: Record<string, VariantValue> = {};
  for (const c of post?.channels ?? []) variants[c.channelId] = { on: true, own: c.body !== null, body: c.body ?? '' };
  const status = post && (userStatuses as readonly string[]).includes(post.status) ? (post.status as Status) : post ? 'draft' : 'idea';
  return { pillar: (post?.pillar ?? 'value') as Pillar, body: post?.body ?? '', status, local: post?.scheduledAt ? wallClock(post.scheduledAt, zone) : '', variants };
}

// The post editor: pillar, text, channels with their own text and live length, status and time; the coach beside it.
export function PostForm({ post, channels, zone, pending, readOnly, onSubmit }: Props) {
  const { t } = useTranslation();
  const { values, set, setValues, errors, setErrors } = useFormState(() => initial(post, zone));
  const targets = useMemo(() => Object.entries(values.variants).filter(([, v]) => v.on).map(([channelId, v]) => ({ channelId, body: v.own ? v.body : null })), [values.variants]);
  const [coachInput] = useDebouncedValue({ body: values.body, postId: post?.id ?? null, channels: targets }, 350);
  const coach = useCoach(coachInput);
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const submit = () => {
    const found: FieldErrors = {};
    const scheduledAt = values.status === 'scheduled' ? instantOf(values.local, zone) : null;
    if (values.status === 'scheduled' && !scheduledAt) found.scheduledAt = t('validation.date');
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit({ pillar: values.pillar, body: values.body, status: values.status, scheduledAt, channels: targets }, (error) => setErrors(serverFieldErrors(error)));
  };
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
          <Stack gap="md">
            <Select label={t('planner.editor.pillar')} data={pillars.map((p) => ({ value: p, label: t(`planner.pillars.${p}`) }))} value={values.pillar}
              allowDeselect={false} disabled={readOnly} onChange={(p) => p && set('pillar', p as Pillar)} />
            <Textarea label={t('planner.editor.body')} autosize minRows={5} value={values.body} disabled={readOnly}
              onChange={(e) => set('body', e.currentTarget.value)} error={errorAt(errors, 'body')} />
            <ChannelVariants channels={channels} value={values.variants} coach={coach.data} disabled={readOnly}
              onChange={(id, next) => setValues((v) => ({ ...v, variants: { ...v.variants, [id]: next } }))} />
            {errorAt(errors, 'channels') && <Text size="sm" c="red">{errorAt(errors, 'channels')}</Text>}
            <div>
              <Text size="sm" fw={500} mb={4} id="post-status-label">{t('planner.editor.status')}</Text>
              <SegmentedControl aria-labelledby="post-status-label" value={values.status} disabled={readOnly} onChange={(s) => set('status', s as Status)}
                data={userStatuses.map((s) => ({ value: s, label: t(`planner.statuses.${s}`) }))} />
            </div>
            {values.status === 'scheduled' && (
              <TextInput type="datetime-local" label={t('planner.editor.scheduledAt', { zone })} value={values.local} disabled={readOnly}
                onChange={(e) => set('local', e.currentTarget.value)} error={errorAt(errors, 'scheduledAt')} w={260} />
            )}
            {!readOnly && <Group><Button type="submit" loading={pending}>{t('planner.editor.save')}</Button></Group>}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <CoachPanel coach={coach.data} loading={coach.isFetching} channelNames={names} />
      </Grid.Col>
    </Grid>
  );
}
