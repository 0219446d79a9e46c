#!/usr/bin/env node
// Onland runs on Node 24 (TypeScript by type stripping). The package pins it as the `node`
// dependency; when an older system Node starts this file, hand over to the pinned one.
// Server commands also restart themselves once with memory settings that must be given at startup.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const major = Number(process.versions.node.split('.')[0]);
const args = process.argv.slice(2);

// A small young generation (V8 grows it to tens of MB while modules load, and keeps it), and the
// embedded database's WebAssembly compiled once by the baseline compiler instead of twice.
const serverFlags = ['--max-semi-space-size=2', '--liftoff-only'];
const isServer = ['start', 'serve', 'worker'].includes(args[0] ?? '') && !args.includes('--help') && !args.includes('-h');

if (major < 24) {
  const pinned = join(dirname(self), '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    console.error(`Onland needs Node.js 24 or newer (this is ${process.version}). Run \`npm install\` in the Onland folder first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [...(isServer ? serverFlags : []), self, ...args], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
} else if (isServer && !serverFlags.every((flag) => process.execArgv.includes(flag)) && typeof process.execve === 'function' && !process.env.ONLAND_NO_REEXEC) {
  // Replaces this process (same pid), so signals and supervisors see one process.
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...serverFlags, self, ...args], { ...process.env, ONLAND_NO_REEXEC: '1' });
} else {
  // V8's code cache on disk makes every start after the first quicker.
  module.enableCompileCache?.();
  await import('../src/cli/main.ts');
}
