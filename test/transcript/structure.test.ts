/** structureCall: pure, repeatable, and the only source of roles, exchanges and inferred sides. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscriptText, structureCall } from '../../src/transcript/read-source.js';
import { firmInIntroduction } from '../../src/transcript/structure.js';
import { inferTitles } from '../../src/transcript/title-introductions.js';
import type { Call, Participant } from '../../src/transcript/types.js';
import { AMZN_PATH } from './fixtures.js';
import { renderNameColon } from './render-layouts.js';

const amzn = parseTranscriptText(readFileSync(AMZN_PATH, 'utf8')).call;
const clone = (c: Call): Call => structuredClone(c);

describe('structureCall', () => {
  it('re-derives the same roles and exchanges and does not modify its input', () => {
    const input = clone(amzn);
    const before = JSON.stringify(input);
    const again = structureCall(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(again.turns.map((t) => [t.role, t.exchange])).toEqual(amzn.turns.map((t) => [t.role, t.exchange]));
    expect(again.exchanges).toEqual(amzn.exchanges);
    expect(structureCall(again)).toEqual(again);
  });

  it('restores roles and exchanges from the turns alone', () => {
    const scrambled = clone(amzn);
    for (const t of scrambled.turns) {
      t.role = 'question';
      t.exchange = 99;
    }
    scrambled.exchanges = [];
    const restored = structureCall(scrambled);
    expect(restored.turns.map((t) => [t.role, t.exchange])).toEqual(amzn.turns.map((t) => [t.role, t.exchange]));
    expect(restored.exchanges).toEqual(amzn.exchanges);
  });

  it('redoes inferred sides, keeps stated ones', () => {
    const bare = parseTranscriptText(renderNameColon(amzn, { list: false, headings: false })).call;
    const tampered = clone(bare);
    for (const p of tampered.participants) if (p.sideSource === 'inferred') p.side = p.side === 'analyst' ? 'company' : 'analyst';
    expect(structureCall(tampered).participants).toEqual(bare.participants);
    const listed = clone(amzn);
    const jassy = listed.participants.find((p) => p.name === 'Andrew Jassy');
    if (jassy) jassy.side = 'analyst';
    expect(structureCall(listed).participants.find((p) => p.name === 'Andrew Jassy')?.side).toBe('analyst');
  });

  it('leaves sides unknown when nothing in the call establishes them', () => {
    const text = ['Acme Corp (ACME) Q1 2025 Earnings Call', '', 'Jane Roe: Hello and welcome.', '', 'Bob Stone: Thanks, Jane.', '', 'Jane Roe: Goodbye.'].join('\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => [p.name, p.side, p.sideSource])).toEqual([
      ['Jane Roe', 'unknown', 'unknown'],
      ['Bob Stone', 'unknown', 'unknown'],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('side unknown for Jane Roe, Bob Stone');
  });
});

describe('what the call itself says about its people (layouts that list nobody)', () => {
  it("reads analysts' firms from the operator's introductions", () => {
    expect(firmInIntroduction('Our first question comes from the line of Mark Mahaney with Evercore ISI. Please go ahead.', 'Mark Mahaney')).toBe('Evercore ISI');
    expect(firmInIntroduction('The next question is from Julian Mitchell of Barclays.', 'Julian Mitchell')).toBe('Barclays');
    expect(firmInIntroduction('Your next question comes from the line of Steve Tusa from J.P. Morgan.', 'Steve Tusa')).toBe('J.P. Morgan');
    expect(firmInIntroduction('comes from the line of Doug Anmuth with JPMorgan Chase & Co, please go ahead', 'Doug Anmuth')).toBe('JPMorgan Chase & Co');
    expect(firmInIntroduction('We have a question from jeff sprague, please go ahead', 'Jeff Sprague')).toBeNull();
    // Speech: a false start is dropped, a greeting after the name ends it.
    expect(firmInIntroduction('next question from Mike Lasser with UP- UBS.', 'Mike Lasser')).toBe('UBS');
    expect(firmInIntroduction('from the line of Mark Smith with Seaport Global. Good morning.', 'Mark Smith')).toBe('Seaport Global');
  });

  it("reads executives' titles from how the call introduces them, the role after a name before the one before it", () => {
    const people: Participant[] = ['Laurel Cobb', 'Carmen Dahl Hayes', 'Stefan Whitford', 'Alec Shields', 'Dana Fry'].map((name) => ({
      id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null, side: 'company', sideSource: 'inferred',
    }));
    const titled = inferTitles(people, [
      { text: 'I will now turn it over to Stefan Whitford, Vice President of Investor Communications.', operator: true },
      { text: "I'm joined by our chairman and CEO, Laurel Cobb, and CFO, Carmen Dahl Hayes. With me are Alec Shields, Chairman and CEO, Dana Fry, Chief Financial Officer.", operator: false },
    ]);
    expect(titled.map((p) => [p.name, p.title])).toEqual([
      ['Laurel Cobb', 'Chairman and CEO'],
      ['Carmen Dahl Hayes', 'CFO'],
      ['Stefan Whitford', 'Vice President of Investor Communications'],
      ['Alec Shields', 'Chairman and CEO'],
      ['Dana Fry', 'Chief Financial Officer'],
    ]);
    // A title the source gave is kept; analysts get none.
    expect(inferTitles([{ ...people[0]!, title: 'CEO' }], [{ text: 'our chairman, Laurel Cobb', operator: false }])[0]!.title).toBe('CEO');
  });
});
