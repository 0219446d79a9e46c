import { Stack } from '@mantine/core';
import type { Nudge } from '../api.ts';
import { NudgeCard } from './nudge-card.tsx';

export function NudgeList({ nudges, canEdit }: { nudges: Nudge[]; canEdit: boolean }) {
  return (
    <Stack component="ul" className="plain-list" gap="sm">
      {nudges.map((nudge) => <NudgeCard key={nudge.key} nudge={nudge} canEdit={canEdit} />)}
    </Stack>
  );
}
