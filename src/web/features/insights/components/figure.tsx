import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// One figure: a title, the sentence to read at a glance, the chart, and the table behind it.
export function Figure({ id, title, headline, chart, children }: { id: string; title: string; headline: ReactNode; chart?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={`${id}-title`}>{title}</Title>
          <Text size="lg" mt={4} data-testid={`${id}-headline`}>{headline}</Text>
        </div>
        {chart}
        {children}
      </Stack>
    </Card>
  );
}

export const percent = (rate: number) => `${Math.round(rate * 100)} %`;
