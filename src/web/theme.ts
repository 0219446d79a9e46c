import { createTheme, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';
import type { TFunction } from 'i18next';

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// Built per language: the accessible names of Mantine's own buttons are ours to translate.
export function createAppTheme(t: TFunction) {
  const close = { 'aria-label': t('common.close') };
  const clear = { clearButtonProps: { 'aria-label': t('common.clear') } };
  return createTheme({
    // Mantine's teal, shifted one step darker at the top: white text on the filled shade (8) and on
    // its hover shade (9) stays above the WCAG AA contrast ratio of 4.5.
    colors: {
      onland: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#099268', '#087f5b', '#06664a'],
    },
    primaryColor: 'onland',
    primaryShade: 8,
    defaultRadius: 'md',
    fontFamily,
    headings: { fontFamily },
    components: {
      // A dialog's title bar is a <header>; inside role="dialog" it would read as a second page banner.
      Modal: { defaultProps: { closeButtonProps: close, attributes: { header: { role: 'none' } } } },
      Notification: { defaultProps: { closeButtonProps: close } },
      Autocomplete: { defaultProps: clear },
      Select: { defaultProps: clear },
      TagsInput: { defaultProps: clear },
      MultiSelect: { defaultProps: clear },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } } },
    },
  });
}

// Mantine's "dimmed" greys and its red for field errors are below AA contrast on the page
// background; a stronger shade passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

// Light or dark as last chosen with the toggle; the system's preference until then.
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'onland.color-scheme' });
