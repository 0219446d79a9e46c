import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/server/config.ts';
import { createServices } from '../src/server/app.ts';
import { openDatabase, type Database } from '../src/server/db/index.ts';
import { freePort, startOnland, stopOnland, waitForHealth, type RunningOnland } from './lib/onland-process.ts';
import { log, sleep, type Bench, type Figure } from './lib/report.ts';
import { createScratchDatabase, tempDir } from './lib/scratch.ts';
import { round } from './lib/stats.ts';
import type { Kind } from './lib/workspace.ts';

const signUps = Number(process.env.BENCH_SIGNUPS ?? 4000);
const concurrency = 20;
const recipients = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 100_000);
const secret = 'bench-secret-bench-secret-bench-secret';

// A data folder (PGlite) or a scratch PostgreSQL database, for `onland` processes the bench starts.
async function withStore<T>(kind: Kind, prefix: string, run: (store: { dataDir: string; env: Record<string, string>; open: () => Promise<Database> }) => Promise<T>): Promise<T> {
  const dataDir = tempDir(`${prefix}-${kind}`);
  const scratch = kind === 'postgres' ? await createScratchDatabase(prefix) : undefined;
  try {
    const env: Record<string, string> = { ONLAND_SECRET: secret, ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
    const open = () => openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: dataDir.path });
    return await run({ dataDir: dataDir.path, env, open });
  } finally {
    await scratch?.drop();
    dataDir.remove();
  }
}

// ---- Sign-ups: POST /subscribe on `onland start`, 20 at a time, each from its own address and client.
export const subscribePglite: Bench = { name: 'subscribe-pglite', figures: ['subscribe_per_s_pglite'], run: () => subscribe('pglite') };
export const subscribePostgres: Bench = { name: 'subscribe-postgres', figures: ['subscribe_per_s_postgres'], run: () => subscribe('postgres') };

async function subscribe(kind: Kind): Promise<Figure[]> {
  return withStore(kind, 'subscribe', async (store) => {
    // TRUST_PROXY: each sign-up comes from its own client address (X-Forwarded-For), as real visitors do,
    // so the per-address form limit applies to each as it would in production.
    const server = startOnland({ dataDir: store.dataDir, port: await freePort(), env: { ...store.env, TRUST_PROXY: '1' } });
    let timed = 0;
    let seconds = 0;
    try {
      await waitForHealth(server, { since: performance.now(), timeoutMs: 180_000 });
      const setup = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workspaceName: 'Bench Coaching', name: 'Bea', email: 'bea@example.com', password: 'bench bench bench' }) });
      if (setup.status !== 201) throw new Error(`setup: ${setup.status}`);
      let next = 0;
      const signUp = async (n: number) => {
        const response = await fetch(`${server.url}/subscribe`, {
          method: 'POST', redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, 'user-agent': 'bench/1.0' },
          body: `email=reader${n}%40example.org`,
        });
        await response.arrayBuffer();
        if (response.status !== 303) throw new Error(`sign-up ${n}: ${response.status}`);
      };
      const burst = async (count: number, offset: number) => {
        next = 0;
        await Promise.all(Array.from({ length: concurrency }, async () => {
          for (let n = next++; n < count; n = next++) await signUp(offset + n);
        }));
      };
      await burst(200, 1_000_000); // warm-up, not counted
      const started = performance.now();
      await burst(signUps, 0);
      seconds = (performance.now() - started) / 1000;
      timed = signUps;
      log(`subscribe ${kind}: ${signUps} sign-ups at concurrency ${concurrency} in ${seconds.toFixed(1)} s`);
      // The same addresses again: nobody gets a second confirmation email.
      await burst(Math.min(500, signUps), 0);
    } finally {
      await stopOnland(server);
    }
    const database = await store.open();
    try {
      const { rows } = await database.query(`select count(*)::int as n from mail_queue where dedupe_key like 'subscribe-confirm:%'`);
      const emails = Number((rows[0] as { n: number }).n);
      log(`subscribe ${kind}: ${emails} confirmation emails queued for ${signUps + 200} addresses after ${signUps + 200 + Math.min(500, signUps)} sign-ups (${Math.min(500, signUps)} repeated)`);
      if (emails !== signUps + 200) throw new Error(`expected ${signUps + 200} confirmation emails, found ${emails}`);
    } finally {
      await database.close();
    }
    return [{ name: `subscribe_per_s_${kind}`, value: round(timed / seconds, 1), unit: 'sign-ups/s', target: '>= 390', runs: timed, stat: 'mean' }];
  });
}

