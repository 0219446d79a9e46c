import type { CoachMessage } from './coach.rules.ts';
import type { PillarTargets } from './posts.table.ts';

// The mix guard: a week's pillars against their targets, offers back to back on one channel,
// and each channel's cadence goal with the open slots that could fill it. Advice, never a block.
export const pillarList = ['value', 'personality', 'community', 'offer', 'event'] as const;
type Pillar = (typeof pillarList)[number];
export const defaultPillarTargets: PillarTargets = { offer: { max: 0.2 } };

export type MixPost = { id: string; pillar: Pillar; scheduledAt: Date; channelIds: string[] };
export type MixChannel = { id: string; name: string; cadencePerWeek: number; slots: Date[] };
export type MixWarning = { code: 'PILLAR_OVER' | 'PILLAR_UNDER' | 'OFFERS_IN_A_ROW' | 'CADENCE_SHORT'; channelId: string | null; postIds: string[]; message: CoachMessage };

const names: Record<Pillar, CoachMessage> = {
  value: { en: 'value', de: 'Mehrwert' }, personality: { en: 'personality', de: 'Persönlichkeits' }, community: { en: 'community', de: 'Gemeinschafts' },
  offer: { en: 'offer', de: 'Angebots' }, event: { en: 'event', de: 'Veranstaltungs' },
};
const pct = (n: number) => `${Math.round(n * 100)}%`;

export function mixGuard({ posts, channels, targets, now }: { posts: MixPost[]; channels: MixChannel[]; targets: PillarTargets; now: Date }) {
  const warnings: MixWarning[] = [];
  const total = posts.length;
  const pillars = pillarList.map((pillar) => {
    const count = posts.filter((p) => p.pillar === pillar).length;
    const share = total ? count / total : 0;
    const { min = null, max = null } = targets[pillar] ?? {};
    const state: 'ok' | 'over' | 'under' = total && max !== null && share > max ? 'over' : total && min !== null && share < min ? 'under' : 'ok';
    if (state === 'over') {
      warnings.push({ code: 'PILLAR_OVER', channelId: null, postIds: posts.filter((p) => p.pillar === pillar).map((p) => p.id), message: {
        en: `${count} of ${total} posts this week are ${names[pillar].en} posts (${pct(share)}); the aim is at most ${pct(max!)}. Give something first: a tip, a story, a thank-you.`,
        de: `${count} von ${total} Beiträgen dieser Woche sind ${names[pillar].de}-Beiträge (${pct(share)}); das Ziel ist höchstens ${pct(max!)}. Gib zuerst etwas: einen Tipp, eine Geschichte, ein Dankeschön.`,
      } });
    }
    if (state === 'under') {
      warnings.push({ code: 'PILLAR_UNDER', channelId: null, postIds: [], message: {
        en: `${count} of ${total} posts this week are ${names[pillar].en} posts (${pct(share)}); the aim is at least ${pct(min!)}.`,
        de: `${count} von ${total} Beiträgen dieser Woche sind ${names[pillar].de}-Beiträge (${pct(share)}); das Ziel ist mindestens ${pct(min!)}.`,
      } });
    }
    return { pillar, count, share, min, max, state };
  });

  const cadence = channels.map((channel) => {
    const mine = posts.filter((p) => p.channelIds.includes(channel.id)).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
    for (let i = 1; i < mine.length; i++) {
      if (mine[i - 1]!.pillar === 'offer' && mine[i]!.pillar === 'offer') {
        warnings.push({ code: 'OFFERS_IN_A_ROW', channelId: channel.id, postIds: [mine[i - 1]!.id, mine[i]!.id], message: {
          en: `Two offers in a row on ${channel.name}. Put something that gives between them, so people do not scroll past a sales stream.`,
          de: `Zwei Angebote hintereinander auf ${channel.name}. Setz etwas dazwischen, das etwas gibt – sonst wirkt der Kanal wie ein Verkaufsstand.`,
        } });
      }
    }
    const taken = new Set(mine.map((p) => p.scheduledAt.getTime()));
    const openSlots = channel.slots.filter((s) => s > now && !taken.has(s.getTime()));
    const missing = Math.max(0, channel.cadencePerWeek - mine.length);
    if (missing > 0) {
      warnings.push({ code: 'CADENCE_SHORT', channelId: channel.id, postIds: [], message: {
        en: `${channel.name}: ${mine.length} of ${channel.cadencePerWeek} posts planned this week; ${missing} to go${openSlots.length ? `, ${openSlots.length} open slot${openSlots.length === 1 ? '' : 's'} left` : ', and no open slot left'}.`,
        de: `${channel.name}: ${mine.length} von ${channel.cadencePerWeek} Beiträgen diese Woche geplant; ${missing} fehlen${openSlots.length ? `, ${openSlots.length} freie${openSlots.length === 1 ? 'r' : ''} Termin${openSlots.length === 1 ? '' : 'e'} übrig` : ', und kein freier Termin mehr'}.`,
      } });
    }
    return { channelId: channel.id, goal: channel.cadencePerWeek, planned: mine.length, missing, openSlots };
  });

  return { total, pillars, cadence, warnings };
}
