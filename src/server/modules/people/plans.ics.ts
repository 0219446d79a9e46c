import ical from 'ical-generator';
import type { Plan } from './nudges.contract.ts';

const titles = { call: 'Call', meeting: 'Meet', coffee: 'Coffee with' } as const;

// The private calendar feed of planned touches; the UID is the plan's id, so calendars update in place.
export function plansCalendar(input: { workspaceName: string; timezone: string; plans: Plan[]; publicUrl: string }): string {
  const calendar = ical({ name: `${input.workspaceName}: planned calls and meetings`, prodId: { company: 'Onland', product: 'plans', language: 'EN' }, timezone: null });
  for (const plan of input.plans) {
    calendar.createEvent({
      id: `plan-${plan.id}@onland`,
      start: plan.startsAt,
      end: new Date(plan.startsAt.getTime() + plan.durationMinutes * 60_000),
      summary: `${titles[plan.kind]} ${plan.personName}`,
      description: plan.note ?? undefined,
      location: plan.place ?? undefined,
      url: `${input.publicUrl}/app/people/${plan.personId}`,
    });
  }
  return calendar.toString();
}
