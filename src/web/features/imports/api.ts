import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload, type UploadProgress } from '../../lib/api-client.ts';
import { peopleKeys } from '../people/api.ts';
import { refreshToday } from '../today/keys.ts';
import { mappingParam, type ColumnMapping } from './csv-header.ts';
import { ImportList, ImportResult } from '../../../server/modules/imports/imports.contract.ts';
import type { ChosenFile, FormatName, OwnerField } from './formats.ts';

export type ImportResultView = z.output<typeof ImportResult>;
export type ImportReportView = ImportResultView['report'];
export type { UploadProgress };

export const importKeys = { history: ['imports'] as const };

export function useImportHistory() {
  return useQuery({ queryKey: importKeys.history, queryFn: ({ signal }) => api('/api/v1/imports', { schema: ImportList, signal }) });
}

export type ImportRequest = {
  format: FormatName;
  files: ChosenFile[];
  dryRun: boolean;
  mapping?: ColumnMapping | null;
  owner?: { field: OwnerField; value: string } | null;
  onProgress?: (progress: UploadProgress) => void;
};

// One multipart request: every file as a "file" part, named by its path inside an export folder.
export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ format, files, dryRun, mapping, owner, onProgress }: ImportRequest) => {
      const form = new FormData();
      for (const { file, path } of files) form.append('file', file, path);
      const query: Record<string, string | undefined> = { format, dryRun: String(dryRun) };
      if (mapping) query.mapping = mappingParam(mapping);
      if (owner && owner.value.trim()) query[owner.field] = owner.value.trim();
      return upload('/api/v1/imports', { form, query, schema: ImportResult, onProgress });
    },
    onSuccess: (result) => {
      if (result.dryRun) return;
      void client.invalidateQueries({ queryKey: importKeys.history });
      // New people, new touches, new duplicates to review: almost everything may have changed.
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      refreshToday(client);
    },
    // The page explains an unreadable file in place, with the server's reason.
    meta: { handles: ['IMPORT_UNREADABLE'] },
  });
}
