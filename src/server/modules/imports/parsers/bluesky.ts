import { fromUint8Array } from '@atcute/car';
import { decode, fromBytes, isBytes, isCidLink, type CidLink } from '@atcute/cbor';
import { toString as cidToString } from '@atcute/cid';
import { createCollector } from './common.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

// A Bluesky repository export (a CAR file, "Export my data" in the app or com.atproto.sync.getRepo).
// The records are found by walking the Merkle search tree from the signed commit, so only what the
// repository holds now is read (no stale blocks). Each app.bsky.graph.follow record becomes a person
// keyed by the followed DID and an outgoing follow at its createdAt. Handles need the network to
// resolve, so the DID is the handle until someone looks it up; signatures are not checked.
export function parseBluesky(input: Buffer | Uint8Array): ParseResult {
  if (typeof input === 'string') throw new ImportFormatError('A Bluesky repository export is binary (a .car file); it was given as text.');
  const blocks = readBlocks(input);
  const root = blocks.roots[0];
  const commit = root ? asRecord(decodeBlock(blocks.map, root.$link)) : null;
  if (!commit || typeof commit.did !== 'string' || !isCidLink(commit.data)) {
    throw new ImportFormatError('This CAR file is not a Bluesky repository: its root block is not a repository commit.');
  }
  const owner = commit.did;
  const out = createCollector();
  let number = 0;
  for (const { key, value } of walkTree(blocks.map, commit.data.$link)) {
    const [collection, rkey] = key.split('/');
    if (collection !== 'app.bsky.graph.follow' || !rkey) continue;
    number += 1;
    const follow = asRecord(decodeBlock(blocks.map, value));
    const subject = follow?.subject;
    const createdAt = new Date(typeof follow?.createdAt === 'string' ? follow.createdAt : '');
    if (typeof subject !== 'string' || !/^did:[a-z]+:[A-Za-z0-9._:%-]+$/.test(subject)) {
      out.reject(number, `Follow ${rkey} has no subject DID${follow ? '' : ' (its record is missing from the file)'}`);
      continue;
    }
    if (Number.isNaN(createdAt.getTime())) {
      out.reject(number, `Follow ${rkey} of ${subject} has no valid createdAt`);
      continue;
    }
    const url = `https://bsky.app/profile/${subject}`;
    out.person({ key: subject, name: subject, emails: [], phones: [], handles: [{ platform: 'bluesky', handle: subject, url }], tags: [], line: number });
    out.interaction({
      personKey: subject,
      channel: 'bluesky',
      kind: 'follow',
      direction: 'out',
      occurredAt: createdAt,
      note: null,
      externalId: `at://${owner}/app.bsky.graph.follow/${rkey}`,
      line: number,
    });
  }
  return out.result();
}

function readBlocks(bytes: Uint8Array): { roots: CidLink[]; map: Map<string, Uint8Array> } {
  try {
    const car = fromUint8Array(bytes);
    const map = new Map<string, Uint8Array>();
    for (const entry of car) map.set(cidToString(entry.cid), entry.bytes);
    return { roots: car.roots, map };
  } catch (error) {
    throw new ImportFormatError(`This is not a CAR file (a Bluesky repository export): ${(error as Error).message}`);
  }
}

function decodeBlock(blocks: Map<string, Uint8Array>, cid: string): unknown {
  const bytes = blocks.get(cid);
  if (!bytes) return null;
  try {
    return decode(bytes);
  } catch {
    return null;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

// Merkle search tree nodes: { l: left subtree, e: [{ p: shared prefix length, k: key suffix,
// v: record, t: right subtree }] }; keys are "<collection>/<rkey>", in order.
function* walkTree(blocks: Map<string, Uint8Array>, cid: string, seen = new Set<string>()): Generator<{ key: string; value: string }> {
  if (seen.has(cid)) throw new ImportFormatError('The repository\'s tree refers to itself; the file is damaged.');
  seen.add(cid);
  const node = asRecord(decodeBlock(blocks, cid));
  if (!node || !Array.isArray(node.e)) throw new ImportFormatError(`The repository is incomplete or damaged: tree node ${cid} is missing.`);
  if (isCidLink(node.l)) yield* walkTree(blocks, node.l.$link, seen);
  let previous = '';
  for (const raw of node.e) {
    const entry = asRecord(raw);
    if (!entry || typeof entry.p !== 'number' || !isBytes(entry.k) || !isCidLink(entry.v)) {
      throw new ImportFormatError(`The repository is damaged: tree node ${cid} has an unreadable entry.`);
    }
    const key = previous.slice(0, entry.p) + new TextDecoder().decode(fromBytes(entry.k));
    previous = key;
    yield { key, value: entry.v.$link };
    if (isCidLink(entry.t)) yield* walkTree(blocks, entry.t.$link, seen);
  }
}
