import { unzipSync } from 'fflate';
import { AppError } from '../../core/errors.ts';
import type { FormatName, ImportFiles, ImportInput } from './parsers/index.ts';

const maxUnpackedBytes = 512 * 1024 * 1024;
const textFile = /\.(js|json|csv|vcf|car)$/i;

// The file each single-file format takes from a whole export (LinkedIn and Mastodon send zips).
const wanted: Partial<Record<FormatName, RegExp>> = {
  linkedin: /(^|\/)connections\.csv$/i,
  'linkedin-messages': /(^|\/)messages\.csv$/i,
  mastodon: /(^|\/)following_accounts\.csv$/i,
};

// Uploads arrive as one file, one zip, or several files of an unpacked export folder.
export function toImportInput(format: FormatName, uploads: { filename: string; content: Buffer }[]): ImportInput {
  let files: ImportFiles = {};
  for (const upload of uploads) {
    if (/\.zip$/i.test(upload.filename)) Object.assign(files, unzip(upload.content));
    else files[upload.filename] = upload.content;
  }
  const pattern = wanted[format];
  if (pattern) {
    const match = Object.keys(files).filter((path) => pattern.test(path));
    if (match.length === 1) files = { [match[0]!]: files[match[0]!]! };
  }
  const entries = Object.entries(files);
  if (!entries.length) throw new AppError('IMPORT_UNREADABLE', 'The upload holds no file this import can read.');
  return entries.length === 1 && !['x', 'facebook', 'instagram'].includes(format) ? (entries[0]![1] as Buffer) : files;
}

function unzip(content: Buffer): ImportFiles {
  let total = 0;
  try {
    const entries = unzipSync(new Uint8Array(content.buffer, content.byteOffset, content.byteLength), {
      filter: (file) => {
        if (!textFile.test(file.name)) return false;
        total += file.originalSize;
        if (total > maxUnpackedBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'The zip unpacks to more than 512 MB of text files.');
        return true;
      },
    });
    return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes)]));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_UNREADABLE', 'This is not a readable zip file.');
  }
}
