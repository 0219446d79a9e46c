import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePerson } from '../api.ts';

// The introducer by name, linked; while the name loads (or if they are gone) nothing is shown.
export function IntroducerLink({ id }: { id: string }) {
  const introducer = usePerson(id);
  if (!introducer.data) return <Text span c="dimmed">…</Text>;
  return <Anchor component={Link} to={`/people/${id}`}>{introducer.data.name}</Anchor>;
}
