import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { createBatcher } from '../../core/batcher.ts';
import type { Db } from '../../db/index.ts';
import { enqueueMails } from '../../mail/index.ts';
import { createAudienceSettings } from './audience-settings.ts';
import { createConsentRepository } from './consent.repository.ts';
import { addressHash, normaliseAddress, pendingDays, subscriptionState, type ConsentPurpose } from './consent.rules.ts';
import type { ConsentService } from './consent.service.ts';

type Deps = { db: Db; clock: Clock; consent: ConsentService; secret: string; publicUrl: string };
type Locale = 'en' | 'de';

export const subscribeWording = {
  en: { version: 'subscribe-en-1', text: 'Yes, email me updates and news. I can unsubscribe at any time with one click.' },
  de: { version: 'subscribe-de-1', text: 'Ja, schickt mir Neuigkeiten per E-Mail. Ich kann mich jederzeit mit einem Klick abmelden.' },
} as const;

const confirmMail = {
  en: (workspace: string, link: string) => ({
    subject: `Please confirm your subscription to ${workspace}`,
    text: `Hello,\n\nsomeone (hopefully you) asked to receive email from ${workspace}. To confirm, open this link and press the button:\n\n${link}\n\nIf it was not you, ignore this email: nothing happens without the confirmation.\n`,
  }),
  de: (workspace: string, link: string) => ({
    subject: `Bitte bestätige dein Abonnement bei ${workspace}`,
    text: `Hallo,\n\njemand (hoffentlich du) möchte E-Mails von ${workspace} bekommen. Zum Bestätigen öffne diesen Link und drücke den Knopf:\n\n${link}\n\nWarst du das nicht, ignoriere diese E-Mail: ohne Bestätigung passiert nichts.\n`,
  }),
};

