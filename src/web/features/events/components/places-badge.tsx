import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Occurrence } from '../api.ts';

// Places left, full with a waitlist, or cancelled: what an organiser checks first.
export function PlacesBadge({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  if (occurrence.status === 'cancelled') return <Badge color="gray.8" variant="outline">{t('events.status.cancelled')}</Badge>;
  if (occurrence.placesLeft > 0) return <Badge color="teal.9">{t('events.places.left', { count: occurrence.placesLeft, capacity: occurrence.capacity })}</Badge>;
  return <Badge color="red.9">{t('events.places.full', { count: occurrence.waitlisted })}</Badge>;
}
