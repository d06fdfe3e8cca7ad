/** structureCall: pure, repeatable, and the only source of roles, exchanges and inferred sides. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscriptText, structureCall } from '../../src/transcript/read-source.js';
import { firmInIntroduction, inferSides, type TurnDraft } from '../../src/transcript/structure.js';
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
    // The operator (or a host) then addresses the analyst: the address is no part of the firm.
    expect(firmInIntroduction('Our first question comes from Jake Miller with Barclays. Jake, go ahead.', 'Jake Miller')).toBe('Barclays');
    expect(firmInIntroduction('The next question is from Luca Gandolfi from Goldman Sachs. Mr. Gandolfi, your line is open.', 'Luca Gandolfi')).toBe('Goldman Sachs');
  });

  it('the newcomer an introduction names, misspelt, is the analyst — not someone else who shares the first name', () => {
    const people: Participant[] = ['Operator', 'Nora Quill', 'Michael Winestean', 'Michael', 'Lee Park'].map((name) => ({
      id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null,
      ...(name === 'Operator' ? { side: 'operator' as const, sideSource: 'listed' as const } : { side: 'unknown' as const, sideSource: 'unknown' as const }),
    }));
    let at = 0;
    const turn = (speakerId: string, text: string, section: TurnDraft['section'] = 'qa'): TurnDraft => {
      const start = at;
      at += text.length + 2;
      return { speakerId, section, startTime: null, paragraphs: [{ text, start, end: start + text.length }] };
    };
    const sides = inferSides(people, [
      turn('operator', 'Welcome to the call. I will now turn it over to Nora Quill.', 'prepared_remarks'),
      turn('nora-quill', 'Thanks. Sales rose and margins held. Operator, we will take questions.', 'prepared_remarks'),
      turn('operator', 'Our first question comes from Lee Park with Tidewater Research.'),
      turn('lee-park', 'How are freight costs trending?'),
      turn('nora-quill', 'Freight costs are easing.'),
      turn('operator', 'Our next question comes from Michael Weinstein from Crestline Securities. Please go ahead.'),
      turn('michael-winestean', 'Hi, good morning. On the same question, are rates still falling?'),
      turn('nora-quill', 'They are, slowly.'),
      turn('operator', 'Our next question comes from Michael at Harbor Bank.'),
      turn('michael', 'Thanks. What about pricing?'),
      turn('nora-quill', 'Pricing is stable.'),
    ]);
    expect(Object.fromEntries(sides.map((p) => [p.name, p.side]))).toEqual({ Operator: 'operator', 'Nora Quill': 'company', 'Michael Winestean': 'analyst', Michael: 'analyst', 'Lee Park': 'analyst' });
  });

  it('an analyst\'s firm written in brackets with the name ("BEN ORTIZ (CITIGROUP):") is the firm, never a title, however the introduction shortens it ("Citi")', () => {
    const { call } = parseTranscriptText(readFileSync(new URL('../fixtures/layouts/name-colon-caps-parens.txt', import.meta.url), 'utf8'));
    const ben = call.participants.find((p) => p.name === 'Ben Ortiz');
    expect(ben).toMatchObject({ side: 'analyst', title: null, firm: 'Citigroup' });
    expect(call.participants.find((p) => p.name === 'Kate Lowe')).toMatchObject({ side: 'analyst', title: null, firm: 'UBS' });
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

  it('gives each name the role before it in a list that opens with a role, unless that role may close an unmatched name', () => {
    const people: Participant[] = ['Nora Quill', 'Eli Vance', 'Tova Reyes', 'Ben Oduya'].map((name) => ({
      id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null, side: 'company', sideSource: 'inferred',
    }));
    // Invented call. Title-first list: the role after Nora Quill is Eli Vance's, not hers.
    const titled = inferTitles(people.slice(0, 3), [
      { text: 'Joining me this morning are President and CEO, Nora Quill, Chief Financial Officer and Treasurer, Eli Vance, and Chief Digital Officer Tova Reyes.', operator: false },
    ]);
    expect(titled.map((p) => [p.name, p.title])).toEqual([
      ['Nora Quill', 'President and CEO'],
      ['Eli Vance', 'Chief Financial Officer and Treasurer'],
      ['Tova Reyes', 'Chief Digital Officer'],
    ]);
    // "Ada Lind, our CEO, Ben Oduya, CFO": Ada Lind is labelled by first name only (not matched), so the
    // role before Ben Oduya is hers and his is the one after him.
    const after = inferTitles([people[3]!], [{ text: 'We are joined by Ada Lind, our chief executive officer, Ben Oduya, chief financial officer, and others.', operator: false }]);
    expect(after[0]!.title).toBe('Chief financial officer');
  });

  it('reads a role after a name without the comma speech recognition dropped, a co- role, and "of the board"', () => {
    const people: Participant[] = ['Rhea Voss', 'Tomas Brandt', 'Ida Kowal'].map((name) => ({
      id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null, side: 'company', sideSource: 'inferred',
    }));
    const titled = inferTitles(people, [
      { text: "As usual, I'm joined this morning by Rhea Voss our CFO and Tomas Brandt, our Co-Chief Executive Officer. Also here is Ida Kowal, co-chairman of the board and Chief Executive Officer of our bank.", operator: false },
    ]);
    expect(titled.map((p) => p.title)).toEqual(['CFO', 'Co-Chief Executive Officer', 'Co-chairman of the board and Chief Executive Officer']);
  });
});

describe('diarization slips: operator wording filed under another speaker', () => {
  // Speech-recognition sources often give the operator's line to the speaker before or after it.
  // Invented call (our own words), name-colon layout without headings or a participants list.
  const text = [
    'Lumen Rail (LMRL) Q2 2024 Earnings Call',
    '',
    'Operator: Good morning and welcome to the Lumen Rail call. I will be your operator today.',
    '',
    'Ida Marsh: Thank you. After these remarks there will be time for your questions; if you have a question, press star one to join the queue. Ridership rose 9% this quarter.',
    '',
    'Paul Greer: Thanks, Ida. Fare revenue was $88 million and we cut diesel use by a fifth. Thank you. If you have a question at this time, please press star then one on your keypad. Your first question comes from the line of Rosa Chen from Delta Capital.',
    '',
    'Rosa Chen: Hi, thanks. Where are you on the new signalling contract?',
    '',
    'Ida Marsh: We signed it in June; the first line switches over next spring.',
    '',
    'Rosa Chen: Great. Your next question comes from the line of Omar Diaz from Pinewood Securities. Your line is open.',
    '',
    'Omar Diaz: Are you worried about tariffs on imported steel rails?',
    '',
    'Paul Greer: Not much, we buy domestic rails under a fixed-price contract through 2026.',
    '',
    'Operator: That concludes our question and answer session.',
  ].join('\n');
  const call = parseTranscriptText(text).call;
  const side = (name: string) => call.participants.find((p) => p.name === name)?.side;
  const turnOf = (start: string) => call.turns.find((t) => call.source.slice(t.start, t.end).startsWith(start))!;

  it('makes the people introduced by the slipped handovers analysts, and the presenters company', () => {
    expect(side('Rosa Chen')).toBe('analyst');
    expect(side('Omar Diaz')).toBe('analyst');
    expect(side('Ida Marsh')).toBe('company');
    expect(side('Paul Greer')).toBe('company');
  });

  it('opens the Q&A at the slipped handover, not at an agenda that mentions it for later', () => {
    expect(turnOf('Thank you. After these remarks').section).toBe('prepared_remarks');
    expect(turnOf('Thanks, Ida.').section).toBe('qa');
    const question = turnOf('Are you worried about tariffs');
    expect(question.role).toBe('question');
    const answer = turnOf('Not much, we buy domestic rails');
    expect(answer.role).toBe('answer');
    expect(answer.exchange).toBe(question.exchange);
  });
});

describe('first-name-only analysts: the one thanked is not the one introduced', () => {
  // Speech-recognition sources often name analysts by first name alone; the moderator thanks the
  // last one in the same breath as introducing the next. Invented call, name-colon, no headings.
  const text = [
    'Harbor Gas (HRBG) Q3 2024 Earnings Call',
    '',
    'Operator: Welcome to the Harbor Gas call. I will be your operator today. If you have a question, please press star one.',
    '',
    'Nina Park: Thank you. Our volumes grew 4% and we kept the dividend.',
    '',
    'Tom Webb: Thanks, Nina. Operating costs fell 2%.',
    '',
    'Nina Park: Our first question this morning is from Lena from Orchard Partners. Good morning, Lena.',
    '',
    'Lena: Good morning. How is the pipeline permit going?',
    '',
    'Tom Webb: We expect the permit by March.',
    '',
    'Nina Park: Thanks, Lena. Our next question is from Karl from Ridge Capital. Good morning, Karl.',
    '',
    'Karl: Good morning. Will winter demand lift margins?',
    '',
    'Tom Webb: Somewhat; most of our contracts are fixed-fee.',
    '',
    'Operator: That concludes the call.',
  ].join('\n');
  const call = parseTranscriptText(text).call;

  it('makes the newly introduced speaker an analyst and gives the turn to their exchange', () => {
    expect(call.participants.find((p) => p.name === 'Lena')?.side).toBe('analyst'); // "first question this morning is from"
    expect(call.participants.find((p) => p.name === 'Karl')?.side).toBe('analyst');
    const question = call.turns.find((t) => call.source.slice(t.start, t.end).startsWith('Good morning. Will winter'))!;
    const answer = call.turns.find((t) => call.source.slice(t.start, t.end).startsWith('Somewhat;'))!;
    expect(question.role).toBe('question');
    expect(call.exchanges.find((e) => e.id === question.exchange)?.analystId).toBe('karl');
    expect(answer.exchange).toBe(question.exchange);
  });
});

describe('an operator split into several voices by speech recognition', () => {
  // Diarization gives one operator two or three speaker numbers; each must be the operator, or the
  // analysts only the second voice introduces stay company-side. Invented call, name-colon, no headings.
  const text = [
    'Kestrel Foods (KSTF) Q1 2025 Earnings Call',
    '',
    'Speaker 0: Good day and welcome to the Kestrel Foods call. All participants are in a listen-only mode.',
    '',
    'Speaker 1: Thank you. I am Lea Brandt, head of investor relations. Before we start, if you would like to ask a question later, press star one; the team will take questions after the remarks. We sold more frozen meals than ever, and margins rose in every region we serve, helped by lower freight and packaging costs and a better mix of premium lines across our retail and food service channels this quarter. Some of what we say today looks forward and may turn out differently; the risks are in our annual report. With me are our chief executive and our chief financial officer.',
    '',
    'Speaker 2: Volumes rose 6% and we opened a plant in Leeds.',
    '',
    'Speaker 0: Our first question comes from Ada Kerr with Fenwick Partners. Your line is open.',
    '',
    'Speaker 3: Thanks. How is the Leeds plant ramping?',
    '',
    'Speaker 2: It reached full output in March.',
    '',
    'Speaker 4: Thank you. Our next question comes from the line of Ben Lowe with Castle Bank. Please go ahead, your line is open.',
    '',
    'Speaker 5: Will packaging costs keep falling?',
    '',
    'Speaker 2: We expect them flat from here.',
    '',
    'Speaker 4: Our next question comes from Cy Moss with Orbit Research. Your line is now open.',
    '',
    'Speaker 6: What about private label competition?',
    '',
    'Speaker 2: It is steady, and our brands keep their share.',
  ].join('\n');
  const call = parseTranscriptText(text).call;
  const side = (name: string) => call.participants.find((p) => p.name === name)?.side;

  it('makes each voice that talks like the operator in short turns an operator, and the analysts they introduce analysts, by name', () => {
    expect(side('Speaker 0')).toBe('operator');
    expect(side('Speaker 4')).toBe('operator');
    // The numbered voices handed the floor by name take the name.
    expect(['Ada Kerr', 'Ben Lowe', 'Cy Moss'].map(side)).toEqual(['analyst', 'analyst', 'analyst']);
    expect(call.participants.find((p) => p.name === 'Ben Lowe')?.firm).toBe('Castle Bank');
    expect(call.exchanges.length).toBe(3);
  });

  it('keeps a host who reads the dial-in instructions inside a long welcome on the company side', () => {
    expect(side('Speaker 1')).toBe('company');
    expect(side('Speaker 2')).toBe('company');
  });
});

describe('operators the call gives no clear leader, and questions the call introduces in other words', () => {
  const sideOf = (call: Call, name: string) => call.participants.find((p) => p.name === name)?.side;

  it('"We\'ll go next to X of Y" hands the floor to an analyst; tied operator voices are all operators', () => {
    // Invented call: two operator voices with the same wording, neither ahead of the other.
    const call = parseTranscriptText(
      [
        'Speaker 0: Good day. All participants are in a listen-only mode. I would now like to turn the call over to Dana Reyes.',
        '',
        'Speaker 1: Thanks. Orders rose 8% and margins held.',
        '',
        'Speaker 2: We will go next to Omar Haddad of Castle Bank. Your line is open.',
        '',
        'Speaker 3: How is pricing holding up?',
        '',
        'Speaker 1: Pricing is firm.',
        '',
        'Speaker 0: We will go next to Lena Ford of Ridge Capital. Your line is open.',
        '',
        'Speaker 4: And freight costs?',
        '',
        'Speaker 1: Down a little.',
      ].join('\n'),
      { fileName: 'call.txt' },
    ).call;
    expect(sideOf(call, 'Speaker 0')).toBe('operator');
    expect(sideOf(call, 'Speaker 2')).toBe('operator');
    expect(sideOf(call, 'Omar Haddad')).toBe('analyst');
    expect(sideOf(call, 'Lena Ford')).toBe('analyst');
    expect(sideOf(call, 'Dana Reyes')).toBe('company');
    expect(call.exchanges.map((e) => e.analystId)).toEqual(['speaker-3', 'speaker-4']);
  });

  it('a Q&A that opens with no analyst the call lets us tell leaves sides unknown, never calls the askers company', () => {
    const call = parseTranscriptText(
      [
        'Speaker 0: Good day. All participants are in a listen-only mode. Over to Dana Reyes.',
        '',
        'Speaker 1: Thanks. Orders rose 8%.',
        '',
        'Speaker 0: We will now begin the question and answer session. To ask a question, press star one.',
        '',
        'Speaker 1: First on the line would be someone from Castle Bank, I believe.',
        '',
        'Speaker 2: Hi, how is pricing holding up?',
        '',
        'Speaker 1: Pricing is firm.',
      ].join('\n'),
      { fileName: 'call.txt' },
    ).call;
    expect(sideOf(call, 'Speaker 0')).toBe('operator');
    expect(sideOf(call, 'Speaker 2')).toBe('unknown');
  });

  it('a Q&A its heading opens, whose introductions are worded so none can be read ("Kate Lowe, UBS."), leaves sides unknown, never calls the analysts company', () => {
    const parsed = parseTranscriptText(readFileSync(new URL('../fixtures/layouts/name-colon-terse-introductions.txt', import.meta.url), 'utf8'));
    expect(parsed.call.participants.map((p) => `${p.name}: ${p.side}`)).toEqual(['Operator: operator', 'Alan Marsh: unknown', 'Kate Lowe: unknown', 'Ben Ortiz: unknown']);
    expect(structureCall(parsed.call).participants.find((p) => p.name === 'Kate Lowe')?.side).toBe('unknown');
  });
});

describe('a host who is no operator (an IR head) introducing the questions', () => {
  const text = readFileSync(new URL('../fixtures/layouts/name-colon-joint-label.txt', import.meta.url), 'utf8')
    .replace('Participants:\n', 'Participants:\nDana Whitcombe - Head of Investor Relations\n')
    .replace(/^Operator: /gm, 'Dana Whitcombe: ')
    .replace('Owen Pryce and Maria Castell: Within', 'Maria Castell: Within');

  it('hands the floor to the analyst: an introduction opening the exchange — her "Our next question comes from…" was an answer in the exchange before', () => {
    const call = parseTranscriptText(text).call;
    const people = new Map(call.participants.map((p) => [p.id, p.name]));
    const rows = call.turns.filter((t) => t.section === 'qa').map((t) => `${people.get(t.speakerId)}: ${t.role} ${t.exchange ?? '-'}`);
    expect(rows).toEqual([
      'Dana Whitcombe: intro 1', 'Hugo Brandt: question 1', 'Owen Pryce: answer 1', 'Hugo Brandt: question 1', 'Maria Castell: answer 1',
      'Dana Whitcombe: intro 2', 'Leila Moran: question 2', 'Maria Castell: answer 2', 'Dana Whitcombe: remarks -',
    ]);
    expect(call.exchanges.map((e) => [people.get(e.analystId), e.introTurn])).toEqual([['Hugo Brandt', 3], ['Leila Moran', 8]]);
  });

  it('an answer that goes back to an earlier analyst\'s question ("…the question from Hugo Brandt on yields…") stays an answer', () => {
    const back = text.replace('We expect capex of about $300 million.', 'We expect capex of about $300 million. And to go back to the question from Hugo Brandt on yields, and his last question, they held in October.');
    const call = parseTranscriptText(back).call;
    expect(call.turns.map((t) => t.role)).toEqual(parseTranscriptText(text).call.turns.map((t) => t.role));
    expect(call.exchanges).toHaveLength(2);
  });
});

describe('a diarized call whose Q&A no rule opens (the operator split into voices, its hand-overs filed under another)', () => {
  it('leaves unknown the side of whoever first speaks once questions are asked for — analysts were "company"', () => {
    const people: Participant[] = ['Speaker 0', 'Speaker 1', 'Ida Marsh', 'Speaker 3', 'Rosa Chen'].map((name) => ({
      id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null, side: 'unknown', sideSource: 'unknown',
    }));
    let at = 0;
    const turn = (speakerId: string, text: string): TurnDraft => {
      const start = at;
      at += text.length + 2;
      return { speakerId, section: 'prepared_remarks', startTime: null, paragraphs: [{ text, start, end: start + text.length }] };
    };
    // Invented call: "Speaker 0" is the operator; its later lines went to "Speaker 1" and "Speaker 3".
    const sides = inferSides(people, [
      turn('speaker-0', 'Welcome. All lines are in listen-only mode. To join the queue later, press star one.'),
      turn('speaker-1', 'Please note our forward-looking statements. I hand over to Ida Marsh.'),
      turn('ida-marsh', 'Thank you. Ridership rose 9% and fare revenue was 88 million.'),
      turn('speaker-1', 'Thank you. If you would like to ask a question, please signal now.'),
      turn('speaker-3', 'We will take our next question from Rosa.'),
      turn('rosa-chen', 'Thanks. Where are you on the signalling contract?'),
      turn('ida-marsh', 'We expect to sign it this year.'),
    ]);
    expect(Object.fromEntries(sides.map((p) => [p.name, p.side]))).toEqual({
      'Speaker 0': 'operator', 'Speaker 1': 'company', 'Ida Marsh': 'company', 'Speaker 3': 'unknown', 'Rosa Chen': 'unknown',
    });
  });
});
