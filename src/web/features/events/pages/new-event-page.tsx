import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCreateSeries } from '../api.ts';
import { SeriesForm } from '../components/series-form.tsx';

// A new series or single event; afterwards its first occurrence's page, where the public link is.
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSeries();
  return (
    <Stack gap="lg">
      <title>{`${t('events.new')} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/events" size="sm">{t('events.back')}</Anchor>
      <Title order={1}>{t('events.new')}</Title>
      <SeriesForm pending={create.isPending} submitLabel={t('events.form.create')} onSubmit={(input, { onError }) => create.mutate(input, {
        onSuccess: (series) => {
          notifySuccess(t('events.created', { title: series.title }));
          const first = series.occurrences[0];
          void navigate(first ? `/events/occurrences/${first.id}` : `/events/series/${series.id}`);
        },
        onError,
      })} />
    </Stack>
  );
}
