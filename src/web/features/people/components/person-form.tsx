import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonInput } from '../../../../server/modules/people/people.contract.ts';
import { errorAt, hasErrors, validate, type FieldErrors } from '../../../lib/problems.ts';
import { useFormState } from '../../../lib/use-form.ts';
import { usePeopleTags } from '../api.ts';
import { personInputOf, type PersonFormValues } from '../person-values.ts';
import { HandlesFieldset } from './handles-fieldset.tsx';
import { IntroducerSelect } from './introducer-select.tsx';

type Props = {
  initial: PersonFormValues;
  // The person being edited, so they cannot be their own introducer.
  personId?: string;
  submitLabel: string;
  pending: boolean;
  // The caller sends the input; on failure it hands the server's field errors back.
  onSubmit: (input: PersonInput, showErrors: (errors: FieldErrors) => void) => void;
  onCancel: () => void;
};

export function PersonForm({ initial, personId, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { values, set, errors, setErrors } = useFormState(initial);
  const knownTags = usePeopleTags().data?.items.map((item) => item.tag) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = personInputOf(values);
    const found = validate(PersonInput, input);
    setErrors(found);
    if (!hasErrors(found)) onSubmit(input, setErrors);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('personForm.name')} required data-autofocus value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)} error={errorAt(errors, 'name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TagsInput label={t('personForm.emails')} description={t('personForm.listHint')} splitChars={[',', ' ', ';']} value={values.emails}
            onChange={(value) => set('emails', value)} error={errorAt(errors, 'emails')} />
          <TagsInput label={t('personForm.phones')} description={t('personForm.listHint')} splitChars={[',', ';']} value={values.phones}
            onChange={(value) => set('phones', value)} error={errorAt(errors, 'phones')} />
          <TextInput label={t('personForm.organisation')} value={values.organisation}
            onChange={(e) => set('organisation', e.currentTarget.value)} error={errorAt(errors, 'organisation')} />
          <TagsInput label={t('personForm.tags')} description={t('personForm.listHint')} data={knownTags} value={values.tags}
            onChange={(value) => set('tags', value)} error={errorAt(errors, 'tags')} />
          <TextInput label={t('personForm.source')} description={t('personForm.sourceHint')} value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)} error={errorAt(errors, 'source')} />
          <NumberInput label={t('personForm.cadence')} description={t('personForm.cadenceHint')} min={1} max={3650} allowDecimal={false} allowNegative={false}
            value={values.cadenceDays} onChange={(value) => set('cadenceDays', value)} error={errorAt(errors, 'cadenceDays')} />
          <IntroducerSelect value={values.introducedById} onChange={(id) => set('introducedById', id)} excludeId={personId}
            error={errorAt(errors, 'introducedById')} />
        </SimpleGrid>
        <HandlesFieldset handles={values.handles} errors={errors} onChange={(handles) => set('handles', handles)} />
        <Textarea label={t('personForm.notes')} autosize minRows={3} maxRows={12} value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)} error={errorAt(errors, 'notes')} />
        <Group gap="lg">
          <Checkbox label={t('personForm.isClient')} checked={values.isClient} onChange={(e) => set('isClient', e.currentTarget.checked)} />
          <Checkbox label={t('personForm.isFriend')} checked={values.isFriend} onChange={(e) => set('isFriend', e.currentTarget.checked)} />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={pending}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
