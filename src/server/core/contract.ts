import { z } from 'zod';

// A timestamp travels as ISO 8601 text and is a Date in code, on both sides of the wire.
export const Timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable machine-readable error code'),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('Field errors, by path'),
});

// An email address as people type it: surrounding spaces and capitals are forgiven.
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254)).describe('An email address; stored in lower case');
