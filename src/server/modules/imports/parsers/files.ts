import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ImportFiles } from './common.ts';

// Reads an unpacked export folder (X archive, Facebook or Instagram "Download your information")
// into the path → content map the parsers take. Only .js and .json files are read: the rest
// of such an export is photos and videos.
export async function readExportFolder(folder: string, options: { maxBytes?: number } = {}): Promise<ImportFiles> {
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const files: ImportFiles = {};
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && /\.(js|json)$/i.test(entry.name)) {
        total += (await stat(path)).size;
        if (total > maxBytes) throw new Error(`The export's text files exceed ${Math.round(maxBytes / 1024 / 1024)} MB`);
        files[relative(folder, path).split(sep).join('/')] = await readFile(path);
      }
    }
  };
  await walk(folder);
  return files;
}
