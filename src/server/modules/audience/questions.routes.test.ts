import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('"Ask us anything"', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const ask = (body: string) => t.app.inject({ method: 'POST', url: '/ask', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const queued = async () => (await t.database.query(`select message->>'to' as "to", message->>'subject' as subject, message->>'text' as text from mail_queue order by created_at`)).rows as { to: string; subject: string; text: string }[];

  test('a question becomes a person with the question on their timeline, and implied consent for six months', async () => {
    const page = await t.app.inject({ url: '/ask', headers: { 'accept-language': 'de-DE' } });
    assert.match(page.body, /Frag Green Door Coaching, was du willst/);
    assert.match(page.body, /type="checkbox" value="yes">/, 'the newsletter box is not ticked');

    const sent = await ask('name=Ana+Ribeiro&email=ana%40ribeiro.example&question=Do+you+coach+small+teams%3F');
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/ask/thanks');
    const [ana] = (await api('GET', '/api/v1/people?q=ribeiro')).json().items;
    assert.equal(ana.name, 'Ana Ribeiro');
    const timeline = (await api('GET', `/api/v1/people/${ana.id}/interactions`)).json().items;
    assert.equal(timeline[0].kind, 'question');
    assert.equal(timeline[0].note, 'Do you coach small teams?');
    const consent = (await api('GET', '/api/v1/consent?email=ana@ribeiro.example')).json();
    assert.equal(consent.records[0].basis, 'implied');
    assert.equal(consent.records[0].form, 'ask');
    const months = (Date.parse(consent.records[0].expiresAt) - Date.parse(consent.records[0].occurredAt)) / (30.4 * 24 * 3600 * 1000);
    assert.ok(months > 5.9 && months < 6.1);
    assert.equal((await queued()).length, 0, 'no newsletter box, no confirmation email');
  });

  test('the ticked newsletter box asks for express consent by double opt-in', async () => {
    await ask('name=Ben&email=ben%40example.org&question=When+is+the+next+meetup%3F&newsletter=yes');
    const mail = await queued();
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.to, 'ben@example.org');
    assert.match(mail[0]!.subject, /confirm your subscription/);
  });

  test('a member is assigned, answers by email, and the answer joins the timeline; a second answer is refused', async () => {
    const [question] = (await api('GET', '/api/v1/questions')).json().items;
    assert.equal(question.name, 'Ana Ribeiro');
    const me = (await api('GET', '/api/v1/auth/session')).json().user;
    assert.equal((await api('PATCH', `/api/v1/questions/${question.id}`, { assignedTo: me.id })).json().assignedTo, me.id);
    const stranger = await api('PATCH', `/api/v1/questions/${question.id}`, { assignedTo: '00000000-0000-4000-8000-00000000000e' });
    assert.equal(stranger.json().code, 'NOT_FOUND');
    const answered = await api('POST', `/api/v1/questions/${question.id}/answer`, { answer: 'Yes, teams of up to eight.' });
    assert.equal(answered.statusCode, 200);
    assert.ok(answered.json().answeredAt);
    const reply = (await queued()).find((m) => m.to === 'ana@ribeiro.example')!;
    assert.equal(reply.subject, 'Re: your question to Green Door Coaching');
    assert.match(reply.text, /Yes, teams of up to eight\./);
    assert.match(reply.text, /> Do you coach small teams\?/);
    const timeline = (await api('GET', `/api/v1/people/${question.personId}/interactions`)).json().items;
    assert.deepEqual(timeline.map((i: { kind: string }) => i.kind), ['email', 'question']);
    assert.equal((await api('POST', `/api/v1/questions/${question.id}/answer`, { answer: 'Again' })).json().code, 'ALREADY_ANSWERED');
    assert.equal((await api('GET', '/api/v1/questions?status=answered')).json().items.length, 1);
  });

  test('an empty question or a bad address shows the form again with the error and what was typed', async () => {
    const bad = await ask('name=Cleo&email=nope&question=');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Please enter an email address/);
    assert.match(bad.body, /Please write your question/);
    assert.match(bad.body, /value="Cleo"/);
  });

  test('a question of 5,000 characters with line breaks, sent as CRLF by the browser, is taken; one longer is shown again', async () => {
    // The textarea's maxlength counts a line break once, the browser sends two characters (it was a raw 400 problem).
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`).join('\r\n');
    assert.equal(lines.replaceAll('\r\n', '\n').length, 4999);
    const sent = await ask(`name=Dora&email=dora%40example.org&question=${encodeURIComponent(lines)}`);
    assert.equal(sent.statusCode, 303);
    const tooLong = await ask(`name=Dora&email=dora%40example.org&question=${encodeURIComponent(lines + 'xx')}`);
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /under 5,000 characters/);
  });
});
