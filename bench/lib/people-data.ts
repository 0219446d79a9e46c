import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/index.ts';
import type { Auth } from '../../src/server/modules/auth/index.ts';
import { blockingKeys } from '../../src/server/modules/people/duplicates.ts';
import { identityKeys } from '../../src/server/modules/people/identity.ts';
import type { platforms } from '../../src/server/modules/people/people.contract.ts';
import { log } from './report.ts';

// Realistic people from small word lists, the same every run (seeded). A few names are
// common and many are rare (Zipf weights), as in a real address book.

export type GeneratedPerson = {
  name: string;
  givenName: string;
  familyName: string;
  emails: string[];
  phones: string[];
  handles: { platform: (typeof platforms)[number]; handle: string; url: string | null }[];
  organisation: string | null;
  tags: string[];
  source: string | null;
  isClient: boolean;
  isFriend: boolean;
};

const givenNames = words(`Anna Maria Lena Sarah Laura Julia Lisa Sophie Emma Mia Hannah Lea Clara Marie Katharina Johanna
  Paula Nina Elena Sofia Olivia Amelia Chloe Grace Zoe Isabel Lucia Carmen Ines Marta Ana Camille Manon Chiara Giulia
  Aisha Fatima Yasmin Leila Priya Ananya Mei Yuki Sakura Hana Min-ji Seo-yeon Ngozi Amara Zainab Kasia Agnieszka Olga
  Daniel Thomas Michael Jan Lukas Felix Jonas Paul Max David Tobias Sebastian Alexander Martin Markus Peter Stefan
  Florian Simon Tim Leon Noah Elias Ben Finn James Oliver Jack Harry George Samuel Luca Marco Matteo Diego Javier
  Pablo Mateo Hugo Louis Arthur Omar Yusuf Mehmet Emre Arjun Rohan Wei Hiroshi Kenji Min-jun Chidi Kwame Tomasz
  Piotr Jakub Ivan Dmitri Sven Lars Nils Mats Erik Joao Tiago Rafael Andre Ruth Greta Frieda Ida Ronja Malin Ylva`);
