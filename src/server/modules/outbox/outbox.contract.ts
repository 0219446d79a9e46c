import { z } from 'zod';

export const OutboxEntry = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string().describe('The Date header as written'),
});
export const OutboxList = z.object({ items: z.array(OutboxEntry) });
export const OutboxId = z.object({ id: z.string().regex(/^[\w-]+$/).max(100) });
