import { useDraggable } from '@dnd-kit/core';
import { Box, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconGrip, IconPlus } from '../../../lib/icons.tsx';
import type { Post } from '../api.ts';
import type { DaySlot } from '../calendar.ts';
import { excerpt } from '../message.ts';
import { PostChip } from './post-chip.tsx';
import { ScheduleMenu } from './schedule-menu.tsx';

type Props = { posts: Post[]; openSlots: DaySlot[]; zone: string; canEdit: boolean; onSchedule: (post: Post, slot: DaySlot) => void };

function DraggablePost({ post, openSlots, zone, onSchedule, canEdit }: Omit<Props, 'posts'> & { post: Post }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: post.id, data: { post }, disabled: !canEdit });
  const style = {
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    opacity: isDragging ? 0.85 : 1, zIndex: isDragging ? 20 : undefined, position: 'relative' as const,
    cursor: canEdit ? 'grab' : undefined, touchAction: 'none',
  };
  return (
    // The whole card picks up with a pointer; the grip is the focusable handle for the keyboard.
    <div ref={setNodeRef} style={style} {...listeners} data-testid="side-post">
      <PostChip post={post}
        leading={canEdit && <Box {...attributes} aria-label={t('planner.side.move', { post: excerpt(post.body, 40) })} c="dimmed" px={2} style={{ cursor: 'grab' }}><IconGrip size={14} /></Box>}
        actions={canEdit && (
          // The menu's button must not start a drag.
          <div onPointerDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
            <ScheduleMenu post={post} slots={openSlots} zone={zone} onSchedule={(slot) => onSchedule(post, slot)} />
          </div>
        )} />
    </div>
  );
}

// Ideas and drafts, waiting for a slot.
export function SideList(props: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="side-list-title">
      <Title order={2} size="h5" id="side-list-title">{t('planner.side.title')}</Title>
      {props.canEdit && <Button component={Link} to="/planner/posts/new" size="xs" variant="light" leftSection={<IconPlus size={14} />}>{t('planner.newPost')}</Button>}
      {props.posts.length === 0 ? <Text size="sm" c="dimmed">{t('planner.side.empty')}</Text> : (
        <>
          {props.canEdit && <Text size="xs" c="dimmed">{t('planner.side.hint')}</Text>}
          {props.posts.map((post) => <DraggablePost key={post.id} post={post} {...props} />)}
        </>
      )}
    </Stack>
  );
}
