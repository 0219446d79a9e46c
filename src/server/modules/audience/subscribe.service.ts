import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/index.ts';
import { enqueueMail } from '../../mail/index.ts';
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

  return {
    // The form's POST. Whatever happens, the visitor sees "check your inbox": the page tells no one who is subscribed.
    async request(input: { workspaceId: string; workspaceName: string; email: string; locale: Locale; ip: string | null; userAgent: string | null; purpose?: ConsentPurpose }) {
      const email = normaliseAddress(input.email);
      const hash = addressHash(email);
      const purpose = input.purpose ?? 'newsletter';
      const wording = subscribeWording[input.locale];
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`subscribe:${input.workspaceId}:${hash}`}, 0))`);
        const now = clock.now();
        // Express consent only: someone on the list by an inquiry's implied consent may still opt in for good.
        const state = subscriptionState((await repo.records(input.workspaceId, hash, tx)).filter((r) => r.purpose === purpose && r.basis === 'express'), now);
        // The same address twice gets one email; a subscriber gets none.
        if (state === 'pending' || state === 'subscribed') return;
        const suppression = await repo.suppression(input.workspaceId, hash, tx);
        if (suppression && suppression.reason !== 'unsubscribed') return;
        const record = await repo.append({
          workspaceId: input.workspaceId, emailHash: hash, purpose, action: 'request', basis: 'express', method: 'form', form: 'subscribe',
          wording: wording.text, wordingVersion: wording.version, ...(await settings.evidence(input.workspaceId, input, tx)), occurredAt: now,
        }, { email }, tx);
        const link = `${publicUrl}/subscribe/confirm/${token({ w: input.workspaceId, h: hash, p: purpose, t: now.getTime(), l: input.locale })}`;
        await enqueueMail(tx, input.workspaceId, { to: email, ...confirmMail[input.locale](input.workspaceName, link) }, { dedupeKey: `subscribe-confirm:${record.id}`, now });
      });
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
