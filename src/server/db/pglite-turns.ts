import type { Server } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';

// PGlite runs its statements in this thread and hands its lock from one caller to the next through
// promises, so queued database work runs on without the event loop turning. Node accepts one new
// connection per turn of the loop (libuv on Linux, since Node 20): in a burst of 200 new connections
// to the RSVP form, turns of 100-300 ms (a batch of registrations each) left the last connections in
// the kernel's accept queue, accepted one per turn, up to 4.6 s after they had connected. So before
// each statement, while the last turn accepted a connection, the database lets the loop turn again:
// connections waiting to be accepted go first. For at most `maxWaitMs`, and never more than half the
// time: after waiting so long, the database works as long before it waits again. One flag for the
// process, as the loop is one.
let accepted = false;
let nextWait = 0;

// The web server whose connections go first (onland start, where the embedded database is in-process).
export function acceptConnectionsFirst(server: Server): void {
  server.on('connection', () => {
    accepted = true;
  });
}

async function connectionsFirst(maxWaitMs: number): Promise<void> {
  const started = performance.now();
  if (started < nextWait) return;
  while (accepted && performance.now() - started < maxWaitMs) {
    accepted = false;
    await nextTurn();
  }
  const now = performance.now();
  nextWait = now + (now - started);
}

// Every operation once it holds PGlite's lock, and every statement of a transaction.
export function shareEventLoop(client: PGlite, maxWaitMs = 200): void {
  const first = <T>(work: () => Promise<T>): Promise<T> => (accepted ? connectionsFirst(maxWaitMs).then(work) : work());
  const runExclusive = client._runExclusiveTransaction.bind(client);
  client._runExclusiveTransaction = (fn) => runExclusive(() => first(fn));
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) => transaction((tx) => callback(Object.create(tx, {
    query: { value: (...args: Parameters<Transaction['query']>) => first(() => tx.query(...args)) },
    sql: { value: (...args: Parameters<Transaction['sql']>) => first(() => tx.sql(...args)) },
    exec: { value: (...args: Parameters<Transaction['exec']>) => first(() => tx.exec(...args)) },
  }) as Transaction));
}
