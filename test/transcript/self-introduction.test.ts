/** The company an executive names when introducing themselves (self-introduction.ts), and a welcome's name cut at a gap. Invented text. */
import { describe, expect, it } from 'vitest';
import { metaFromWelcome } from '../../src/transcript/header-meta.js';
import { selfIntroducedCompanies } from '../../src/transcript/self-introduction.js';

describe('selfIntroducedCompanies', () => {
  it('reads the company after the roles an executive says they hold', () => {
    expect(selfIntroducedCompanies("My name is Lucia Prado. I'm the CEO, co-founder of Velomar. Welcome to our fourth quarter call.")).toEqual(['Velomar']);
    expect(selfIntroducedCompanies('Good morning. I am the chief financial officer of Halden Wind AG, and with me is our CEO.')).toEqual(['Halden Wind AG']);
    expect(selfIntroducedCompanies("I'm the president and CEO of Orchid Labs. I'm also the chairman of Orchid Labs.")).toEqual(['Orchid Labs']);
  });

  it('not a department, a company written in lowercase, or someone else introduced', () => {
    expect(selfIntroducedCompanies("I'm the president of Investor Relations, and I'm the CEO of the company.")).toEqual([]);
    expect(selfIntroducedCompanies('With me is Tom Reyes, the CEO of Velomar.')).toEqual([]);
  });
});

describe('a welcome whose name holds a gap in what was heard', () => {
  const welcome = 'Ladies and gentlemen, welcome to Kirazli [inaudible] Second Quarter 2021 Financial Results Conference Call.';
  it('gives no company for the call itself (the name is not all there)…', () => {
    expect(metaFromWelcome(welcome)).toBeNull();
  });
  it('…but the words before the gap when asked for them (to find the company by)', () => {
    expect(metaFromWelcome(welcome, { cutAtGap: true })?.company).toBe('Kirazli');
    // Nothing heard before the gap: no name.
    expect(metaFromWelcome('Welcome to the [unk] holding results for the second quarter of 2022 conference call.', { cutAtGap: true })).toBeNull();
  });
});
