import type { LightMyRequestResponse } from 'fastify';
import type { Browser, TestApp } from './helpers.ts';
import { browserFrom, setupOwner } from './helpers.ts';
import { deliverQueuedMail } from '../src/server/mail/index.ts';

// Shared by the security suites: a workspace with data of every kind, made through the API as a user would.

export type Send = (method: string, url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

export function sender(t: TestApp, headers: Record<string, string>): Send {
  return (method, url, payload) => t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

// A second (third…) workspace on the same instance, with an owner signed in through an invitation.
export async function addWorkspace(t: TestApp, name: string, email: string): Promise<Browser> {
  const workspace = await t.database.db.transaction((tx) => t.services.workspaces.create({ name, timezone: 'Europe/Berlin' }, tx));
  const founder = { workspaceId: workspace.id, userId: '00000000-0000-4000-8000-0000000000f0', role: 'owner' as const, via: 'token' as const };
  const invitation = await t.services.auth.createInvitation(founder, { role: 'owner' });
  return acceptInvitation(t, invitation.url, email, `${name} owner`);
}

export async function acceptInvitation(t: TestApp, url: string, email: string, name = 'Member'): Promise<Browser> {
  const token = url.split('/invite/')[1];
  const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name, email, password: 'long enough password' } });
  if (accepted.statusCode !== 201) throw new Error(`accept failed: ${accepted.body}`);
  return browserFrom(accepted);
}

// A member with the given role in the browser's workspace.
export async function addMember(t: TestApp, owner: Browser, role: 'viewer' | 'editor' | 'owner', email: string): Promise<Browser> {
  const invitation = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: owner.headers, payload: { role } });
  if (invitation.statusCode !== 201) throw new Error(`invitation failed: ${invitation.body}`);
  return acceptInvitation(t, invitation.json().url, email, `${role} member`);
}

export { setupOwner };

// The ids of one workspace's records, by kind; every text carries `marker` so a leak is found by searching for it.
export type Seeded = {
  workspaceSlug: string;
  ids: Record<string, string>;
};

async function ok(response: Awaited<ReturnType<Send>>, what: string) {
  if (response.statusCode >= 300) throw new Error(`seeding ${what} failed: ${response.statusCode} ${response.body}`);
  return response.statusCode === 204 ? null : response.json();
}

// Everything a workspace holds, so each route with an id has something to point at.
export async function seedWorkspace(t: TestApp, send: Send, marker: string, texts: { name?: string; note?: string } = {}): Promise<Seeded> {
  const lower = marker.toLowerCase();
  const name = texts.name ?? `${marker} Person`;
  const note = texts.note ?? `${marker} notes`;
  const workspace = await ok(await send('GET', '/api/v1/workspace'), 'workspace');
  const session = await ok(await send('GET', '/api/v1/auth/session'), 'session');
  const person = await ok(await send('POST', '/api/v1/people', {
    name, emails: [`${lower}.one@example.org`], tags: [`${lower}-tag`], notes: note, organisation: `${marker} Ltd`,
    handles: [{ platform: 'mastodon', handle: `@${lower}@social.example` }],
  }), 'person');
  const other = await ok(await send('POST', '/api/v1/people', { name: `${marker} Other`, emails: [`${lower}.two@example.org`], introducedById: person.id, notes: note }), 'second person');
  const interaction = await ok(await send('POST', `/api/v1/people/${person.id}/interactions`, { channel: 'email', kind: 'email', direction: 'in', occurredAt: '2026-02-20T10:00:00Z', note }), 'interaction');
  const plan = await ok(await send('POST', '/api/v1/plans', { personId: person.id, kind: 'coffee', startsAt: '2026-03-10T10:00:00Z', place: `${marker} Café`, note }), 'plan');
  const channel = await ok(await send('POST', '/api/v1/channels', { platform: 'mastodon', name: `${marker} Mastodon`, mode: 'api', account: `https://social.example/@${lower}`, credentials: { accessToken: `${lower}-secret-access-token` } }), 'channel');
  const manual = await ok(await send('POST', '/api/v1/channels', { platform: 'linkedin', name: `${marker} LinkedIn`, mode: 'manual' }), 'manual channel');
  const post = await ok(await send('POST', '/api/v1/posts', { pillar: 'value', body: `${marker} post body`, status: 'scheduled', scheduledAt: '2026-03-05T09:00:00Z', channels: [{ channelId: manual.id }, { channelId: channel.id }] }), 'post');
  const series = await ok(await send('POST', '/api/v1/events', {
    title: `${marker} meetup`, description: `${marker} description`, rrule: null, timezone: 'Europe/Berlin', localStart: '2026-03-12T19:00',
    durationMinutes: 120, capacity: 1, venue: `${marker} venue`, address: `${marker} street 1`,
  }), 'event');
  const occurrence = series.occurrences[0];
  const register = async (guest: string) => t.app.inject({
    method: 'POST', url: `/e/${occurrence.slug}/register`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `name=${encodeURIComponent(`${marker} ${guest}`)}&email=${encodeURIComponent(`${lower}.${guest}@example.org`)}`,
  });
  for (const guest of ['guest', 'waiting']) {
    const response = await register(guest);
    if (response.statusCode >= 400) throw new Error(`registration failed: ${response.statusCode}`);
  }
  const groups = await ok(await send('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations`), 'registrations');
  const registration = groups.confirmed[0];
  const broadcast = await ok(await send('POST', '/api/v1/broadcasts', { subject: `${marker} news`, body: `${marker} broadcast body`, segment: { purpose: 'newsletter' } }), 'broadcast');
  await ok(await send('POST', '/api/v1/consent/in-person', { email: `${lower}.one@example.org`, purpose: 'newsletter', wording: `${marker} wording` }), 'consent');
  await ok(await send('POST', `/api/v1/broadcasts/${broadcast.id}/test`), 'test mail');
  await t.services.questions.ask({ id: workspace.id, name: workspace.name }, { name: `${marker} Asker`, email: `${lower}.asker@example.org`, question: `${marker} question text`, newsletter: false, locale: 'en', ip: null, userAgent: null });
  const questions = await ok(await send('GET', '/api/v1/questions?status=open'), 'questions');
  const focus = await ok(await send('POST', '/api/v1/focus/sessions', { channels: ['mastodon'] }), 'focus session');
  await ok(await send('POST', `/api/v1/focus/sessions/${focus.id}/end`), 'end focus');
  await ok(await send('PUT', '/api/v1/focus/reflections/2026-02-23', { timeSpent: 3, pressure: 2, overCommitment: 2, phoneDown: 4 }), 'reflection');
  await deliverQueuedMail(t.database.db, t.services.mailer, () => new Date());
  const members = await ok(await send('GET', '/api/v1/members'), 'members');
  const outbox = await ok(await send('GET', '/api/v1/outbox'), 'outbox');
  return {
    workspaceSlug: workspace.slug,
    ids: {
      workspace: workspace.id, user: session.user.id, member: members.items[0].id, person: person.id, otherPerson: other.id,
      interaction: interaction.id, plan: plan.id, channel: channel.id, manualChannel: manual.id, post: post.id,
      series: series.id, occurrence: occurrence.id, registration: registration.id, broadcast: broadcast.id,
      question: questions.items[0].id, focusSession: focus.id, mail: outbox.items[0]?.id ?? '',
    },
  };
}
