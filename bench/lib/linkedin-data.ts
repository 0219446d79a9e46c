import { generatePeople, mulberry32, type GeneratedPerson } from './people-data.ts';

// A LinkedIn Connections.csv as LinkedIn writes it (see /work/shared/FACTS.md): a "Notes:" line,
// a quoted notice, a blank line, then the header. Every row has a unique profile URL; a few have
// an email. Some rows are people the workspace already holds — by email, or by the same profile
// URL as a LinkedIn handle of theirs — so the import's duplicate detection has work to do.

export type ConnectionsFile = {
  content: Buffer;
  rows: number;
  withEmail: number;
  duplicatesByEmail: number;
  duplicatesByUrl: number;
};

const notice = '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. To learn more, visit https://www.linkedin.com/help/linkedin/answer/261"';
const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const positions = ['Founder', 'Coach', 'Consultant', 'Owner', 'Managing Director', 'Head of Marketing', 'Yoga Teacher', 'Designer',
  'Software Engineer', 'Product Manager', 'Founder, Coach', 'Partner', 'Community Manager', 'Freelance Writer', 'CEO', ''];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The profile URL a bench person's LinkedIn handle stands for, as LinkedIn prints it.
export function linkedinProfileUrl(handle: string): string {
  return `https://www.linkedin.com/in/${handle}`;
}

export function generateConnectionsCsv(count: number, existing: GeneratedPerson[], options: { emailShare?: number; duplicateByEmailShare?: number; duplicateByUrlShare?: number; seed?: number } = {}): ConnectionsFile {
  const { emailShare = 0.02, duplicateByEmailShare = 0.015, duplicateByUrlShare = 0.035, seed = 7_340_021 } = options;
  const random = mulberry32(seed);
  const fresh = generatePeople(count, seed + 1);

  // Distinct existing people for the duplicate rows, so no two rows of the file are one person.
  // Generated people sometimes share an address or a handle; one of each is enough.
  const withEmail = shuffled(uniqueBy(existing.filter((p) => p.emails.length > 0), (p) => p.emails[0]!), random);
  const withLinkedin = shuffled(uniqueBy(existing.filter((p) => p.handles.some((h) => h.platform === 'linkedin')),
    (p) => p.handles.find((h) => h.platform === 'linkedin')!.handle.toLowerCase()), random);
  const byEmail = withEmail.slice(0, Math.round(count * duplicateByEmailShare));
  const taken = new Set(byEmail);
  const byUrl = withLinkedin.filter((p) => !taken.has(p)).slice(0, Math.round(count * duplicateByUrlShare));
  // Which rows are duplicates, spread through the file.
  const kinds: ('email' | 'url' | 'new')[] = shuffled([...byEmail.map(() => 'email' as const), ...byUrl.map(() => 'url' as const),
    ...Array.from({ length: count - byEmail.length - byUrl.length }, () => 'new' as const)], random);
  const freshEmailShare = Math.max(0, emailShare - duplicateByEmailShare) / (1 - duplicateByEmailShare - duplicateByUrlShare);

  const lines = ['Notes:', notice, '', header];
  let emails = 0;
  let e = 0;
  let u = 0;
  kinds.forEach((kind, i) => {
    const person = kind === 'email' ? byEmail[e++]! : kind === 'url' ? byUrl[u++]! : fresh[i]!;
    const linkedin = person.handles.find((h) => h.platform === 'linkedin');
    // A unique slug for everyone but the URL duplicates, who keep the one the workspace knows.
    const slug = kind === 'url' && linkedin ? linkedin.handle : `${ascii(person.givenName)}-${ascii(person.familyName)}-${(i + 1).toString(36)}b`;
    let email = '';
    if (kind === 'email') email = person.emails[0]!;
    else if (kind === 'new' && random() < freshEmailShare) email = `${slug}@${pick(['gmail.com', 'outlook.com', 'posteo.de', 'web.de'], random)}`;
    if (email) emails++;
    const connected = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 13 * 365) * 86_400_000);
    const connectedOn = `${String(connected.getUTCDate()).padStart(2, '0')} ${months[connected.getUTCMonth()]} ${connected.getUTCFullYear()}`;
    lines.push([person.givenName, person.familyName, linkedinProfileUrl(slug), email, person.organisation ?? '', pick(positions, random), connectedOn].map(csvCell).join(','));
  });
  return { content: Buffer.from(lines.join('\n') + '\n'), rows: count, withEmail: emails, duplicatesByEmail: byEmail.length, duplicatesByUrl: byUrl.length };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function uniqueBy<T>(list: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function shuffled<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ş/g, 's').toLowerCase().replace(/[^a-z0-9]+/g, '');
}
