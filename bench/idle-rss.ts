import { descendants, describeProcess, freePort, procStatusKb, startOnland, stopOnland, waitForHealth } from './lib/onland-process.ts';
import { log, sleep, type Bench } from './lib/report.ts';
import { tempDir } from './lib/scratch.ts';
import { median, round } from './lib/stats.ts';

const runs = 3;
const idleMs = Number(process.env.BENCH_IDLE_SECONDS ?? 10) * 1000;

// Memory of `onland start` (web server and worker in one process) after it has sat idle.
export const idleRss: Bench = {
  name: 'idle-rss',
  figures: ['idle_rss_mb'],
  async run() {
    const samples: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const dataDir = tempDir('idle');
      const running = startOnland({ dataDir: dataDir.path, port: await freePort() });
      try {
        await waitForHealth(running, { since: performance.now() });
        await sleep(idleMs);
        samples.push(residentMb(running.pid));
        log(`idle-rss: run ${i}/${runs}: ${round(samples.at(-1)!)} MB (peak so far ${round(procStatusKb(running.pid, 'VmHWM') / 1024)} MB)`);
      } finally {
        await stopOnland(running);
        dataDir.remove();
      }
    }
    return [{ name: 'idle_rss_mb', value: round(median(samples)), unit: 'MB', target: '< 200', runs, stat: 'median' }];
  },
};

// On Node 24 bin/onland.js imports the CLI in the same process; check that, and count any
// child (the hand-over to the pinned Node on an older system Node) so none is missed.
function residentMb(pid: number): number {
  const { exe, args } = describeProcess(pid);
  if (!exe.startsWith('node') || !args.some((a) => a.endsWith('bin/onland.js'))) {
    throw new Error(`pid ${pid} is ${exe} ${args.join(' ')}, not node bin/onland.js`);
  }
  const children = descendants(pid);
  if (children.length > 0) log(`idle-rss: pid ${pid} has children ${children.join(', ')}; their RSS is included`);
  const kb = [pid, ...children].reduce((sum, p) => sum + procStatusKb(p), 0);
  return kb / 1024;
}
