// Shared by the browser journeys: the real server as a child process, Chromium, console and axe checks.
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
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

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('The web app is not built: run `npm run build` (npm run test:browser does).');
  const dataDir = mkdtempSync(join(tmpdir(), 'onland-browser-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin', 'onland.js'), 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ONLAND_DATA_DIR: dataDir, DATABASE_URL: '', PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: on a busy machine the first start (migrations included) can take a minute.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server did not become healthy:\n${output}`);
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

// Every console message and page error, plus CSP violations as the page itself reports them.
export async function watchPage(page: Page) {
  const messages: string[] = [];
  const pageErrors: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  return {
    messages,
    pageErrors,
    cspViolations: () => messages.filter((m) => /content security policy|CSP violation/i.test(m)),
  };
}

// Fails on serious or critical findings only; the rest is printed for whoever reads the log.
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const problems: string[] = [];
  for (const violation of results.violations) {
    const nodes = violation.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
    const line = `${label}: [${violation.impact}] ${violation.id} – ${violation.help}\n    ${nodes.join('\n    ')}`;
    if (violation.impact === 'serious' || violation.impact === 'critical') problems.push(line);
    else console.log(`axe (not failing) ${line}`);
  }
  return problems;
}

// The owner every journey can sign in as; created through the API when a journey needs it first.
export const owner = { workspaceName: 'Harbour Coaching', name: 'Alex Morgan', email: 'alex@example.org', password: 'correct horse battery' };

export async function ensureOwner(baseUrl: string) {
  const status = (await (await fetch(`${baseUrl}/api/v1/setup`)).json()) as { setupDone: boolean };
  if (status.setupDone) return;
  const response = await fetch(`${baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...owner, timezone: 'Europe/Berlin', locale: 'en' }),
  });
  if (response.status !== 201) throw new Error(`Setup failed: ${response.status} ${await response.text()}`);
}

// Page helpers every journey uses; baseUrl is read late, once the server has started.
export function pageHelpers(baseUrl: () => string) {
  async function expectUrl(page: Page, path: RegExp) {
    await page.waitForURL((url) => path.test(url.pathname), { timeout: 15_000 });
  }

  async function signIn(page: Page, path: string) {
    await page.goto(`${baseUrl()}/app${path}`);
    await expectUrl(page, /^\/app\/login$/);
    await page.getByRole('textbox', { name: /^(Email|E-Mail)$/ }).fill(owner.email);
    await page.getByRole('textbox', { name: /^(Password|Passwort)$/ }).fill(owner.password);
    await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
    await expectUrl(page, new RegExp(`^/app${path}$`));
  }

  // Axe reads colours as painted: a dialog still fading in blends with its overlay.
  async function settled(page: Page) {
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  }

  // Writes through the API with the page's own session: its cookie and its CSRF token.
  async function apiClient(page: Page) {
    const session = await page.request.get(`${baseUrl()}/api/v1/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    return async <T>(path: string, data: unknown): Promise<T> => {
      const response = await page.request.post(`${baseUrl()}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
      assert.ok(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    };
  }
  return { expectUrl, signIn, settled, apiClient };
}
