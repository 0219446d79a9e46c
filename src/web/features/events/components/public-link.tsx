import { ActionIcon, Anchor, Code, CopyButton, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck } from '../../../lib/icons.tsx';
import { useCurrentSession } from '../../auth/api.ts';

// The one link people click, with a copy button.
export function PublicLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { publicUrl } = useCurrentSession();
  const url = `${(publicUrl || window.location.origin).replace(/\/$/, '')}/e/${slug}`;
  return (
    <div>
      <Text size="sm" fw={500}>{t('events.occurrence.publicLink')}</Text>
      <Group gap="xs" wrap="nowrap">
        <Anchor href={url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
          <Code>{url}</Code><VisuallyHidden>{` ${t('events.occurrence.newTab')}`}</VisuallyHidden>
        </Anchor>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('events.occurrence.copied') : t('events.occurrence.copy')} withArrow>
              <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}
                aria-label={copied ? t('events.occurrence.copied') : t('events.occurrence.copy')}>
                {copied ? <IconCheck size={16} /> : <CopyIcon />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}

function CopyIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M8 8h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10a2 2 0 0 1-2-2z" /><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
    </svg>
  );
}
