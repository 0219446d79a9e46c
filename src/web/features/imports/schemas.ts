import { z } from 'zod';
import { Timestamp } from '../../../server/core/contract.ts';
import type * as contract from '../../../server/modules/imports/imports.contract.ts';
import { formatNames, type FormatName } from './formats.ts';

// imports.contract.ts cannot run in the browser yet: it takes the format names from the server's
// parser index, which brings every parser along (and they use Node's Buffer). Until the names live
// in a file of their own, these schemas mirror the contract's answers, and the checks below fail
// the type check the day the two drift apart.
const ImportReport = z.object({
  peopleCreated: z.number().int(),
  peopleUpdated: z.number().int(),
  peopleUnchanged: z.number().int(),
  recordsMerged: z.number().int(),
  interactionsAdded: z.number().int(),
  interactionsAlreadyThere: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string(), file: z.string().optional() })),
});

export const ImportResult = z.object({
  id: z.uuid().nullable(),
  format: z.enum(formatNames as [FormatName, ...FormatName[]]),
  filename: z.string(),
  dryRun: z.boolean(),
  report: ImportReport,
  createdAt: Timestamp,
});

export const ImportList = z.object({ items: z.array(ImportResult) });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const mirrorsContract: [
  Same<z.output<typeof ImportResult>, z.output<typeof contract.ImportResult>>,
  Same<z.input<typeof ImportResult>, z.input<typeof contract.ImportResult>>,
  Same<z.output<typeof ImportList>, z.output<typeof contract.ImportList>>,
] = [true, true, true];
