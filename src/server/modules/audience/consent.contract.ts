import { z } from 'zod';
import { Email, Timestamp } from '../../core/contract.ts';

// Here, not in consent.rules.ts, so the web app can load it without Node's crypto.
export const consentPurposes = ['newsletter', 'event_updates'] as const;

const ConsentState = z.enum(['subscribed', 'pending', 'unsubscribed', 'expired', 'none']);

export const ConsentLookupQuery = z.object({ email: Email });

export const ConsentLookup = z.object({
  email: z.string(),
  states: z.object({ newsletter: ConsentState, event_updates: ConsentState }).describe('Derived from the records: never stored'),
  suppressed: z.object({ reason: z.enum(['unsubscribed', 'bounced', 'complained', 'erased', 'manual']), since: Timestamp }).nullable().describe('Suppressed addresses are never mailed'),
  records: z.array(z.object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    purpose: z.enum(consentPurposes),
    action: z.enum(['request', 'confirm', 'grant', 'withdraw']),
    basis: z.enum(['express', 'implied']),
    expiresAt: Timestamp.nullable(),
    method: z.enum(['form', 'import', 'in_person', 'email', 'admin']),
    form: z.string().nullable(),
    wording: z.string().nullable().describe('The exact words the person agreed to'),
    wordingVersion: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    occurredAt: Timestamp,
  })).describe('The ledger for this address, oldest first: the proof of consent'),
});

export const InPersonConsent = z.object({
  email: Email,
  purpose: z.enum(consentPurposes),
  wording: z.string().trim().min(5).max(2000).describe('What they agreed to, in the words you used'),
});

export const SuppressionInput = z.object({
  email: Email,
  reason: z.enum(['bounced', 'complained', 'manual']).default('manual').describe('bounced or complained: reported by the mail server (a bounce or a spam complaint); manual: by hand'),
});
