import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';

export const Question = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  email: z.string(),
  body: z.string(),
  assignedTo: z.uuid().nullable(),
  answer: z.string().nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export const QuestionList = z.object({ items: z.array(Question) });
export const QuestionQuery = z.object({ status: z.enum(['open', 'answered']).default('open') });
export const QuestionId = z.object({ id: z.uuid() });
export const QuestionPatch = z.object({ assignedTo: z.uuid().nullable().describe('The member who will answer; null for nobody') });
export const AnswerInput = z.object({ answer: z.string().trim().min(1).max(20_000).describe('Sent by email to the asker, from Onland, with your address to reply to') });
