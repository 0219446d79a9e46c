import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemo } from '../../../cli/demo.ts';
import { makeTestApp, owner, type TestApp } from '../../../../test/helpers.ts';

describe('backup round trip', () => {
  let source: TestApp;
  let target: TestApp;
  before(async () => {
    source = await makeTestApp();
    target = await makeTestApp();
  });
  after(async () => {
    await source.close();
    await target.close();
  });

  test('export, restore into a fresh instance, export again: the same content', async () => {
    const s = source.services;
    await createDemo(s, { people: 30, now: new Date('2026-11-20T12:00:00Z'), email: owner.email, password: owner.password });
    const auth = await s.auth.ownerAuth();
    const [a, b] = (await s.people.list(auth, { limit: 2 })).items;
    await s.nudges.plan(auth, { personId: a!.id, kind: 'coffee', startsAt: new Date('2026-12-01T10:00:00Z'), durationMinutes: 30, place: 'Café', note: null });
    await s.nudges.updateSettings(auth, { tagCadences: { family: 14 } });
    await s.people.dismissDuplicate(auth, a!.id, b!.id);
    await s.imports.run(auth, { format: 'vcard', dryRun: false, uploads: [{ filename: 'x.vcf', content: Buffer.from('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Vera Card\r\nEMAIL:vera@example.org\r\nEND:VCARD\r\n') }] });

    await s.consent.record(auth.workspaceId, { email: 'fan@example.org', purpose: 'newsletter', action: 'confirm', basis: 'express', method: 'form', wording: 'Yes, email me.' });
    await s.consent.suppress(auth.workspaceId, 'gone@example.org', 'bounced');
    await s.focus.start(auth, { channels: ['mastodon', 'linkedin'], minutes: 15 });
    await s.focus.setBudget(auth, { scope: 'workspace', channels: [{ channel: 'mastodon', minutesPerWeek: 60, minutesPerPost: 15 }] });
    await s.focus.reflect(auth, (await s.focus.week(auth)).week, { timeSpent: 3, pressure: 2, overCommitment: 4, phoneDown: 5 });
    const event = await s.events.createSeries(auth, { title: 'Meetup', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2030-01-10T19:00', durationMinutes: 120, capacity: 1, venue: null, address: null, onlineUrl: null, isPublic: true });
    const rsvp = (name: string) => ({ name, email: `${name.toLowerCase()}@example.org`, source: null, consent: false, locale: 'en' as const, ip: null, userAgent: null });
    const slug = event.occurrences[0]!.slug;
    await s.registrations.register(slug, rsvp('Ann'));
    await s.registrations.register(slug, rsvp('Bob'));
    const workspace = await s.workspaces.get(auth);
    await s.questions.ask({ id: workspace.id, name: workspace.name }, { name: 'Quinn', email: 'quinn@example.org', question: 'Do you coach teams?', newsletter: false, locale: 'en', ip: null, userAgent: null });
    const broadcast = await s.broadcasts.create(auth, { subject: 'News', body: 'Hello', segment: { purpose: 'newsletter', tags: [], minLadderStep: null, attendedOccurrenceIds: [] } });
    await s.broadcasts.send(auth, broadcast.id, null);
    await s.broadcastSender.run();
    const channel = await s.posts.createChannel(auth, { platform: 'mastodon', name: 'Mastodon', mode: 'api', timezone: 'Europe/Berlin', slots: [{ weekday: 2, time: '09:00' }], cadencePerWeek: 2, account: 'https://social.example/@anna', credentials: { accessToken: 'secret-token-123' } });
    await s.posts.create(auth, { pillar: 'value', body: 'Three questions to ask before a first call', status: 'scheduled', scheduledAt: new Date('2030-01-08T08:00:00Z'), channels: [{ channelId: channel.id, body: null }] });
    await s.planner.saveSettings(auth, { country: 'DE', region: 'BE', pillarTargets: { offer: { max: 0.2 } } });
    const first = await s.backup.export(auth);
    assert.equal(first.events!.registrations.length, 2);
    const sent = (await s.broadcasts.get(auth, broadcast.id)).report!.sent;
    assert.ok(sent >= 1);
    assert.deepEqual([first.audience.questions?.length, first.audience.broadcasts?.length, first.audience.broadcastDeliveries?.length], [1, 1, sent]);
    assert.deepEqual([first.posts?.channels.length, first.posts?.posts.length, first.posts?.targets.length, first.posts?.settings.length], [1, 1, 1, 1]);
    // Account tokens never leave in a backup, neither as text nor encrypted.
    assert.equal(first.posts!.channels[0]!.credentials, null);
    assert.doesNotMatch(JSON.stringify(first), /secret-token-123/);
    // Fan's newsletter consent, and Quinn's question as implied consent.
    assert.equal(first.audience.consentRecords.length, 2);
    assert.deepEqual([first.focus?.sessions.length, first.focus?.budgets.length, first.focus?.reflections.length], [1, 1, 1]);
    assert.equal(first.people.people.length, 34, 'the demo, Vera, the two who registered and Quinn who asked');
    const restored = await target.services.backup.restore(JSON.parse(JSON.stringify(first)));
    assert.equal(restored.people, 34);

    const second = await target.services.backup.export(await target.services.auth.ownerAuth());
    assert.deepEqual({ ...second, exportedAt: null }, { ...first, exportedAt: null });

    assert.equal(await target.services.consent.canMail(restored.workspaceId, 'fan@example.org', 'newsletter'), true);
    assert.equal(await target.services.consent.isSuppressed(restored.workspaceId, 'gone@example.org'), true);
    // The sent broadcast keeps its report; the question waits in the inbox; the post is still scheduled.
    const targetAuth = await target.services.auth.ownerAuth();
    assert.equal((await target.services.broadcasts.get(targetAuth, broadcast.id)).report?.sent, sent);
    assert.equal((await target.services.questions.list(targetAuth, 'open'))[0]?.body, 'Do you coach teams?');
    assert.equal((await target.services.posts.list(targetAuth, { status: 'scheduled' })).length, 1);
    // The waitlist goes on where it was: a new registration queues after the restored ones.
    const cat = await target.services.registrations.register(slug, rsvp('Cat'));
    assert.deepEqual([cat.status, cat.position], ['waitlisted', 2]);
    // The restored owner signs in with the same password.
    const login = await target.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } });
    assert.equal(login.statusCode, 200);
  });

  test('a backup goes only into a fresh instance; a file that is not a backup is refused clearly', async () => {
    const auth = await source.services.auth.ownerAuth();
    const file = await source.services.backup.export(auth);
    await assert.rejects(target.services.backup.restore(file), (error: Error & { code?: string }) => error.code === 'SETUP_DONE');
    await assert.rejects(target.services.backup.restore({ format: 'something-else' }), /not an Onland backup/);
  });

  test('the owner downloads the backup as a JSON attachment', async () => {
    const login = await source.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } });
    const cookie = login.cookies.find((c) => c.name === 'onland_session')!.value;
    const response = await source.app.inject({ url: '/api/v1/export/backup', headers: { cookie: `onland_session=${cookie}` } });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-disposition'] as string, /attachment; filename="onland-backup-green-door-coaching-demo-/);
    assert.equal(response.json().format, 'onland-backup');
  });
});
