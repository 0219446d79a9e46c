import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

type Slot = { at: string; local: string; postIds: string[] };

describe('planner', () => {
  let t: TestApp;
  let browser: Browser;
  let mastodon: { id: string };
  let linkedin: { id: string };
  const clock = fixedClock(new Date('2026-10-15T10:00:00Z'));
  const ids: Record<string, string> = {};
  before(async () => {
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
    await api('PATCH', '/api/v1/workspace', { timezone: 'Europe/Berlin' });
    mastodon = (await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Mastodon', cadencePerWeek: 3, slots: [{ weekday: 1, time: '09:00' }, { weekday: 3, time: '09:00' }, { weekday: 5, time: '09:00' }] })).json();
    linkedin = (await api('POST', '/api/v1/channels', { platform: 'linkedin', name: 'LinkedIn', cadencePerWeek: 1, timezone: 'America/New_York', slots: [{ weekday: 2, time: '08:30' }] })).json();
    const post = async (name: string, payload: object) => { const r = await api('POST', '/api/v1/posts', payload); assert.equal(r.statusCode, 201, r.body); ids[name] = r.json().id; };
    await post('offer1', { pillar: 'offer', body: 'Spring course: four places left.', status: 'scheduled', scheduledAt: '2026-10-21T07:00:00Z', channels: [{ channelId: mastodon.id }] });
    await post('value', { pillar: 'value', body: 'Three questions to ask before you hire a coach.', status: 'scheduled', scheduledAt: '2026-10-22T12:00:00Z', channels: [{ channelId: linkedin.id }] });
    await post('offer2', { pillar: 'offer', body: 'Gift vouchers for the winter workshop.', status: 'scheduled', scheduledAt: '2026-10-23T07:00:00Z', channels: [{ channelId: mastodon.id }] });
    await post('idea', { pillar: 'personality', body: 'Why I started this business' });
  });
  after(() => t.close());

  function api(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: browser.headers, payload });
  }

  test('a week: posts in their channel\'s slots, off-slot posts, ideas aside, and the mix guard', async () => {
    const response = await api('GET', '/api/v1/planner?date=2026-10-21');
    assert.equal(response.statusCode, 200, response.body);
    const week = response.json();
    assert.deepEqual([week.from, week.to, week.timezone], ['2026-10-19', '2026-10-25', 'Europe/Berlin']);
    const m = week.channels.find((c: { id: string }) => c.id === mastodon.id);
    assert.deepEqual(m.slots.map((s: Slot) => [s.at, s.local, s.postIds]), [
      ['2026-10-19T07:00:00.000Z', '2026-10-19T09:00', []],
      ['2026-10-21T07:00:00.000Z', '2026-10-21T09:00', [ids.offer1]],
      ['2026-10-23T07:00:00.000Z', '2026-10-23T09:00', [ids.offer2]],
    ]);
    const l = week.channels.find((c: { id: string }) => c.id === linkedin.id);
    assert.deepEqual(l.slots.map((s: Slot) => [s.at, s.local]), [['2026-10-20T12:30:00.000Z', '2026-10-20T08:30']], 'New York\'s 8:30 in its own zone');
    assert.deepEqual(l.offSlot, [ids.value]);
    assert.deepEqual(week.posts.map((p: { id: string }) => p.id), [ids.offer1, ids.value, ids.offer2]);
    assert.deepEqual(week.unscheduled.map((p: { id: string }) => p.id), [ids.idea]);

    const [mix] = week.mix;
    assert.equal(mix.weekFrom, '2026-10-19');
    assert.deepEqual(mix.warnings.map((w: { code: string }) => w.code), ['PILLAR_OVER', 'OFFERS_IN_A_ROW', 'CADENCE_SHORT']);
    assert.match(mix.warnings[0].message.en, /^2 of 3 posts this week are offer posts \(67%\); the aim is at most 20%/);
    assert.deepEqual(mix.warnings[1].postIds, [ids.offer1, ids.offer2]);
    const cadence = mix.cadence.find((c: { channelId: string }) => c.channelId === mastodon.id);
    assert.deepEqual([cadence.goal, cadence.planned, cadence.missing, cadence.openSlots], [3, 2, 1, ['2026-10-19T07:00:00.000Z']]);
    assert.ok(week.observances.some((o: { key: string; date: string }) => o.key === 'united-nations-day' && o.date === '2026-10-24'));
  });

  test('9:00 stays 9:00 across the end of summer time, and a slot in the spring gap moves forward with the clock', async () => {
    const after = (await api('GET', '/api/v1/planner?date=2026-10-28')).json();
    const m = after.channels.find((c: { id: string }) => c.id === mastodon.id);
    assert.deepEqual(m.slots.map((s: Slot) => [s.at, s.local]), [
      ['2026-10-26T08:00:00.000Z', '2026-10-26T09:00'],
      ['2026-10-28T08:00:00.000Z', '2026-10-28T09:00'],
      ['2026-10-30T08:00:00.000Z', '2026-10-30T09:00'],
    ]);
    const sunday = (await api('POST', '/api/v1/channels', { platform: 'bluesky', name: 'Bluesky', slots: [{ weekday: 7, time: '02:30' }, { weekday: 6, time: '02:30' }] })).json();
    const spring = (await api('GET', '/api/v1/planner?date=2026-03-25')).json();
    const b = spring.channels.find((c: { id: string }) => c.id === sunday.id);
    assert.deepEqual(b.slots.map((s: Slot) => [s.at, s.local]), [
      ['2026-03-28T01:30:00.000Z', '2026-03-28T02:30'],
      ['2026-03-29T01:30:00.000Z', '2026-03-29T03:30'],
    ]);
  });

  test('a month is its calendar grid of whole weeks, with a mix per week and the region\'s holidays', async () => {
    const saved = await api('PUT', '/api/v1/planner/settings', { country: 'DE', region: 'BY', pillarTargets: { offer: { max: 0.5 }, value: { min: 0.2 } } });
    assert.equal(saved.statusCode, 200, saved.body);
    const month = (await api('GET', '/api/v1/planner?view=month&date=2026-10-10')).json();
    assert.deepEqual([month.from, month.to], ['2026-09-28', '2026-11-01']);
    assert.deepEqual(month.mix.map((m: { weekFrom: string }) => m.weekFrom), ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
    const third = month.mix[3];
    assert.equal(third.pillars.find((p: { pillar: string }) => p.pillar === 'offer').state, 'over');
    const holidays = month.observances.filter((o: { kind: string }) => o.kind === 'holiday').map((o: { date: string; name: { de: string } }) => `${o.date} ${o.name.de}`);
    assert.deepEqual(holidays, ['2026-10-03 Tag der Deutschen Einheit', '2026-11-01 Allerheiligen']);
    const m = month.channels.find((c: { id: string }) => c.id === mastodon.id);
    assert.equal(m.slots.length, 15);
  });

  test('the meetups you host are on the same calendar, each in its week', async () => {
    const created = await api('POST', '/api/v1/events', {
      title: 'Founders meetup', description: '', rrule: 'FREQ=WEEKLY;BYDAY=TH', timezone: 'Europe/Berlin', localStart: '2026-10-22T19:00',
      durationMinutes: 120, capacity: 20, venue: 'Café', address: null,
    });
    assert.equal(created.statusCode, 201, created.body);
    const week = (await api('GET', '/api/v1/planner?date=2026-10-21')).json();
    assert.deepEqual(week.meetups.map((m: { title: string; startsAt: string; placesLeft: number }) => [m.title, m.startsAt, m.placesLeft]),
      [['Founders meetup', '2026-10-22T17:00:00.000Z', 20]]);
    const next = (await api('GET', '/api/v1/planner?date=2026-10-28')).json();
    assert.deepEqual(next.meetups.map((m: { startsAt: string }) => m.startsAt), ['2026-10-29T18:00:00.000Z'], 'after the clocks change, 19:00 in Berlin is 18:00 UTC');
  });

  test('settings and observances refuse what they cannot know, with the field', async () => {
    const region = await api('PUT', '/api/v1/planner/settings', { country: 'DE', region: 'XX' });
    assert.equal(region.statusCode, 422);
    assert.equal(region.json().code, 'UNKNOWN_REGION');
    assert.equal(region.json().errors[0].path, 'body.region');
    const minMax = await api('PUT', '/api/v1/planner/settings', { country: null, pillarTargets: { offer: { min: 0.5, max: 0.2 } } });
    assert.equal(minMax.json().errors[0].path, 'body.pillarTargets.offer.min');
    assert.equal((await api('GET', '/api/v1/planner/settings')).json().region, 'BY', 'nothing half-written');
    const long = await api('GET', '/api/v1/observances?from=2026-01-01&to=2028-01-01');
    assert.equal(long.statusCode, 400);
    assert.equal(long.json().errors[0].path, 'querystring.to');
    const bad = await api('GET', '/api/v1/observances?from=2026-02-30&to=2026-03-01');
    assert.equal(bad.statusCode, 400);
    const list = (await api('GET', '/api/v1/observances?from=2026-06-01&to=2026-06-30')).json().items;
    const wellness = list.find((o: { key: string }) => o.key === 'global-wellness-day');
    assert.deepEqual([wellness.date, wellness.rule.en, wellness.rule.de], ['2026-06-13', 'second Saturday of June', 'zweiter Samstag im Juni']);
    assert.equal(list.find((o: { name: { de: string } }) => o.name.de === 'Fronleichnam').date, '2026-06-04');
  });
});
