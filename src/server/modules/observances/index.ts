// Observances: public holidays (date-holidays) and shipped awareness days, as rules. No tables, no state.
export { countries, isKnownPlace, observanceMaxDays, observancesBetween, regions, type Observance, type Place } from './observances.service.ts';
export { awarenessDays } from './observances.data.ts';
export { dateOf, describeRule, easterSunday, type Rule } from './observances.rules.ts';
