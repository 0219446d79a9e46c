import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { sleep } from './report.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

export type RunningOnland = {
  child: ChildProcess;
  pid: number;
  url: string;
  // The last lines it printed, for error messages.
  output: () => string;
};

// `onland start` exactly as a user runs it, on the embedded database in dataDir.
// `command` and `env` (e.g. DATABASE_URL, SMTP_URL) for benches that run `onland worker` or another database.
export function startOnland({ dataDir, port, command = 'start', env: extra = {} }: { dataDir: string; port: number; command?: 'start' | 'serve' | 'worker'; env?: Record<string, string> }): RunningOnland {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ONLAND_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.PUBLIC_URL;
  Object.assign(env, extra);
  const child = spawn(process.execPath, ['bin/onland.js', command], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  if (child.pid === undefined) throw new Error('could not spawn onland');
  return { child, pid: child.pid, url: `http://127.0.0.1:${port}`, output: () => output };
}

// startOnland, then waits for /health: a server ready for requests (tests that restart one on the same data).
export async function startOnlandReady(options: Parameters<typeof startOnland>[0], timeoutMs = 90_000): Promise<RunningOnland> {
  const running = startOnland(options);
  await waitForHealth(running, { since: performance.now(), timeoutMs });
  return running;
}

// Polls GET /health until it answers 200; returns the milliseconds since `since`.
export async function waitForHealth(running: RunningOnland, { since, intervalMs = 15, timeoutMs = 60_000 }: { since: number; intervalMs?: number; timeoutMs?: number }): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) {
      throw new Error(`onland exited (${running.child.exitCode ?? running.child.signalCode}) before /health answered:\n${running.output()}`);
    }
    if ((await getStatus(`${running.url}/health`)) === 200) return performance.now() - since;
    if (performance.now() > deadline) throw new Error(`/health did not answer 200 within ${timeoutMs} ms:\n${running.output()}`);
    await sleep(intervalMs);
  }
}

// The status code, or null when nothing listens yet.
export function getStatus(url: string, timeoutMs = 2000): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

// A clean stop (SIGTERM, as a service manager sends it); SIGKILL only if it hangs.
export async function stopOnland(running: RunningOnland, timeoutMs = 20_000): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Resident set size in KiB, from /proc/<pid>/status (VmRSS) or another field such as VmHWM.
export function procStatusKb(pid: number, field = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} for pid ${pid}`);
  return Number(match[1]);
}

// The executable and arguments of a process, to check we measure the right one.
export function describeProcess(pid: number): { exe: string; args: string[] } {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  return { exe: basename(readlinkSync(`/proc/${pid}/exe`)), args };
}

// Child processes of pid and theirs (an older Node hands over to the pinned one in a child).
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const taskDir = `/proc/${pid}/task`;
  if (!existsSync(taskDir)) return found;
  for (const tid of readdirSync(taskDir)) {
    const file = join(taskDir, tid, 'children');
    if (!existsSync(file)) continue;
    for (const child of readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number)) {
      found.push(child, ...descendants(child));
    }
  }
  return found;
}
