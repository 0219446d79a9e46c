import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { en } from '../i18n/en.ts';
import { i18next } from '../i18n/index.ts';
import { isApiError } from './api-client.ts';

// Field errors by dotted path without the `body.` prefix: 'name', 'emails.0', 'handles.1.url'.
export type FieldErrors = Record<string, string>;

type ProblemCode = keyof typeof en.problems;

export function problemMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code in en.problems) return i18next.t(`problems.${error.code as ProblemCode}`);
    return error.title;
  }
  return i18next.t('problems.unknown');
}

export function notifyError(error: unknown) {
  notifications.show({ color: 'red', message: problemMessage(error), autoClose: 8000 });
}

export function notifySuccess(message: string) {
  notifications.show({ message, autoClose: 4000 });
}

// The server's field errors. Its messages are English; the client validates first with the same
// contract, so these show only when the server knows more (e.g. an introducer that does not exist).
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) return {};
  const result: FieldErrors = {};
  for (const issue of error.fieldErrors) {
    const path = issue.path.replace(/^body\.?/, '');
    if (path) result[path] ??= issue.message;
  }
  return result;
}

// Validates with a contract schema and returns translated messages by path (empty when valid).
export function validate(schema: z.ZodType, values: unknown): FieldErrors {
  const parsed = schema.safeParse(values, { reportInput: true });
  if (parsed.success) return {};
  const result: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    result[path] ??= issueMessage(issue);
  }
  return result;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const t = i18next.t;
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.required');
      return t('validation.tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { count: Number(issue.maximum) });
      return t('validation.tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.input === '') return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      if (issue.format === 'datetime') return t('validation.date');
      if (issue.format === 'regex' && issue.path.includes('phones')) return t('validation.phone');
      return t('validation.invalid');
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'date') return t('validation.date');
      return t('validation.required');
    case 'custom':
      return last === 'timezone' ? t('validation.timezone') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

// The message for a field, or for any entry inside it ('emails' shows 'emails.2' as "Entry 3: …").
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  for (const [key, message] of Object.entries(errors)) {
    if (!key.startsWith(`${path}.`)) continue;
    const index = Number(key.slice(path.length + 1).split('.')[0]);
    return Number.isInteger(index) ? i18next.t('validation.entry', { index: index + 1, message }) : message;
  }
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
