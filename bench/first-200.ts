import { freePort, startOnland, stopOnland, waitForHealth } from './lib/onland-process.ts';
import { log, type Bench } from './lib/report.ts';
import { tempDir } from './lib/scratch.ts';
import { median, round } from './lib/stats.ts';

const runs = 5;

// From spawning `onland start` on a data folder that already exists (migrated, secret kept)
// to the first 200 from /health: what a user waits for after a restart.
export const first200: Bench = {
  name: 'first-200',
  figures: ['time_to_first_200_s'],
  async run() {
    const dataDir = tempDir('first-200');
    try {
      // The first start creates the folder, the database and the secret; it is not timed.
      const setup = startOnland({ dataDir: dataDir.path, port: await freePort() });
      try {
        const ms = await waitForHealth(setup, { since: performance.now() });
        log(`first-200: setting up the data folder took ${Math.round(ms)} ms (not counted)`);
      } finally {
        await stopOnland(setup);
      }

      const samples: number[] = [];
      for (let i = 1; i <= runs; i++) {
        const port = await freePort();
        const since = performance.now();
        const running = startOnland({ dataDir: dataDir.path, port });
        try {
          samples.push(await waitForHealth(running, { since, intervalMs: 15 }));
          log(`first-200: run ${i}/${runs}: ${Math.round(samples.at(-1)!)} ms`);
        } finally {
          await stopOnland(running);
        }
      }
      return [{ name: 'time_to_first_200_s', value: round(median(samples) / 1000, 3), unit: 's', target: '< 1.5', runs, stat: 'median' }];
    } finally {
      dataDir.remove();
    }
  },
};
