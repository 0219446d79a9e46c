import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Services } from '../server/app.ts';
import { readExportFolder, type FormatName } from '../server/modules/imports/index.ts';

type Options = { workspace?: string; dryRun?: boolean; json?: boolean; mapping?: string; owner?: string };

const stages = { reading: 1, writing: 2, done: 3 } as const;

// `onland import FORMAT FILE…`: a file, a zip, or an unpacked export folder.
export async function runImport(services: Services, format: FormatName, paths: string[], options: Options) {
  const uploads: { filename: string; content: Buffer }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`There is no file or folder ${path}.`);
    if (info.isDirectory()) {
      for (const [name, content] of Object.entries(await readExportFolder(path))) uploads.push({ filename: name, content: Buffer.from(content as Uint8Array) });
    } else uploads.push({ filename: basename(path), content: await readFile(path) });
  }
  const auth = await services.auth.ownerAuth(options.workspace);
  const started = performance.now();
  let shown: keyof typeof stages | undefined;
  const result = await services.imports.run(auth, {
    format, uploads, dryRun: Boolean(options.dryRun),
    mapping: options.mapping ? JSON.parse(options.mapping) : undefined,
    ownerProfileUrl: format === 'linkedin-messages' ? options.owner : undefined,
    ownerAccountId: format === 'x' ? options.owner : undefined,
    ownerName: format === 'facebook' || format === 'instagram' ? options.owner : undefined,
    onProgress: options.json ? undefined : (stage) => progress((shown = stage), performance.now() - started),
  }).catch((error: unknown) => {
    if (shown && shown !== 'done') process.stderr.write('\n');
    throw error;
  });
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const r = result.report;
  console.log(`${result.dryRun ? 'Preview (nothing written)' : 'Imported'} ${result.filename} as ${format}:`);
  console.log(`  people: ${r.peopleCreated} created, ${r.peopleUpdated} updated, ${r.peopleUnchanged} unchanged, ${r.recordsMerged} records merged as the same person`);
  console.log(`  interactions: ${r.interactionsAdded} added, ${r.interactionsAlreadyThere} already there`);
  console.log(`  rejected: ${r.rejected.length}`);
  for (const problem of r.rejected.slice(0, 50)) console.log(`    ${problem.file ? `${problem.file} ` : ''}line ${problem.line}: ${problem.reason}`);
  if (r.rejected.length > 50) console.log(`    … and ${r.rejected.length - 50} more (use --json for all)`);
}

function progress(stage: keyof typeof stages, ms: number) {
  const done = stages[stage];
  const bar = '#'.repeat(done * 10).padEnd(30, '-');
  const label = { reading: 'reading the file', writing: 'matching and writing', done: 'done' }[stage];
  process.stderr.write(`\r[${bar}] ${label.padEnd(22)} ${(ms / 1000).toFixed(1)} s${stage === 'done' ? '\n' : ''}`);
}
