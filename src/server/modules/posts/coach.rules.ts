import { lengthFor, type Platform } from './lengths.ts';

// The post coach: advice with reasons, never a block. Each warning has a stable code and
// English and German words; the person decides.
export type CoachMessage = { en: string; de: string };
export type CoachWarning = { code: CoachCode; channelId: string | null; message: CoachMessage };
export const coachCodes = ['SHOUTING', 'EXCLAMATION_RUN', 'INSULT', 'TOO_MANY_HASHTAGS', 'BARE_LINK', 'OVER_LIMIT', 'NEAR_COPY', 'SALES_PRESSURE'] as const;
export type CoachCode = (typeof coachCodes)[number];

export type CoachTarget = { channelId: string; platform: Platform; channelName: string; text: string };
export type RecentPost = { id: string; body: string; at: Date };
export type CoachInput = { body: string; targets: CoachTarget[]; recent: RecentPost[] };

export const coachThresholds = { capitalsShare: 0.5, minLettersForShouting: 12, maxHashtags: 5, nearCopy: 0.6, shingle: 3, salesPhrases: 2 } as const;

const urlPattern = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;
const hashtagPattern = /(^|[^\p{L}\p{N}_&])#([\p{L}_][\p{L}\p{N}_]*)/gu;
const mentionPattern = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+(@[\p{L}\p{N}.-]+)?/gu;

// Insults and slurs that win no one over, small lists per language (stems; German compounds included).
const insults: Record<'en' | 'de', string[]> = {
  en: ['idiot', 'moron', 'imbecile', 'cretin', 'stupid', 'dumbass', 'loser', 'scum', 'asshole', 'bastard', 'jerk', 'retard', 'pathetic', 'clowns', 'traitor', 'brainless', 'shut up', 'lunatic'],
  de: ['idiot', 'vollidiot', 'depp', 'trottel', 'blödmann', 'dummkopf', 'arschloch', 'versager', 'schwachkopf', 'vollpfosten', 'hohlkopf', 'witzfigur', 'abschaum', 'gesindel', 'volksverräter', 'schmarotzer', 'halt die klappe', 'spinner'],
};

// Pressure to buy at once: urgency and scarcity, English and German.
const salesPhrases = [
  'buy now', 'order now', 'book now', 'shop now', 'act now', 'limited time', 'last chance', 'only today', 'today only', 'hurry',
  "don't miss", 'dont miss', 'while stocks last', 'while supplies last', 'only a few left', 'ends tonight', 'discount', 'sale',
  'jetzt kaufen', 'jetzt bestellen', 'jetzt buchen', 'jetzt zugreifen', 'zugreifen', 'nur heute', 'nur noch', 'letzte chance', 'schnell sein',
  'rabatt', 'angebot endet', 'solange der vorrat reicht', 'nicht verpassen', 'verpass nicht', 'sonderangebot', 'schnäppchen',
];

function plainWords(text: string): string {
  return text.replace(urlPattern, ' ').replace(hashtagPattern, '$1 ').replace(mentionPattern, '$1 ');
}

