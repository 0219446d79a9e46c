// The ladder: how far a relationship has come, derived from interactions, never typed by hand.
export const ladderSteps = ['aware', 'engaged', 'conversing', 'talked', 'met'] as const;
export type LadderStep = (typeof ladderSteps)[number];

// Which kinds of touch count as what.
export const touchClasses = {
  // Seen in public, on a platform: a like, a comment, a reply, a mention.
  public: ['like', 'comment', 'reply', 'mention'],
  // Private, written: a direct message, an email, a question through the form.
  private: ['dm', 'email', 'question'],
  call: ['call'],
  meeting: ['meeting', 'coffee', 'event_attended'],
  // An exchange online, the kind the call nudge counts.
  exchange: ['comment', 'reply', 'mention', 'dm', 'email'],
  // They reached out and may be owed an answer.
  reachOut: ['dm', 'email', 'question', 'comment', 'reply', 'mention'],
} as const;

export const offlineChannels = ['phone', 'video', 'in_person', 'event'] as const;

// What the database tells us about one person's interactions (see people.repository.ts `refreshTouches`).
export type TouchFacts = {
  met: boolean;
  called: boolean;
  privateIn: boolean;
  privateOut: boolean;
  publicIn: boolean;
  publicOut: boolean;
};

// Highest step reached: Met (in person) > Talked (a call) > Conversing (private, both ways)
// > Engaged (public, both ways) > Aware (one-way, or nothing yet). The first rule whose facts
// all hold wins; the repository turns the same rules into SQL.
export const ladderRules: readonly { step: LadderStep; needs: readonly (keyof TouchFacts)[] }[] = [
  { step: 'met', needs: ['met'] },
  { step: 'talked', needs: ['called'] },
  { step: 'conversing', needs: ['privateIn', 'privateOut'] },
  { step: 'engaged', needs: ['publicIn', 'publicOut'] },
];

export function ladderStep(facts: TouchFacts): LadderStep {
  return ladderRules.find((rule) => rule.needs.every((fact) => facts[fact]))?.step ?? 'aware';
}

export function ladderIndex(step: LadderStep): number {
  return ladderSteps.indexOf(step);
}
