import { Anchor, Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LadderStep, Person } from '../api.ts';
import { stepColors } from './ladder-steps.tsx';

type Props = { people: Person[]; onTag: (tag: string) => void; onStep: (step: LadderStep) => void };

export function PeopleTable({ people, onTag, onStep }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t('people.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.step')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.organisation')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.tags')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.emails')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${person.id}`} fw={600}>{person.name}</Anchor>
              </Table.Td>
              <Table.Td>
                <UnstyledButton onClick={() => onStep(person.ladder)} aria-label={t('people.filterByStep', { step: t(`ladder.steps.${person.ladder}`) })}>
                  <Badge variant="light" color={stepColors[person.ladder]} tt="none" style={{ cursor: 'pointer' }}>{t(`ladder.steps.${person.ladder}`)}</Badge>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{person.organisation}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {person.tags.map((tag) => (
                    <UnstyledButton key={tag} onClick={() => onTag(tag)} aria-label={t('people.filterByTag', { tag })}>
                      <Badge variant="outline" color="gray" tt="none" style={{ cursor: 'pointer' }}>{tag}</Badge>
                    </UnstyledButton>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {person.emails.map((email) => <Text key={email} size="sm">{email}</Text>)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
