import { AppError } from './errors.ts';

// Keyset pagination: the cursor is the sort key of the last row, opaque to clients.
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Cursors end in a row id; a tampered one is a 400, never a database error.
export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string') && uuid.test(String(values.at(-1)))) return values;
  } catch {
    // fall through
  }
  throw new AppError('BAD_CURSOR');
}