// One person in a thousand has one of these: the "rare name" searches.
const rareGivenNames = words('Xiomara Zbigniew Oluwaseun Quetzalli Thorbjorn Wilhelmina Ysolde Kazimierz Ignatius Perpetua');
const familyNames = words(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein
  Wolf Schröder Neumann Schwarz Braun Zimmermann Hartmann Krüger Lange Werner Lehmann Köhler Maier Huber König
  Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green
  Hall Wood Jackson Clarke Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Rossi Russo Ferrari
  Esposito Bianchi Romano Colombo Ricci García Fernández González Rodríguez López Martínez Sánchez Pérez Silva Santos
  Oliveira Costa Pereira Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamińska Lewandowski Novak Horvat Kovač Jensen
  Nielsen Hansen Andersson Johansson Karlsson Nilsson Larsen Berg Virtanen Korhonen Nakamura Tanaka Suzuki Takahashi
  Watanabe Kim Lee Park Choi Chen Wang Li Zhang Liu Nguyen Tran Pham Singh Patel Sharma Gupta Khan Ahmed Ali Hassan
  Yilmaz Kaya Demir Şahin Okafor Adeyemi Mensah Boateng Cohen Levi Friedman Novakova Dvořák Popescu Ionescu Papadopoulos`);
const orgFirst = words(`Green Blue North Little Copper Silver Golden Linden Harbour River Oak Maple Birch Fox Owl Heron
  Lantern Compass Anchor Meadow Stone Ember Cedar Willow Pine Sunny Brick Paper Salt Honey`);
const orgSecond = words(`Door Studio Coaching Consulting Bakery Yoga Books Design Labs Collective Café Works Atelier
  Roasters Kitchen Fitness Partners Press Media Garden Academy Practice Workshop House Co`);
const domains = words('gmail.com posteo.de web.de gmx.de outlook.com fastmail.com icloud.com proton.me mailbox.org yahoo.com');
const mastodonServers = words('mastodon.social chaos.social hachyderm.io fosstodon.org mstdn.social norden.social');
const tagWords = words(`newsletter meetup prospect client speaker partner press vip berlin hamburg munich workshop podcast
  volunteer alumni investor coach yoga design local`);
const sources = ['mastodon', 'linkedin', 'meetup', 'referral', 'website', 'instagram', 'bluesky', 'event', null];

export function generatePeople(count: number, seed = 20_241_122): GeneratedPerson[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const zipf = <T>(list: readonly T[]) => list[zipfIndex(list.length, random)]!;
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = random() < 0.001 ? pick(rareGivenNames) : zipf(givenNames);
    const familyName = zipf(familyNames);
    const name = `${givenName} ${familyName}`;
    const given = ascii(givenName);
    const family = ascii(familyName);
    const organisation = random() < 0.6 ? `${pick(orgFirst)} ${pick(orgSecond)}` : null;

    const local = pick([`${given}.${family}`, `${given[0]}${family}`, `${given}${family}`, `${given}${10 + Math.floor(random() * 90)}`]);
    const emails = [`${local}@${zipf(domains)}`];
    if (organisation && random() < 0.3) emails.push(`${given}@${ascii(organisation).replace(/[^a-z]/g, '')}.com`);

    const phones = random() < 0.4 ? [`+49 ${30 + Math.floor(random() * 60)} ${1_000_000 + Math.floor(random() * 8_999_999)}`] : [];

    const handles: GeneratedPerson['handles'] = [];
    if (random() < 0.35) {
      const server = zipf(mastodonServers);
      handles.push({ platform: 'mastodon', handle: `@${given}${family.slice(0, 3)}@${server}`, url: `https://${server}/@${given}${family.slice(0, 3)}` });
    }
    if (random() < 0.25) handles.push({ platform: 'bluesky', handle: `${given}${family}.bsky.social`, url: null });
    if (random() < 0.3) handles.push({ platform: 'linkedin', handle: `${given}-${family}-${Math.floor(random() * 9000) + 1000}`, url: null });
    if (random() < 0.15) handles.push({ platform: 'instagram', handle: `@${given}_${family}`, url: null });

    const tagCount = Math.floor(random() * random() * 4);
    const tags = [...new Set(Array.from({ length: tagCount }, () => zipf(tagWords)))];

    people.push({
      name, givenName, familyName, emails: [...new Set(emails)], phones, handles, organisation, tags,
      source: pick(sources), isClient: random() < 0.05, isFriend: random() < 0.03,
    });
  }
  return people;
}

// Mirrors people.repository.ts derived(): the repository fills these on every write, and a
// bulk insert must fill them the same way (seedPeople checks that against the real service).
export function derived(person: GeneratedPerson): { sortName: string; searchText: string; dedupeBlocks: string[] } {
  const parts = [
    person.name, person.givenName, person.familyName, person.organisation,
    ...person.emails, ...person.phones, ...person.phones.map((p) => p.replace(/\D/g, '')),
    ...person.handles.map((h) => h.handle),
  ];
  return { sortName: person.name.toLowerCase(), searchText: parts.filter(Boolean).join(' ').toLowerCase(), dedupeBlocks: blockingKeys(person) };
}

const columns = ['workspace_id', 'id', 'name', 'given_name', 'family_name', 'emails', 'phones', 'handles', 'organisation', 'tags', 'source', 'is_client', 'is_friend', 'sort_name', 'search_text', 'dedupe_blocks'];
const casts = ['::uuid', '::uuid', '', '', '', '::text[]', '::text[]', '::jsonb', '', '::text[]', '', '::boolean', '::boolean', '', '', '::text[]'];

// Multi-row INSERTs straight into the table: far faster than one service call per person.
// Returns the ids given to the people, in order.
export async function insertPeople(database: Database, workspaceId: string, people: GeneratedPerson[], batchSize = 500): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < people.length; start += batchSize) {
    const batch = people.slice(start, start + batchSize);
    const values: unknown[] = [];
    const rows = batch.map((person) => {
      const { sortName, searchText, dedupeBlocks } = derived(person);
      const id = randomUUID();
      ids.push(id);
      const row = [workspaceId, id, person.name, person.givenName, person.familyName, person.emails, person.phones,
        JSON.stringify(person.handles), person.organisation, person.tags, person.source, person.isClient, person.isFriend, sortName, searchText, dedupeBlocks];
      const placeholders = row.map((value, i) => `$${values.push(value)}${casts[i]}`);
      return `(${placeholders.join(', ')})`;
    });
    await database.query(`insert into people (${columns.join(', ')}) values ${rows.join(', ')}`, values);
  }
  return ids;
}

