import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconCheck, IconSearch } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { useCheckIn, useOccurrence, useRegistrations, type Registration } from '../api.ts';
import { CodeCheckIn } from '../components/code-check-in.tsx';
import { formatSpan } from '../event-format.ts';

const matches = (registration: Registration, query: string) =>
  !query || [registration.name, registration.email, registration.checkInCode].some((value) => value.toLowerCase().includes(query));

// At the door, on a phone: one tap per person, or their code; who came moves to Attended at once.
export function DoorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const occurrence = useOccurrence(id);
  const registrations = useRegistrations(id, { poll: true });
  const checkIn = useCheckIn(id);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const { waiting, attended } = useMemo(() => {
    const all = [...(registrations.data?.confirmed ?? []), ...(registrations.data?.noShow ?? [])];
    return {
      waiting: all.filter((r) => r.status !== 'attended' && matches(r, q)).sort((a, b) => a.name.localeCompare(b.name)),
      attended: all.filter((r) => r.status === 'attended' && matches(r, q)),
    };
  }, [registrations.data, q]);
  if (occurrence.isPending || registrations.isPending) return <Loading />;
  if (occurrence.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(occurrence.error)}</Alert>;
  if (registrations.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(registrations.error)}</Alert>;
  const item = occurrence.data;
  const total = registrations.data.confirmed.length + registrations.data.noShow.length;
  const came = registrations.data.confirmed.filter((r) => r.status === 'attended').length;
  return (
    <Stack gap="md" maw={520} mx="auto">
      <title>{`${t('events.door.title')} · ${item.title} · ${t('app.name')}`}</title>
      <Anchor component={Link} to={`/events/occurrences/${id}`} size="sm">{t('events.door.back')}</Anchor>
      <div>
        <Title order={1} size="h2">{t('events.door.heading', { title: item.title })}</Title>
        <Text c="dimmed">{formatSpan(item.startsAt, item.endsAt, item.timezone)}</Text>
        <Text fz="lg" fw={600} aria-live="polite">{t('events.door.progress', { came, total })}</Text>
      </div>
      <CodeCheckIn occurrenceId={id} />
      <TextInput size="lg" type="search" label={t('events.door.search')} leftSection={<IconSearch size={18} />} value={query}
        onChange={(event) => setQuery(event.currentTarget.value)} autoComplete="off" />
      <section aria-labelledby="door-waiting">
        <Title order={2} size="h4" id="door-waiting" mb="xs">{t('events.door.toCheckIn', { count: waiting.length })}</Title>
        {waiting.length === 0 ? <Text c="dimmed">{q ? t('events.door.noMatch') : t('events.door.everyone')}</Text> : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="door-waiting">
            {waiting.map((registration) => (
              <li key={registration.id}>
                <Button fullWidth size="xl" h="auto" py="sm" variant="default" justify="space-between"
                  disabled={checkIn.isPending && checkIn.variables && 'registrationId' in checkIn.variables && checkIn.variables.registrationId === registration.id}
                  onClick={() => checkIn.mutate({ registrationId: registration.id }, { onSuccess: (r) => notifySuccess(t('events.door.checkedIn', { name: r.name })) })}
                  rightSection={<Text span size="sm" fw={600}>{t('events.door.tap')}</Text>}>
                  <Stack gap={0} align="flex-start">
                    <Text fw={600} fz="lg">{registration.name}</Text>
                    <Text size="sm" c="dimmed">{registration.email}</Text>
                  </Stack>
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="door-attended">
        <Title order={2} size="h4" id="door-attended" mb="xs">{t('events.door.attended', { count: attended.length })}</Title>
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="door-attended">
          {attended.map((registration) => (
            <Paper component="li" key={registration.id} withBorder p="sm">
              <Group gap="sm"><IconCheck size={18} /><Text fw={500}>{registration.name}</Text></Group>
            </Paper>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
