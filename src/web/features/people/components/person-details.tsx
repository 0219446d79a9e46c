import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconExternal } from '../../../lib/icons.tsx';
import type { Person } from '../api.ts';
import { isPlatform, profileUrl } from '../person-values.ts';
import { IntroducerLink } from './introducer-link.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">{label}</Text>
      <Text component="dd" m={0}>{children}</Text>
    </div>
  );
}

export function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const platformName = (platform: string) => (isPlatform(platform) ? t(`platforms.${platform}`) : platform);
  const empty = !person.emails.length && !person.phones.length && !person.handles.length && !person.organisation && !person.source && !person.introducedById;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('person.details')}</Title>
        {empty && <Text c="dimmed">{t('person.noDetails')}</Text>}
        <Stack component="dl" gap="sm" m={0}>
          {person.organisation && <Row label={t('person.organisation')}>{person.organisation}</Row>}
          {person.emails.length > 0 && (
            <Row label={t('person.emails')}>
              {person.emails.map((email) => <Anchor key={email} href={`mailto:${email}`} display="block">{email}</Anchor>)}
            </Row>
          )}
          {person.phones.length > 0 && (
            <Row label={t('person.phones')}>
              {person.phones.map((phone) => <Anchor key={phone} href={`tel:${phone.replace(/[^+0-9]/g, '')}`} display="block">{phone}</Anchor>)}
            </Row>
          )}
          {person.handles.length > 0 && (
            <Row label={t('person.handles')}>
              {person.handles.map((handle) => {
                const url = profileUrl(handle);
                const platform = platformName(handle.platform);
                return (
                  <Group key={`${handle.platform}:${handle.handle}`} gap={6} wrap="nowrap">
                    <Text span size="sm" c="dimmed" miw={80}>{platform}</Text>
                    {url ? (
                      <Anchor href={url} target="_blank" rel="noopener noreferrer" aria-label={t('person.openProfile', { handle: handle.handle, platform })}>
                        {handle.handle} <IconExternal size={14} />
                      </Anchor>
                    ) : <Text span>{handle.handle}</Text>}
                  </Group>
                );
              })}
            </Row>
          )}
          {person.tags.length > 0 && (
            <Row label={t('person.tags')}>
              <Group gap={4} component="span">
                {person.tags.map((tag) => <Badge key={tag} variant="outline" color="gray" tt="none">{tag}</Badge>)}
              </Group>
            </Row>
          )}
          {person.source && <Row label={t('person.source')}>{person.source}</Row>}
          {person.introducedById && <Row label={t('person.introducedBy')}><IntroducerLink id={person.introducedById} /></Row>}
          {person.cadenceDays != null && <Row label={t('person.cadence')}>{t('person.cadenceValue', { count: person.cadenceDays })}</Row>}
          {person.timezone && <Row label={t('person.timezone')}>{person.timezone}</Row>}
          {person.notes && <Row label={t('person.notes')}><span className="pre-wrap">{person.notes}</span></Row>}
        </Stack>
      </Stack>
    </Paper>
  );
}
