import type { z } from 'zod';
import type { ImportFormat } from '../../../server/modules/imports/imports.contract.ts';

export type FormatName = z.output<typeof ImportFormat>;
export type OwnerField = 'ownerProfileUrl' | 'ownerAccountId' | 'ownerName';

type FormatSpec = {
  // What the file picker offers first (people can still pick any file).
  accept: string;
  // Exports of many files: a whole unpacked folder may be picked.
  folder: boolean;
  // The query parameter that names the account owner, for formats of conversations.
  owner?: OwnerField;
};

// Every format the server reads, in the order the page offers them (the type checks none is missing).
export const importFormats = {
  linkedin: { accept: '.csv,.zip', folder: true },
  'linkedin-messages': { accept: '.csv,.zip', folder: true, owner: 'ownerProfileUrl' },
  google: { accept: '.csv', folder: false },
  vcard: { accept: '.vcf,.vcard', folder: false },
  x: { accept: '.zip,.js', folder: true, owner: 'ownerAccountId' },
  facebook: { accept: '.zip,.json', folder: true, owner: 'ownerName' },
  instagram: { accept: '.zip,.json', folder: true, owner: 'ownerName' },
  mastodon: { accept: '.csv,.zip', folder: false },
  bluesky: { accept: '.car', folder: false },
  csv: { accept: '.csv,.txt,.tsv', folder: false },
} satisfies Record<FormatName, FormatSpec> as Record<FormatName, FormatSpec>;

export const formatNames = Object.keys(importFormats) as FormatName[];

export function isFormatName(value: string | null): value is FormatName {
  return value !== null && Object.hasOwn(importFormats, value);
}

// The server reads only the text files of an export (the zip reader keeps the same ones):
// photos and videos of a folder need not travel.
const textFile = /\.(js|json|csv|vcf|car)$/i;

export type ChosenFile = { file: File; path: string };

// A picked folder arrives as every file in it, each with its path inside the folder.
export function folderFiles(files: File[]): { chosen: ChosenFile[]; skipped: number } {
  const chosen = files.filter((file) => textFile.test(file.name)).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  return { chosen, skipped: files.length - chosen.length };
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
