// Builds the SPA into dist/web. With --if-needed, only when a source file is newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..');
const output = join(root, 'dist', 'web', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [join(root, 'src', 'web'), join(root, 'src', 'server', 'modules'), join(root, 'vite.config.ts')];
const newest = Math.max(...sources.filter(existsSync).map((s) => (statSync(s).isDirectory() ? newestSource(s) : statSync(s).mtimeMs)));
if (process.argv.includes('--if-needed') && existsSync(output) && statSync(output).mtimeMs >= newest) process.exit(0);

console.log('Building the web app…');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log('Web app built into dist/web.');
