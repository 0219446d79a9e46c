import type { Services } from '../server/app.ts';

const headings: Record<string, string> = { call_or_meet: 'Call or meet', owed: 'Owed', keep_in_touch: 'Keep in touch' };

// `onland today`: the same list as the Today page, as a table (or --json).
export async function printToday(services: Services, options: { workspace?: string; json?: boolean }) {
  const auth = await services.auth.ownerAuth(options.workspace);
  const today = await services.nudges.today(auth);
  if (options.json) {
    console.log(JSON.stringify(today, null, 2));
    return;
  }
  if (today.meetingMode) {
    const what = today.meetingMode.eventTitle ? `Hosting ${today.meetingMode.eventTitle}` : 'In a meeting';
    console.log(`${what} until ${today.meetingMode.until.toLocaleTimeString()}: no nudges until then.\n`);
  }
  if (today.plans.length) {
    console.log('Planned');
    printTable(today.plans.map((p) => [p.startsAt.toLocaleString(), p.kind, p.personName, p.place ?? '']));
    console.log();
  }
  for (const section of today.sections) {
    if (!section.nudges.length) continue;
    console.log(headings[section.key] ?? section.key);
    printTable(section.nudges.map((n) => [n.rule, n.personName, n.reason]));
    console.log();
  }
  if (!today.plans.length && today.sections.every((s) => !s.nudges.length)) console.log('Nobody is waiting on you today.');
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.min(40, Math.max(...rows.map((r) => r[i]!.length))));
  for (const row of rows) console.log('  ' + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}