// ---- Broadcasts: 100,000 consented recipients, through a local SMTP server, by `onland worker`.
export const broadcastPglite: Bench = {
  name: 'broadcast-pglite',
  figures: ['broadcast_msgs_per_s_pglite', 'broadcast_kill_resume_duplicates_pglite', 'broadcast_kill_resume_missed_pglite'],
  run: () => broadcast('pglite'),
};
export const broadcastPostgres: Bench = {
  name: 'broadcast-postgres',
  figures: ['broadcast_msgs_per_s_postgres', 'broadcast_kill_resume_duplicates_postgres', 'broadcast_kill_resume_missed_postgres'],
  run: () => broadcast('postgres'),
};

type Inbox = { received: Map<string, number>; total: number; first: number; last: number };

async function smtpInbox() {
  let inbox: Inbox = { received: new Map(), total: 0, first: 0, last: 0 };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, maxClients: 50,
    onData(stream, session, done) {
      stream.on('data', () => {});
      stream.on('end', () => {
        const now = performance.now();
        if (inbox.total === 0) inbox.first = now;
        inbox.last = now;
        inbox.total++;
        for (const to of session.envelope.rcptTo) inbox.received.set(to.address, (inbox.received.get(to.address) ?? 0) + 1);
        done();
      });
    },
  });
  // A worker killed mid-message resets its connections: that is the point, not an error here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox: () => inbox,
    reset: () => { inbox = { received: new Map(), total: 0, first: 0, last: 0 }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Subscribers straight into the ledger (a grant each, with its subject), and one broadcast to them, scheduled now.
async function seed(database: Database, subject: string, fresh: boolean): Promise<void> {
  const config = loadConfig({ ONLAND_DATA_DIR: '/nonexistent', ONLAND_SECRET: secret, PORT: '0' });
  const services = createServices({ config, database });
  if (fresh) {
    await services.auth.setup({ workspaceName: 'Bench Coaching', name: 'Bea', email: 'bea@example.com', password: 'bench bench bench' });
    const { workspaceId } = await services.auth.ownerAuth();
    await database.query(`insert into consent_subjects (workspace_id, email_hash, email)
      select $1, encode(sha256(convert_to('onland-address:' || e, 'UTF8')), 'hex'), e from (select 'reader' || i || '@example.org' as e from generate_series(1, $2::int) i) s`, [workspaceId, recipients]);
    await database.query(`insert into consent_records (workspace_id, email_hash, purpose, action, basis, method, wording, occurred_at)
      select workspace_id, email_hash, 'newsletter', 'grant', 'express', 'in_person', 'Yes, send me the newsletter.', now() - interval '1 day' from consent_subjects where workspace_id = $1`, [workspaceId]);
    // As fast as the mail server takes them: the figure is the sender's, not the rate setting's.
    await database.query(`insert into audience_settings (workspace_id, record_ip_and_user_agent, send_rate_per_minute) values ($1, true, null)`, [workspaceId]);
  }
  const auth = await services.auth.ownerAuth();
  const broadcast = await services.broadcasts.create(auth, { subject, body: '# News\n\nHello from **Bench Coaching**: [our site](https://bench.example).', segment: { purpose: 'newsletter', tags: [], minLadderStep: null, attendedOccurrenceIds: [] } });
  await services.broadcasts.send(auth, broadcast.id, null);
  if ((await services.broadcasts.count(auth, broadcast.segment)).count !== recipients) throw new Error('the segment does not reach every seeded subscriber');
}

async function deliveryCounts(database: Database, subject: string): Promise<Record<string, number>> {
  const { rows } = await database.query(`select d.status, count(*)::int as n from broadcast_deliveries d join broadcasts b on b.workspace_id = d.workspace_id and b.id = d.broadcast_id where b.subject = $1 group by d.status`, [subject]);
  return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]));
}

