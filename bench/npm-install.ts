import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from './lib/onland-process.ts';
import { bytesPerMb, errorMessage, log, type Bench, type Figure } from './lib/report.ts';
import { tempDir } from './lib/scratch.ts';
import { round } from './lib/stats.ts';

const timeoutMs = 8 * 60 * 1000;

// A first install as a user does it: the lock file, an empty npm cache, the registry.
// The size counts everything under node_modules, the pinned Node runtime included.
export const npmInstall: Bench = {
  name: 'npm-install',
  figures: ['npm_install_s', 'npm_install_mb'],
  async run() {
    const project = tempDir('npm-project');
    const cache = tempDir('npm-cache');
    try {
      copyFileSync(join(repoRoot, 'package.json'), join(project.path, 'package.json'));
      copyFileSync(join(repoRoot, 'package-lock.json'), join(project.path, 'package-lock.json'));
      const started = performance.now();
      await run('npm', ['ci', '--cache', cache.path], project.path);
      const seconds = (performance.now() - started) / 1000;
      const bytes = duBytes(join(project.path, 'node_modules'));
      log(`npm-install: ${round(seconds)} s, node_modules ${round(bytes / bytesPerMb)} MB = ${round(bytes / 1e6)} decimal MB (pinned Node: ${round(duBytes(join(project.path, 'node_modules', 'node')) / bytesPerMb)} MB)`);
      return [
        { name: 'npm_install_s', value: round(seconds), unit: 's', target: '< 60', runs: 1, stat: 'single' },
        { name: 'npm_install_mb', value: round(bytes / bytesPerMb), unit: 'MB', target: '< 450', runs: 1, stat: 'single' },
      ];
    } catch (error) {
      // No registry (offline machine): say so in the figures instead of failing the whole run.
      log(`npm-install: ${errorMessage(error)}`);
      return failed(errorMessage(error));
    } finally {
      project.remove();
      cache.remove();
    }
  },
};

function failed(error: string): Figure[] {
  return [
    { name: 'npm_install_s', value: null, unit: 's', target: '< 60', runs: 1, stat: 'single', error },
    { name: 'npm_install_mb', value: null, unit: 'MB', target: '< 450', runs: 1, stat: 'single', error },
  ];
}

// The repository's pinned Node first on PATH, as the README tells users. Under `npm run bench`
// the outer npm exports its settings as npm_config_* (loglevel=silent, cache, prefix…): drop
// them, so the install runs as it would from a user's shell.
function run(command: string, args: string[], cwd: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  env.PATH = [join(repoRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        log(`npm-install: ${output.trim().split('\n').slice(-3).join(' | ')}`);
        resolve();
      } else {
        reject(new Error(`${command} ${args[0]} ended with ${signal ?? `exit code ${code}`}: ${output.trim().split('\n').slice(-8).join('\n')}`));
      }
    });
  });
}

function duBytes(path: string): number {
  const result = spawnSync('du', ['-sb', path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`du failed: ${result.stderr}`);
  return Number(result.stdout.split(/\s+/)[0]);
}
