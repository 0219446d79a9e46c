import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { formatNames } from './parsers/formats.ts';

export const ImportFormat = z.enum(formatNames);

export const ImportQuery = z.object({
  format: ImportFormat.describe('linkedin (Connections.csv), linkedin-messages, google, vcard, x, facebook, instagram, mastodon, bluesky, csv'),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('true: a preview that writes nothing'),
  mapping: z.string().max(5000).optional().describe('csv only: JSON object of our field → header name, e.g. {"name":"Full name","email":"E-Mail"}'),
  ownerProfileUrl: z.string().max(500).optional().describe('linkedin-messages: your own profile URL, when it cannot be inferred'),
  ownerAccountId: z.string().max(40).optional().describe('x: your own account id, when it cannot be inferred'),
  ownerName: z.string().max(200).optional().describe('facebook, instagram: your own name as the export shows it, when it cannot be inferred'),
});

export const ImportReport = z.object({
  peopleCreated: z.number().int(),
  peopleUpdated: z.number().int(),
  peopleUnchanged: z.number().int(),
  recordsMerged: z.number().int().describe('Records of the file that turned out to be the same person'),
  interactionsAdded: z.number().int(),
  interactionsAlreadyThere: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string(), file: z.string().optional() })).describe('Every row that was not imported, with its line number and why'),
});

export const ImportResult = z.object({
  id: z.uuid().nullable().describe('null for a preview'),
  format: ImportFormat,
  filename: z.string(),
  dryRun: z.boolean(),
  report: ImportReport,
  createdAt: Timestamp,
});

export const ImportList = z.object({ items: z.array(ImportResult) });
