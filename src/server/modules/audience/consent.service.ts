import type { Clock } from '../../core/clock.ts';
import { cancelQueuedMail } from '../../mail/index.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { createAudienceSettings } from './audience-settings.ts';
import { createBroadcastsRepository } from './broadcasts.repository.ts';
import { createConsentRepository, type ConsentRow } from './consent.repository.ts';
import { addressHash, consentPurposes, normaliseAddress, subscriptionState, type ConsentPurpose, type ConsentState } from './consent.rules.ts';

export type ConsentEvidence = {
  email: string;
  personId?: string | null;
  purpose: ConsentPurpose;
  action: ConsentRow['action'];
  basis: ConsentRow['basis'];
  expiresAt?: Date | null;
  method: ConsentRow['method'];
  form?: string | null;
  wording?: string | null;
  wordingVersion?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

// The ledger's one entrance and the one gate every mail path asks: may we mail this address for this purpose?
export function createConsentService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createConsentRepository(db);
  const settings = createAudienceSettings(db);
  const deliveries = createBroadcastsRepository(db);

  async function states(workspaceId: string, email: string): Promise<Record<ConsentPurpose, ConsentState>> {
    const records = await repo.records(workspaceId, addressHash(email));
    const now = clock.now();
    return Object.fromEntries(consentPurposes.map((purpose) => [purpose, subscriptionState(records.filter((r) => r.purpose === purpose), now)])) as Record<ConsentPurpose, ConsentState>;
  }

  return {
    // For public forms and other modules, which have already decided this workspace is the right one.
    async record(workspaceId: string, evidence: ConsentEvidence): Promise<ConsentRow> {
      const email = normaliseAddress(evidence.email);
      const { ip, userAgent } = await settings.evidence(workspaceId, evidence);
      return repo.append({
        workspaceId, emailHash: addressHash(email), personId: evidence.personId ?? null, purpose: evidence.purpose, action: evidence.action,
        basis: evidence.basis, expiresAt: evidence.expiresAt ?? null, method: evidence.method, form: evidence.form ?? null,
        wording: evidence.wording ?? null, wordingVersion: evidence.wordingVersion ?? null, ip,
        userAgent, occurredAt: clock.now(),
      }, { email });
    },

    // A batch of form submissions' evidence, inside the caller's transaction.
    async recordMany(workspaceId: string, evidences: ConsentEvidence[], tx: Tx): Promise<void> {
      if (!evidences.length) return;
      const keeps = (await settings.read(workspaceId, tx)).recordIpAndUserAgent;
      const occurredAt = clock.now();
      const emails = evidences.map((e) => normaliseAddress(e.email));
      await repo.appendMany(evidences.map((evidence, i) => ({
        workspaceId, emailHash: addressHash(emails[i]!), personId: evidence.personId ?? null, purpose: evidence.purpose, action: evidence.action,
        basis: evidence.basis, expiresAt: evidence.expiresAt ?? null, method: evidence.method, form: evidence.form ?? null,
        wording: evidence.wording ?? null, wordingVersion: evidence.wordingVersion ?? null,
        ip: keeps ? evidence.ip ?? null : null, userAgent: keeps ? evidence.userAgent ?? null : null, occurredAt,
      })), emails.map((email) => ({ email })), tx);
    },

    async canMail(workspaceId: string, email: string, purpose: ConsentPurpose): Promise<boolean> {
      if (await repo.suppression(workspaceId, addressHash(email))) return false;
      return (await states(workspaceId, email))[purpose] === 'subscribed';
    },

    // tx: when the caller decides inside its own transaction (a waitlist promotion's email).
    async isSuppressed(workspaceId: string, email: string, tx?: Db | Tx): Promise<boolean> {
      return Boolean(await repo.suppression(workspaceId, addressHash(email), tx));
    },

    // Which of these addresses are suppressed, in one query.
    async suppressedAmong(workspaceId: string, emails: string[], tx?: Db | Tx): Promise<Set<string>> {
      const hashes = new Map(emails.map((email) => [addressHash(email), email]));
      const found = await repo.suppressedHashes(workspaceId, [...hashes.keys()], tx);
      return new Set([...found.keys()].map((hash) => hashes.get(hash)!));
    },

    async suppress(workspaceId: string, email: string, reason: 'unsubscribed' | 'bounced' | 'complained' | 'erased' | 'manual'): Promise<void> {
      await repo.suppress({ workspaceId, emailHash: addressHash(email), reason, createdAt: clock.now() });
      // Mail still queued to a bounced, complaining or blocked address is dropped too. (After an
      // unsubscribe, a reply to their own question may still go out: it is not bulk mail.)
      if (reason !== 'unsubscribed') await cancelQueuedMail(db, workspaceId, normaliseAddress(email));
    },

    // What the ledger says about one address: the state per purpose and every record, as proof.
    async lookup(auth: Auth, email: string) {
      requireRole(auth, 'viewer');
      const hash = addressHash(email);
      const suppression = await repo.suppression(auth.workspaceId, hash);
      return {
        email: normaliseAddress(email),
        states: await states(auth.workspaceId, email),
        suppressed: suppression ? { reason: suppression.reason, since: suppression.createdAt } : null,
        records: (await repo.records(auth.workspaceId, hash)).map(({ workspaceId: _w, emailHash: _h, ...record }) => record),
      };
    },

    // A member notes consent given in person (with the words they used).
    async recordInPerson(auth: Auth, input: { email: string; purpose: ConsentPurpose; wording: string }): Promise<void> {
      requireRole(auth, 'editor');
      await this.record(auth.workspaceId, { email: input.email, purpose: input.purpose, action: 'grant', basis: 'express', method: 'in_person', wording: input.wording });
    },

    // By hand, or a bounce or complaint reported by the mail server or a script.
    async suppressByHand(auth: Auth, email: string, reason: 'bounced' | 'complained' | 'manual' = 'manual'): Promise<void> {
      requireRole(auth, 'editor');
      await this.suppress(auth.workspaceId, email, reason);
    },

    // Erase: the address is forgotten, its hash stays suppressed so it is never mailed again.
    async erase(auth: Auth, email: string): Promise<void> {
      requireRole(auth, 'owner');
      const hash = addressHash(email);
      await db.transaction(async (tx) => {
        await repo.suppress({ workspaceId: auth.workspaceId, emailHash: hash, reason: 'erased', createdAt: clock.now() }, tx);
        await repo.forgetSubject(auth.workspaceId, hash, tx);
        await deliveries.forgetAddress(auth.workspaceId, hash, tx);
      });
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
