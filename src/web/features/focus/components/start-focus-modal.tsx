import { Button, Chip, Collapse, Group, Input, Modal, NumberInput, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { focusChannels, focusPhases, StartSession } from '../../../../server/modules/focus/focus.contract.ts';
import { errorAt, hasErrors, serverFieldErrors, validate } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { useFocusBudget, useStartFocus, type StartInput } from '../api.ts';
import { useFocusUi } from '../focus-context.tsx';

type Phase = (typeof focusPhases)[number];
const defaultPhases: Record<Phase, number> = { read: 3, write: 5, reply: 5, leave: 2 };

// Start a session: channels, length, and (if wanted) minutes per phase.
export function StartFocusModal() {
  const { t } = useTranslation();
  const { startOpen, closeStart } = useFocusUi();
  return (
    <Modal opened={startOpen} onClose={closeStart} title={t('focus.start.title')}>
      {startOpen && <StartFocusForm onDone={closeStart} />}
    </Modal>
  );
}

function StartFocusForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const budget = useFocusBudget();
  const start = useStartFocus();
  const [adjust, { toggle }] = useDisclosure(false);
  const budgeted = budget.data?.channels.map((c) => c.channel) ?? [];
  const { values, set, errors, setErrors } = useFormState(() => ({
    channels: budgeted.slice(0, 1) as string[],
    minutes: 15 as number | string,
    phases: { ...defaultPhases },
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: StartInput = {
      channels: values.channels as StartInput['channels'],
      ...(adjust ? { phases: values.phases } : { minutes: values.minutes === '' ? undefined : Number(values.minutes) }),
    };
    const found = validate(StartSession, input);
    setErrors(found);
    if (hasErrors(found)) return;
    start.mutate(input, { onSuccess: onDone, onError: (error) => setErrors(serverFieldErrors(error)) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Input.Wrapper label={t('focus.start.channels')} description={t('focus.start.channelsHint')} error={errorAt(errors, 'channels')} required>
          <Chip.Group multiple value={values.channels} onChange={(v) => set('channels', v)}>
            <Group gap="xs" mt={6}>
              {focusChannels.map((c) => <Chip key={c} value={c}>{t(`focus.channels.${c}`)}</Chip>)}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        {!adjust && (
          <NumberInput label={t('focus.start.minutes')} description={t('focus.start.minutesHint')} min={1} max={240} allowDecimal={false} allowNegative={false}
            value={values.minutes} onChange={(v) => set('minutes', v)} error={errorAt(errors, 'minutes')} />
        )}
        <UnstyledButton onClick={toggle} aria-expanded={adjust} c="blue" fz="sm">{adjust ? t('focus.start.useMinutes') : t('focus.start.adjust')}</UnstyledButton>
        <Collapse expanded={adjust}>
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
            {focusPhases.map((phase) => (
              <NumberInput key={phase} label={t(`focus.phases.${phase}`)} min={0} max={240} allowDecimal={false} allowNegative={false}
                value={values.phases[phase]} onChange={(v) => set('phases', { ...values.phases, [phase]: Number(v) || 0 })}
                error={errorAt(errors, `phases.${phase}`)} />
            ))}
          </SimpleGrid>
          {errorAt(errors, 'phases') && <Text c="red" size="sm" mt={4}>{errorAt(errors, 'phases')}</Text>}
        </Collapse>
        <Group justify="flex-end">
          <Button type="submit" loading={start.isPending}>{t('focus.start.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
