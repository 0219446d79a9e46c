import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app.ts';
import { openDatabase } from './db/index.ts';

// The OpenAPI document as the running app describes it (no database queries are needed to build it).
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ dataDir: 'memory' });
  const config = {
    databaseUrl: undefined, dataDir: mkdtempSync(join(tmpdir(), 'onland-openapi-')), port: 3000, host: '127.0.0.1',
    publicUrl: 'http://localhost:3000', smtpUrl: undefined, mailFrom: 'Onland <onland@localhost.localdomain>', secret: 'openapi', sessionDays: 30, trustProxy: false, formRateLimit: 10, snapshotMinutes: 0, snapshotsKeep: 5,
  };
  const { app } = await buildApp({ config, database });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await database.close();
  return document;
}