// Waits until `until()` holds; fails when nothing arrives for `stallMs` once sending has begun.
async function waitFor(inbox: () => Inbox, until: () => boolean, worker: RunningOnland, stallMs = 120_000): Promise<void> {
  let seen = -1;
  let since = performance.now();
  while (!until()) {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited:\n${worker.output()}`);
    if (inbox().total !== seen) { seen = inbox().total; since = performance.now(); }
    if (performance.now() - since > stallMs + (seen === 0 ? 180_000 : 0)) throw new Error(`no progress for ${stallMs} ms at ${seen} messages:\n${worker.output()}`);
    await sleep(200);
  }
}

async function broadcast(kind: Kind): Promise<Figure[]> {
  const smtp = await smtpInbox();
  try {
    return await withStore(kind, 'broadcast', async (store) => {
      const env = { ...store.env, SMTP_URL: smtp.url };
      // The embedded database belongs to one process: there the worker runs inside `onland start`.
      const command = kind === 'pglite' ? 'start' : 'worker';
      const scale = { rows: recipients };
      // 1. A whole send, uninterrupted: messages per second from the first message to the last.
      let database = await store.open();
      await database.migrate();
      await seed(database, 'Clean send', true);
      await database.close();
      let worker = startOnland({ dataDir: store.dataDir, port: await freePort(), command, env });
      try {
        await waitFor(smtp.inbox, () => smtp.inbox().total >= recipients, worker);
        await sleep(3000);
      } finally {
        await stopOnland(worker);
      }
      const clean = smtp.inbox();
      const perSecond = (clean.total - 1) / ((clean.last - clean.first) / 1000);
      log(`broadcast ${kind}: ${clean.total} messages to ${clean.received.size} addresses in ${((clean.last - clean.first) / 1000).toFixed(1)} s`);

      // 2. Killed with SIGKILL midway, then resumed by a new worker.
      smtp.reset();
      database = await store.open();
      await seed(database, 'Killed send', false);
      await database.close();
      worker = startOnland({ dataDir: store.dataDir, port: await freePort(), command, env });
      try {
        await waitFor(smtp.inbox, () => smtp.inbox().total >= recipients / 2, worker);
      } finally {
        worker.child.kill('SIGKILL');
        await new Promise((resolve) => worker.child.once('exit', resolve));
      }
      const atKill = smtp.inbox().total;
      log(`broadcast ${kind}: killed with SIGKILL after ${atKill} messages; resuming`);
      worker = startOnland({ dataDir: store.dataDir, port: await freePort(), command, env });
      try {
        await waitFor(smtp.inbox, () => smtp.inbox().received.size >= recipients, worker);
        await sleep(5000);
      } finally {
        await stopOnland(worker);
      }
      const resumed = smtp.inbox();
      const duplicates = [...resumed.received.values()].filter((n) => n > 1).length;
      const missed = recipients - resumed.received.size;
      database = await store.open();
      const rows = await deliveryCounts(database, 'Killed send');
      await database.close();
      log(`broadcast ${kind}: after the resume ${resumed.total} messages, ${resumed.received.size} addresses, ${duplicates} twice, ${missed} missed; delivery rows ${JSON.stringify(rows)}`);
      return [
        { name: `broadcast_msgs_per_s_${kind}`, value: round(perSecond, 1), unit: 'messages/s', target: 'none (listmonk reports ~833/s)', runs: 1, stat: 'first to last message', ...scale },
        { name: `broadcast_kill_resume_duplicates_${kind}`, value: duplicates, unit: 'addresses mailed twice', target: '0', runs: 1, stat: `killed at ${atKill}`, ...scale },
        { name: `broadcast_kill_resume_missed_${kind}`, value: missed, unit: 'addresses never mailed', target: '0', runs: 1, stat: `killed at ${atKill}`, ...scale },
      ];
    });
  } finally {
    await smtp.close();
  }
}
