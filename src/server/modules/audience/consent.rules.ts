import { createHash } from 'node:crypto';

// Subscription state is never stored: it is read from the ledger, record by record.
import { consentPurposes } from './consent.contract.ts';

export { consentPurposes };
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentState = 'subscribed' | 'pending' | 'unsubscribed' | 'expired' | 'none';

export type LedgerEntry = {
  action: 'request' | 'confirm' | 'grant' | 'withdraw';
  basis: 'express' | 'implied';
  expiresAt: Date | null;
  occurredAt: Date;
};

// An unconfirmed sign-up lapses after this long.
export const pendingDays = 7;
// CASL: an inquiry implies consent for 6 months.
export const impliedInquiryMonths = 6;

export function subscriptionState(entries: readonly LedgerEntry[], now: Date): ConsentState {
  let state: ConsentState = 'none';
  let expiresAt: Date | null = null;
  let requestedAt: Date | null = null;
  for (const entry of [...entries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    if (entry.action === 'withdraw') {
      state = 'unsubscribed';
      expiresAt = null;
    } else if (entry.action === 'request') {
      // Asking again while subscribed changes nothing.
      if (state !== 'subscribed' || isExpired(expiresAt, entry.occurredAt)) {
        state = 'pending';
        requestedAt = entry.occurredAt;
      }
    } else {
      // confirm or grant: express consent has no end; implied consent ends, unless express consent stands.
      const express = entry.basis === 'express';
      if (state === 'subscribed' && !expiresAt && !express) continue;
      state = 'subscribed';
      expiresAt = express ? null : entry.expiresAt;
    }
  }
  if (state === 'subscribed' && isExpired(expiresAt, now)) return 'expired';
  if (state === 'pending' && requestedAt && now.getTime() - requestedAt.getTime() > pendingDays * 24 * 3600 * 1000) return 'none';
  return state;
}

function isExpired(expiresAt: Date | null, at: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= at.getTime();
}

export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

// The ledger and the suppression list name addresses by this hash.
export function addressHash(email: string): string {
  return createHash('sha256').update(`onland-address:${normaliseAddress(email)}`).digest('hex');
}

export function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
