import { createInterface } from 'node:readline/promises';
import type { Services } from '../server/app.ts';
import { isAppError } from '../server/core/errors.ts';
import { focusChannels, focusPhases, scaledPlan, sessionState, type FocusChannel, type FocusPhase } from '../server/modules/focus/index.ts';

type Options = { minutes?: number; seconds?: number; channel: FocusChannel[]; workspace?: string };
type Session = Awaited<ReturnType<Services['focus']['start']>>;

const phaseWords: Record<FocusPhase, string> = { read: 'Read', write: 'Write', reply: 'Reply', leave: 'Leave' };
const barWidth = 30;
const tick = 250;

// `onland focus`: the same session as the web app's timer (the server's record, the same clock),
// drawn as a progress bar per phase. Ctrl-C ends it early and records that.
export async function runFocus(services: Services, options: Options) {
  const auth = await services.auth.ownerAuth(options.workspace);
  // Without --channel: the channels of your weekly budget.
  const channels = options.channel.length ? options.channel : (await services.focus.getBudget(auth)).channels.map((c) => c.channel);
  if (!channels.length) throw new Error(`Name a channel with --channel (${focusChannels.join(', ')}), or set a weekly budget first.`);
  let session: Session;
  try {
    session = await services.focus.start(auth, {
      channels,
      minutes: options.minutes,
      // A session of a few seconds, split like the default, for trying it out (and for tests).
      phaseSeconds: options.seconds ? scaledPlan(options.seconds) : undefined,
    });
    console.log(`Focus on ${session.channels.join(', ')} until ${session.endsAt.toLocaleTimeString()}. Ctrl-C ends it early.`);
  } catch (error) {
    // One session at a time: follow the one already running (started in the browser, say).
    if (!isAppError(error) || error.code !== 'FOCUS_RUNNING') throw error;
    session = (await services.focus.current(auth))!;
    console.log(`Following the session started at ${session.startedAt.toLocaleTimeString()} on ${session.channels.join(', ')}. Ctrl-C ends it early.`);
  }

  const interactive = Boolean(process.stdout.isTTY);
  let endedEarly = false;
  const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => { endedEarly = true; resolve(); }));
  const times = { startedAt: session.startedAt, plan: session.plannedSeconds, endedAt: null };

  let current = 0; // phases before this one are drawn as done
  for (;;) {
    const state = sessionState(times, new Date());
    for (; current < state.phaseIndex; current++) {
      if (session.plannedSeconds[focusPhases[current]!] > 0) writeBar(focusPhases[current]!, 1, 0, interactive, true);
    }
    if (!state.running) break;
    const phaseLength = session.plannedSeconds[state.phase!];
    writeBar(state.phase!, 1 - state.secondsLeftInPhase / phaseLength, state.secondsLeftInPhase, interactive, false);
    const wait = new Promise((resolve) => setTimeout(resolve, Math.min(tick, state.phaseEndsAt!.getTime() - Date.now() + 5)));
    await Promise.race([wait, interrupted]);
    if (endedEarly) break;
  }
  process.removeAllListeners('SIGINT');

  const ended = endedEarly ? await services.focus.end(auth, session.id) : await services.focus.get(auth, session.id);
  if (interactive && endedEarly) process.stdout.write('\n');
  const spent = focusPhases.map((p) => `${p} ${clock(ended.actualSeconds[p])}`).join(', ');
  console.log(ended.endedEarly ? `Ended early (${spent}).` : `Ended on time (${spent}). Put the phone down.`);
  await printWeek(services, auth);
  if (!ended.endedEarly) await askWhoToCall(services, auth, session.id, interactive);
}

function writeBar(phase: FocusPhase, done: number, secondsLeft: number, interactive: boolean, finished: boolean) {
  const filled = Math.round(Math.max(0, Math.min(1, done)) * barWidth);
  const line = `${phaseWords[phase].padEnd(6)} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${finished ? 'done ' : clock(secondsLeft).padStart(5)}`;
  if (interactive) process.stdout.write(`\r${line}${finished ? '\n' : ''}`);
  // Without a terminal (a pipe, a log), one line per phase as it starts and ends.
  else if (finished) console.log(line);
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

async function printWeek(services: Services, auth: Awaited<ReturnType<Services['auth']['ownerAuth']>>) {
  const week = await services.focus.week(auth);
  console.log(`This week (from ${week.week}):`);
  for (const c of week.channels) {
    console.log(`  ${c.channel.padEnd(10)} ${String(c.usedMinutes).padStart(4)} min spent${c.minutesPerWeek ? `, ${c.leftMinutes} of ${c.minutesPerWeek} left` : ''}${c.overCommitted ? ` — your goal needs ${c.neededMinutes} min: over-committed` : ''}`);
  }
  if (!week.channels.length) console.log('  no time spent, no budget set');
}

// The leave phase asks who to call; in a terminal, the numbers typed become planned calls for tomorrow.
async function askWhoToCall(services: Services, auth: Awaited<ReturnType<Services['auth']['ownerAuth']>>, sessionId: string, interactive: boolean) {
  const today = await services.nudges.today(auth);
  const candidates = today.sections.flatMap((s) => s.nudges).filter((n, i, all) => all.findIndex((m) => m.personId === n.personId) === i).slice(0, 9);
  if (!candidates.length) return;
  console.log('Who to call?');
  candidates.forEach((n, i) => console.log(`  ${i + 1}. ${n.personName} — ${n.reason}`));
  if (!interactive || !process.stdin.isTTY) return;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Numbers to plan a call with tomorrow (e.g. 1,3), Enter for none: ');
  prompt.close();
  const chosen = [...new Set(answer.split(/[\s,]+/).map(Number).filter((n) => n >= 1 && n <= candidates.length))].map((n) => candidates[n - 1]!.personId);
  if (!chosen.length) return;
  const planned = await services.focus.planCalls(auth, sessionId, { personIds: chosen });
  for (const call of planned.items) console.log(`  Call ${call.personName}: ${call.startsAt.toLocaleString()}`);
}
