import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { freePort, startOnland, stopOnland, waitForHealth, type RunningOnland } from '../../../bench/lib/onland-process.ts';
import { makeTestDatabase, onPostgres } from '../../../test/helpers.ts';
import type { Outbound } from '../../../test/outbound-recorder.ts';
import { startSmtpInbox } from '../../../test/smtp-inbox.ts';
import { signUp } from '../../../test/write-burst.ts';
import { startFakeMastodon } from '../modules/posts/adapters/mastodon.test-server.ts';

// Nothing leaves the machine: the whole app (`onland start`, server and worker) runs with every
// outbound connection and name lookup recorded (test/outbound-recorder.ts, preloaded), is used as a
// person would use it, and may only have reached the SMTP server, the Mastodon instance it was told
// to publish to, and its own PostgreSQL.
const recorder = join(import.meta.dirname, '..', '..', '..', 'test', 'outbound-recorder.ts');
const loopback = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

function readRecords(file: string): Outbound[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Outbound) : [];
}

// Loopback lookups are harmless; a connection must be to loopback and one of the allowed ports.
function notAllowed(records: Outbound[], ports: number[]): Outbound[] {
  return records.filter((r) => !(r.host !== undefined && loopback.has(r.host) && (r.kind === 'dns' || ports.includes(r.port!))));
}

function recordedEnv(file: string): Record<string, string> {
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${recorder}`.trim(), ONLAND_OUTBOUND_LOG: file };
}

describe('nothing leaves the machine', () => {
  test('the recorder catches a connection to a port that is not allowed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onland-outbound-'));
    const log = join(dir, 'outbound.jsonl');
    // Nothing listens there: the attempt is what counts.
    const port = await freePort();
    try {
      const script = `await fetch('http://127.0.0.1:${port}/').catch(() => {}); await import('node:dns/promises').then((d) => d.lookup('localhost'));`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...recordedEnv(log) }, encoding: 'utf8', timeout: 30_000 });
      assert.equal(child.status, 0, child.stderr);
      const records = readRecords(log);
      assert.deepEqual(notAllowed(records, [port + 1]).map((r) => `${r.kind} ${r.host}:${r.port}`), [`tcp 127.0.0.1:${port}`]);
      assert.deepEqual(notAllowed(records, [port]), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`the whole app reaches only SMTP, the publishing target and its database (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, { timeout: 180_000 }, async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-outbound-'));
    const log = join(dataDir, '..', `${dataDir.split('/').pop()}-outbound.jsonl`);
    const smtp = await startSmtpInbox();
    const mastodon = await startFakeMastodon('token-1');
    const postgres = onPostgres ? await makeTestDatabase() : undefined;
    const smtpPort = Number(new URL(smtp.url).port);
    const mastodonPort = Number(new URL(mastodon.url).port);
    const databasePort = postgres ? Number(new URL(postgres.url!).port || 5432) : undefined;
    let running: RunningOnland | undefined;
    try {
      running = startOnland({
        dataDir, port: await freePort(),
        env: { ...recordedEnv(log), SMTP_URL: smtp.url, ...(postgres ? { DATABASE_URL: postgres.url! } : {}) },
      });
      await waitForHealth(running, { since: performance.now(), timeoutMs: 90_000 });
      const url = running.url;
      const session = await signUp(url);
      const bearer = { authorization: `Bearer ${session.bearer}`, 'content-type': 'application/json' };
      const api = async <T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${url}${path}`, body === undefined ? { headers: bearer } : { method: 'POST', headers: bearer, body: JSON.stringify(body) });
        assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
        return (await response.json()) as T;
      };
      const form = (path: string, fields: Record<string, string>) =>
        fetch(`${url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

      // Sign in, and the web app's page (built or not, the server serves it from this machine).
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'olivia@example.com', password: 'correct horse battery' }) });
      assert.equal(login.status, 200);
      const spa = await fetch(`${url}/app/`);
      assert.ok([200, 503].includes(spa.status));
      if (spa.status === 200) assert.doesNotMatch(await spa.text(), /(src|href)="(https?:)?\/\//, 'the web app loads nothing from elsewhere');

      // People and a touch.
      for (const name of ['Ann Archer', 'Ben Baker', 'Cleo Cole']) {
        const person = await api<{ id: string }>('/api/v1/people', { name, emails: [`${name.split(' ')[0]!.toLowerCase()}@example.org`] });
        await api(`/api/v1/people/${person.id}/interactions`, { channel: 'email', kind: 'email', direction: 'in', occurredAt: new Date().toISOString() });
      }
      await api('/api/v1/people?q=ann');

      // An event, its public page and an RSVP, which sends a confirmation by mail; a subscription, which asks for confirmation by mail.
      const event = await api<{ occurrences: { slug: string }[] }>('/api/v1/events', {
        title: 'Harbour walk', description: 'Bring boots', rrule: null, timezone: 'Europe/Berlin', localStart: '2030-03-14T19:00', durationMinutes: 90, capacity: 10, venue: 'The harbour', address: null, onlineUrl: null, isPublic: true,
      });
      const slug = event.occurrences[0]!.slug;
      for (const path of [`/e/${slug}`, '/subscribe', '/events.ics']) assert.equal((await fetch(`${url}${path}`)).status, 200, path);
      assert.equal((await form(`/e/${slug}/register`, { name: 'Dora Dean', email: 'dora@example.org' })).status, 303);
      assert.equal((await form('/subscribe', { email: 'eve@example.org' })).status, 303);

      // A post published to the Mastodon instance by the worker.
      const channel = await api<{ id: string }>('/api/v1/channels', { platform: 'mastodon', name: 'Fediverse', account: `${mastodon.url}/@olivia`, credentials: { accessToken: 'token-1' }, cadencePerWeek: 0 });
      await api('/api/v1/posts', { pillar: 'community', body: 'See you at the harbour walk', status: 'scheduled', scheduledAt: new Date(Date.now() - 20_000).toISOString(), channels: [{ channelId: channel.id }] });

      await waitFor(() => smtp.received.length >= 2 && mastodon.statuses.length >= 1, running);
      assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ['dora@example.org', 'eve@example.org']);
      assert.equal(mastodon.statuses[0]!.text.includes('See you at the harbour walk'), true);
      await stopOnland(running);

      const records = readRecords(log);
      t.diagnostic(`recorded: ${[...new Set(records.map((r) => `${r.kind} ${r.host ?? r.path}:${r.port ?? ''}`))].join(', ')}`);
      // The recorder ran inside the app: it saw the mail and the post go out.
      assert.ok(records.some((r) => r.kind === 'tcp' && r.port === smtpPort), 'the SMTP connection was recorded');
      assert.ok(records.some((r) => r.kind === 'tcp' && r.port === mastodonPort), 'the Mastodon connection was recorded');
      const allowed = [smtpPort, mastodonPort, ...(databasePort ? [databasePort] : [])];
      assert.deepEqual(notAllowed(records, allowed), []);
    } finally {
      if (running) await stopOnland(running);
      await smtp.close();
      await mastodon.close();
      await postgres?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(log, { force: true });
    }
  });
});

async function waitFor(condition: () => boolean, running: RunningOnland, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; server said:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
