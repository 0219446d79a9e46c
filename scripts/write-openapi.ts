// Writes the OpenAPI document to docs/openapi.json; a test checks that the committed copy is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../src/server/openapi.ts';

const file = join(import.meta.dirname, '..', 'docs', 'openapi.json');
mkdirSync(join(file, '..'), { recursive: true });
writeFileSync(file, JSON.stringify(await openApiDocument(), null, 2) + '\n');
console.log(`Wrote ${file}`);
