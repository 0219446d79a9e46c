import { readFile, writeFile } from 'node:fs/promises';
import type { Services } from '../server/app.ts';

export async function runExport(services: Services, what: 'backup' | 'people-csv' | 'interactions-csv' | 'vcard', options: { output?: string; workspace?: string }) {
  const auth = await services.auth.ownerAuth(options.workspace);
  const text = what === 'backup' ? JSON.stringify(await services.backup.export(auth), null, 1)
    : what === 'people-csv' ? await services.peopleExport.peopleCsv(auth)
    : what === 'interactions-csv' ? await services.peopleExport.interactionsCsv(auth)
    : await services.peopleExport.vcards(auth);
  if (options.output) {
    await writeFile(options.output, text);
    console.error(`Wrote ${options.output}`);
  } else process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export async function restoreBackup(services: Services, files: string[]) {
  if (files.length !== 1) throw new Error('A backup is one file.');
  let data: unknown;
  try {
    data = JSON.parse(await readFile(files[0]!, 'utf8'));
  } catch (error) {
    throw new Error(`${files[0]} is not a readable JSON file (${(error as Error).message.split('\n')[0]}).`);
  }
  const restored = await services.backup.restore(data);
  console.log(`Restored "${restored.workspace}": ${restored.people} people, ${restored.interactions} interactions.`);
}
