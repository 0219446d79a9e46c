import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test-only: read the committed fixtures under test/fixtures/imports/.
export const fixtureRoot = fileURLToPath(new URL('../../../../../test/fixtures/imports/', import.meta.url));

export function fixture(path: string): Buffer {
  return readFileSync(join(fixtureRoot, path));
}

// A fixture folder as relative path → content, the way multi-file exports are handed to a parser.
export function fixtureFiles(folder: string): Record<string, Buffer> {
  const root = join(fixtureRoot, folder);
  const files: Record<string, Buffer> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(root);
  return files;
}
