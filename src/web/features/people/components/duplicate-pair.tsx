import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicatePair } from '../api.ts';

type Side = DuplicatePair['a'];

function PersonSide({ person, label }: { person: Side; label: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
        <Anchor component={Link} to={`/people/${person.id}`} fw={600}>{person.name}</Anchor>
        <Text size="sm" c={person.organisation ? undefined : 'dimmed'}>{person.organisation ?? t('duplicates.noOrganisation')}</Text>
        {person.emails.length > 0
          ? person.emails.map((email) => <Text key={email} size="sm" className="pre-wrap">{email}</Text>)
          : <Text size="sm" c="dimmed">{t('duplicates.noEmails')}</Text>}
      </Stack>
    </Paper>
  );
}

type Props = {
  pair: DuplicatePair;
  canEdit: boolean;
  dismissing: boolean;
  onMerge: (survivor: Side, other: Side) => void;
  onDismiss: () => void;
};

// Two records side by side, why they may be one person, and what to do about it.
export function DuplicatePairCard({ pair, canEdit, dismissing, onMerge, onDismiss }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { a, b } = pair;
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <VisuallyHidden component="h2" id={headingId}>{t('duplicates.pair', { a: a.name, b: b.name })}</VisuallyHidden>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group component="ul" className="plain-list" gap={6} aria-label={t('duplicates.reasonsLabel')}>
            {pair.reasons.map((reason) => (
              <Badge key={reason} component="li" variant="light" tt="none">{t(`duplicates.reasons.${reason}`)}</Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">{t('duplicates.similarity', { percent: Math.round(pair.similarity * 100) })}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PersonSide person={a} label={t('duplicates.left')} />
          <PersonSide person={b} label={t('duplicates.right')} />
        </SimpleGrid>
        {canEdit && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onDismiss} loading={dismissing}>{t('duplicates.dismiss')}</Button>
            <Button variant="light" onClick={() => onMerge(a, b)}>{t('duplicates.mergeLeft')}</Button>
            <Button variant="light" onClick={() => onMerge(b, a)}>{t('duplicates.mergeRight')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
