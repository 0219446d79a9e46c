import { currentLanguage } from '../../i18n/index.ts';

// The server explains in both languages (coach, mix guard, observances); show the one in use.
export function localized(message: { en: string; de: string }): string {
  return message[currentLanguage()];
}

export function excerpt(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
