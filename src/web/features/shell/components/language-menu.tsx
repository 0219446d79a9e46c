import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, languages } from '../../../i18n/index.ts';
import { IconLanguage } from '../../../lib/icons.tsx';

// Each language is named in itself, so someone who cannot read the current one still finds theirs.
export function LanguageMenu() {
  const { t } = useTranslation();
  const current = currentLanguage();
  const label = t('shell.language', { language: t(`languages.${current}`) });
  return (
    <Menu position="bottom-end" withinPortal>
      <Tooltip label={label}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={label}>
            <IconLanguage />
          </ActionIcon>
        </Menu.Target>
      </Tooltip>
      <Menu.Dropdown>
        {languages.map((language) => (
          <Menu.Item key={language} lang={language} onClick={() => chooseLanguage(language)} aria-current={language === current ? 'true' : undefined}
            fw={language === current ? 700 : undefined}>
            {t(`languages.${language}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
