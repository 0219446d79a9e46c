import { Button, Group, NumberInput, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { timeZones, useFormState } from '../../../lib/use-form.ts';
import { apiPlatforms, ChannelInput, platforms, type Channel, type ChannelValues } from '../api.ts';
import { SlotsEditor } from './slots-editor.tsx';

type Platform = (typeof platforms)[number];
type Props = { channel?: Channel; defaultZone: string; pending: boolean; onSubmit: (input: ChannelValues, handlers: { onError: (error: unknown) => void }) => void };

const canPublish = (platform: Platform) => (apiPlatforms as readonly string[]).includes(platform);
// The secret each platform's API takes: Mastodon an access token, Bluesky an app password.
const secretKey = (platform: Platform) => (platform === 'mastodon' ? 'accessToken' : 'appPassword');

export function ChannelForm({ channel, defaultZone, pending, onSubmit }: Props) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones(), []);
  const { values, set, errors, setErrors } = useFormState(() => ({
    platform: (channel?.platform ?? 'mastodon') as Platform, name: channel?.name ?? '', mode: channel?.mode ?? 'api',
    timezone: channel?.timezone ?? defaultZone, slots: channel?.slots ?? [], cadencePerWeek: channel?.cadencePerWeek ?? 3,
    account: channel?.account ?? '', secret: '',
  }));
  const mode = canPublish(values.platform) ? values.mode : 'manual';
  const submit = () => {
    const input: ChannelValues = {
      platform: values.platform, name: values.name, mode, timezone: values.timezone, slots: values.slots, cadencePerWeek: values.cadencePerWeek,
      account: values.account.trim() || null,
      ...(mode === 'api' && values.secret ? { credentials: { [secretKey(values.platform)]: values.secret } } : {}),
    };
    const found = validate(ChannelInput, input);
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit(input, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('planner.channels.platform')} data={platforms.map((p) => ({ value: p, label: t(`platforms.${p}`) }))} value={values.platform}
            allowDeselect={false} disabled={Boolean(channel)} onChange={(p) => p && set('platform', p as Platform)} />
          <TextInput label={t('planner.channels.name')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorAt(errors, 'name')} />
        </SimpleGrid>
        {canPublish(values.platform) && (
          <div>
            <Text size="sm" fw={500} mb={4} id="channel-mode-label">{t('planner.channels.mode')}</Text>
            <SegmentedControl aria-labelledby="channel-mode-label" value={values.mode} onChange={(m) => set('mode', m as 'api' | 'manual')}
              data={[{ value: 'api', label: t('planner.channels.modes.api') }, { value: 'manual', label: t('planner.channels.modes.manual') }]} />
          </div>
        )}
        <TextInput label={t('planner.channels.account')} description={values.platform === 'bluesky' ? t('planner.channels.handle') : t('planner.channels.accountHint')}
          value={values.account} onChange={(e) => set('account', e.currentTarget.value)} error={errorAt(errors, 'account')} />
        {mode === 'api' && (
          <PasswordInput label={values.platform === 'mastodon' ? t('planner.channels.accessToken') : t('planner.channels.appPassword')} autoComplete="off"
            description={channel?.hasCredentials ? t('planner.channels.credentialsKept') : undefined}
            value={values.secret} onChange={(e) => set('secret', e.currentTarget.value)} error={errorAt(errors, 'credentials')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('planner.channels.timezone')} searchable allowDeselect={false} data={zones} value={values.timezone}
            onChange={(zone) => zone && set('timezone', zone)} error={errorAt(errors, 'timezone')} />
          <NumberInput label={t('planner.channels.cadence')} min={0} max={100} allowDecimal={false} value={values.cadencePerWeek}
            onChange={(n) => set('cadencePerWeek', typeof n === 'number' ? n : Number.NaN)} error={errorAt(errors, 'cadencePerWeek')} />
        </SimpleGrid>
        <SlotsEditor value={values.slots} onChange={(slots) => set('slots', slots)} error={errorAt(errors, 'slots')} />
        <Group justify="flex-end"><Button type="submit" loading={pending}>{t('planner.editor.save')}</Button></Group>
      </Stack>
    </form>
  );
}
