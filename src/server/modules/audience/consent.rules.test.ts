import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressHash, subscriptionState, type LedgerEntry } from './consent.rules.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const entry = (action: LedgerEntry['action'], day: number, basis: LedgerEntry['basis'] = 'express', expiresDay?: number): LedgerEntry =>
  ({ action, basis, occurredAt: at(day), expiresAt: expiresDay ? at(expiresDay) : null });

test('double opt-in: a request is pending until confirmed; an unconfirmed one lapses', () => {
  assert.equal(subscriptionState([], at(1)), 'none');
  assert.equal(subscriptionState([entry('request', 1)], at(2)), 'pending');
  assert.equal(subscriptionState([entry('request', 1), entry('confirm', 2)], at(3)), 'subscribed');
  assert.equal(subscriptionState([entry('request', 1)], at(10)), 'none');
});

test('withdrawing ends it; subscribing again starts over', () => {
  assert.equal(subscriptionState([entry('request', 1), entry('confirm', 1), entry('withdraw', 3)], at(4)), 'unsubscribed');
  assert.equal(subscriptionState([entry('confirm', 1), entry('withdraw', 3), entry('request', 4), entry('confirm', 4)], at(5)), 'subscribed');
});

test('implied consent ends at its expiry, unless express consent was given', () => {
  assert.equal(subscriptionState([entry('grant', 1, 'implied', 30)], at(20)), 'subscribed');
  assert.equal(subscriptionState([entry('grant', 1, 'implied', 30)], at(31)), 'expired');
  assert.equal(subscriptionState([entry('confirm', 1), entry('grant', 2, 'implied', 30)], at(40)), 'subscribed');
  assert.equal(subscriptionState([entry('grant', 1, 'implied', 30), entry('request', 2), entry('confirm', 3)], at(40)), 'subscribed');
});

test('the record order in the list does not matter, only the times', () => {
  assert.equal(subscriptionState([entry('withdraw', 3), entry('confirm', 1)], at(4)), 'unsubscribed');
});

test('addresses hash the same however they are written', () => {
  assert.equal(addressHash(' Sam@Example.org '), addressHash('sam@example.org'));
  assert.notEqual(addressHash('sam@example.org'), addressHash('sam@example.com'));
});
