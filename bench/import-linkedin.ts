import type { ImportResult } from '../src/server/modules/imports/imports.service.ts';
import { generateConnectionsCsv, linkedinProfileUrl } from './lib/linkedin-data.ts';
import { generatePeople, seedPeople, type GeneratedPerson } from './lib/people-data.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { round } from './lib/stats.ts';
import { withWorkspace, type BenchWorkspace, type Kind } from './lib/workspace.ts';

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const targets = { pglite: '< 10', postgres: '< 5' } as const;

export const importLinkedinPglite: Bench = {
  name: 'import-linkedin-pglite',
  figures: ['import_linkedin_100k_s_pglite', 'import_linkedin_100k_reimport_created_pglite', 'import_linkedin_100k_reimport_s_pglite'],
  run: () => measure('pglite'),
};

export const importLinkedinPostgres: Bench = {
  name: 'import-linkedin-postgres',
  figures: ['import_linkedin_100k_s_postgres', 'import_linkedin_100k_reimport_created_postgres', 'import_linkedin_100k_reimport_s_postgres'],
  run: () => measure('postgres'),
};

// A 100,000-row Connections.csv into a workspace that already holds 100,000 people, through
// services.imports.run as the upload and the CLI call it; then the same file again.
// One run each: a second import on the same workspace would measure something else, and a
// fresh workspace per run costs more than the import itself.
function measure(kind: Kind): Promise<Figure[]> {
  return withWorkspace(kind, 'import', async (workspace) => {
    const { database, services, auth } = workspace;
    // Their LinkedIn handles carry the profile URL, as a contact saved from LinkedIn would.
    const people = generatePeople(peopleCount).map(withLinkedinUrl);
    await seedPeople(database, services, auth, people, { keys: true });
    await database.query('analyze');

    const file = generateConnectionsCsv(rowCount, people);
    log(`import ${kind}: Connections.csv of ${file.rows} rows, ${Math.round(file.content.length / 1024 / 1024)} MB: ${file.withEmail} with an email, `
      + `${file.duplicatesByEmail} duplicates by email and ${file.duplicatesByUrl} by profile URL of people already there`);
    const first = await timedImport(workspace, file.content, 'first import');
    const expectedNew = file.rows - file.duplicatesByEmail - file.duplicatesByUrl;
    if (first.result.report.peopleCreated !== expectedNew) {
      log(`import ${kind}: expected ${expectedNew} people created (every row but the duplicates), got ${first.result.report.peopleCreated}`);
    }
    const again = await timedImport(workspace, file.content, 'same file again');

    const scale = { people: peopleCount, rows: file.rows };
    return [
      { name: `import_linkedin_100k_s_${kind}`, value: round(first.seconds, 2), unit: 's', target: targets[kind], runs: 1, stat: 'single run', ...scale },
      { name: `import_linkedin_100k_reimport_created_${kind}`, value: again.result.report.peopleCreated, unit: 'people', target: '0', runs: 1, stat: 'count', ...scale },
      { name: `import_linkedin_100k_reimport_s_${kind}`, value: round(again.seconds, 2), unit: 's', target: 'none', runs: 1, stat: 'single run', ...scale },
    ];
  });
}

async function timedImport({ kind, services, auth }: BenchWorkspace, content: Buffer, label: string): Promise<{ seconds: number; result: ImportResult }> {
  const stages: string[] = [];
  const started = performance.now();
  const elapsed = () => round((performance.now() - started) / 1000, 2);
  let result: ImportResult;
  try {
    result = await services.imports.run(auth, {
      format: 'linkedin', uploads: [{ filename: 'Connections.csv', content }], dryRun: false,
      onProgress: (stage) => stages.push(`${stage} at ${elapsed()} s`),
    });
  } catch (error) {
    log(`import ${kind}: ${label} failed after ${elapsed()} s (${stages.join(', ')})`);
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const r = result.report;
  log(`import ${kind}: ${label} in ${round(seconds, 2)} s (${stages.join(', ')}): created ${r.peopleCreated}, updated ${r.peopleUpdated}, `
    + `unchanged ${r.peopleUnchanged}, records merged ${r.recordsMerged}, interactions added ${r.interactionsAdded}, `
    + `already there ${r.interactionsAlreadyThere}, rejected ${r.rejected.length}`
    + (r.rejected.length ? ` (first: ${r.rejected.slice(0, 3).map((p) => `line ${p.line}: ${p.reason}`).join('; ')})` : ''));
  return { seconds, result };
}

function withLinkedinUrl(person: GeneratedPerson): GeneratedPerson {
  return { ...person, handles: person.handles.map((h) => (h.platform === 'linkedin' ? { ...h, url: linkedinProfileUrl(h.handle) } : h)) };
}