export function words(text: string): string[] {
  return plainWords(text).toLocaleLowerCase('de').match(/[\p{L}\p{N}']+/gu) ?? [];
}

function findPhrases(text: string, phrases: string[]): string[] {
  const haystack = ` ${words(text).join(' ')} `;
  return phrases.filter((p) => {
    const needle = p.toLocaleLowerCase('de').replace(/[^\p{L}\p{N}' ]/gu, '');
    return haystack.includes(` ${needle} `) || (needle.length >= 5 && !needle.includes(' ') && haystack.split(' ').some((w) => w.length > needle.length && w.startsWith(needle)));
  });
}

function shingles(text: string): Set<string> {
  const list = words(text);
  const size = coachThresholds.shingle;
  const set = new Set<string>();
  if (list.length < size) { if (list.length) set.add(list.join(' ')); return set; }
  for (let i = 0; i + size <= list.length; i++) set.add(list.slice(i, i + size).join(' '));
  return set;
}

// Jaccard similarity of the two texts' three-word shingles.
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

const percent = (n: number) => `${Math.round(n * 100)}%`;
const dateEn = (d: Date) => d.toISOString().slice(0, 10);

export function coach({ body, targets, recent }: CoachInput): CoachWarning[] {
  const warnings: CoachWarning[] = [];
  const add = (code: CoachCode, message: CoachMessage, channelId: string | null = null) => warnings.push({ code, channelId, message });
  const texts = [body, ...targets.map((t) => t.text)].join('\n');

  const letters = plainWords(body).match(/\p{L}/gu) ?? [];
  const capitals = letters.filter((c) => c !== c.toLocaleLowerCase() && c === c.toLocaleUpperCase()).length;
  if (letters.length >= coachThresholds.minLettersForShouting && capitals / letters.length > coachThresholds.capitalsShare) {
    const share = percent(capitals / letters.length);
    add('SHOUTING', {
      en: `${share} of the letters are capitals, which reads as shouting. Capitals on a word or two keep the emphasis.`,
      de: `${share} der Buchstaben sind Großbuchstaben – das wirkt wie Schreien. Groß geschrieben nur ein, zwei Wörter: Die Betonung bleibt.`,
    });
  }
  const runs = body.match(/[!！]{3,}|(?:[!?]{2,}){2,}/g) ?? [];
  if (runs.length) {
    add('EXCLAMATION_RUN', {
      en: `"${runs[0]}": runs of exclamation marks make a post sound loud and pushy. One is enough.`,
      de: `„${runs[0]}“: Ketten von Ausrufezeichen klingen laut und drängend. Eines genügt.`,
    });
  }

  const found = [...new Set((['en', 'de'] as const).flatMap((language) => findPhrases(texts, insults[language])))];
  if (found.length) {
    add('INSULT', {
      en: `${found.map((w) => `"${w}"`).join(', ')} insults someone. Nobody changes their mind because they were insulted; say what you disagree with instead.`,
      de: `${found.map((w) => `„${w}“`).join(', ')} beleidigt jemanden. Niemand ändert seine Meinung durch Beleidigungen – sag lieber, womit du nicht einverstanden bist.`,
    });
  }

  const hashtags = [...body.matchAll(hashtagPattern)].length;
  if (hashtags > coachThresholds.maxHashtags) {
    add('TOO_MANY_HASHTAGS', {
      en: `${hashtags} hashtags: more than ${coachThresholds.maxHashtags} look like spam and bury your words. Keep the few people actually follow.`,
      de: `${hashtags} Hashtags: Mehr als ${coachThresholds.maxHashtags} wirken wie Spam und verdecken deinen Text. Behalte die wenigen, denen Leute wirklich folgen.`,
    });
  }

  if (/\bhttps?:\/\/\S|\bwww\.\S/iu.test(body) && words(body).length < 4) {
    add('BARE_LINK', {
      en: 'A link with hardly a word around it: say in a sentence or two why it is worth a click, and what you think of it.',
      de: 'Ein Link fast ohne Worte: Sag in ein, zwei Sätzen, warum er den Klick wert ist und was du davon hältst.',
    });
  }

  for (const target of targets) {
    const length = lengthFor(target.platform, target.text);
    if (length.over) {
      add('OVER_LIMIT', {
        en: `${length.count} of ${length.limit} characters on ${target.channelName}: ${length.count - length.limit} too many as ${target.platform} counts them. Shorten it or give this channel its own text.`,
        de: `${length.count} von ${length.limit} Zeichen auf ${target.channelName}: ${length.count - length.limit} zu viele, so wie ${target.platform} zählt. Kürze den Text oder gib diesem Kanal einen eigenen.`,
      }, target.channelId);
    }
  }

  let closest: { post: RecentPost; score: number } | null = null;
  for (const post of recent) {
    const score = similarity(body, post.body);
    if (score >= coachThresholds.nearCopy && (!closest || score > closest.score)) closest = { post, score };
  }
  if (closest) {
    add('NEAR_COPY', {
      en: `This is ${percent(closest.score)} the same as your post of ${dateEn(closest.post.at)}. Saying it again in new words, or with a new angle, keeps people reading.`,
      de: `Dieser Text gleicht zu ${percent(closest.score)} deinem Beitrag vom ${closest.post.at.toISOString().slice(0, 10).split('-').reverse().join('.')}. Sag es mit neuen Worten oder aus einem neuen Blickwinkel – dann lesen die Leute weiter.`,
    });
  }

  // A percentage off is pressure too.
  const pressure = [...findPhrases(texts, salesPhrases), ...(/\d+\s*%/.test(texts) ? ['%'] : [])];
  if (pressure.length >= coachThresholds.salesPhrases) {
    add('SALES_PRESSURE', {
      en: `Heavy sales pressure (${pressure.map((p) => `"${p}"`).join(', ')}). Urgency pushes people away; tell them what it does for them and let them come to you.`,
      de: `Starker Verkaufsdruck (${pressure.map((p) => `„${p}“`).join(', ')}). Zeitdruck schreckt ab; sag, was es den Leuten bringt, und lass sie zu dir kommen.`,
    });
  }
  return warnings;
}