// Double opt-in: the form asks, the email's page confirms by POST (link scanners only GET).
export function createSubscribeService({ db, clock, consent, secret, publicUrl }: Deps) {
  const repo = createConsentRepository(db);
  const settings = createAudienceSettings(db);
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 32);
  const token = (data: object) => {
    const body = Buffer.from(JSON.stringify(data)).toString('base64url');
    return `${body}.${sign(body)}`;
  };
  function read<T>(value: string): T | null {
    const [body, mac] = value.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(sign(body));
    if (expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac))) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      return null;
    }
  }

  type SignUp = { workspaceId: string; workspaceName: string; email: string; locale: Locale; ip: string | null; userAgent: string | null; purpose?: ConsentPurpose };

  // Sign-ups that arrive together are decided and written together, per workspace in one transaction:
  // each address's lock, ledger and suppression read at once, then the requests and their emails.
  async function requestMany(signUps: SignUp[]): Promise<void[]> {
    const byWorkspace = new Map<string, SignUp[]>();
    for (const signUp of signUps) byWorkspace.set(signUp.workspaceId, [...(byWorkspace.get(signUp.workspaceId) ?? []), signUp]);
    for (const [workspaceId, group] of byWorkspace) {
      await db.transaction(async (tx) => {
        const hashes = [...new Set(group.map((s) => addressHash(s.email)))].sort();
        await tx.execute(sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from unnest(${sql.param(hashes.map((h) => `subscribe:${workspaceId}:${h}`))}::text[]) as k`);
        const now = clock.now();
        const ledger = await repo.recordsOfMany(workspaceId, hashes, tx);
        const suppressed = await repo.suppressedHashes(workspaceId, hashes, tx);
        const keeps = (await settings.read(workspaceId, tx)).recordIpAndUserAgent;
        const seen = new Set<string>();
        const requests: Parameters<typeof repo.appendMany>[0] = [];
        const subjects: { email: string }[] = [];
        const mails: Parameters<typeof enqueueMails>[2] = [];
        for (const signUp of group) {
          const email = normaliseAddress(signUp.email);
          const hash = addressHash(email);
          const purpose = signUp.purpose ?? 'newsletter';
          if (seen.has(`${purpose} ${hash}`)) continue;
          seen.add(`${purpose} ${hash}`);
          // Express consent only: someone on the list by an inquiry's implied consent may still opt in for good.
          const state = subscriptionState(ledger.filter((r) => r.emailHash === hash && r.purpose === purpose && r.basis === 'express'), now);
          // The same address twice gets one email; a subscriber gets none.
          if (state === 'pending' || state === 'subscribed') continue;
          const reason = suppressed.get(hash);
          if (reason && reason !== 'unsubscribed') continue;
          const wording = subscribeWording[signUp.locale];
          const id = randomUUID();
          requests.push({
            id, workspaceId, emailHash: hash, purpose, action: 'request', basis: 'express', method: 'form', form: 'subscribe',
            wording: wording.text, wordingVersion: wording.version, ip: keeps ? signUp.ip : null, userAgent: keeps ? signUp.userAgent : null, occurredAt: now,
          });
          subjects.push({ email });
          const link = `${publicUrl}/subscribe/confirm/${token({ w: workspaceId, h: hash, p: purpose, t: now.getTime(), l: signUp.locale })}`;
          mails.push({ message: { to: email, ...confirmMail[signUp.locale](signUp.workspaceName, link) }, dedupeKey: `subscribe-confirm:${id}` });
        }
        await repo.appendMany(requests, subjects, tx);
        await enqueueMails(tx, workspaceId, mails, { now });
      });
    }
    return signUps.map(() => undefined);
  }
  const requestBatched = createBatcher(requestMany);

  return {
    // The form's POST. Whatever happens, the visitor sees "check your inbox": the page tells no one who is subscribed.
    async request(input: SignUp) {
      await requestBatched(input);
    },

    // The confirmation page's POST.
    async confirm(value: string, meta: { ip: string | null; userAgent: string | null }): Promise<'confirmed' | 'invalid'> {
      const data = read<{ w: string; h: string; p: ConsentPurpose; t: number; l: Locale }>(value);
      if (!data || clock.now().getTime() - data.t > pendingDays * 24 * 3600 * 1000) return 'invalid';
      const email = await repo.subjectEmail(data.w, data.h);
      if (!email) return 'invalid';
      const suppression = await repo.suppression(data.w, data.h);
      if (suppression && suppression.reason !== 'unsubscribed') return 'invalid';
      const records = (await repo.records(data.w, data.h)).filter((r) => r.purpose === data.p);
      if (subscriptionState(records, clock.now()) === 'subscribed') return 'confirmed';
      const wording = subscribeWording[data.l] ?? subscribeWording.en;
      await consent.record(data.w, { email, purpose: data.p, action: 'confirm', basis: 'express', method: 'form', form: 'subscribe', wording: wording.text, wordingVersion: wording.version, ...meta });
      // Coming back after unsubscribing lifts that suppression; bounces and erasure stay.
      if (suppression) await repo.liftUnsubscribed(data.w, data.h);
      return 'confirmed';
    },

    unsubscribeLink(workspaceId: string, email: string): string {
      return `${publicUrl}/unsubscribe/${token({ w: workspaceId, h: addressHash(email) })}`;
    },

    // One click, no login, at once: every purpose withdrawn and the address suppressed.
    async unsubscribe(value: string, meta: { ip: string | null; userAgent: string | null }): Promise<'unsubscribed' | 'invalid'> {
      const data = read<{ w: string; h: string }>(value);
      if (!data) return 'invalid';
      const email = await repo.subjectEmail(data.w, data.h);
      if (email) {
        for (const purpose of ['newsletter', 'event_updates'] as const) {
          await consent.record(data.w, { email, purpose, action: 'withdraw', basis: 'express', method: 'email', form: 'unsubscribe-link', ...meta });
        }
      }
      await repo.suppress({ workspaceId: data.w, emailHash: data.h, reason: 'unsubscribed', createdAt: clock.now() });
      return 'unsubscribed';
    },
  };
}

export type SubscribeService = ReturnType<typeof createSubscribeService>;
