import { describe, expect, it } from 'vitest';
import { parseTranscript, TranscriptFormatError } from '../../src/transcript/parse.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import type { Call, Turn } from '../../src/transcript/types.js';
import { readAmzn, renderTranscript } from './fixtures.js';

const source = readAmzn();
const call = parseTranscript(source);

function turnText(turn: Turn): string {
  return turn.paragraphs.map((p) => p.text).join('\n\n');
}

function speakerOf(c: Call, turnIndex: number): string {
  return c.turns[turnIndex]?.speakerId ?? '(none)';
}

/** Runs parse and returns the TranscriptFormatError it throws. */
function formatError(text: string): TranscriptFormatError {
  try {
    parseTranscript(text);
  } catch (error) {
    if (error instanceof TranscriptFormatError) return error;
    throw error;
  }
  throw new Error('expected parseTranscript to throw');
}

describe('parseTranscript on the bundled AMZN Q4 2025 call', () => {
  it('reads the title line into meta', () => {
    expect(call.meta).toEqual({
      id: 'amzn-q4-2025',
      title: 'Amazon.com, Inc. (AMZN) Q4 2025 Earnings Call February 5, 2026 5:00 PM EST',
      company: 'Amazon.com, Inc.',
      ticker: 'AMZN',
      quarter: 'Q4 2025',
      fiscalQuarter: 4,
      fiscalYear: 2025,
      date: '2026-02-05',
      time: '5:00 PM EST',
      layout: 'standard',
      sector: null,
    });
  });

  it('lists exactly the participants with sides, titles and firms', () => {
    const company = 'Amazon.com, Inc.';
    expect(call.participants).toEqual([
      { id: 'dave-fildes', name: 'Dave Fildes', title: 'Vice President of Investor Relations', firm: company, division: null, side: 'company', sideSource: 'listed' },
      { id: 'andrew-jassy', name: 'Andrew Jassy', title: 'President, CEO & Director', firm: company, division: null, side: 'company', sideSource: 'listed' },
      { id: 'brian-olsavsky', name: 'Brian Olsavsky', title: 'Senior VP & CFO', firm: company, division: null, side: 'company', sideSource: 'listed' },
      { id: 'mark-stephen-mahaney', name: 'Mark Stephen Mahaney', title: null, firm: 'Evercore ISI Institutional Equities', division: 'Research Division', side: 'analyst', sideSource: 'listed' },
      { id: 'douglas-anmuth', name: 'Douglas Anmuth', title: null, firm: 'JPMorgan Chase & Co', division: 'Research Division', side: 'analyst', sideSource: 'listed' },
      { id: 'ross-sandler', name: 'Ross Sandler', title: null, firm: 'Barclays Bank PLC', division: 'Research Division', side: 'analyst', sideSource: 'listed' },
      { id: 'michael-morton', name: 'Michael Morton', title: null, firm: 'MoffettNathanson LLC', division: null, side: 'analyst', sideSource: 'listed' },
      { id: 'brian-nowak', name: 'Brian Nowak', title: null, firm: 'Morgan Stanley', division: 'Research Division', side: 'analyst', sideSource: 'listed' },
      { id: 'eric-sheridan', name: 'Eric Sheridan', title: null, firm: 'Goldman Sachs Group, Inc.', division: 'Research Division', side: 'analyst', sideSource: 'listed' },
      { id: 'operator', name: 'Operator', title: null, firm: null, division: null, side: 'operator', sideSource: 'header' },
    ]);
  });

  it('splits prepared remarks from Q&A at the header', () => {
    const sections = call.turns.map((t) => t.section);
    const firstQa = sections.indexOf('qa');
    expect(firstQa).toBe(4);
    expect(sections.slice(0, firstQa).every((s) => s === 'prepared_remarks')).toBe(true);
    expect(sections.slice(firstQa).every((s) => s === 'qa')).toBe(true);
    expect(call.turns.slice(0, 4).map((t) => t.speakerId)).toEqual(['operator', 'dave-fildes', 'andrew-jassy', 'brian-olsavsky']);
    const first = call.turns[firstQa] as Turn;
    expect(first.speakerId).toBe('operator');
    expect(turnText(first)).toBe('[Operator Instructions] Our first question comes from the line of Mark Mahaney with Evercore ISI.');
  });

  it('keeps every paragraph of every turn', () => {
    expect(call.turns).toHaveLength(24);
    expect(call.turns.map((t) => t.paragraphs.length)).toEqual([2, 5, 29, 18, 1, 2, 2, 6, 1, 2, 5, 1, 1, 3, 1, 1, 4, 1, 1, 8, 1, 1, 6, 1]);
    // Independent count: body lines that are neither headers nor speaker name/title lines.
    const lines = source.split('\n');
    const headerLines = new Set(['Presentation', 'Question-and-Answer Session']);
    const names = new Set(call.participants.map((p) => p.name));
    const titles = new Set(call.participants.flatMap((p) => [p.title, p.division ? `${p.firm}, ${p.division}` : p.firm]));
    const body = lines.slice(lines.indexOf('Presentation'));
    const contentLines = body.filter((l) => l !== '' && !headerLines.has(l) && !names.has(l) && !titles.has(l));
    expect(call.turns.flatMap((t) => t.paragraphs)).toHaveLength(contentLines.length);
  });

  it('finds exactly six exchanges with the right analysts in order', () => {
    expect(call.exchanges.map((e) => e.analystId)).toEqual([
      'mark-stephen-mahaney',
      'douglas-anmuth',
      'ross-sandler',
      'michael-morton',
      'brian-nowak',
      'eric-sheridan',
    ]);
    expect(call.exchanges.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('links each exchange to its operator intro, questions and answers', () => {
    for (const exchange of call.exchanges) {
      const analyst = call.participants.find((p) => p.id === exchange.analystId);
      const surname = analyst?.name.split(' ').at(-1) ?? '?';
      expect(exchange.introTurn).not.toBeNull();
      const intro = call.turns[exchange.introTurn ?? -1] as Turn;
      expect(intro.speakerId).toBe('operator');
      expect(intro.role).toBe('intro');
      expect(turnText(intro)).toContain(surname);
      expect(exchange.questionTurns).toEqual([(exchange.introTurn ?? -1) + 1]);
      for (const q of exchange.questionTurns) expect(speakerOf(call, q)).toBe(exchange.analystId);
      expect(exchange.answerTurns.length).toBeGreaterThan(0);
      for (const a of exchange.answerTurns) {
        expect(['andrew-jassy', 'brian-olsavsky']).toContain(speakerOf(call, a));
        expect(call.turns[a]?.paragraphs.length).toBeGreaterThan(0);
      }
    }
    expect(call.exchanges[0]?.answerTurns.map((i) => speakerOf(call, i))).toEqual(['brian-olsavsky', 'andrew-jassy']);
    expect(call.exchanges.slice(1).map((e) => e.answerTurns.map((i) => speakerOf(call, i)))).toEqual(
      Array.from({ length: 5 }, () => ['andrew-jassy']),
    );
  });

  it('gives every turn a role consistent with its exchange', () => {
    for (const turn of call.turns) {
      if (turn.section === 'prepared_remarks') {
        expect([turn.role, turn.exchange]).toEqual(['remarks', null]);
        continue;
      }
      const exchange = call.exchanges.find((e) => e.id === turn.exchange);
      if (turn.role === 'remarks') expect(turn.exchange).toBeNull();
      else expect(exchange).toBeDefined();
      if (turn.role === 'intro') expect(exchange?.introTurn).toBe(turn.index);
      if (turn.role === 'question') expect(exchange?.questionTurns).toContain(turn.index);
      if (turn.role === 'answer') expect(exchange?.answerTurns).toContain(turn.index);
    }
    expect(call.turns.map((t) => t.index)).toEqual(call.turns.map((_, i) => i));
  });

  it("treats Dave Fildes' closing thanks as remarks outside any exchange", () => {
    const last = call.turns.at(-1) as Turn;
    expect(last.speakerId).toBe('dave-fildes');
    expect(turnText(last)).toMatch(/^Thanks for joining us on the call today/);
    expect(last.role).toBe('remarks');
    expect(last.exchange).toBeNull();
    expect(call.exchanges.at(-1)?.answerTurns).not.toContain(last.index);
  });

  it('round-trips every paragraph and turn offset', () => {
    let previousEnd = 0;
    for (const turn of call.turns) {
      expect(turn.paragraphs.length).toBeGreaterThan(0);
      expect(turn.start).toBe(turn.paragraphs[0]?.start);
      expect(turn.end).toBe(turn.paragraphs.at(-1)?.end);
      for (const p of turn.paragraphs) {
        expect(source.slice(p.start, p.end)).toBe(p.text);
        expect(p.text).toBe(p.text.trim());
        expect(p.text).not.toBe('');
        expect(p.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = p.end;
      }
    }
  });

  it('honours an explicit id', () => {
    expect(parseTranscript(source, { id: 'custom' }).meta.id).toBe('custom');
  });
});

describe('parseTranscript tolerance', () => {
  it('accepts \\r\\n line endings and trailing whitespace with the same structure', () => {
    const messy = source.replace(/\n/g, ' \t\r\n');
    const parsed = parseTranscript(messy);
    expect(parsed.meta).toEqual(call.meta);
    expect(parsed.participants).toEqual(call.participants);
    expect(parsed.exchanges).toEqual(call.exchanges);
    expect(parsed.turns.map((t) => [t.speakerId, t.role, t.exchange, t.paragraphs.map((p) => p.text)])).toEqual(
      call.turns.map((t) => [t.speakerId, t.role, t.exchange, t.paragraphs.map((p) => p.text)]),
    );
    for (const p of parsed.turns.flatMap((t) => t.paragraphs)) expect(messy.slice(p.start, p.end)).toBe(p.text);
  });

  it('accepts bare \\r line endings', () => {
    const parsed = parseTranscript(source.replace(/\n/g, '\r'));
    expect(parsed.exchanges).toEqual(call.exchanges);
    expect(parsed.turns.flatMap((t) => t.paragraphs.map((p) => p.text))).toEqual(call.turns.flatMap((t) => t.paragraphs.map((p) => p.text)));
  });

  it('parses another company with follow-ups, an unnamed intro and an operator sign-off', () => {
    const text = renderTranscript({
      analysts: ['Ana de Souza - Big Bank Securities, LLC', 'Tom Lee - Small Shop Research'],
      presentation: [
        { speaker: 'Operator', paragraphs: ['Welcome to the call.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['We had a fine quarter.', 'Revenue grew.'] },
      ],
      qa: [
        { speaker: 'Operator', paragraphs: ['Our first question comes from Ana de Souza with Big Bank.'] },
        { speaker: 'Ana de Souza', title: 'Big Bank Securities, LLC', paragraphs: ['How are margins?'] },
        { speaker: 'Robert Smith', title: 'Chief Financial Officer', paragraphs: ['Margins are up.'] },
        { speaker: 'Ana de Souza', title: 'Big Bank Securities, LLC', paragraphs: ['And costs?'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Costs are down.'] },
        { speaker: 'Operator', paragraphs: ['We will take our next question. Please go ahead.'] },
        { speaker: 'Tom Lee', title: 'Small Shop Research', paragraphs: ['What about demand?'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Demand is strong.'] },
        { speaker: 'Operator', paragraphs: ['That concludes today\'s call. I will turn it back to Jane Roe.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Thank you all for joining.'] },
      ],
    });
    const c = parseTranscript(text);
    expect(c.meta).toMatchObject({ id: 'wdgt-q2-2024', company: 'Widget Corp', ticker: 'WDGT', date: '2024-07-30', time: '8:30 AM ET' });
    expect(c.participants.find((p) => p.id === 'ana-de-souza')).toMatchObject({ firm: 'Big Bank Securities, LLC', division: null, side: 'analyst', sideSource: 'listed' });
    expect(c.exchanges).toEqual([
      { id: 1, analystId: 'ana-de-souza', introTurn: 2, questionTurns: [3, 5], answerTurns: [4, 6] },
      { id: 2, analystId: 'tom-lee', introTurn: 7, questionTurns: [8], answerTurns: [9] },
    ]);
    expect(c.turns.slice(10).map((t) => [t.speakerId, t.role, t.exchange])).toEqual([
      ['operator', 'remarks', null],
      ['jane-roe', 'remarks', null],
    ]);
  });

  it('opens an exchange for an analyst who speaks without an introduction', () => {
    const text = renderTranscript({
      analysts: ['Tom Lee - Small Shop Research'],
      presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Hello.'] }],
      qa: [
        { speaker: 'Tom Lee', title: 'Small Shop Research', paragraphs: ['A question.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['An answer.'] },
      ],
    });
    expect(parseTranscript(text).exchanges).toEqual([{ id: 1, analystId: 'tom-lee', introTurn: null, questionTurns: [1], answerTurns: [2] }]);
  });

  it('opens a new exchange when a different analyst speaks without an introduction', () => {
    const text = renderTranscript({
      analysts: ['Tom Lee - Small Shop Research', 'Ana Diaz - Big Bank'],
      presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Hello.'] }],
      qa: [
        { speaker: 'Tom Lee', title: 'Small Shop Research', paragraphs: ['A question.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['An answer.'] },
        { speaker: 'Ana Diaz', title: 'Big Bank', paragraphs: ['Another question.'] },
        { speaker: 'Robert Smith', title: 'Chief Financial Officer', paragraphs: ['Another answer.'] },
      ],
    });
    expect(parseTranscript(text).exchanges).toEqual([
      { id: 1, analystId: 'tom-lee', introTurn: null, questionTurns: [1], answerTurns: [2] },
      { id: 2, analystId: 'ana-diaz', introTurn: null, questionTurns: [3], answerTurns: [4] },
    ]);
  });

  it('recognises a listed speaker written with a nickname or without the middle name', () => {
    const renamed = source
      .replace('\nMark Stephen Mahaney\nEvercore', '\nMark Mahaney\nEvercore')
      .replace('\nDouglas Anmuth\nJPMorgan', '\nDoug Anmuth\nJPMorgan')
      .replace(/\nAndrew Jassy\nPresident/g, '\nAndy Jassy\nPresident');
    const parsed = parseTranscript(renamed);
    expect(parsed.participants).toEqual(call.participants);
    expect(parsed.exchanges).toEqual(call.exchanges);
    expect(parsed.turns.map((t) => t.speakerId)).toEqual(call.turns.map((t) => t.speakerId));
  });

  it('does not guess between two listed people a nickname could name', () => {
    const text = renderTranscript({
      company: ['Patricia Roe - Chief Executive Officer', 'Patrick Roe - Chief Financial Officer'],
      presentation: [{ speaker: 'Pat Roe', paragraphs: ['Hello.'] }],
    });
    expect(formatError(text).message).toBe(
      'line 10: speaker "Pat Roe" could be "Patricia Roe" (Chief Executive Officer) or "Patrick Roe" (Chief Financial Officer); write the title or firm with the name to tell them apart',
    );
  });

  it('tells two people a nickname could name apart by the title written under it', () => {
    const text = renderTranscript({
      company: ['Patricia Roe - Chief Executive Officer', 'Patrick Roe - Chief Financial Officer'],
      presentation: [
        { speaker: 'Pat Roe', title: 'Chief Financial Officer', paragraphs: ['Numbers.'] },
        { speaker: 'Pat Roe', title: 'Chief Executive Officer', paragraphs: ['Strategy.'] },
      ],
    });
    expect(parseTranscript(text).turns.map((t) => t.speakerId)).toEqual(['patrick-roe', 'patricia-roe']);
  });

  it('keeps a second answer by someone who already answered in the exchange', () => {
    const text = renderTranscript({
      analysts: ['Tom Lee - Small Shop Research'],
      presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Hello.'] }],
      qa: [
        { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Tom Lee with Small Shop.'] },
        { speaker: 'Tom Lee', title: 'Small Shop Research', paragraphs: ['A question.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['An answer.'] },
        { speaker: 'Robert Smith', title: 'Chief Financial Officer', paragraphs: ['More detail.'] },
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Thanks for joining us today.'] },
      ],
    });
    const c = parseTranscript(text);
    expect(c.exchanges[0]?.answerTurns).toEqual([3, 4, 5]);
    expect(c.turns.at(-1)?.role).toBe('answer');
  });
});

/** An invented name-colon call (Quillon Analytics): its analysts' list lines, then the turns after the CEO's remarks, one paragraph each. */
function quillonCall(analysts: readonly string[], turns: readonly string[]): string {
  const opening = ['Moderator: Welcome to the Quillon Analytics first quarter 2026 earnings call. Over to Harriet Olsen.', 'Harriet Olsen: Thank you. Revenue rose 5% to $212 million.'];
  return ['Quillon Analytics (QNLX) Q1 2026 Earnings Call', '', 'Participants:', 'Harriet Olsen - Chief Executive Officer', ...analysts, '', [...opening, ...turns].join('\n\n')].join('\n');
}

describe("an analyst's role written before the firm in a participants list", () => {
  it('"Analyst, Firm" and "Research Analyst at Firm" give the firm alone', () => {
    const text = quillonCall(
      ['Leo Marchetti - Analyst, Fairbank Partners', 'Nina Sato - Research Analyst at Redstone Research'],
      [
        'Moderator: We will now take questions. First, Leo Marchetti.',
        'Leo Marchetti: Thanks. How big is the settlement?',
        'Harriet Olsen: About $9 million.',
        'Moderator: Next, Nina Sato.',
        'Nina Sato: What drove the new accounts?',
        'Harriet Olsen: Mostly healthcare.',
      ],
    );
    const { participants } = parseTranscriptText(text, { fileName: 'qnlx.txt' }).call;
    const firmOf = (name: string) => participants.find((p) => p.name === name)?.firm;
    expect(firmOf('Leo Marchetti')).toBe('Fairbank Partners');
    expect(firmOf('Nina Sato')).toBe('Redstone Research');
    expect(participants.find((p) => p.name === 'Nina Sato')?.side).toBe('analyst');
  });
});

describe('a moderator who hands over by name and firm', () => {
  it('"First, Leo Marchetti from Fairbank Partners." opens the Q&A and introduces his question', () => {
    const text = quillonCall(
      ['Leo Marchetti - Analyst, Fairbank Partners'],
      ['Moderator: We will now take questions. First, Leo Marchetti from Fairbank Partners.', 'Leo Marchetti: Thanks. How big is the settlement?', 'Harriet Olsen: About $9 million.'],
    );
    const { turns, exchanges, participants } = parseTranscriptText(text, { fileName: 'qnlx.txt' }).call;
    const handover = turns[2]!;
    expect([handover.section, handover.role]).toEqual(['qa', 'intro']);
    expect(exchanges[0]?.introTurn).toBe(2);
    expect(participants.find((p) => p.id === exchanges[0]?.analystId)?.name).toBe('Leo Marchetti');
  });
});

describe('TranscriptFormatError', () => {
  it('rejects random text at line 1 with the expected title shape', () => {
    const error = formatError('Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.\n');
    expect(error.line).toBe(1);
    expect(error.lineText).toBe('Lorem ipsum dolor sit amet.');
    expect(error.message).toMatch(/^line 1: not in any supported layout \(closest: standard, expected a title line like "Company \(TICKER\) Q4 2025 Earnings Call <date> <time>", found "Lorem ipsum dolor sit amet\."/);
    expect(error).toBeInstanceOf(Error);
  });

  it('rejects an empty file', () => {
    expect(formatError('').line).toBe(1);
    expect(formatError('\n\n  \n').message).toBe('line 1: the file is empty');
  });

  it('rejects a title with an impossible date', () => {
    const error = formatError(source.replace('February 5, 2026', 'February 30, 2026'));
    expect([error.line, error.message]).toEqual([1, 'line 1: expected a real call date like "February 5, 2026", found "February 30, 2026"']);
  });

  it('refuses a header line that is neither title, date nor heading', () => {
    const error = formatError(source.replace('Company Participants', 'Some Participants'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^line 3: expected a participants list or a section heading \("Presentation", "Questions and Answers"\), found "Some Participants"/);
  });

  it('rejects an empty participant list', () => {
    const lines = source.split('\n');
    const without = [...lines.slice(0, 3), ...lines.slice(9)].join('\n'); // drop the three executives
    const error = formatError(without);
    expect(error.line).toBe(3);
    expect(error.message).toBe('line 3: "Company Participants" lists no participants');
  });

  it('rejects a participant line without a dash', () => {
    const error = formatError(source.replace('Ross Sandler - Barclays', 'Ross Sandler of Barclays'));
    expect(error.line).toBe(14);
    expect(error.message).toMatch(/^line 14: expected a participant line like "Name - Firm, Division"/);
  });

  it('names the line of an unknown speaker', () => {
    const broken = source.replace('\nRoss Sandler\nBarclays', '\nRosa Sandler\nBarclays');
    const error = formatError(broken);
    expect(error.line).toBe(204);
    expect(error.message).toMatch(/^line 204: unknown speaker "Rosa Sandler"/);
  });

  it('requires a speaker at the start of a section', () => {
    const broken = source.replace('Presentation\n\nOperator\n', 'Presentation\n\n');
    const error = formatError(broken);
    expect(error.line).toBe(23);
    expect(error.message).toMatch(/^line 23: expected a speaker name line \(a listed participant or "Operator"\), found "Thank you for standing by/);
  });

  it('requires a section heading after the participants', () => {
    const renamed = formatError(source.replace('\nPresentation\n', '\nPrepared stuff\n'));
    expect(renamed.line).toBe(20);
    expect(renamed.message).toBe(
      'line 20: expected a participant line like "Name - Firm, Division" or a section heading, found "Prepared stuff"',
    );
  });

  it('accepts a call that opens with its Q&A', () => {
    const lines = source.split('\n');
    const qaOnly = parseTranscript([...lines.slice(0, 19), ...lines.slice(140)].join('\n'));
    expect(qaOnly.turns.every((t) => t.section === 'qa')).toBe(true);
    expect(qaOnly.exchanges.map((e) => e.analystId)).toEqual(call.exchanges.map((e) => e.analystId));
  });

  it('infers where the Q&A starts when analysts are listed but the Q&A heading is missing', () => {
    const parsed = parseTranscript(source.replace('Question-and-Answer Session\n', ''));
    expect(parsed.turns.map((t) => t.section)).toEqual(call.turns.map((t) => t.section));
    expect(parsed.exchanges).toEqual(call.exchanges);
  });

  it('rejects a speaker with nothing said', () => {
    const text = renderTranscript({
      presentation: [
        { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: [] },
        { speaker: 'Robert Smith', title: 'Chief Financial Officer', paragraphs: ['Numbers.'] },
      ],
    });
    const error = formatError(text);
    expect(error.line).toBe(10);
    expect(error.message).toBe('line 10: expected at least one paragraph after speaker "Jane Roe"');
  });
});

describe('a call with no header', () => {
  // Captions and bare speaker labels carry no title: the operator's welcome names the call.
  const srt = (welcome: string) =>
    [
      '1',
      '00:00:01,000 --> 00:00:06,000',
      `OPERATOR: ${welcome} I will be your operator today.`,
      '',
      '2',
      '00:00:06,500 --> 00:00:12,000',
      'LENA PARK: Thank you. Revenue grew 18% to $42 million.',
      '',
    ].join('\n');

  it("takes the company and quarter from the operator's welcome, and says so", () => {
    const parsed = parseTranscriptText(srt('Welcome to the Orchid Labs first quarter 2025 earnings call.'), { fileName: 'orchid.srt' });
    expect([parsed.call.meta.company, parsed.call.meta.quarter]).toEqual(['Orchid Labs', 'Q1 2025']);
    expect(parsed.warnings.map((w) => w.message)).toContain('company and quarter read from the welcome: Orchid Labs Q1 2025');
  });

  it('reads an acronym with its possessive written without the apostrophe ("QXRs", as speech recognition writes it) as the acronym, when the call writes it alone', () => {
    const text = srt('Welcome to QXRs first quarter 2025 earnings call.').replace('Revenue grew', 'QXR revenue grew');
    const parsed = parseTranscriptText(text, { fileName: 'qxr.srt' });
    expect(parsed.call.meta.company).toBe('QXR');
    expect(parsed.warnings.map((w) => w.message)).toContain('company and quarter read from the welcome: QXR Q1 2025');
    // Never said alone: the welcome's word stays as it is.
    expect(parseTranscriptText(srt('Welcome to QXRs first quarter 2025 earnings call.'), { fileName: 'qxr.srt' }).call.meta.company).toBe('QXRs');
  });

  it.each([
    ["Welcome to Velora's third quarter 2024 results conference call.", 'Velora', 'Q3 2024'],
    ['Thank you for standing by and welcome to the Brightwave.io 2024 Q2 Earnings Conference Call.', 'Brightwave.io', 'Q2 2024'],
    ['Welcome to Corvane Motors 2024 full year results conference call.', 'Corvane Motors', null],
    ['Welcome to this Halden Wind investor presentation for the fourth quarter of 2024.', 'Halden Wind', null],
    ['Welcome to Tessel Minerals-December 2024 quarterly investor call.', 'Tessel Minerals', null],
    ["Good morning. Thank you for joining us to review Marrow Bio's 2024 fourth quarter and full year results.", 'Marrow Bio', null],
    ["Welcome to the conference call of Kestrel Systems AG. This call is being recorded for replay.", 'Kestrel Systems AG', null],
    ['Good morning and welcome to the earnings call for Amberly Foods. Lines are muted.', 'Amberly Foods', null],
    ['Welcome and thank you for joining the Corvane Group nine-month 2021 results conference call.', 'Corvane Group', null],
    ["Good morning and welcome to Tessel Bank's 2021 full year results audio webcast.", 'Tessel Bank', null],
    ['Welcome to this presentation of the Halden Steel year-end report.', 'Halden Steel', null],
    ['We welcome you to the live webcast presentation of Marrow Instruments interim financial results.', 'Marrow Instruments', null],
    ['Welcome to Quorvo Quantum Inc inaugural fiscal year-end conference call.', 'Quorvo Quantum Inc', null],
    // An abbreviation's period is no sentence's end; a company named for a person keeps its possessive.
    ["Good day, everyone, and welcome to Dr. Halvorsen's Q3 FY 2024 Earnings Conference Call. As a reminder, lines are muted.", "Dr. Halvorsen's", 'Q3 2024'],
    ['Welcome to the St. Aubin Mining second quarter 2024 earnings call.', 'St. Aubin Mining', 'Q2 2024'],
    // The same in a welcome that thanks for joining, or names results rather than a call.
    ["Good morning. Thank you for joining us to review Dr. Halvorsen's 2024 fourth quarter results.", "Dr. Halvorsen's", null],
    ['Good morning and welcome to St. Aubin Mining 2021 full year results audio webcast.', 'St. Aubin Mining', null],
    // The name after the period words, or after whom the call is for.
    ['Hello and welcome to the nine months 23 KVRN results call. My name is Dana.', 'KVRN', null],
    ["Welcome to today's call for shareholders and analysts of Halvard's 2022 fiscal first quarter results. Our host is", 'Halvard', 'Q1 2022'],
    ['Welcome to the 2021 third quarter Tessel Steel earnings call.', 'Tessel Steel', 'Q3 2021'],
    // A call named by its period alone, without "earnings" or "results".
    ['Welcome to the Pellworth Foods second quarter 2025 call. My name is Dana.', 'Pellworth Foods', 'Q2 2025'],
  ])('reads the company as the welcome speaks it: %s', (welcome, company, quarter) => {
    const { meta } = parseTranscriptText(srt(welcome), { fileName: 'call.srt' }).call;
    expect(meta.company).toBe(company);
    if (quarter) expect(meta.quarter).toBe(quarter);
  });

  it.each(['Welcome to our first semester results conference call.', 'Welcome to the [unk] Q1 results conference call.', 'Welcome to the first quarter 2021 results call.', "Welcome to today's call for shareholders and analysts of our first quarter results."])('takes no name from a welcome that names none: %s', (welcome) => {
    expect(parseTranscriptText(srt(welcome), { fileName: 'call.srt' }).call.meta.company).toBe('call.srt');
  });

  it.each([
    ['Welcome to Corvane Motors 2024 full year results conference call.', 'Q4 2024', '"2024 full year" → Q4 2024'],
    ['Welcome to this Halden Wind investor presentation for the fourth quarter of 2024.', 'Q4 2024', '"fourth quarter of 2024" → Q4 2024'],
    ["Thank you for standing by, and welcome to Lisbon Power's first half 2020 results presentation.", 'Q2 2020', '"first half 2020" → Q2 2020'],
  ])('takes the period the opening reports when nothing else says it, and says so: %s', (welcome, quarter, said) => {
    const parsed = parseTranscriptText(srt(welcome), { fileName: 'call.srt' });
    expect(parsed.call.meta.quarter).toBe(quarter);
    expect(parsed.warnings.map((w) => w.message)).toContain(`quarter read from the opening: ${said}`);
    // The id is what it was before the period was read.
    expect(parsed.call.meta.id).not.toContain(quarter.toLowerCase().replace(' ', '-'));
  });

  it('a welcome that names no call leaves the file name standing in', () => {
    const parsed = parseTranscriptText(srt('Welcome, everyone, and thank you for joining.'), { fileName: 'orchid.srt' });
    expect(parsed.call.meta.company).toBe('orchid.srt');
  });
});
