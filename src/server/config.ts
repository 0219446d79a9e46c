import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Configuration comes from the environment only (DESIGN.md, Config).
export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  secret: string;
  sessionDays: number;
  // Behind a reverse proxy, client addresses (rate limits, consent records) come from X-Forwarded-For.
  trustProxy: boolean;
  // Submissions of each public form (RSVP, sign-up, question) per client address and minute.
  formRateLimit: number;
  // Embedded mode only: a snapshot of the database folder every N minutes and at shutdown (0: none), the last `snapshotsKeep` kept.
  snapshotMinutes: number;
  snapshotsKeep: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.ONLAND_DATA_DIR || './data');
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: ${env.PUBLIC_URL}`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port,
    host,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || defaultFrom(publicUrl),
    secret: env.ONLAND_SECRET || readOrCreateSecret(dataDir),
    sessionDays: 30,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    formRateLimit: parseNumber('FORM_RATE_LIMIT', env.FORM_RATE_LIMIT, 10, { min: 1, max: 1_000_000_000, integer: true }),
    snapshotMinutes: parseNumber('ONLAND_SNAPSHOT_MINUTES', env.ONLAND_SNAPSHOT_MINUTES, 60, { min: 0, max: 7 * 24 * 60 }),
    snapshotsKeep: parseNumber('ONLAND_SNAPSHOTS_KEEP', env.ONLAND_SNAPSHOTS_KEEP, 5, { min: 1, max: 1000, integer: true }),
  };
}

// Mail needs a sender; without MAIL_FROM it is onland@ the public host.
function defaultFrom(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return `Onland <onland@${host.includes('.') ? host : `${host}.localdomain`}>`;
}

function parsePort(raw: string | undefined): number {
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a number from 0 to 65535, not "${raw}"`);
  return port;
}

function parseNumber(name: string, raw: string | undefined, fallback: number, { min, max, integer = false }: { min: number; max: number; integer?: boolean }): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new ConfigError(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

// Generated once and kept in the data folder, so sessions and encrypted credentials survive restarts.
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
