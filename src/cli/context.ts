import { createServices, type Services } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import type { Database } from '../server/db/index.ts';
import { openConfiguredDatabase } from '../server/main.ts';

// One-shot commands open the configured database, run migrations and use the same services as the server.
export async function withServices<T>(run: (services: Services, context: { config: Config; database: Database }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    return await run(createServices({ config, database }), { config, database });
  } finally {
    await database.close();
  }
}