// The identity keys the service would have written for these people (identityKeys() itself, so
// they match). A key two generated people share stays with the first, as a merge would leave it;
// returns how many keys were written and how many were already someone's.
export async function insertPersonKeys(database: Database, workspaceId: string, people: GeneratedPerson[], ids: string[], batchSize = 2000): Promise<{ written: number; clashes: number }> {
  const keys: string[] = [];
  const owners: string[] = [];
  people.forEach((person, i) => {
    for (const key of identityKeys(person)) {
      keys.push(key);
      owners.push(ids[i]!);
    }
  });
  let written = 0;
  for (let start = 0; start < keys.length; start += batchSize) {
    const result = await database.query(
      `insert into person_keys (workspace_id, key, person_id)
       select $1::uuid, k, p from unnest($2::text[], $3::uuid[]) as t(k, p) on conflict do nothing`,
      [workspaceId, keys.slice(start, start + batchSize), owners.slice(start, start + batchSize)]);
    written += result.rowCount ?? 0;
  }
  return { written, clashes: keys.length - written };
}

// The first few people go through the real service, to check that the bulk insert derives like
// the repository; the rest are bulk-inserted (with their identity keys when asked).
// Returns the id of each person, in order.
export async function seedPeople(database: Database, services: Services, auth: Auth, people: GeneratedPerson[], options: { keys: boolean; checkedThroughService?: number }): Promise<string[]> {
  const started = performance.now();
  const checked = options.checkedThroughService ?? 20;
  const ids: string[] = [];
  for (const person of people.slice(0, checked)) {
    const created = (await services.people.create(auth, { ...person, notes: null, introducedById: null, timezone: null, locale: null, cadenceDays: null })).person;
    const { rows } = await database.query('select sort_name, search_text, dedupe_blocks from people where workspace_id = $1 and id = $2', [auth.workspaceId, created.id]);
    const expected = derived(person);
    const row = rows[0];
    if (row?.sort_name !== expected.sortName || row?.search_text !== expected.searchText || JSON.stringify(row?.dedupe_blocks) !== JSON.stringify(expected.dedupeBlocks)) {
      throw new Error(`bench/lib/people-data.ts derived() no longer matches the repository:\n  repository: ${JSON.stringify(rows[0])}\n  bench:      ${JSON.stringify(expected)}`);
    }
    ids.push(created.id);
  }
  const rest = people.slice(checked);
  const restIds = await insertPeople(database, auth.workspaceId, rest);
  ids.push(...restIds);
  let line = `${database.kind}: ${people.length} people in ${seconds(started)} s`;
  if (options.keys) {
    // Fresh statistics first: the foreign key check of person_keys was planned (and its plan kept
    // by this connection) when the table held the few people above, as a sequential scan.
    await database.query('analyze people');
    const keysStarted = performance.now();
    const { written, clashes } = await insertPersonKeys(database, auth.workspaceId, rest, restIds);
    line += `, ${written} identity keys in ${seconds(keysStarted)} s (${clashes} generated keys were already another person's)`;
  }
  log(line);
  return ids;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

// Lower case ASCII for email addresses and handles: "Wiśniewski" → "wisniewski".
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ş/g, 's').toLowerCase();
}

// Index 0 is the most common; weight 1/(rank+1)^0.7, so the head is common without
// one name covering a fifth of the book.
function zipfIndex(n: number, random: () => number): number {
  const cumulative = zipfTable(n);
  const target = random() * cumulative[n - 1]!;
  const index = cumulative.findIndex((c) => c >= target);
  return index === -1 ? n - 1 : index;
}

const zipfTables = new Map<number, number[]>();
function zipfTable(n: number): number[] {
  let table = zipfTables.get(n);
  if (!table) {
    let sum = 0;
    table = Array.from({ length: n }, (_, i) => (sum += 1 / (i + 1) ** 0.7));
    zipfTables.set(n, table);
  }
  return table;
}

// A small, fast, seeded PRNG, so every run builds the same people.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
