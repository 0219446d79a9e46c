import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { isTimeZone } from '../people/people.contract.ts';

export const locales = ['en', 'de'] as const;

export const Workspace = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  locale: z.string(),
  createdAt: Timestamp,
});
export type Workspace = z.output<typeof Workspace>;

export const WorkspacePatch = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  timezone: z.string().refine(isTimeZone, 'Not an IANA time zone, e.g. Europe/Berlin').optional(),
  locale: z.enum(locales).optional(),
});
