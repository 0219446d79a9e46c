import { platforms } from '../../people/people.contract.ts';

// What a CSV column probably holds, from its header: shared by the server (a CSV without a
// mapping) and the web app (the mapping step's first guess). No Node imports here.
export const guessableFields = ['name', 'givenName', 'familyName', 'email', 'phone', 'organisation', 'tags', 'notes'] as const;
export type GuessableField = (typeof guessableFields)[number];
type Platform = (typeof platforms)[number];

// Header synonyms, English and German, compared without case, spaces and punctuation
// ("E-Mail-Adresse" → "emailadresse").
const synonyms: Record<GuessableField, string[]> = {
  name: ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person', 'vollständigername', 'vollername', 'anzeigename', 'kontakt', 'kontaktname'],
  givenName: ['firstname', 'givenname', 'first', 'forename', 'vorname', 'rufname'],
  familyName: ['lastname', 'surname', 'familyname', 'last', 'nachname', 'familienname', 'zuname'],
  email: ['email', 'mail', 'emailaddress', 'emailadresse', 'mailadresse', 'workemail', 'homeemail', 'privateemail', 'emailprivat', 'emailgeschäftlich', 'emailberuflich', 'emailarbeit'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'cellphone', 'phonenumber', 'telefon', 'telefonnummer', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'festnetz', 'telefonprivat', 'telefongeschäftlich'],
  organisation: ['company', 'organisation', 'organization', 'org', 'employer', 'business', 'companyname', 'organizationname', 'organisationname', 'firma', 'firmenname', 'unternehmen', 'arbeitgeber'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'categories', 'category', 'schlagwörter', 'schlagworte', 'stichwörter', 'gruppen', 'gruppe', 'kategorien', 'kategorie'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks', 'description', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'anmerkung', 'anmerkungen', 'kommentar', 'kommentare', 'beschreibung', 'position', 'jobtitle', 'role', 'jobtitel', 'rolle', 'funktion'],
};

const platformPatterns: [Platform, RegExp][] = [
  ['linkedin', /linkedin/], ['x', /^x$|^xhandle$|^xcom$|twitter/], ['mastodon', /mastodon|fediverse/], ['bluesky', /bluesky|^bsky/],
  ['facebook', /facebook/], ['instagram', /instagram|^insta$/], ['threads', /^threads/], ['youtube', /youtube/],
  ['tiktok', /tiktok/], ['github', /github/], ['website', /^(website|web|url|homepage|webseite|internetseite|site|blog)$/],
];

export function normaliseHeader(header: string): string {
  return header.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

// One of our fields, a platform's handle column, or nothing recognisable.
export function guessColumn(header: string): { field: GuessableField } | { platform: Platform } | null {
  const key = normaliseHeader(header);
  if (!key) return null;
  const field = guessableFields.find((f) => synonyms[f].includes(key));
  if (field) return { field };
  if (/e?mail/.test(key) && !/mailing|newsletter/.test(key)) return { field: 'email' };
  if (/phone|telefon|handy|mobil/.test(key)) return { field: 'phone' };
  const platform = platformPatterns.find(([, pattern]) => pattern.test(key))?.[0];
  return platform ? { platform } : null;
}
