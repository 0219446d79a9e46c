import { columnIndex, createCollector, headerName, isBlankRow, mastodonHandle, readCsvRows, readText, rowReader } from './common.ts';
import { ImportFormatError, type ParseResult } from './types.ts';

export type MastodonOptions = {
  // The export has no dates: each follow is dated by the import (and keeps one external id, so a
  // second import of the same file adds nothing).
  importedAt: Date;
};

// Mastodon's following_accounts.csv: "Account address,Show boosts,Notify on new posts,Languages",
// or, from older servers, one address per line without header. There is no followers export.
export function parseMastodon(input: Buffer | string, options: MastodonOptions): ParseResult {
  if (!(options?.importedAt instanceof Date) || Number.isNaN(options.importedAt.getTime())) {
    throw new TypeError('parseMastodon needs options.importedAt, the date the follows are recorded at');
  }
  const rows = readCsvRows(readText(input)).filter((row) => !isBlankRow(row.cells));
  const first = rows[0]?.cells.map(headerName) ?? [];
  let addresses: { address: string; line: number }[];
  if (first.includes('account address')) {
    if (first.includes('hide notifications') && !first.includes('show boosts')) {
      throw new ImportFormatError('This is Mastodon\'s muted accounts export; import following_accounts.csv ("Follows" in the export page) instead.');
    }
    const index = columnIndex(rows[0]?.cells ?? []);
    addresses = rows.slice(1).map((row) => ({ address: rowReader(index, row.cells)('Account address'), line: row.line }));
  } else if (rows.length > 0 && rows.slice(0, 5).every((row) => mastodonHandle(row.cells[0] ?? ''))) {
    addresses = rows.map((row) => ({ address: (row.cells[0] ?? '').trim(), line: row.line }));
  } else {
    throw new ImportFormatError('This is not a Mastodon following_accounts.csv: no "Account address" header, nor a list of user@server addresses.');
  }

  const out = createCollector();
  for (const { address, line } of addresses) {
    const handle = mastodonHandle(address);
    if (!handle) {
      out.reject(line, address ? `"${address}" is not an account address like user@example.social` : 'No account address');
      continue;
    }
    const key = (handle.url ?? '').toLowerCase();
    out.person({ key, name: handle.handle, emails: [], phones: [], handles: [handle], tags: [], line });
    out.interaction({
      personKey: key,
      channel: 'mastodon',
      kind: 'follow',
      direction: 'out',
      occurredAt: options.importedAt,
      note: null,
      externalId: `mastodon-following:${handle.handle.toLowerCase()}`,
      line,
    });
  }
  return out.result();
}
