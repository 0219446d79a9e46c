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

// For every command that may open the embedded database: its WebAssembly compiled once, by the baseline
// compiler, instead of twice. Otherwise V8 compiles the busy parts again in the background, and a command
// that is done waits for that before it exits (1.5 s for `onland migrate` on an existing folder).
const wasmFlags = ['--liftoff-only'];
// Servers also keep a small young generation (V8 grows it to tens of MB while modules load, and keeps it).
const serverFlags = ['--max-semi-space-size=2', ...wasmFlags];
const asksForHelp = args.length === 0 || ['--help', '-h', 'help'].some((flag) => args.includes(flag));
const isServer = ['start', 'serve', 'worker'].includes(args[0] ?? '') && !asksForHelp;
const flags = isServer ? serverFlags : asksForHelp ? [] : wasmFlags;

if (major < 24) {
  const pinned = join(dirname(self), '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    console.error(`Onland needs Node.js 24 or newer (this is ${process.version}). Run \`npm install\` in the Onland folder first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [...flags, self, ...args], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
} else if (!flags.every((flag) => process.execArgv.includes(flag)) && typeof process.execve === 'function' && !process.env.ONLAND_NO_REEXEC) {
  // Replaces this process (same pid), so signals and supervisors see one process.
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...flags, self, ...args], { ...process.env, ONLAND_NO_REEXEC: '1' });
} else {
  // V8's code cache on disk makes every start after the first quicker.
  module.enableCompileCache?.();
  await import('../src/module-hooks.ts');
  await import('../src/cli/main.ts');
}
