import fastifyMultipart from '@fastify/multipart';
import { AppError } from '../../core/errors.ts';
import { authOf, type App } from '../../core/types.ts';
import { requireRole } from '../auth/index.ts';
import { ImportList, ImportQuery, ImportResult } from './imports.contract.ts';
import type { ImportsService } from './imports.service.ts';
import type { CsvMapping } from './parsers/index.ts';

export async function importsRoutes(app: App, { imports }: { imports: ImportsService }) {
  const tags = ['imports'];
  app.get('/api/v1/imports', { schema: { tags, summary: 'Earlier imports and their reports, newest first', response: { 200: ImportList } } },
    async (request) => ({ items: await imports.list(authOf(request)) }));

  // Multipart only here: everywhere else the API takes JSON.
  await app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: 512 * 1024 * 1024, files: 5000, fields: 10 } });
    scope.post('/api/v1/imports', {
      schema: {
        tags, consumes: ['multipart/form-data'], querystring: ImportQuery, response: { 200: ImportResult },
        summary: 'Import people and interactions from a platform export: one file, a zip, or the files of an unpacked export (multipart, field "file"). dryRun=true previews.',
      },
    }, async (request) => {
      // Refused before the upload is read: a viewer's 500 MB file is not worth receiving.
      requireRole(authOf(request), 'editor');
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.');
      const uploads: { filename: string; content: Buffer }[] = [];
      for await (const part of request.files()) uploads.push({ filename: part.filename || part.fieldname, content: await part.toBuffer() });
      if (!uploads.length) throw new AppError('VALIDATION_FAILED', 'No file was sent.', [{ path: 'body.file', message: 'Required' }]);
      const { mapping, ...query } = request.query;
      return imports.run(authOf(request), { ...query, mapping: parseMapping(mapping), uploads });
    });
  });
}

function parseMapping(text: string | undefined): CsvMapping | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as CsvMapping;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'mapping must be a JSON object of field → header name.', [{ path: 'querystring.mapping', message: 'Not a JSON object' }]);
}
