import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTestApp } from '../../test/helpers.ts';
import { openApiDocument } from './openapi.ts';

test('the committed docs/openapi.json is current (run `npm run openapi` after changing a route)', async () => {
  const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(await openApiDocument())));
});

test('every /api/v1 route in the app\'s route table is described in the OpenAPI document', async () => {
  const t = await makeTestApp();
  try {
    const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const api = t.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
    assert.ok(api.length >= 20);
    for (const route of api) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is not documented`);
    }
  } finally {
    await t.close();
  }
});
