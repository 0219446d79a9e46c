import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countFor, lengthFor } from './lengths.ts';

const family = '👩‍👩‍👧‍👦'; // one grapheme of seven code points (11 UTF-16 units)
const flag = '🇩🇪';

describe('post length as each platform counts it', () => {
  test('Bluesky counts graphemes: a ZWJ family and a flag are one each', () => {
    assert.equal(countFor('bluesky', `${family}${flag}a`), 3);
    assert.equal(countFor('bluesky', 'é'), 1);
    assert.equal(countFor('bluesky', 'e\u0301'), 1, 'e plus a combining accent is one grapheme');
    const exactly = 'ab'.repeat(149) + family + flag;
    assert.deepEqual(lengthFor('bluesky', exactly), { count: 300, limit: 300, over: false });
    assert.equal(lengthFor('bluesky', `${exactly}!`).over, true);
  });

  test('X counts a URL as 23 whatever its length, and an emoji as 2', () => {
    const long = `https://example.com/${'a'.repeat(200)}`;
    assert.equal(countFor('x', long), 23);
    assert.equal(countFor('x', 'see example.com/x'), 4 + 23);
    assert.equal(countFor('x', family), 2);
    assert.equal(countFor('x', 'Grüße'), 5);
    assert.equal(countFor('x', 'https://shop.example/x'), 22, 'X links only known top-level domains; .example stays text');
    const text = `${'a'.repeat(257)} ${long}`;
    assert.deepEqual(lengthFor('x', text), { count: 281, limit: 280, over: true });
    assert.equal(lengthFor('x', `${'a'.repeat(256)} ${long}`).over, false);
  });

  test('Mastodon: a URL counts 23, a mention\'s domain not at all, emoji as graphemes', () => {
    const url = `https://social.example/@anna/${'1'.repeat(80)}`;
    assert.equal(countFor('mastodon', url), 23);
    assert.equal(countFor('mastodon', `Hi @anna@social.example.org!`), 'Hi @anna!'.length);
    assert.equal(countFor('mastodon', `mail anna@social.example`), 'mail anna@social.example'.length, 'an email address is not a mention');
    assert.equal(countFor('mastodon', `${family} ok`), 4);
    assert.equal(countFor('mastodon', 'http://a.b/c.'), 24, 'the full stop after a URL is text');
    const text = `${'a'.repeat(476)} ${url}`;
    assert.deepEqual(lengthFor('mastodon', text), { count: 500, limit: 500, over: false });
    assert.equal(lengthFor('mastodon', `${text} @anna@a.very.long.domain.example`).count, 506);
  });

  test('LinkedIn, Instagram and Facebook count UTF-16 units against 3,000, 2,200 and 63,206', () => {
    assert.equal(countFor('linkedin', family), 11);
    assert.deepEqual(lengthFor('linkedin', 'a'.repeat(3001)), { count: 3001, limit: 3000, over: true });
    assert.equal(lengthFor('instagram', 'a'.repeat(2200)).over, false);
    assert.equal(lengthFor('instagram', 'a'.repeat(2201)).over, true);
    assert.equal(lengthFor('facebook', 'a'.repeat(63_206)).over, false);
    assert.equal(lengthFor('facebook', 'a'.repeat(63_207)).over, true);
  });
});
