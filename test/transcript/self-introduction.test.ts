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

  it('reads the company after a name and a title: "I am <name>, <title> at <company>"', () => {
    expect(selfIntroducedCompanies('Good afternoon. I am Ji-ho Park, Head of IR Planning at Orvane Telecom. Today we will present our results.')).toEqual(['Orvane Telecom']);
    expect(selfIntroducedCompanies('Hello everyone, my name is Ana Ruiz, the chief financial officer of Brightwell Foods, and welcome.')).toEqual(['Brightwell Foods']);
    // In the order they are said, whichever form says them.
    expect(selfIntroducedCompanies("I'm Dana Holt, director of investor relations at Quillon. I'm the CEO of Quillon Group.")).toEqual(['Quillon', 'Quillon Group']);
  });

  it('not an analyst or an operator introducing themselves, nor a title with no company', () => {
    expect(selfIntroducedCompanies('Hi, I am Tom Reyes, analyst at Kestrel Securities. My question is on margins.')).toEqual([]);
    expect(selfIntroducedCompanies("I'm Sarah Lane, your conference operator at Brightline Events today.")).toEqual([]);
    expect(selfIntroducedCompanies('I am John Smith, Head of Investor Relations. Joining me today is our CEO.')).toEqual([]);
    // A name and a remark, no office held.
    expect(selfIntroducedCompanies("I'm Ana Ruiz, a long-time customer of Velomar.")).toEqual([]);
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
