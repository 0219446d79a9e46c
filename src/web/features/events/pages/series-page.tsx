import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useSeries, useUpdateSeries } from '../api.ts';
import { OccurrenceList } from '../components/occurrence-list.tsx';
import { describeRecurrence } from '../components/recurrence-summary.ts';
import { SeriesForm } from '../components/series-form.tsx';
import { fromRrule } from '../recurrence.ts';

// A series: its rule and details (occurrences edited alone keep theirs), and what comes next.
export function SeriesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useCurrentSession();
  const series = useSeries(id);
  const update = useUpdateSeries(id);
  if (series.isPending) return <Loading />;
  if (series.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(series.error)}</Alert>;
  const item = series.data;
  return (
    <Stack gap="lg">
      <title>{`${item.title} · ${t('app.name')}`}</title>
      <Anchor component={Link} to="/events?view=series" size="sm">{t('events.back')}</Anchor>
      <div>
        <Title order={1}>{item.title}</Title>
        <Text c="dimmed">{describeRecurrence(fromRrule(item.rrule))} · {item.timezone}</Text>
      </div>
      <section aria-labelledby="series-next">
        <Title order={2} size="h3" id="series-next" mb="sm">{t('events.series.upcoming')}</Title>
        <OccurrenceList items={item.occurrences} label={t('events.series.upcoming')} />
      </section>
      {user.role !== 'viewer' && (
        <section aria-labelledby="series-edit">
          <Title order={2} size="h3" id="series-edit">{t('events.series.edit')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('events.series.editHint')}</Text>
          <SeriesForm key={item.updatedAt.toISOString()} series={item} pending={update.isPending} submitLabel={t('common.save')}
            onSubmit={(input, { onError }) => update.mutate(input, { onSuccess: () => notifySuccess(t('events.saved')), onError })} />
        </section>
      )}
    </Stack>
  );
}
