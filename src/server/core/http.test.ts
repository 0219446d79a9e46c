import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { webDist } from '../web.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../test/helpers.ts';

describe('HTTP basics', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  test('GET /health reports the database', async () => {
    const response = await t.app.inject({ url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().database.ok, true);
  });

  test('responses carry a strict CSP and security headers', async () => {
    const response = await t.app.inject({ url: '/health' });
    const csp = response.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  });

  test('only the web app\'s page carries CSP nonces: its own on each response, in the page and in the header', { skip: !existsSync(join(webDist, 'index.html')) && 'the web app is not built' }, async () => {
    const noncesOf = (csp: string) => [...csp.matchAll(/'nonce-([0-9a-f]+)'/g)].map((m) => m[1]);
    assert.deepEqual(noncesOf(String((await t.app.inject({ url: '/health' })).headers['content-security-policy'])), []);
    const pages = await Promise.all([1, 2].map(() => t.app.inject({ url: '/app/', headers: { accept: 'text/html' } })));
    const styles = pages.map((page) => {
      assert.equal(page.statusCode, 200);
      const [script, style] = noncesOf(String(page.headers['content-security-policy']));
      assert.ok(script && style);
      assert.match(page.body, new RegExp(`<meta name="csp-nonce" content="${style}"`));
      return style;
    });
    assert.notEqual(styles[0], styles[1]);
  });

  test('a path parameter past the router\'s length limit and a broken percent-escape are problem+json 400s', async () => {
    for (const url of [`/api/v1/people/${'a'.repeat(400)}`, '/api/v1/people/%E0%A4%A']) {
      const response = await t.app.inject({ url, headers: browser.headers });
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.json().code, 'BAD_REQUEST');
    }
  });

  test('a NUL character in a path, a query or a body is a 400 naming where, on API routes and public forms alike', async () => {
    const inPath = await t.app.inject({ method: 'POST', url: '/e/%00/register', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Sam&email=sam%40example.org' });
    assert.equal(inPath.statusCode, 400);
    assert.equal(inPath.json().errors[0].path, 'params.slug');
    const inBody = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: browser.headers, payload: { name: 'Sam', notes: 'a\u0000b' } });
    assert.equal(inBody.statusCode, 400);
    assert.equal(inBody.json().errors[0].path, 'body.notes');
    const inQuery = await t.app.inject({ url: '/api/v1/people?q=%00', headers: browser.headers });
    assert.equal(inQuery.json().errors[0].path, 'querystring.q');
  });

  test('malformed JSON, a wrong content type and an oversized body are 4xx problems, never 500s', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: { ...browser.headers, 'content-type': 'application/json' }, payload: '{"name":' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, 'BAD_REQUEST');

    // A cross-site HTML form cannot post to the API: only JSON is accepted there.
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: { ...browser.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Form' });
    assert.equal(form.statusCode, 415);
    assert.equal(form.json().code, 'UNSUPPORTED_MEDIA_TYPE');

    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: browser.headers, payload: { name: 'x', notes: 'y'.repeat(2 * 1024 * 1024) } });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.headers['content-type'] as string, /application\/problem\+json/);
  });

  test('an unknown page is a styled 404 in the visitor\'s language, escaping what they typed', async () => {
    const german = await t.app.inject({ url: '/nirgends', headers: { accept: 'text/html', 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' } });
    assert.equal(german.statusCode, 404);
    assert.match(german.body, /<html lang="de">/);
    assert.match(german.body, /Seite nicht gefunden/);
    assert.match(german.body, /public\.css/);

    const english = await t.app.inject({ url: '/%3Cscript%3Ealert(1)%3C/script%3E', headers: { accept: 'text/html', 'accept-language': 'fr, en;q=0.8' } });
    assert.match(english.body, /Page not found/);
    assert.doesNotMatch(english.body, /<script>/);

    const api = await t.app.inject({ url: '/nirgends' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().code, 'ROUTE_NOT_FOUND');
  });

  test('the OpenAPI document and its browsable reference are served', async () => {
    const document = await t.app.inject({ url: '/api/openapi.json' });
    assert.equal(document.json().openapi, '3.1.0');
    assert.ok(document.json().paths['/api/v1/people']);
    const docs = await t.app.inject({ url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });
});
