import { createServices, type Services } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/index.ts';
import type { Auth } from '../../src/server/modules/auth/index.ts';
import { createScratchDatabase, tempDir } from './scratch.ts';

export type Kind = 'pglite' | 'postgres';

// A fresh workspace with its owner, on PGlite in a temp folder or on a scratch PostgreSQL database,
// built the way the server builds it (createServices, first-run setup, the CLI's owner auth).
export type BenchWorkspace = {
  kind: Kind;
  database: Database;
  config: Config;
  services: Services;
  auth: Auth;
};

export async function withWorkspace<T>(kind: Kind, prefix: string, run: (workspace: BenchWorkspace) => Promise<T>): Promise<T> {
  const dataDir = tempDir(`${prefix}-${kind}`);
  const scratch = kind === 'postgres' ? await createScratchDatabase(prefix.replace(/\W/g, '_')) : undefined;
  try {
    const database = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: dataDir.path });
    try {
      await database.migrate();
      const config = benchConfig(dataDir.path, scratch?.url);
      const services = createServices({ config, database });
      await services.auth.setup({ workspaceName: 'Bench Coaching', name: 'Bea Bench', email: 'bea@example.com', password: 'bench bench bench' });
      const auth = await services.auth.ownerAuth();
      return await run({ kind, database, config, services, auth });
    } finally {
      await database.close();
    }
  } finally {
    await scratch?.drop();
    dataDir.remove();
  }
}

// The server's own loader, from an environment like a user's, so new settings get their defaults.
export function benchConfig(dataDir: string, databaseUrl: string | undefined): Config {
  return loadConfig({ ONLAND_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ONLAND_SECRET: 'bench-secret-bench-secret-bench-secret', PORT: '0' });
}
