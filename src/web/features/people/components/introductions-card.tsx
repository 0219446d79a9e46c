import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntroductions, type IntroductionTree, type Person } from '../api.ts';

type Node = { id: string; name: string; current: boolean; children: Node[] };

// One tree: the chain of introducers from the earliest down to this person, then everyone this
// person introduced, nested under whoever introduced them.
export function introductionTree(person: { id: string; name: string }, data: IntroductionTree): Node {
  const self: Node = { id: person.id, name: person.name, current: true, children: [] };
  const nodes = new Map<string, Node>([[self.id, self]]);
  const chain = data.introducedBy.filter((p) => p.id !== self.id);
  for (const p of chain) nodes.set(p.id, nodes.get(p.id) ?? { id: p.id, name: p.name, current: false, children: [] });
  const introduced = [...data.introduced].sort((a, b) => a.level - b.level || a.name.localeCompare(b.name));
  for (const p of introduced) {
    if (nodes.has(p.id)) continue; // a circle of introductions: everyone shows once
    nodes.set(p.id, { id: p.id, name: p.name, current: false, children: [] });
  }
  for (const p of introduced) {
    const node = nodes.get(p.id);
    const parent = nodes.get(p.parentId);
    if (node && parent && node !== parent && !parent.children.includes(node) && !chain.some((c) => c.id === p.id)) parent.children.push(node);
  }
  // introducedBy is nearest first: parent, grandparent, …; the tree starts with the earliest.
  let root = self;
  for (const p of chain) {
    const node = nodes.get(p.id)!;
    node.children = [root];
    root = node;
  }
  return root;
}

function TreeItem({ node }: { node: Node }) {
  return (
    <li>
      {node.current
        ? <Text span fw={700} aria-current="page">{node.name}</Text>
        : <Anchor component={Link} to={`/people/${node.id}`}>{node.name}</Anchor>}
      {node.children.length > 0 && <ul>{node.children.map((child) => <TreeItem key={child.id} node={child} />)}</ul>}
    </li>
  );
}

export function IntroductionsCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const headingId = useId();
  const introductions = useIntroductions(person.id);
  const data = introductions.data;
  if (introductions.isError) {
    return (
      <Paper withBorder p="md">
        <Text size="sm" c="red">{t('introductions.loadError')}</Text>
      </Paper>
    );
  }
  // Nothing to show is shown as nothing: most people were not introduced by anyone.
  if (!data || (data.introducedBy.length === 0 && data.introduced.length === 0)) return null;
  const direct = data.introduced.filter((p) => p.parentId === person.id).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>{t('introductions.title')}</Title>
        {direct > 0 && <Text size="sm" c="dimmed">{t('introductions.introduced', { count: direct })}</Text>}
        <ul className="intro-tree" aria-label={t('introductions.label', { name: person.name })}>
          <TreeItem node={introductionTree(person, data)} />
        </ul>
      </Stack>
    </Paper>
  );
}
