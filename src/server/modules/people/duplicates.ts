// Fuzzy duplicate candidates: pairs that share a blocking key (family name and initial, or
// organisation and initial) are compared; a similar name plus something shared makes a candidate.

export type CandidateSide = {
  id: string;
  name: string;
  organisation: string | null;
  emails: string[];
  handles: { platform: string; handle: string }[];
};

export type CandidateReason = 'same_name' | 'similar_name' | 'same_organisation' | 'similar_handle' | 'same_email_name';

// What a pair shares, in words a person can check; null when it is not worth showing.
export function duplicateReasons(a: CandidateSide, b: CandidateSide, nameSimilarity: number): CandidateReason[] | null {
  const reasons: CandidateReason[] = [];
  const sameName = fold(a.name) === fold(b.name);
  if (sameName) reasons.push('same_name');
  else if (nameSimilarity >= 0.5) reasons.push('similar_name');
  else return null;
  if (a.organisation && b.organisation && fold(a.organisation) === fold(b.organisation)) reasons.push('same_organisation');
  const handlesA = new Set(a.handles.map((h) => handleCore(h.handle)).filter((h) => h.length >= 4));
  if (b.handles.some((h) => handlesA.has(handleCore(h.handle)))) reasons.push('similar_handle');
  const localsA = new Set(a.emails.map((e) => fold(e.split('@')[0] ?? '')));
  if (b.emails.some((e) => localsA.has(fold(e.split('@')[0] ?? '')))) reasons.push('same_email_name');
  // A similar name alone is too weak; the same name alone is worth a look.
  return sameName || reasons.length > 1 ? reasons : null;
}

// "@sam_rivera@social.example", "in/sam-rivera", "samrivera.bsky.social" → "samrivera".
export function handleCore(handle: string): string {
  const bare = handle.toLowerCase().replace(/^@/, '').split('@')[0]!;
  const last = bare.split('/').filter(Boolean).at(-1) ?? bare;
  return fold(last.replace(/\.(bsky\.social|bsky\.app)$/, '')).replace(/[^a-z0-9]/g, '');
}

// Blocking keys: only people who share one are ever compared. Family name with the first
// initial, and organisation with the first initial.
export function blockingKeys(person: { name: string; givenName?: string | null; familyName?: string | null; organisation?: string | null }): string[] {
  const tokens = fold(person.name).split(/\s+/).filter(Boolean);
  const given = fold(person.givenName ?? tokens[0] ?? '');
  const family = fold(person.familyName ?? (tokens.length > 1 ? tokens.at(-1)! : ''));
  const initial = given.slice(0, 1);
  const keys = [];
  if (family) keys.push(`n:${family}:${initial}`);
  else if (given) keys.push(`g:${given}`);
  if (person.organisation) keys.push(`o:${fold(person.organisation)}:${initial}`);
  return keys;
}

// Trigram similarity of two names (as pg_trgm counts it), 0 … 1.
export function nameSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const set = new Set<string>();
    for (const word of fold(text).split(/[^a-z0-9]+/).filter(Boolean)) {
      const padded = `  ${word} `;
      for (let i = 0; i < padded.length - 2; i++) set.add(padded.slice(i, i + 3));
    }
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared / (x.size + y.size - shared || 1);
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
