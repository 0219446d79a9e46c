import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ladderStep, type TouchFacts } from './ladder.ts';

const none: TouchFacts = { met: false, called: false, privateIn: false, privateOut: false, publicIn: false, publicOut: false };

test('one-way attention is Aware; public both ways is Engaged', () => {
  assert.equal(ladderStep(none), 'aware');
  assert.equal(ladderStep({ ...none, publicIn: true }), 'aware');
  assert.equal(ladderStep({ ...none, publicIn: true, publicOut: true }), 'engaged');
});

test('private messages both ways are Conversing; one unanswered message is not', () => {
  assert.equal(ladderStep({ ...none, privateIn: true }), 'aware');
  assert.equal(ladderStep({ ...none, privateIn: true, publicIn: true, publicOut: true }), 'engaged');
  assert.equal(ladderStep({ ...none, privateIn: true, privateOut: true }), 'conversing');
});

test('a call is Talked and a meeting is Met, whatever came before', () => {
  assert.equal(ladderStep({ ...none, called: true }), 'talked');
  assert.equal(ladderStep({ ...none, called: true, met: true }), 'met');
  assert.equal(ladderStep({ ...none, met: true }), 'met');
});
