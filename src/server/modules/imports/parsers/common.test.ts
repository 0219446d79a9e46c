import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleFromUrl, normaliseProfileUrl, parseDayMonthYear, readCsvRows, readText, repairMojibake } from './common.ts';

describe('parser helpers', () => {
  it('normalise profile URLs for keys: https, lower-case host, no query, fragment or trailing slash', () => {
    assert.equal(normaliseProfileUrl('http://WWW.LinkedIn.com/in/zoë-laurent/?trk=people#top'), 'https://www.linkedin.com/in/zo%C3%AB-laurent');
    assert.equal(normaliseProfileUrl('https://www.linkedin.com/in/zo%c3%ab-laurent'), 'https://www.linkedin.com/in/zo%C3%AB-laurent');
    assert.equal(normaliseProfileUrl('mailto:zoe@example.fr'), null);
    assert.equal(normaliseProfileUrl(''), null);
  });

  it('repair mojibake only where it is mojibake', () => {
    assert.equal(repairMojibake('J\u00c3\u00bcrgen M\u00c3\u00bcller \u00f0\u009f\u0099\u0082'), 'Jürgen Müller 🙂');
    assert.equal(repairMojibake('Zoë'), 'Zoë', 'proper Latin-1 text that is not UTF-8 stays');
    assert.equal(repairMojibake('Zoë 🙂'), 'Zoë 🙂', 'text with code points above 255 is already right');
  });

  it('read bytes as UTF-8, or as Windows-1252 when they are not UTF-8', () => {
    assert.equal(readText(Buffer.from('\ufeffMüller', 'utf8')), 'Müller');
    assert.equal(readText(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80])), 'Müller €');
  });

  it('number CSV rows by the line they start on, whatever the line breaks', () => {
    const rows = readCsvRows('a,b\r\n"x\r\ny",1\r\n\r\n"ü\nz",2\rlast,3');
    assert.deepEqual(rows.map((r) => [r.cells[0], r.line]), [['a', 1], ['x\ny', 2], ['', 4], ['ü\nz', 5], ['last', 7]]);
  });

  it('read a table after a preamble of other lengths cell for cell and line for line, however long', () => {
    const table = Array.from({ length: 40 }, (_, i) => `n${i},"Zoë\r\n${i}",x`);
    const rows = readCsvRows(['Notes:', '"When exporting, ""some"" may be missing"', '', 'First,Note,Other', ...table, 'ragged'].join('\r\n'));
    assert.equal(rows.length, 45);
    assert.deepEqual(rows.slice(0, 5).map((r) => [r.cells, r.line]), [[['Notes:'], 1], [['When exporting, "some" may be missing'], 2], [[''], 3], [['First', 'Note', 'Other'], 4], [['n0', 'Zoë\n0', 'x'], 5]]);
    assert.deepEqual([rows[43]!.cells, rows[43]!.line], [['n39', 'Zoë\n39', 'x'], 5 + 2 * 39]);
    assert.deepEqual([rows[44]!.cells, rows[44]!.line], [['ragged'], 5 + 2 * 40]);
  });

  it('read LinkedIn dates in English and German, and refuse impossible ones', () => {
    assert.equal(parseDayMonthYear('03 Feb 2021')?.toISOString(), '2021-02-03T00:00:00.000Z');
    assert.equal(parseDayMonthYear('1 Mai 2023')?.toISOString(), '2023-05-01T00:00:00.000Z');
    assert.equal(parseDayMonthYear('31 Apr 2022'), null);
    assert.equal(parseDayMonthYear('soon'), null);
  });

  it('recognise profiles among websites', () => {
    assert.deepEqual(handleFromUrl('https://www.facebook.com/profile.php?id=100012345'), { platform: 'facebook', handle: '100012345', url: 'https://www.facebook.com/profile.php?id=100012345' });
    assert.deepEqual(handleFromUrl('https://www.instagram.com/_u/zoe.laurent'), { platform: 'instagram', handle: 'zoe.laurent', url: 'https://www.instagram.com/_u/zoe.laurent' });
    assert.deepEqual(handleFromUrl('https://social.example/@sam'), { platform: 'mastodon', handle: '@sam@social.example', url: 'https://social.example/@sam' });
    assert.equal(handleFromUrl('not a url')?.platform, undefined);
  });
});
