import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { makeTestApp, type TestApp } from '../../../../test/helpers.ts';
import { systemClock } from '../../core/clock.ts';
import type { Mailer } from '../../mail/index.ts';
import type { Auth } from '../auth/index.ts';
import { createBroadcastSender, type BroadcastSender } from './index.ts';

// Whatever people do, in whatever order, the one gate never lets mail through to an address that
// is suppressed, or that has not confirmed (or been granted) consent since it last withdrew,
// and no broadcast, to everyone or to a tag, reaches such an address either.
describe('no mail without consent, none after suppression (property)', () => {
  let t: TestApp;
  let auth: Auth;
  let sender: BroadcastSender;
  // What the broadcasts actually handed to the mail server.
  let mailed: string[] = [];
  const capturing: Mailer = {
    send: async (message, options) => {
      await options?.beforeAccept?.();
      mailed.push(message.to);
      return { messageId: `<${mailed.length}@test>`, via: 'outbox' };
    },
    listOutbox: async () => [], readOutbox: async () => null, close: () => {},
  };
  before(async () => {
    t = await makeTestApp();
    await t.services.auth.setup({ workspaceName: 'Prop', name: 'P', email: 'p@example.org', password: 'long enough password' });
    auth = await t.services.auth.ownerAuth();
    await t.services.audienceSettings.update(auth, { sendRatePerMinute: null });
    const s = t.services;
    sender = createBroadcastSender({ db: t.database.db, clock: systemClock, mailer: capturing, broadcasts: s.broadcasts, subscribe: s.subscribe, workspaces: s.workspaces, settings: s.audienceSettings });
  });
  after(() => t.close());

  const addresses = ['a@example.org', 'b@example.org', 'c@example.org'];
  const action = fc.record({
    kind: fc.constantFrom('subscribe', 'confirm', 'unsubscribe', 'bounce', 'import', 'erase', 'ask', 'broadcast', 'broadcast-to-tag'),
    address: fc.constantFrom(...addresses),
  });

  test('random sequences of subscribe, confirm, unsubscribe, bounce, import, erase, inquiries and broadcasts', async () => {
    let run = 0;
    let everMailed = 0;
    // Every run's addresses, for broadcasts reach the earlier runs' subscribers too.
    const model = new Map<string, { consented: boolean; pending: boolean; suppressed: boolean }>();
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
      // Each run gets its own addresses, so runs do not see each other's records.
      run++;
      const address = (a: string) => a.replace('@', `+${run}@`);
      const state = (a: string) => model.get(a) ?? { consented: false, pending: false, suppressed: false };
      const c = t.services.consent;
      const base = { purpose: 'newsletter' as const, basis: 'express' as const, method: 'form' as const };
      for (const { kind, address: raw } of actions) {
        const email = address(raw);
        const s = { ...state(email) };
        if (kind === 'subscribe') { await c.record(auth.workspaceId, { ...base, email, action: 'request' }); if (!s.consented) s.pending = true; }
        if (kind === 'confirm' && s.pending) { await c.record(auth.workspaceId, { ...base, email, action: 'confirm' }); s.consented = true; s.pending = false; }
        if (kind === 'unsubscribe') { await c.record(auth.workspaceId, { ...base, email, action: 'withdraw' }); await c.suppress(auth.workspaceId, email, 'unsubscribed'); s.consented = false; s.pending = false; s.suppressed = true; }
        if (kind === 'bounce') { await c.suppress(auth.workspaceId, email, 'bounced'); s.suppressed = true; }
        if (kind === 'import') {
          // An imported contact brings no consent: a person with a tag, nothing in the ledger.
          await t.services.people.create(auth, {
            name: email, emails: [email], phones: [], handles: [], tags: ['imported'], isClient: false, isFriend: false, source: null, notes: null,
            givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: null, cadenceDays: null,
          }).catch(() => undefined);
        }
        if (kind === 'broadcast' || kind === 'broadcast-to-tag') {
          const segment = { purpose: 'newsletter' as const, tags: kind === 'broadcast' ? [] : ['imported'], minLadderStep: null, attendedOccurrenceIds: [] };
          const broadcast = await t.services.broadcasts.create(auth, { subject: `Run ${run}`, body: 'News', segment });
          await t.services.broadcasts.send(auth, broadcast.id, null);
          mailed = [];
          await sender.run();
          everMailed += mailed.length;
          assert.equal(new Set(mailed).size, mailed.length, `nobody twice: ${mailed.join(', ')}`);
          for (const to of mailed) {
            const m = model.get(to) ?? state(to);
            assert.ok(m.consented && !m.suppressed, `the broadcast mailed ${to} after ${JSON.stringify(actions)}`);
          }
        }
        if (kind === 'erase') { await c.erase(auth, email); s.suppressed = true; }
        if (kind === 'ask') { await c.record(auth.workspaceId, { ...base, email, action: 'grant', basis: 'implied', expiresAt: new Date(Date.now() + 86_400_000) }); s.consented = true; }
        model.set(email, s);
        // The "broadcast": who may be mailed right now.
        for (const other of addresses.map(address)) {
          const may = await c.canMail(auth.workspaceId, other, 'newsletter');
          const m = state(other);
          if (may) assert.ok(m.consented && !m.suppressed, `${other} may be mailed after ${JSON.stringify(actions)}`);
        }
      }
    }), { numRuns: 40, seed: 20261122 });
    // The property means something only if the broadcasts did mail someone.
    assert.ok(everMailed > 10, `broadcasts mailed ${everMailed} messages in all`);
  });
});
