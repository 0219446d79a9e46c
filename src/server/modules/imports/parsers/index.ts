import { parseBluesky } from './bluesky.ts';
import type { ImportFiles } from './common.ts';
import { parseCsv, suggestMapping, type CsvOptions } from './csv.ts';
import { parseFacebook } from './facebook.ts';
import { parseGoogleContacts } from './google.ts';
import { parseInstagram } from './instagram.ts';
import { parseLinkedInMessages, type LinkedInMessagesOptions } from './linkedin-messages.ts';
import { parseLinkedIn } from './linkedin.ts';
import { parseMastodon } from './mastodon.ts';
import type { MetaOptions } from './meta.ts';
import { ImportFormatError, type ParseResult } from './types.ts';
import { parseVCard } from './vcard.ts';
import { parseXArchive, type XOptions } from './x.ts';

export type { ImportFiles } from './common.ts';
export type { CsvMapping } from './csv.ts';
export type { ImportedHandle, ImportedInteraction, ImportedPerson, ParseResult, RejectedRecord } from './types.ts';
export { ImportFormatError } from './types.ts';
export { readExportFolder } from './files.ts';
export { suggestMapping };
export {
  parseBluesky, parseCsv, parseFacebook, parseGoogleContacts, parseInstagram, parseLinkedIn, parseLinkedInMessages, parseMastodon, parseVCard, parseXArchive,
};

import type { FormatName } from './formats.ts';
export { formatNames, isFormatName, type FormatName } from './formats.ts';

// One file's bytes or text, or, for exports of many files (x, facebook, instagram), a map of
// relative path → content.
export type ImportInput = Buffer | Uint8Array | string | ImportFiles;

// Options of all formats in one bag; each parser reads only its own.
// importedAt dates follows that the export leaves undated (mastodon; x without data/manifest.js).
export type ParseOptions = LinkedInMessagesOptions & XOptions & MetaOptions & CsvOptions;

export type Parser = (input: ImportInput, options?: ParseOptions) => ParseResult;

export const parsers: Record<FormatName, Parser> = {
  linkedin: (input) => parseLinkedIn(oneFile(input, 'linkedin')),
  'linkedin-messages': (input, options) => parseLinkedInMessages(oneFile(input, 'linkedin-messages'), options),
  google: (input) => parseGoogleContacts(oneFile(input, 'google')),
  vcard: (input) => parseVCard(oneFile(input, 'vcard')),
  x: (input, options) => parseXArchive(asBuffer(input), options),
  facebook: (input, options) => parseFacebook(asBuffer(input), options),
  instagram: (input, options) => parseInstagram(asBuffer(input), options),
  mastodon: (input, options) => {
    if (!options?.importedAt) throw new TypeError('The mastodon parser needs options.importedAt');
    return parseMastodon(oneFile(input, 'mastodon'), { importedAt: options.importedAt });
  },
  bluesky: (input) => {
    const file = oneFile(input, 'bluesky');
    if (typeof file === 'string') throw new ImportFormatError('A Bluesky repository export is binary (a .car file); it was given as text.');
    return parseBluesky(file);
  },
  csv: (input, options) => parseCsv(oneFile(input, 'csv'), options),
};

function isFiles(input: ImportInput): input is ImportFiles {
  return typeof input === 'object' && !(input instanceof Uint8Array);
}

function asBuffer(input: ImportInput): ImportFiles | Buffer | string {
  if (isFiles(input) || typeof input === 'string' || Buffer.isBuffer(input)) return input;
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

// Single-file formats also accept a map holding exactly one file.
function oneFile(input: ImportInput, format: FormatName): Buffer | string {
  if (!isFiles(input)) return asBuffer(input) as Buffer | string;
  const contents = Object.values(input);
  if (contents.length !== 1 || contents[0] === undefined) {
    throw new ImportFormatError(`The ${format} import takes one file; ${contents.length} were given.`);
  }
  return asBuffer(contents[0]) as Buffer | string;
}
