import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BroadcastStatus } from '../api.ts';

const colors: Record<BroadcastStatus, string> = { draft: 'gray', scheduled: 'blue', sending: 'yellow', sent: 'green' };

export function StatusBadge({ status }: { status: BroadcastStatus }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="dot">{t(`broadcasts.statuses.${status}`)}</Badge>;
}
