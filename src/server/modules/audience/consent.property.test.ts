import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { makeTestApp, type TestApp } from '../../../../test/helpers.ts';
import type { Auth } from '../auth/index.ts';

// Whatever people do, in whatever order, the one gate never lets mail through to an address that
// is suppressed, or that has not confirmed (or been granted) consent since it last withdrew.
describe('no mail without consent, none after suppression (property)', () => {
  let t: TestApp;
  let auth: Auth;
  before(async () => {
    t = await makeTestApp();
    await t.services.auth.setup({ workspaceName: 'Prop', name: 'P', email: 'p@example.org', password: 'long enough password' });
    auth = await t.services.auth.ownerAuth();
  });
  after(() => t.close());

  const addresses = ['a@example.org', 'b@example.org', 'c@example.org'];
  const action = fc.record({
    kind: fc.constantFrom('subscribe', 'confirm', 'unsubscribe', 'bounce', 'import', 'erase', 'ask'),
    address: fc.constantFrom(...addresses),
  });

  test('random sequences of subscribe, confirm, unsubscribe, bounce, import, erase and inquiries', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
      // Each run gets its own addresses, so runs do not see each other's records.
      run++;
      const address = (a: string) => a.replace('@', `+${run}@`);
      const model = new Map<string, { consented: boolean; pending: boolean; suppressed: boolean }>();
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
        if (kind === 'import') { /* an imported contact brings no consent: nothing is recorded */ }
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
  });
});
