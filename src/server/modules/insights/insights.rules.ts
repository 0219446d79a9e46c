// The arithmetic of the insights, as plain functions of what the repository counted.

// Below this many posts a group's rate says little: the page says "too few posts to tell".
export const minPosts = 5;

// The smoothed rate is the mean of a beta-binomial posterior. Prior: Beta(m·μ, m·(1−μ)) where
// μ is the workspace's own rate over every post in the period (empirical Bayes: the prior comes
// from the data) and m, its weight, is worth `minPosts` posts. With five pillars or seven weekdays
// there are too few groups to estimate m from the spread between them (the method of moments swings
// between 0 and infinity on such samples), so it is fixed at the threshold below which we say
// "too few to tell": a group of 5 posts lands halfway between its own rate and the average.
//   smoothed = (successes + m·μ) / (posts + m)
export const priorPosts = minPosts;

export function smoothedRate(successes: number, posts: number, average: number, weight = priorPosts): number {
  return (successes + weight * average) / (posts + weight);
}

export type Outcomes = { conversations: number; calls: number; meetings: number };
export type RateRow = Outcomes & { posts: number; postsWithOutcome: number; rawRate: number; smoothedRate: number; tooFewToTell: boolean };

const led = (o: Outcomes) => o.conversations + o.calls + o.meetings > 0;

// Posts grouped by a key: counts, how many led to a conversation, call or meeting, and the rates.
export function rateRows<K>(items: (Outcomes & { key: K })[], keys: readonly K[], average: number): (RateRow & { key: K })[] {
  return keys.map((key) => {
    const mine = items.filter((i) => i.key === key);
    const sum = (pick: (o: Outcomes) => number) => mine.reduce((s, o) => s + pick(o), 0);
    const posts = mine.length;
    const postsWithOutcome = mine.filter(led).length;
    return {
      key, posts, conversations: sum((o) => o.conversations), calls: sum((o) => o.calls), meetings: sum((o) => o.meetings), postsWithOutcome,
      rawRate: posts ? postsWithOutcome / posts : 0,
      smoothedRate: smoothedRate(postsWithOutcome, posts, average),
      tooFewToTell: posts < minPosts,
    };
  });
}

export function averageRate(posts: Outcomes[]): number {
  return posts.length ? posts.filter(led).length / posts.length : 0;
}

export function perHour(count: number, minutes: number): number | null {
  return minutes > 0 ? round(count / (minutes / 60), 2) : null;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// The first of this month at midnight in `zone`, as an instant.
export function monthStart(now: Date, zone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  // Midnight local = midnight UTC minus the zone's offset at that moment (found in two steps for DST).
  const guess = Date.UTC(year, month - 1, 1);
  const offset = (at: number) => {
    const p = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at));
    const get = (type: string) => Number(p.find((x) => x.type === type)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}
