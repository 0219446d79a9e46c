import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { ImportReport, PeopleImporter } from '../people/index.ts';
import { toImportInput } from './files.ts';
import { imports } from './imports.table.ts';
import { ImportFormatError, parsers, type CsvMapping, type FormatName } from './parsers/index.ts';

export type ImportRequest = {
  format: FormatName;
  uploads: { filename: string; content: Buffer }[];
  dryRun: boolean;
  mapping?: CsvMapping;
  ownerProfileUrl?: string;
  ownerAccountId?: string;
  ownerName?: string;
  onProgress?: (stage: 'reading' | 'writing' | 'done') => void;
};

export type ImportResult = { id: string | null; format: FormatName; filename: string; dryRun: boolean; report: ImportReport; createdAt: Date };

// Reads an export with its format's parser, then hands the records to the people importer.
export function createImportsService({ db, clock, importer }: { db: Db; clock: Clock; importer: PeopleImporter }) {
  return {
    async run(auth: Auth, request: ImportRequest): Promise<ImportResult> {
      requireRole(auth, 'editor');
      request.onProgress?.('reading');
      const now = clock.now();
      let parsed;
      try {
        parsed = parsers[request.format](toImportInput(request.format, request.uploads), {
          importedAt: now, mapping: request.mapping ?? null, ownerProfileUrl: request.ownerProfileUrl ?? null,
          ownerAccountId: request.ownerAccountId ?? null, ownerName: request.ownerName ?? null,
        });
      } catch (error) {
        if (error instanceof ImportFormatError) throw new AppError('IMPORT_UNREADABLE', error.message);
        throw error;
      }
      request.onProgress?.('writing');
      const report = await importer.importBatch(auth, { source: request.format, ...parsed }, { dryRun: request.dryRun });
      const filename = request.uploads.map((u) => u.filename).join(', ').slice(0, 500);
      let id: string | null = null;
      if (!request.dryRun) {
        const [row] = await db.insert(imports).values({ workspaceId: auth.workspaceId, format: request.format, filename, report, createdBy: auth.userId, createdAt: now }).returning({ id: imports.id });
        id = row!.id;
      }
      request.onProgress?.('done');
      return { id, format: request.format, filename, dryRun: request.dryRun, report, createdAt: now };
    },

    async list(auth: Auth): Promise<ImportResult[]> {
      requireRole(auth, 'viewer');
      const rows = await db.select().from(imports).where(and(eq(imports.workspaceId, auth.workspaceId))).orderBy(desc(imports.createdAt)).limit(50);
      return rows.map((row) => ({ id: row.id, format: row.format as FormatName, filename: row.filename, dryRun: false, report: row.report as ImportReport, createdAt: row.createdAt }));
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
