#!/usr/bin/env node
// Onland runs on Node 24 (TypeScript by type stripping). The package pins it as the `node`
// dependency; when an older system Node starts this file, hand over to the pinned one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import('../src/cli/main.ts');
} else {
  const pinned = join(here, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    console.error(`Onland needs Node.js 24 or newer (this is ${process.version}). Run \`npm install\` in the Onland folder first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [join(here, 'onland.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
