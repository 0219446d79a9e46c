import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { Loading } from '../../../components/loading.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { IconArrowLeft, IconCalendar, IconPencil, IconTrash } from '../../../lib/icons.tsx';
import { notifySuccess, problemMessage } from '../../../lib/problems.ts';
import { PersonRightsMenu } from '../../audience/components/person-rights-menu.tsx';
import { useCurrentSession } from '../../auth/api.ts';
import { PlanTouchModal } from '../../plans/components/plan-touch-modal.tsx';
import { useDeletePerson, usePerson, useUpdatePerson, type Person } from '../api.ts';
import { duplicateOwnerId, personFieldErrors } from '../duplicate-error.ts';
import { DuplicatePersonAlert } from '../components/duplicate-person-alert.tsx';
import { InteractionTimeline } from '../components/interaction-timeline.tsx';
import { IntroductionsCard } from '../components/introductions-card.tsx';
import { LadderSteps } from '../components/ladder-steps.tsx';
import { LogTouchForm } from '../components/log-touch-form.tsx';
import { PersonDetails } from '../components/person-details.tsx';
import { PersonForm } from '../components/person-form.tsx';
import { PersonPlans } from '../components/person-plans.tsx';
import { formValuesOf } from '../person-values.ts';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);

  const back = (
    <Anchor component={Link} to="/people" size="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} />{t('person.back')}</Group>
    </Anchor>
  );

  if (person.isPending) return <Stack>{back}<Loading /></Stack>;
  if (!person.data) {
    const missing = isApiError(person.error) && (person.error.code === 'NOT_FOUND' || person.error.code === 'VALIDATION_FAILED');
    return (
      <Stack align="flex-start">
        {back}
        <Alert color="red" title={missing ? t('person.notFound') : t('person.loadError')}>
          {!missing && (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{problemMessage(person.error)}</Text>
              <Button size="xs" variant="default" onClick={() => void person.refetch()}>{t('common.retry')}</Button>
            </Stack>
          )}
        </Alert>
      </Stack>
    );
  }
  // Keyed: following a link to another person starts with closed dialogs.
  return <PersonView key={person.data.id} person={person.data} back={back} />;
}

function PersonView({ person, back }: { person: Person; back: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canEdit = user.role !== 'viewer';
  const isOwner = user.role === 'owner';
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const closeEdit = () => {
    setDuplicateOf(null);
    edit.close();
  };
  const [deleting, confirmDelete] = useDisclosure(false);
  const [planning, plan] = useDisclosure(false);
  const update = useUpdatePerson(person.id);
  const remove = useDeletePerson(person.id);

  return (
    <Stack gap="lg">
      <title>{`${person.name} · ${t('app.name')}`}</title>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap="sm">
          <div>
            <Group gap="sm">
              <Title order={1}>{person.name}</Title>
              {person.isClient && <Badge>{t('person.client')}</Badge>}
              {person.isFriend && <Badge color="grape">{t('person.friend')}</Badge>}
              {person.isReferrer && <Badge color="indigo">{t('person.referrer')}</Badge>}
            </Group>
            {person.organisation && <Text c="dimmed">{person.organisation}</Text>}
          </div>
          <LadderSteps step={person.ladder} />
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button leftSection={<IconCalendar size={16} />} onClick={plan.open}>{t('person.planTouch')}</Button>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>{t('person.edit')}</Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete.open}>{t('person.delete')}</Button>
            {isOwner && <PersonRightsMenu person={person} />}
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <PersonPlans personId={person.id} canEdit={canEdit} />
            <PersonDetails person={person} />
            <IntroductionsCard person={person} />
            {canEdit && <LogTouchForm personId={person.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <InteractionTimeline personId={person.id} canEdit={canEdit} />
        </Grid.Col>
      </Grid>

      <Modal opened={editing} onClose={closeEdit} title={t('person.editTitle', { name: person.name })} size="xl">
        {duplicateOf && <DuplicatePersonAlert otherId={duplicateOf} onLeave={closeEdit} />}
        {editing && (
          <PersonForm initial={formValuesOf(person)} personId={person.id} submitLabel={t('personForm.save')} pending={update.isPending} onCancel={closeEdit}
            onSubmit={(input, showErrors) => {
              setDuplicateOf(null);
              update.mutate(input, {
                onSuccess: () => {
                  closeEdit();
                  notifySuccess(t('person.saved'));
                },
                onError: (error) => {
                  showErrors(personFieldErrors(error));
                  setDuplicateOf(duplicateOwnerId(error));
                },
              });
            }} />
        )}
      </Modal>
      <PlanTouchModal opened={planning} onClose={plan.close} person={person} />
      <ConfirmModal opened={deleting} onClose={confirmDelete.close} pending={remove.isPending} confirmLabel={t('common.delete')}
        title={t('person.deleteTitle', { name: person.name })} body={t('person.deleteBody')}
        onConfirm={() => remove.mutate(undefined, {
          onSuccess: () => {
            notifySuccess(t('person.deleted', { name: person.name }));
            navigate('/people', { replace: true });
          },
        })} />
    </Stack>
  );
}
