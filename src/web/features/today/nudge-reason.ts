import type { TFunction } from 'i18next';
import type { Nudge } from './api.ts';

// A nudge's sentence in the interface language, from its rule and numbers. The server's own
// sentence (in the workspace language) stands in when a number the sentence needs is missing.
export function nudgeReason(t: TFunction, nudge: Nudge): string {
  const { messages, weeks, days, cadenceDays, introducedName, eventTitle, places } = nudge.facts;
  const name = nudge.personName;
  const ago = days === undefined ? undefined : t('today.reasons.ago', { count: days });
  switch (nudge.rule) {
    case 'call':
      if (messages === undefined || weeks === undefined) break;
      return t('today.reasons.call', { name, messages: t('today.reasons.messages', { count: messages }), weeks: t('today.reasons.weeks', { count: weeks }) });
    case 'invite':
      if (days === undefined || eventTitle === undefined || places === undefined) break;
      return t('today.reasons.invite', { name, event: eventTitle, when: t('today.reasons.inDays', { count: days }), places: t('today.reasons.places', { count: places }) });
    case 'reply':
      if (ago === undefined) break;
      return t('today.reasons.reply', { name, ago });
    case 'follow_up':
      if (ago === undefined) break;
      return t('today.reasons.follow_up', { name, ago });
    case 'reconnect':
      if (ago === undefined || cadenceDays === undefined) break;
      return t('today.reasons.reconnect', { name, ago, cadence: t('today.reasons.cadence', { count: cadenceDays }) });
    case 'thank':
      if (ago === undefined || introducedName === undefined) break;
      return t('today.reasons.thank', { name, ago, introducedName });
  }
  return nudge.reason;
}
