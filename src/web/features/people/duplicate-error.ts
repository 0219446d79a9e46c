import { isApiError } from '../../lib/api-client.ts';
import { i18next } from '../../i18n/index.ts';
import { serverFieldErrors, type FieldErrors } from '../../lib/problems.ts';

// A 409 DUPLICATE_PERSON names the person who already has the email, phone or handle, with their
// id in its detail: "sam@example.org belongs to Sam Okafor (<uuid>): merge the two instead."
export function duplicateOwnerId(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'DUPLICATE_PERSON') return null;
  return /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i.exec(error.detail ?? '')?.[0]?.toLowerCase() ?? null;
}

// The server's field errors, with the duplicate's English message in the interface language.
export function personFieldErrors(error: unknown): FieldErrors {
  const errors = serverFieldErrors(error);
  if (!isApiError(error) || error.code !== 'DUPLICATE_PERSON') return errors;
  return Object.fromEntries(Object.keys(errors).map((path) => [path, i18next.t('personForm.duplicate.field')]));
}
