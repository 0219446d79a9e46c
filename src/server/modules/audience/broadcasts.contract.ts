import { z } from 'zod';
import { Email, Timestamp } from '../../core/contract.ts';
import { ladderSteps } from '../people/ladder.ts';
import { consentPurposes } from './consent.contract.ts';

export const Segment = z.object({
  purpose: z.enum(consentPurposes).describe('Only addresses with current consent for this purpose, and not suppressed, are ever mailed'),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]).describe('People with any of these tags; empty: no tag filter'),
  minLadderStep: z.enum(ladderSteps).nullable().default(null).describe('People at this ladder step or higher; null: no ladder filter'),
  attendedOccurrenceIds: z.array(z.uuid()).max(100).default([])
    .describe('People who came to any of these event occurrences (checked in at the door), at the address they registered with'),
}).describe('Who receives a broadcast. Without tag, ladder or attendance filters: every address consented to the purpose, people or not; with them: the matching people\'s addresses');
export type Segment = z.output<typeof Segment>;

const Subject = z.string().trim().min(1).max(200).describe('The email subject');
const Body = z.string().max(100_000).describe('Markdown; raw HTML is shown as text, never interpreted');

export const BroadcastInput = z.object({ subject: Subject, body: Body.default(''), segment: Segment });
export const BroadcastPatch = z.object({ subject: Subject.optional(), body: Body.optional(), segment: Segment.optional() });
export const BroadcastId = z.object({ id: z.uuid() });

export const BroadcastReport = z.object({
  recipients: z.number().int().describe('Delivery rows written when the send started (one per address)'),
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int().describe('The mail server refused the message'),
  skipped: z.number().int().describe('Consent withdrawn or address suppressed before its turn'),
  unsubscribedSince: z.number().int().describe('Recipients who unsubscribed after the send started'),
});

export const Broadcast = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  segment: Segment,
  status: z.enum(['draft', 'scheduled', 'sending', 'sent']),
  scheduledAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  report: BroadcastReport.nullable().describe('Null until the send starts'),
});
export const BroadcastList = z.object({ items: z.array(Broadcast) });

export const SendInput = z.object({ at: Timestamp.nullable().default(null).describe('When to send; null: now') });
export const PreviewInput = z.object({ subject: z.string().max(200).default(''), body: Body.default('') });
export const Preview = z.object({ html: z.string().describe('The HTML part as recipients get it'), text: z.string().describe('The plain-text part') });
export const AudienceCount = z.object({ count: z.number().int().describe('Addresses this segment reaches right now') });

export const AudienceSettings = z.object({
  recordIpAndUserAgent: z.boolean().describe('Keep the IP address and user agent with each consent record as evidence'),
  sendRatePerMinute: z.number().int().min(1).max(1_000_000).nullable().describe('Broadcast messages per minute across all workers; null: as fast as the mail server takes them'),
});
export const AudienceSettingsPatch = AudienceSettings.partial();

export const SuppressionReason = z.enum(['bounced', 'complained', 'manual']);
export const TestSendResult = z.object({ to: Email.describe('Your own address, where the test went') });
