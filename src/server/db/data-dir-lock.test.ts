import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DataDirBusyError, dataDirOwner, lockDataDir } from './data-dir-lock.ts';

describe('the embedded data folder has one owner', () => {
  const folders: string[] = [];
  after(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }); });
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'onland-lock-'));
    folders.push(made);
    return made;
  };

  test('a folder held by another live process is refused, with its pid', () => {
    const dataDir = folder();
    // The test runner that started this file is alive and is not this process.
    writeFileSync(join(dataDir, 'onland.pid'), `${process.ppid}\n\n`);
    assert.deepEqual(dataDirOwner(dataDir)?.pid, process.ppid);
    assert.throws(() => lockDataDir(dataDir), (error: Error) => error instanceof DataDirBusyError && error.message.includes(`pid ${process.ppid}`));
  });

  test('a file left by a killed process is taken over, and released on close', () => {
    const dataDir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dataDir, 'onland.pid'), `${gone.stdout}\n\n`);
    assert.equal(dataDirOwner(dataDir), null);
    const release = lockDataDir(dataDir);
    assert.equal(readFileSync(join(dataDir, 'onland.pid'), 'utf8').split('\n')[0], String(process.pid));
    release();
    assert.equal(existsSync(join(dataDir, 'onland.pid')), false);
  });

  test('a reused pid with another start time is not the owner', { skip: !existsSync('/proc/self/stat') }, () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, 'onland.pid'), `${process.ppid}\n1\n`);
    assert.equal(dataDirOwner(dataDir), null);
  });
});
