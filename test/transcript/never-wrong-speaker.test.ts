/**
 * Never the wrong speaker (issue 8 item 2): a line that looks like a speaker header but names
 * no participant is an error with file:line and the line's text, or (where the layout allows
 * unlisted speakers) a new participant in the warnings — never words absorbed into the previous
 * turn. Nicknames still resolve; "Okay Great" is speech, not a name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocumentText } from '../../src/transcript/documents/extract-text.js';
import { nameColonLayout } from '../../src/transcript/layouts/name-colon.js';
import { standardLayout } from '../../src/transcript/layouts/standard.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { splitLines } from '../../src/transcript/lines.js';
import { parseTranscriptBytes, parseTranscriptFile, parseTranscriptText, TranscriptFormatError } from '../../src/transcript/read-source.js';
import { inferTitles } from '../../src/transcript/title-introductions.js';
import type { Participant } from '../../src/transcript/types.js';
import { turnTable, type TurnRow } from './layout-table.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), 'utf8');

function refusal(text: string, fileName?: string): TranscriptFormatError {
  try {
    parseTranscriptText(text, { fileName });
  } catch (error) {
    if (error instanceof TranscriptFormatError) return error;
    throw error;
  }
  throw new Error('expected the transcript to be refused');
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l === needle) + 1;

/** One caption cue: its timing line and its text. */
const cue = (from: string, to: string, text: string): string => `${from} --> ${to}\n${text}\n`;

/** A layout fixture with each `[from, to]` edit made wherever `from` occurs; every edit must apply. */
function edited(file: string, edits: ReadonlyArray<readonly [string, string]>): { original: string; text: string } {
  const original = fixture(file);
  const text = edits.reduce((t, [from, to]) => {
    expect(t).toContain(from);
    return t.replaceAll(from, to);
  }, original);
  return { original, text };
}

describe('a speaker line that names no one it can tell is refused, with file:line and the line', () => {
  // Never words absorbed into the previous turn. [case, fixture, a speaker line's block, the block as broken, the error]
  it.each<[string, string, string, string, string]>([
    [
      'standard: a misspelt speaker, with the listed name it resembles',
      'standard.txt',
      'Tom Becker\nAlder & Co.\n\nAny update',
      'Tom Beker\nAlder & Co.\n\nAny update',
      'unknown speaker "Tom Beker": not in the participants lists (did you mean "Tom Becker"?)',
    ],
    ['standard: a bare unknown name line, instead of absorbing it into the previous turn', 'standard.txt', 'Tom Becker\nAlder & Co.\n\nAny update', 'Rosa Diaz\n\nAny update', 'unknown speaker "Rosa Diaz": not in the participants lists'],
    [
      'standard: a shared name it cannot tell apart (no title written with it)',
      'standard.txt',
      'Sam Lee\nRidgeway Capital Markets\n\n',
      'Sam Lee\n\n',
      'speaker "Sam Lee" could be "Sam Lee" (Chief Financial Officer) or "Sam Lee" (Ridgeway Capital Markets); write the title or firm with the name to tell them apart',
    ],
    [
      'dash-header: a speaker line one typo from a listed name',
      'dash-header.txt',
      'Tom Becker -- Alder & Co. -- Analyst\n\nAny',
      'Tom Bekker -- Alder & Co. -- Analyst\n\nAny',
      'unknown speaker "Tom Bekker": not in "Call participants:" (did you mean "Tom Becker"?)',
    ],
    ['name-colon: a prefix one typo from a listed name', 'name-colon.txt', 'Tom Becker: Any update', 'Tom Bekcer: Any update', 'unknown speaker "Tom Bekcer": not in the participants list (did you mean "Tom Becker"?)'],
  ])('%s', (_case, file, from, to, message) => {
    const { original, text } = edited(file, [[from, to]]);
    const line = original.slice(0, original.indexOf(from)).split('\n').length;
    const error = refusal(text, file);
    expect(error.describe()).toBe(`${file}:${line}: ${message}`);
    expect(error.lineText).toBe(text.split('\n')[line - 1]);
  });
});

describe('each turn under its speaker, however the speaker line is written', () => {
  // [case, fixture, edits, a turn, what that turn must be]
  it.each<[string, string, Array<[string, string]>, number, Partial<TurnRow>]>([
    ['standard: "Okay Great" is speech, not a speaker, and stays in the analyst\'s turn', 'standard.txt', [], 7, { speaker: 'Priya Natarajan', text: 'Okay Great And what does that mean for gross margin in the second half?' }],
    // Nicknames, initials and dropped middle names resolve to the listed person.
    ['standard: a nickname ("Andy Kim", as written) is the listed Andrew Kim', 'standard.txt', [], 2, { speaker: 'Andrew Kim' }],
    ['standard: an initial ("A. Kim") is the listed Andrew Kim', 'standard.txt', [['Andy Kim\nChief Executive Officer', 'A. Kim\nChief Executive Officer']], 2, { speaker: 'Andrew Kim' }],
    ['standard: the full name ("Andrew Kim") is the listed Andrew Kim', 'standard.txt', [['Andy Kim\nChief Executive Officer', 'Andrew Kim\nChief Executive Officer']], 2, { speaker: 'Andrew Kim' }],
    ['standard: a name written with an honorific ("Dr. Andrew Kim") is the listed Andrew Kim', 'standard.txt', [['Andy Kim\nChief Executive Officer\n\nThanks, Lena.', 'Dr. Andrew Kim\nChief Executive Officer\n\nThanks, Lena.']], 2, { speaker: 'Andrew Kim' }],
    [
      'standard: a hyphenated name on an inline speaker line ("Jean-Marc Roy - Chief Operating Officer") is a speaker line, not speech',
      'standard.txt',
      [['Marta Flores\nChief Operating Officer\n\n', 'Jean-Marc Roy - Chief Operating Officer\n\n']],
      11,
      { speaker: 'Jean-Marc Roy', side: 'company', role: 'answer' },
    ],
    [
      'dash-header: a " -- " sentence is never taken for a speaker line',
      'dash-header.txt',
      [['Any update on the European launch?', 'Any update -- Europe -- on the launch?\n\nSure -- Europe is next.']],
      14,
      { speaker: 'Tom Becker', text: 'Any update -- Europe -- on the launch? Sure -- Europe is next.' },
    ],
    // Nor an em-dash one.
    [
      'dash-header: nor an em-dash sentence',
      'dash-header.txt',
      [['Any update on the European launch?', 'Any update \u2014 Europe \u2014 on the launch?\n\nSure \u2014 Europe is next.']],
      14,
      { speaker: 'Tom Becker', text: 'Any update \u2014 Europe \u2014 on the launch? Sure \u2014 Europe is next.' },
    ],
    [
      'dash-header: a speaker line followed directly by speech still opens a turn',
      'dash-header.txt',
      [['Tom Becker -- Alder & Co. -- Analyst\n\nAny update', 'Tom Becker -- Alder & Co. -- Analyst\nAny update']],
      14,
      { speaker: 'Tom Becker', text: 'Any update on the European launch?' },
    ],
    [
      'name-colon: a label ("Note:") is not taken for a speaker',
      'name-colon.txt',
      [['Tom Becker: Any update on the European launch?', 'Tom Becker: Any update on the European launch?\n\nNote: the hub opens in October.']],
      14,
      { speaker: 'Tom Becker', text: 'Any update on the European launch? Note: the hub opens in October.' },
    ],
  ])('%s', (_case, file, edits, turn, expected) => {
    expect(turnTable(parseTranscriptText(edited(file, edits).text).call)[turn]).toMatchObject(expected);
  });
});

describe('speaker lines written another way read exactly as the fixture does', () => {
  // [case, fixture, edits]: every turn's speaker, side, section, role, exchange and words the same.
  it.each<[string, string, Array<[string, string]>]>([
    [
      'standard: speaker lines with no blank line before them start their own turn instead of joining the previous paragraph',
      'standard.txt',
      [
        ['ramps.\n\nOperator\n\nOur next question', 'ramps.\nOperator\nOur next question'],
        ['eight weeks.\n\nSam Lee\nChief Financial Officer\n\nAnd that', 'eight weeks.\nSam Lee\nChief Financial Officer\nAnd that'],
        ['launch?\n\nAndy Kim\nChief Executive Officer\n\nOkay Great question', 'launch?\nAndy Kim - Chief Executive Officer\nOkay Great question'],
      ],
    ],
    [
      'standard: "Name - Title", "Name, Title" and "Operator:" open turns like name + title lines',
      'standard.txt',
      [
        ['Andy Kim\nChief Executive Officer\n\nThanks, Lena.', 'Andy Kim - Chief Executive Officer\n\nThanks, Lena.'],
        ['Sam Lee\nRidgeway Capital Markets\n\n', 'Sam Lee, Ridgeway Capital Markets\n\n'],
        ['Marta Flores\nChief Operating Officer\n\n', 'Marta Flores -- Chief Operating Officer\n\n'],
        ['Operator\n\nThat concludes', 'Operator:\n\nThat concludes'],
      ],
    ],
    [
      'dash-header: speaker lines with no blank line before them start their own turn',
      'dash-header.txt',
      [
        ['ramps.\n\nOperator\n\nOur next question', 'ramps.\nOperator\nOur next question'],
        ['launch?\n\nAndy Kim -- Chief Executive Officer\n\nOkay Great question', 'launch?\nAndy Kim -- Chief Executive Officer\nOkay Great question'],
      ],
    ],
    [
      'name-colon: an honorific with the surname ("Ms. Brooks:", "Mr. Becker:"), with the full name ("Dr. Andrew Kim:"), a title before the name ("CFO Sam Lee:" is the CFO, not the analyst Sam Lee)',
      'name-colon.txt',
      [
        ['Lena Brooks: Thank you, and good afternoon.', 'Ms. Brooks: Thank you, and good afternoon.'],
        ['Tom Becker: Any update', 'Mr. Becker: Any update'],
        ['Andy Kim: Thanks, Lena.', 'Dr. Andrew Kim: Thanks, Lena.'],
        ['Sam Lee (Chief Financial Officer): Revenue was', 'CFO Sam Lee: Revenue was'],
        ['Sam Lee (Chief Financial Officer): And that second', 'CFO Sam Lee: And that second'],
      ],
    ],
    [
      'name-colon: a "Name, Title, Company:" label over 60 characters opens its own turn, never the previous speaker\'s words',
      'name-colon.txt',
      [['Andy Kim: Thanks, Lena.', 'Andy Kim, President and Chief Executive Officer, Northwind Robotics, Inc.: Thanks, Lena.']],
    ],
    [
      'name-colon: a label line with the title in parentheses before the time ("Maria Lopez (CEO) 00:00:21", as call-platform exports write it)',
      'name-colon-otter.txt',
      [
        ['Maria Lopez  0:21', 'Maria Lopez (Chief Executive Officer) 00:00:21'],
        ['Jake Miller  3:10', 'Jake Miller (Barclays) 00:03:10'],
      ],
    ],
    [
      'name-colon: a transcription tool\'s signature as the file\'s last line ("Transcribed by https://otter.ai") is no one\'s words (it was the last speaker\'s)',
      'name-colon-otter.txt',
      [['Promotions were lighter than last year.', 'Promotions were lighter than last year.\n\nTranscribed by https://otter.ai\n']],
    ],
    [
      'name-colon: "Transcribed by Rev.com" under a Rev-style call is no one\'s words either',
      'name-colon-rev.txt',
      [['Promotions were lighter than last year.', 'Promotions were lighter than last year.\n\nTranscribed by Rev.com']],
    ],
    [
      'name-colon: "[Operator Instructions]" opening the words under "Operator:" is an editor\'s note, not a speaker label',
      'name-colon.txt',
      [['Operator: [Operator Instructions] Our first question', 'Operator:\n[Operator Instructions] Our first question']],
    ],
  ])('%s', (_case, file, edits) => {
    const { original, text } = edited(file, edits);
    expect(turnTable(parseTranscriptText(text).call)).toEqual(turnTable(parseTranscriptText(original).call));
  });
});

describe('standard layout', () => {
  const standard = fixture('standard.txt');

  it('adds an unlisted speaker written with a title line as a new participant, with a warning', () => {
    const parsed = parseTranscriptText(standard);
    expect(parsed.warnings).toContainEqual({ line: lineOf(standard, 'Marta Flores'), message: 'speaker "Marta Flores" is not in the participants lists; added as a new participant (company)' });
  });

  it('never gives an analyst\'s words to the listed executive who shares the name', () => {
    const onlyCfo = standard.replace('Sam Lee - Ridgeway Capital Markets\n', '');
    const parsed = parseTranscriptText(onlyCfo);
    const turn = turnTable(parsed.call)[10];
    expect(turn).toMatchObject({ speaker: 'Sam Lee', side: 'analyst', role: 'question' });
    const analyst = parsed.call.participants.find((p) => p.name === 'Sam Lee' && p.side === 'analyst');
    expect(analyst).toMatchObject({ sideSource: 'header', firm: 'Ridgeway Capital Markets' });
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Sam Lee" is not in the participants lists; added as a new participant (analyst)');
  });

  it('takes speakers from their header lines when there is no participants list, sides from the titles', () => {
    const lines = standard.split('\n');
    const noList = [...lines.slice(0, 2), '', ...lines.slice(lines.indexOf('Prepared Remarks'))].join('\n');
    const parsed = parseTranscriptText(noList);
    const people = Object.fromEntries(parsed.call.participants.map((p) => [`${p.name}|${p.title ?? p.firm}`, `${p.side}/${p.sideSource}`]));
    expect(people).toMatchObject({
      'Lena Brooks|Vice President, Investor Relations': 'company/header',
      'Priya Natarajan|Harbor Securities': 'analyst/header',
      'Sam Lee|Chief Financial Officer': 'company/header',
      'Sam Lee|Ridgeway Capital Markets': 'analyst/header',
    });
    expect(turnTable(parsed.call).map((r) => [r.side, r.role])).toEqual(turnTable(parseTranscriptText(standard).call).map((r) => [r.side, r.role]));
  });
});

describe('every layout', () => {
  it('reports the file name with the line', () => {
    const error = (() => {
      try {
        parseTranscriptBytes(Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\n<v A>Hello\n'), { fileName: 'call.vtt' });
      } catch (e) {
        return e as TranscriptFormatError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.describe()).toMatch(/^call\.vtt:3: WebVTT: Must be exactly two digits \(the cue would be lost\)$/);
  });
});

describe('one line, one speaker change', () => {
  it('name-colon lines without blank lines between them are separate turns', () => {
    const parsed = parseTranscriptText('Widget Corp (WDGT) Q2 2024 Earnings Call\nParticipants:\nJane Roe - Chief Executive Officer\nOperator: Good morning and welcome.\nJane Roe: Thank you. Revenue grew 12%.\n');
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual([
      ['Operator', 'Good morning and welcome.'],
      ['Jane Roe', 'Thank you. Revenue grew 12%.'],
    ]);
  });

  it('a WebVTT cue with two voices is two turns (the spec\'s own multi-voice cue)', () => {
    const parsed = parseTranscriptText('WEBVTT\n\n00:00:01.000 --> 00:00:06.500\n<v Operator>Good morning and welcome.\n<v Jane Roe>Thank you, operator.\n\n00:00:07.000 --> 00:00:09.000\n<v Jane Roe>Revenue grew.</v> <v Operator>Noted.</v>\n');
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual([
      ['Operator', 'Good morning and welcome.'],
      ['Jane Roe', 'Thank you, operator. Revenue grew.'],
      ['Operator', 'Noted.'],
    ]);
  });
});

describe('layouts without a participants list', () => {
  it('dash-header: speakers and sides come from the "Name -- Title" lines', () => {
    const dash = fixture('dash-header.txt');
    const noList = dash.slice(0, dash.indexOf('Call participants:'));
    const parsed = parseTranscriptText(noList);
    // Without the list, "Andy Kim" is known only as written.
    const rows = turnTable(parsed.call).map((r) => [r.speaker === 'Andy Kim' ? 'Andrew Kim' : r.speaker, r.side, r.role]);
    expect(rows).toEqual(turnTable(parseTranscriptText(dash).call).map((r) => [r.speaker, r.side, r.role]));
    expect(parsed.call.participants.filter((p) => p.side !== 'operator').every((p) => p.sideSource === 'header')).toBe(true);
    expect(parsed.warnings.map((w) => w.message)).toContain('no "Call participants:" list: speakers are taken from their "Name -- Title" lines');
  });

  it('asr-tokens without dataset metadata: "Speaker N" names, and the reader is told', () => {
    const tokens = ['token|speaker|ts|endTs|punctuation|case|tags|wer_tags', 'good|0|1.5|||UC|[]|[]', 'morning|0||||LC|[]|[]', '<inaudible>|0|||.|LC|[]|[]', 'thanks|1|4.25|||UC|[]|[]', 'operator|1|||.|LC|[]|[]'];
    const parsed = parseTranscriptText(tokens.join('\n'), { fileName: '123.nlp' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual([
      ['Speaker 0', 'Good morning [inaudible].'],
      ['Speaker 1', 'Thanks operator.'],
    ]);
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([1.5, 4.25]);
    expect(parsed.call.meta).toMatchObject({ id: 'call-123', company: '123', ticker: null, quarter: null });
    expect(parsed.warnings[0]?.message).toBe('no dataset metadata found beside the file: company, quarter and speaker names unknown');
  });
});

describe('a missing section heading never loses the remarks', () => {
  // Invented calls: the remarks open with no "Presentation" / "Prepared Remarks:" heading.
  const expected = [
    ['Operator', 'prepared_remarks', /^Good morning, and welcome to the Crestview Foods/],
    ['Maria Lopez', 'prepared_remarks', /^Thank you\. Our frozen meals business grew 7%/],
    ['Tom Reed', 'prepared_remarks', /^Thanks, Maria\. Net sales were \$1\.2 billion/],
    ['Operator', 'qa', /first question comes from Jake Miller/],
    ['Jake Miller', 'qa', /^How are promotions affecting your margins\?$/],
    ['Maria Lopez', 'qa', /^Promotions were lighter/],
    ['Operator', 'qa', /next question comes from Sara Kim/],
    ['Sara Kim', 'qa', /^What is your capex plan for 2025\?$/],
    ['Tom Reed', 'qa', /^We expect capital expenditures of about \$150 million/],
  ] as const;

  it.each([
    ['standard-no-presentation.txt', 'standard', /no "Presentation" heading/],
    ['dash-header-no-prepared.txt', 'dash-header', /no "Prepared Remarks:" heading/],
    ['dash-header-emdash.txt', 'dash-header', /no "Prepared Remarks:" heading/],
  ] as const)('%s: every turn, its speaker and section, and a warning that says what was assumed', (file, layout, warning) => {
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(parsed.layout).toBe(layout);
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => [r.speaker, r.section])).toEqual(expected.map(([speaker, section]) => [speaker, section]));
    rows.forEach((r, k) => expect(r.text).toMatch(expected[k]![2]));
    expect(parsed.warnings.map((w) => w.message).join('\n')).toMatch(warning);
    expect(parsed.call.meta.company).toMatch(/^Crestview Foods/);
  });
});

describe('"Name:" lines as exports and transcription services write them', () => {
  // Invented calls: Markdown emphasis and "Name, Title" labels; time stamps before the name.
  const speakers = ['Operator', 'Maria Lopez', 'Tom Reed', 'Operator', 'Jake Miller', 'Maria Lopez'];
  it.each([
    'name-colon-markdown.md',
    'name-colon-stamps.txt',
    'name-colon-otter.txt',
    'name-colon-caps.txt',
    // Rev / Temi: "Name (00:01:40):" over the words.
    'name-colon-rev.txt',
    // Happy Scribe / Trint: "[00:01:40] Name" over the words.
    'name-colon-stamp-lines.txt',
    // Zoom's saved captions: "[Name] 10:01:40" over the words, no blank lines.
    'name-colon-zoom.txt',
    // Sonix: "Name: [00:01:40] words".
    'name-colon-sonix.txt',
  ])('%s: every turn under its speaker, no markup or stamp in the words', (file) => {
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(parsed.layout).toBe('name-colon');
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => r.speaker)).toEqual(speakers);
    for (const r of rows) expect(r.text).not.toMatch(/\*\*|^\[?\d|:\*/);
    expect(rows[1]!.text).toMatch(/^Thank you\. Our frozen meals business grew 7%/);
    expect(rows.map((r) => r.section)).toEqual(['prepared_remarks', 'prepared_remarks', 'prepared_remarks', 'qa', 'qa', 'qa']);
    expect(parsed.call.meta.company).toMatch(/^crestview foods$/i);
    const jake = parsed.call.participants.find((p) => p.name === 'Jake Miller')!;
    expect([jake.side, jake.firm, jake.title]).toEqual(['analyst', 'Barclays', null]);
  });

  it.each(['name-colon-stamps.txt', 'name-colon-otter.txt', 'name-colon-rev.txt', 'name-colon-stamp-lines.txt', 'name-colon-sonix.txt'])('%s: time stamps become the turns\' start times', (file) => {
    const parsed = parseTranscriptText(fixture(file));
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([5, 21, 100, 182, 190, 210]);
  });

  it('Zoom\'s saved captions with no title line ("[Name] 10:00:05" first) are not taken for JSON', () => {
    const text = fixture('name-colon-zoom.txt').split('\n').slice(2).join('\n');
    expect(text.startsWith('[Operator] 10:00:05')).toBe(true);
    const parsed = parseTranscriptText(text, { fileName: 'zoom.txt' });
    expect(parsed.layout).toBe('name-colon');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(speakers);
  });

  it.each(['name-colon-markdown.md', 'name-colon-caps.txt'])('%s: "Name, Title:" gives the title, as people write it', (file) => {
    const parsed = parseTranscriptText(fixture(file));
    expect(parsed.call.participants.find((p) => p.name === 'Tom Reed')?.title).toBe('Chief Financial Officer');
  });
});

describe('a dash-header participants list before the remarks', () => {
  it('is read as the list (sides and titles from it), and is not taken for the header', () => {
    const parsed = parseTranscriptText(fixture('dash-header-list-on-top.txt'));
    expect(parsed.layout).toBe('dash-header');
    const people = Object.fromEntries(parsed.call.participants.map((p) => [p.name, [p.side, p.sideSource, p.title ?? p.firm]]));
    expect(people).toMatchObject({
      'Maria Lopez': ['company', 'listed', 'Chief Executive Officer'],
      'Tom Reed': ['company', 'listed', 'Chief Financial Officer'],
      'Jake Miller': ['analyst', 'listed', 'Barclays'],
    });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.call.meta).toMatchObject({ company: 'Crestview Foods', ticker: 'CVF', quarter: 'Q1 2025', date: '2025-04-24' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.section])).toEqual([
      ['Operator', 'prepared_remarks'],
      ['Maria Lopez', 'prepared_remarks'],
      ['Operator', 'qa'],
      ['Jake Miller', 'qa'],
      ['Tom Reed', 'qa'],
    ]);
  });
});

describe('a first name alone, after the full name spoke', () => {
  it('is that person when only one participant goes by it, with a warning; never a new "Maria"', () => {
    const parsed = parseTranscriptText(fixture('name-colon-first-names.txt'));
    expect(parsed.call.participants.map((p) => p.name).sort()).toEqual(['Jake Miller', 'Maria Lopez', 'Operator', 'Tom Reed']);
    expect(turnTable(parsed.call).slice(-2).map((r) => [r.speaker, r.role])).toEqual([
      ['Maria Lopez', 'answer'],
      ['Tom Reed', 'answer'],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Maria" taken as Maria Lopez, the only participant so named');
  });

  it('is an "Unidentified Speaker" when two people go by it, with a warning naming both — never a new person "Maria"', () => {
    const text = fixture('name-colon-first-names.txt').replace('Tom Reed: Net sales', 'Maria Chen: Net sales');
    const parsed = parseTranscriptText(text);
    const maria = turnTable(parsed.call).find((r) => r.text.startsWith('Promotions were lighter'))!;
    expect(maria).toMatchObject({ speaker: 'Unidentified Speaker', side: 'unknown' });
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Maria');
    expect(parsed.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^speaker "Maria" could be "Maria Lopez" or "Maria Chen"/));
  });

  it('is the one the turn before hands the floor to ("…comes from Maria Lund"), never the CFO Maria Castell who spoke before; after that, either Maria is no one it can name', () => {
    const parsed = parseTranscriptText(fixture('name-colon-two-marias.txt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'Operator (operator, remarks)',
      'Maria Castell (company, remarks)',
      'Operator (operator, intro)',
      'Maria Lund (analyst, question)',
      'Maria Castell (company, answer)',
      'Unidentified Speaker (unknown, answer)',
      'Owen Pryce (company, answer)',
      'Operator (operator, remarks)',
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Maria Lund')?.firm).toBe('Piper Sandler');
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Maria');
  });

  it('every given name of one listed person ("Ana María:" for Ana María de la Cruz) is them — it was a new person "Ana María"', () => {
    const text = fixture('name-colon-two-marias.txt')
      .replace('Tallis Freight Corp (TLFT) Q3 2025 Earnings Call\n', 'Tallis Freight Corp (TLFT) Q3 2025 Earnings Call\n\nParticipants:\nMaria Castell - Chief Financial Officer\nOwen Pryce - Chief Executive Officer\nAna María de la Cruz - Piper Sandler, Analyst\n')
      .replace('from Maria Lund with', 'from Ana María de la Cruz with')
      .replace('Maria: Thanks. What about fuel', 'Ana María: Thanks. What about fuel')
      .replace('Maria: And diesel', 'Ana María: And diesel');
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Maria Castell', 'Operator', 'Ana María de la Cruz', 'Maria Castell', 'Ana María de la Cruz', 'Owen Pryce', 'Operator']);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Ana María');
  });
});

describe('a first name alone in captions', () => {
  it('WebVTT: "Maria:" after "Maria Lopez:" is her, as in "Name:" transcripts', () => {
    const text = [
      'WEBVTT\n',
      cue('00:00:01.000', '00:00:05.000', 'Operator: Good morning and welcome to the Crestview Foods call.'),
      cue('00:00:06.000', '00:00:10.000', 'Maria Lopez: Thank you. Our frozen meals business grew 7% in the quarter.'),
      cue('00:01:00.000', '00:01:04.000', 'Operator: Our first question comes from Jake Miller with Barclays.'),
      cue('00:01:05.000', '00:01:09.000', 'Jake Miller: How are promotions affecting your margins?'),
      cue('00:01:10.000', '00:01:14.000', 'Maria: Promotions were lighter than last year.'),
    ].join('\n');
    const parsed = parseTranscriptText(text, { fileName: 'crestview.vtt' });
    expect(parsed.layout).toBe('webvtt');
    expect(turnTable(parsed.call).at(-1)).toMatchObject({ speaker: 'Maria Lopez', role: 'answer' });
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Maria');
  });

  it('WebVTT: a voice "Maria" two people go by is an "Unidentified Speaker" — it was a new participant "Maria"', () => {
    const text = [
      'WEBVTT\n',
      cue('00:00:01.000', '00:00:05.000', '<v Operator>Good morning and welcome to the Crestview Foods call. I will now hand over to Maria Lopez.'),
      cue('00:00:06.000', '00:00:10.000', '<v Maria Lopez>Thank you. Our frozen meals business grew 7% in the quarter.'),
      cue('00:01:00.000', '00:01:04.000', '<v Operator>Our first question comes from Maria Chen with Barclays.'),
      cue('00:01:05.000', '00:01:09.000', '<v Maria Chen>How are promotions affecting your margins?'),
      cue('00:01:10.000', '00:01:14.000', '<v Maria>Promotions were lighter than last year.'),
    ].join('\n');
    const parsed = parseTranscriptText(text, { fileName: 'crestview.vtt' });
    expect(turnTable(parsed.call).at(-1)).toMatchObject({ speaker: 'Unidentified Speaker', side: 'unknown' });
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Maria');
  });
});

describe('callers a meeting tool could not name ("Call-in User_2: …", "+1 212-555-0101: …", as Zoom labels phone callers)', () => {
  it('are voices of their own, named from the operator\'s hand-overs — their questions were the operator\'s words', () => {
    const parsed = parseTranscriptText(fixture('webvtt-call-in-users.vtt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'Operator (operator, remarks)', 'Owen Pryce (company, remarks)', 'Operator (operator, intro)', 'Hugo Brandt (analyst, question)', 'Owen Pryce (company, answer)',
      'Operator (operator, intro)', 'Leila Moran (analyst, question)', 'Owen Pryce (company, answer)',
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('numbered speakers named from the call\'s hand-overs: Call-in User 2 → Hugo Brandt, +1 212-555-0101 → Leila Moran');
  });

  it('as "Name:" labels too; with no hand-over naming them they keep the label, and a date opening a paragraph is no caller', () => {
    const labels = fixture('webvtt-call-in-users.vtt').replace(/^WEBVTT\n\n/, 'Tallis Freight Q3 2025 Earnings Call\n\n').replace(/^\d+\n[\d:.]+ --> [\d:.]+\n/gm, '');
    expect(turnTable(parseTranscriptText(labels).call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Operator', 'Hugo Brandt', 'Owen Pryce', 'Operator', 'Leila Moran', 'Owen Pryce']);
    const unnamed = labels.replace('Our next question comes from Leila Moran with Jefferies.', 'Next question, please.').replace('Owen Pryce: Thank you. Volumes rose 6%.', 'Owen Pryce: Thank you. Volumes rose 6%.\n\n2025-10-23: a date in his words.');
    const rows = turnTable(parseTranscriptText(unnamed).call);
    expect(rows.map((r) => r.speaker)).toContain('+1 212-555-0101');
    expect(rows[1]?.text).toContain('2025-10-23: a date in his words.');
  });
});

describe('captions that mark a change of speaker without naming who', () => {
  it('SubRip ">> NAME:" captions: named turns under their speaker, an unnamed ">>" never continues the previous one, "[Music]" is nobody', () => {
    const parsed = parseTranscriptText(fixture('srt-captions.srt'), { fileName: 'srt-captions.srt' });
    expect(parsed.layout).toBe('srt');
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => [r.speaker, r.side, r.section])).toEqual([
      ['Operator', 'operator', 'prepared_remarks'],
      ['Maria Lopez', 'company', 'prepared_remarks'],
      ['Tom Reed', 'company', 'prepared_remarks'],
      ['Operator', 'operator', 'qa'],
      ['Jake Miller', 'analyst', 'qa'],
      ['Maria Lopez', 'company', 'qa'],
      ['Unidentified Speaker', 'unknown', 'qa'],
      ['Unidentified Speaker', 'unknown', 'qa'],
    ]);
    expect(rows[0]!.text).toBe('Good morning and welcome to the Crestview Foods first quarter call. I will now turn the call over to Maria Lopez.');
    expect(rows[5]!.text).toBe('Promotions were lighter than last year.');
    expect(rows[6]!.text).toBe('Thanks. And on pricing?');
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([5, 21, 100, 182, 190, 210, 210, 220]);
    // The first unnamed change is in the cue whose timing line is line 31 of the SubRip file.
    expect(parsed.warnings).toContainEqual({ line: 31, message: '2 changes of speaker (">>" or dialog dashes) name no one: those words are under "Unidentified Speaker", side unknown' });
  });

  it('WebVTT: a ">>" at the end of a cue makes the next cue someone else\'s; dialog dashes are two speakers', () => {
    const text = [
      'WEBVTT\n',
      cue('00:00:01.000', '00:00:05.000', 'Operator: Our first question comes from Jake Miller with Barclays.'),
      cue('00:00:06.000', '00:00:10.000', 'Jake Miller: How are promotions affecting your margins? >>'),
      cue('00:00:11.000', '00:00:14.000', 'Promotions were lighter than last year.'),
      cue('00:00:15.000', '00:00:18.000', '- Thanks.\n- You are welcome.'),
    ].join('\n');
    const rows = turnTable(parseTranscriptText(text).call);
    expect(rows.map((r) => [r.speaker, r.text])).toEqual([
      ['Operator', 'Our first question comes from Jake Miller with Barclays.'],
      ['Jake Miller', 'How are promotions affecting your margins?'],
      ['Unidentified Speaker', 'Promotions were lighter than last year.'],
      ['Unidentified Speaker', 'Thanks.'],
      ['Unidentified Speaker', 'You are welcome.'],
    ]);
  });

  it('"[Name] text" names the speaker; "[inaudible]" inside the words stays in them', () => {
    const text = [
      'WEBVTT\n',
      cue('00:00:01.000', '00:00:05.000', '[Operator] Our first question comes from Jake Miller with Barclays.'),
      cue('00:00:06.000', '00:00:10.000', '[Jake Miller] How are [inaudible] affecting your margins?'),
      cue('00:00:11.000', '00:00:14.000', '[Applause]'),
      cue('00:00:11.500', '00:00:14.000', '[UPBEAT MUSIC PLAYS]'),
      cue('00:00:12.000', '00:00:14.000', '[SPEAKING SPANISH] Gracias.'),
      cue('00:00:15.000', '00:00:18.000', '[Maria Lopez] Promotions were lighter than last year.'),
    ].join('\n');
    const rows = turnTable(parseTranscriptText(text).call);
    expect(rows.map((r) => [r.speaker, r.text])).toEqual([
      ['Operator', 'Our first question comes from Jake Miller with Barclays.'],
      ['Jake Miller', 'How are [inaudible] affecting your margins? [SPEAKING SPANISH] Gracias.'],
      ['Maria Lopez', 'Promotions were lighter than last year.'],
    ]);
  });
});

describe('diarized speech-to-text JSON', () => {
  it('AssemblyAI-style "utterances": labels become "Speaker A"…, sides and the Q&A start inferred, times in milliseconds', () => {
    const parsed = parseTranscriptText(fixture('speech-json-assemblyai.json'), { fileName: 'speech-json-assemblyai.json' });
    expect(parsed.layout).toBe('speech-json');
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.side, r.section, r.role])).toEqual([
      ['Speaker A', 'operator', 'prepared_remarks', 'remarks'],
      ['Speaker B', 'company', 'prepared_remarks', 'remarks'],
      ['Speaker C', 'company', 'prepared_remarks', 'remarks'],
      ['Speaker A', 'operator', 'qa', 'intro'],
      ['Speaker D', 'analyst', 'qa', 'question'],
      ['Speaker B', 'company', 'qa', 'answer'],
      ['Speaker A', 'operator', 'qa', 'intro'],
      ['Speaker E', 'analyst', 'qa', 'question'],
      ['Speaker C', 'company', 'qa', 'answer'],
    ]);
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([5, 21, 100, 182, 190, 210, 240, 246, 252]);
    expect(parsed.call.participants.filter((p) => p.side !== 'unknown').every((p) => p.sideSource === 'inferred')).toBe(true);
  });

  it('Deepgram\'s response ("results.utterances", numbered speakers, "transcript", seconds) reads the same', () => {
    const assembly = JSON.parse(fixture('speech-json-assemblyai.json')) as { utterances: Array<{ speaker: string; text: string; start: number; end: number }> };
    const utterances = assembly.utterances.map((u) => ({ speaker: u.speaker.charCodeAt(0) - 65, transcript: u.text, start: u.start / 1000 + 0.25, end: u.end / 1000, confidence: 0.9 }));
    const parsed = parseTranscriptText(JSON.stringify({ metadata: { duration: 300 }, results: { channels: [], utterances } }));
    expect(parsed.layout).toBe('speech-json');
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.side, r.role])).toEqual([
      // Numbered voices the operator hands the floor to by name are named ("…over to Maria Lopez").
      ['Speaker 0', 'operator', 'remarks'],
      ['Maria Lopez', 'company', 'remarks'],
      ['Speaker 2', 'company', 'remarks'],
      ['Speaker 0', 'operator', 'intro'],
      ['Jake Miller', 'analyst', 'question'],
      ['Maria Lopez', 'company', 'answer'],
      ['Speaker 0', 'operator', 'intro'],
      ['Sara Kim', 'analyst', 'question'],
      ['Speaker 2', 'company', 'answer'],
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Jake Miller')?.firm).toBe('Barclays');
    expect(parsed.call.turns[1]!.startTime).toBe(21.25);
  });

  it('refuses an item without a speaker label (speech-to-text without diarization), naming it, rather than guess', () => {
    const json = JSON.parse(fixture('speech-json-assemblyai.json')) as { utterances: Array<Record<string, unknown>> };
    delete json.utterances[3]!.speaker;
    const error = refusal(JSON.stringify(json, null, 2), 'call.json');
    expect(error.describe()).toBe(
      'call.json:4: JSON: utterances[3].speaker has no speaker label: words nobody can be said to have spoken are not imported (run the speech-to-text with speaker diarization)',
    );
  });

  it('refuses JSON of another shape with the forms it expects', () => {
    expect(refusal('{"transcript": {"paragraphs": []}}', 'other.json').describe()).toBe(
      'other.json:1: not in any supported layout (a JSON file, but not a diarized transcript: expected an object with an "utterances" or "segments" array of {"speaker", "text", "start"} items, Deepgram\'s "results.utterances", Rev.ai\'s "monologues" or AWS Transcribe\'s "results")',
    );
    expect(refusal('{"segments": [', 'cut.json').message).toMatch(/^not valid JSON \(/);
  });
});

describe('"Name:" transcripts: what opens a paragraph but is no speaker', () => {
  // Invented Crestview call, name-colon, no list or headings.
  const call = (qa: string) =>
    [
      'Crestview Foods Q1 2025 Earnings Call',
      'Operator: Good morning and welcome to the Crestview Foods first quarter call. I will now turn the call over to Maria Lopez.',
      'Maria Lopez: Thank you. Our frozen meals business grew 7% in the quarter.',
      'Finally: we opened a new plant in Ohio, on time and on budget.',
      'Tom Reed: Net sales were $1.2 billion, up 5%.',
      '00:05:00',
      'Operator: Our first question comes from Jake Miller with Barclays.',
      qa,
    ].join('\n\n');

  it('"Finally: …" is the speaker\'s words, a line that is only a time is nobody\'s', () => {
    const rows = turnTable(parseTranscriptText(call('Jake Miller: How are promotions affecting your margins?\n\nMaria Lopez: Promotions were lighter than last year.')).call);
    expect(rows.map((r) => r.speaker)).toEqual(['Operator', 'Maria Lopez', 'Tom Reed', 'Operator', 'Jake Miller', 'Maria Lopez']);
    expect(rows[1]!.text).toBe('Thank you. Our frozen meals business grew 7% in the quarter. Finally: we opened a new plant in Ohio, on time and on budget.');
    expect(rows[2]!.text).toBe('Net sales were $1.2 billion, up 5%.');
  });

  it('"Q: …" / "A: …" change the speaker to an unidentified analyst / company representative, never the operator', () => {
    const parsed = parseTranscriptText(call('Q: How are promotions affecting your margins?\n\nA: Promotions were lighter than last year.'));
    expect(turnTable(parsed.call).slice(3).map((r) => [r.speaker, r.side, r.role])).toEqual([
      ['Operator', 'operator', 'intro'],
      ['Unidentified Analyst', 'analyst', 'question'],
      ['Unidentified Company Representative', 'company', 'answer'],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('2 "Q:" / "A:" paragraphs name no one: under "Unidentified Analyst" / "Unidentified Company Representative"');
  });

  it('"Follow-up: …" (or "Follow-up question:") marks a question as "Q:" does — it was a company speaker named "Follow-up"', () => {
    for (const label of ['Follow-up', 'Follow-up question', 'Followup']) {
      const parsed = parseTranscriptText(call(`Q: How are promotions affecting your margins?\n\nA: Promotions were lighter than last year.\n\n${label}: And pricing?`));
      expect(turnTable(parsed.call).at(-1)).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question', text: 'And pricing?' });
      expect(parsed.call.participants.map((p) => p.name)).not.toContain(label);
    }
  });
});

describe('time stamps inside "Name:" transcripts', () => {
  it('Trint\'s "Name [00:00:21] words" opens a turn; a paragraph\'s own "[00:00:40]" is not words; a clock time in the words stays', () => {
    const text = [
      'Crestview Foods Q1 2025 Earnings Call',
      'Operator [00:00:05] Good morning and welcome to the Crestview Foods first quarter call. I will now turn the call over to Maria Lopez.',
      'Maria Lopez [00:00:21] Thank you. Our frozen meals business grew 7% in the quarter.',
      '[00:00:40] We opened a new plant in Ohio.',
      '9:30 is when the plant starts its first shift.',
      'Tom Reed [00:01:40] Net sales were $1.2 billion, up 5%.',
    ].join('\n\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.turns.map((t) => [t.startTime, t.paragraphs.map((p) => p.text)])).toEqual([
      [5, ['Good morning and welcome to the Crestview Foods first quarter call. I will now turn the call over to Maria Lopez.']],
      [21, ['Thank you. Our frozen meals business grew 7% in the quarter.', 'We opened a new plant in Ohio.', '9:30 is when the plant starts its first shift.']],
      [100, ['Net sales were $1.2 billion, up 5%.']],
    ]);
  });
});

describe('a call led by bare name lines over the words, with no participants list', () => {
  // Invented Crestview call: "Maria Lopez" (or "MARIA LOPEZ", or "Maria Lopez (Chief Executive Officer)") over her words.
  const rows = [
    ['Operator', 'operator', 'prepared_remarks', 'remarks'],
    ['Maria Lopez', 'company', 'prepared_remarks', 'remarks'],
    ['Tom Reed', 'company', 'prepared_remarks', 'remarks'],
    ['Operator', 'operator', 'qa', 'intro'],
    ['Jake Miller', 'analyst', 'qa', 'question'],
    ['Maria Lopez', 'company', 'qa', 'answer'],
    ['Operator', 'operator', 'qa', 'intro'],
    ['Sara Kim', 'analyst', 'qa', 'question'],
    ['Tom Reed', 'company', 'qa', 'answer'],
  ];

  it.each(['standard-name-lines.txt', 'standard-name-lines-caps.txt', 'standard-name-paren.txt'])('%s: every turn under its speaker, sides inferred', (file) => {
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(parsed.layout).toBe('standard');
    const table = turnTable(parsed.call);
    expect(table.map((r) => [r.speaker, r.side, r.section, r.role])).toEqual(rows);
    expect(table[1]!.text).toMatch(/^Thank you\. Our frozen meals business grew 7% in the quarter\./);
    expect(table[2]!.text).toBe('Thanks, Maria. Net sales were $1.2 billion, up 5%.');
  });

  it('the titles in parentheses are kept', () => {
    const parsed = parseTranscriptText(fixture('standard-name-paren.txt'));
    expect(parsed.call.participants.find((p) => p.name === 'Tom Reed')).toMatchObject({ title: 'Chief Financial Officer', side: 'company', sideSource: 'header' });
  });

  it('a name line nobody introduces and that opens one block only is refused, never a speaker ("North America" over a wrapped line)', () => {
    const text = fixture('standard-name-lines.txt');
    const wrapped = text.replace('Promotions were lighter than last year.', 'Promotions were lighter than last year.\n\nNorth America\nremains our largest market.');
    const error = refusal(wrapped, 'call.txt');
    expect(error.describe()).toBe(`call.txt:${lineOf(wrapped, 'North America')}: unknown speaker "North America": not a speaker met before, and no title or firm is written with it`);
    // Never introduced, Tom Reed still opens two blocks: a speaker; with one block he is refused.
    const unintroduced = text.replace('Tom Reed will now take you through the numbers.', 'Now for the numbers.');
    expect(turnTable(parseTranscriptText(unintroduced).call).map((r) => r.speaker)).toEqual(rows.map((r) => r[0]));
    const once = unintroduced.replace('Tom Reed\nWe expect capital expenditures', 'Maria Lopez\nWe expect capital expenditures');
    expect(refusal(once).message).toMatch(/^unknown speaker "Tom Reed"/);
  });
});

describe('"Name:" labels written with more than a name', () => {
  const call = (label: string) =>
    ['Crestview Foods Q1 2025 Earnings Call', 'Operator: Good morning. Over to Maria Lopez.', 'Maria Lopez [CEO]: Thank you. We grew 7%.', 'Tom Reed [CFO]: Net sales were up 5%.', `${label}: Thanks, Tom.`].join('\n\n');

  it('"Maria Lopez [CEO]:" is Maria Lopez, the title kept', () => {
    const parsed = parseTranscriptText(call('Maria Lopez [CEO]'));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Maria Lopez', 'Tom Reed', 'Maria Lopez']);
    expect(parsed.call.participants.find((p) => p.name === 'Maria Lopez')?.title).toBe('CEO');
  });

  it('a label it cannot read that starts with a speaker\'s name is refused, not taken for the previous speaker\'s words', () => {
    const text = call('Maria Lopez {CEO}');
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(text, 'Maria Lopez {CEO}: Thanks, Tom.')}: cannot read the speaker label "Maria Lopez {CEO}" (it starts with "Maria Lopez"): write it as "Name:" or "Name (Title):"`,
    );
    // A sentence that starts with her name is speech.
    const speech = call('Maria Lopez and I agree on one thing');
    expect(turnTable(parseTranscriptText(speech).call).at(-1)).toMatchObject({ speaker: 'Tom Reed', text: 'Net sales were up 5%. Maria Lopez and I agree on one thing: Thanks, Tom.' });
  });
});

describe('more speaker labels transcription tools export', () => {
  const turns: Array<[string, number, string]> = [
    ['Operator', 5, 'Good morning and welcome to the Crestview Foods first quarter call. I will now turn the call over to Maria Lopez.'],
    ['Maria Lopez', 21, 'Thank you. Our frozen meals business grew 7% in the quarter.'],
    ['Tom Reed', 100, 'Net sales were $1.2 billion, up 5%.'],
    ['Operator', 182, 'Our first question comes from Jake Miller with Barclays.'],
    ['Jake Miller', 190, 'How are promotions affecting your margins?'],
    ['Maria Lopez', 210, 'Promotions were lighter than last year.'],
  ];
  const clock = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

  it('tab-separated "time<TAB>Name<TAB>words" lines', () => {
    const text = ['Crestview Foods Q1 2025 Earnings Call', '', ...turns.map(([name, at, words]) => `${clock(at)}\t${name}\t${words}`)].join('\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.layout).toBe('name-colon');
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual(turns.map((t) => t[1]));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual(turns.map(([name, , words]) => [name, words]));
  });

  it('Fireflies\' "Name - mm:ss" over the words; a "Title: …" header line', () => {
    const stamp = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    const text = ['Title: Crestview Foods Q1 2025 Earnings Call', '', ...turns.map(([name, at, words]) => `${name} - ${stamp(at)}\n${words}`)].join('\n\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.layout).toBe('name-colon');
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual(turns.map((t) => t[1]));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual(turns.map(([name, , words]) => [name, words]));
    expect(parsed.call.meta).toMatchObject({ company: 'Crestview Foods', quarter: 'Q1 2025' });
  });

  it('"[Name] words" lines; "[Music]" is no speaker', () => {
    const text = ['Crestview Foods Q1 2025 Earnings Call', '[Music]', ...turns.map(([name, , words]) => `[${name}] ${words}`)].join('\n\n').replace('affecting your margins?', 'affecting your margins?\n\n[Laughter] And pricing?');
    const rows = turnTable(parseTranscriptText(text).call);
    expect(rows.map((r) => r.speaker)).toEqual(turns.map((t) => t[0]));
    expect(rows[4]!.text).toBe('How are promotions affecting your margins? [Laughter] And pricing?');
  });
});

describe('the page a transcript was copied from never speaks', () => {
  const reference = turnTable(parseTranscriptText(fixture('standard-no-presentation.txt')).call);
  const pageBreak = 'Crestview Foods Inc. Q1 2025 Earnings Conference Call\nPage 2 of 3\nCRESTVIEW FOODS INC. (CVF)\n©2025 Lakeside Transcripts. All rights reserved.\n';

  it('a running header with no page number beside it ("Company, Inc. Q1 2025 Earnings Call") is refused with its line, never a new speaker', () => {
    // One page break, its running header alone: too few repeats to be told from the page by itself.
    const pdf = fixture('standard-pdf.txt');
    const pageBreakOf = (n: number): string => `Crestview Foods Inc. Q1 2025 Earnings Conference Call\nPage ${n} of 3\nCRESTVIEW FOODS INC. (CVF)\n©2025 Lakeside Transcripts. All rights reserved.\n\n`;
    for (const n of [1, 2, 3]) expect(pdf).toContain(pageBreakOf(n));
    const text = pdf.replace(pageBreakOf(2), '').replace(pageBreakOf(3), '').replace(pageBreakOf(1), 'Crestview Foods, Inc. Q1 2025 Earnings Conference Call\n\n');
    const line = lineOf(text, 'Crestview Foods, Inc. Q1 2025 Earnings Conference Call');
    expect(text.split('Crestview Foods, Inc. Q1').length).toBe(2);
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${line}: "Crestview Foods, Inc. Q1 2025 Earnings Conference Call" reads as the call's title or company, not a speaker's name (a page's running header?)`,
    );
  });

  it('the call\'s title at the top of every page, with no page number, is left out (three pages or more)', () => {
    const text = fixture('standard-pdf.txt')
      .replace(/Page \d of 3\n/g, '')
      .replace(/©2025 Lakeside Transcripts\. All rights reserved\.\n/g, '')
      .replace(/CRESTVIEW FOODS INC\. \(CVF\)\n/g, '');
    expect(text.split('Crestview Foods Inc. Q1 2025 Earnings Conference Call').length).toBe(4);
    expect(turnTable(parseTranscriptText(text).call)).toEqual(reference);
  });

  it('a page break just above a speaker\'s name line (every time she speaks) leaves her name line alone', () => {
    const text = fixture('standard-no-presentation.txt').replaceAll('\nMaria Lopez\n\n', `\n${pageBreak}\nMaria Lopez\n\n`).replace('\nTom Reed\n\nThanks', `\n${pageBreak}Tom Reed\n\nThanks`);
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(parsed.warnings.map((w) => w.message)).toContain(
      'left out 12 lines that belong to the page, not the call (page numbers, running headers and footers), the first "Crestview Foods Inc. Q1 2025 Earnings Conference Call"',
    );
  });

  it('a line that only looks like site furniture inside a sentence stays words', () => {
    const text = fixture('standard-no-presentation.txt').replace('How are promotions affecting your margins?', 'How are promotions affecting your margins?\nShare of promotions, I mean.');
    expect(turnTable(parseTranscriptText(text).call)[4]).toMatchObject({ speaker: 'Jake Miller', text: 'How are promotions affecting your margins? Share of promotions, I mean.' });
  });
});

describe('a "Participants:" list that mixes the company and analysts without the word "Analyst"', () => {
  it('puts a firm on the analysts\' side and a title on the company\'s; one that says neither is inferred', () => {
    const { text } = edited('name-colon.txt', [
      ['Priya Natarajan - Harbor Securities, Research Division - Analyst', 'Priya Natarajan - Harbor Securities'],
      ['Tom Becker - Alder & Co. - Analyst', 'Tom Becker - Alder'],
    ]);
    const people = Object.fromEntries(parseTranscriptText(text).call.participants.map((p) => [p.name, [p.side, p.sideSource]]));
    expect(people).toMatchObject({ 'Priya Natarajan': ['analyst', 'listed'], 'Lena Brooks': ['company', 'listed'], 'Tom Becker': ['analyst', 'inferred'] });
  });
});

describe('honorifics and titles written before a name, with no participants list', () => {
  it('"CFO Tom Reed:" is Tom Reed with his title; "Ms. Lopez:" after "Dr. Maria Lopez:" is her again (her name kept as written)', () => {
    const text = [
      'Crestview Foods (CVF) Q1 2025 Earnings Call',
      '',
      'Operator: Good morning, and welcome to the Crestview Foods first quarter 2025 conference call. I would now like to turn the call over to Maria Lopez.',
      '',
      'Dr. Maria Lopez: Thank you. Our frozen meals business grew 7% in the quarter.',
      '',
      'CFO Tom Reed: Thanks, Maria. Net sales were $1.2 billion, up 5%.',
      '',
      'Operator: Our first question comes from Jake Miller with Barclays.',
      '',
      'Jake Miller: How are promotions affecting your margins?',
      '',
      'Ms. Lopez: Promotions were lighter than last year.',
    ].join('\n');
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Dr. Maria Lopez', 'Tom Reed', 'Operator', 'Jake Miller', 'Dr. Maria Lopez']);
    expect(parsed.call.participants.find((p) => p.name === 'Tom Reed')).toMatchObject({ title: 'CFO', side: 'company' });
  });
});

describe('speaker labels that name a role, not a person', () => {
  it('"Conference Call Operator:" is the operator; "Analyst:", "Company Representative:", "Participant:" are the unidentified speakers of their side; the rest of the call still gets its sides', () => {
    const text = [
      'Crestview Foods (CVF) Q1 2025 Earnings Call',
      '',
      'Conference Call Operator: Good morning, and welcome to the Crestview Foods first quarter call. I will now hand over to Maria Lopez.',
      '',
      'Maria Lopez: Thank you. Sales grew 7% in the quarter.',
      '',
      'Conference Call Operator: Our first question comes from Jake Miller with Barclays.',
      '',
      'Analyst: How are promotions affecting your margins?',
      '',
      'Company Representative: Promotions were lighter than last year.',
      '',
      'Participant: And the plant in Ohio?',
      '',
      'Maria Lopez: It opened in March.',
      '',
      'Event Coordinator: That concludes the call.',
    ].join('\n');
    const rows = turnTable(parseTranscriptText(text).call).map((r) => `${r.speaker} (${r.side})`);
    expect(rows).toEqual([
      'Operator (operator)',
      'Maria Lopez (company)',
      'Operator (operator)',
      'Unidentified Analyst (analyst)',
      'Unidentified Company Representative (company)',
      'Unidentified Participant (unknown)',
      'Maria Lopez (company)',
      'Operator (operator)',
    ]);
  });
});

describe('"Unverified Participant:" (FactSet\'s label for a voice it could not name)', () => {
  it('is a speaker whose side is not guessed — it was a new participant inferred to be the company\'s', () => {
    const text = fixture('name-colon-joint-label.txt').replace('Owen Pryce and Maria Castell: Within', 'Unverified Participant: Sorry, one more. Within');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Unverified Participant')).toMatchObject({ side: 'unknown', sideSource: 'unknown' });
    expect(parsed.warnings.map((w) => w.message)).not.toContain('speaker "Unverified Participant" is not in the participants list; added as a new participant (unknown)');
  });
});

describe('with no participants list, a misspelt name is not a new person', () => {
  const call = (reply: string): string =>
    [
      'Crestview Foods (CVF) Q1 2025 Earnings Call',
      '',
      'Operator: Good morning, and welcome. I would now like to turn the call over to Maria Lopez.',
      '',
      'Maria Lopez: Thank you. Our frozen meals business grew 7% in the quarter.',
      '',
      'Operator: Our first question comes from Jon Park with Barclays.',
      '',
      'Jon Park: How are promotions affecting your margins?',
      '',
      `${reply}: Promotions were lighter than last year.`,
      '',
      'Operator: Our next question comes from Jun Park with UBS.',
      '',
      'Jun Park: What is your capex plan?',
    ].join('\n');

  it('"Maria Lopes:" after "Maria Lopez:" spoke is refused with its line, never a second Maria', () => {
    const text = call('Maria Lopes');
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(text, 'Maria Lopes: Promotions were lighter than last year.')}: speaker "Maria Lopes" is a letter or two from "Maria Lopez", who spoke before: write one person's name the same way each time (or list the participants)`,
    );
  });

  it('two people who share a surname ("Jon Park", "Jun Park") stay two people', () => {
    const rows = turnTable(parseTranscriptText(call('Maria Lopez')).call).map((r) => `${r.speaker} (${r.side})`);
    expect(rows.slice(3)).toEqual(['Jon Park (analyst)', 'Maria Lopez (company)', 'Operator (operator)', 'Jun Park (analyst)']);
  });
});

describe('an interpreter', () => {
  it('speaks for whoever they translate, so their side is left unknown, never inferred as the company\'s', () => {
    const text = [
      'Crestview Foods (CVF) Q1 2025 Earnings Call',
      '',
      'Operator: Good morning, and welcome. I would now like to turn the call over to Maria Lopez.',
      '',
      'Maria Lopez: [Foreign Language]',
      '',
      'Interpreter: Thank you. Our frozen meals business grew 7% in the quarter.',
      '',
      'Operator: Our first question comes from Jake Miller with Barclays.',
      '',
      'Jake Miller: [Foreign Language]',
      '',
      'Interpreter: How are promotions affecting your margins?',
      '',
      'Maria Lopez: Promotions were lighter than last year.',
    ].join('\n');
    const rows = turnTable(parseTranscriptText(text).call).map((r) => `${r.speaker} (${r.side})`);
    expect(rows).toEqual(['Operator (operator)', 'Maria Lopez (company)', 'Interpreter (unknown)', 'Operator (operator)', 'Jake Miller (analyst)', 'Interpreter (unknown)', 'Maria Lopez (company)']);
  });
});

describe('a hard-wrapped paragraph (a PDF\'s text) whose line starts with a participant\'s name stays the speaker\'s words', () => {
  // Each wrapped paragraph must read exactly as the same words on one line.
  const lena = 'Thank you, and good afternoon. Joining me are Andy Kim, our CEO, and Sam Lee, our CFO. Our remarks include forward-looking statements; actual results may differ.';
  it.each([
    ['after a line that stops mid-sentence: "Joining me are" / "Andy Kim, Chief Executive Officer"', 'Thank you, and good afternoon. Joining me are\nAndy Kim, Chief Executive Officer\nand Sam Lee, our CFO.'],
    ['"Name, our Title, and …" is a sentence going on, not a speaker line', 'Thank you, and good afternoon.\nAndy Kim, our Chief Executive Officer, and Sam Lee, our\nChief Financial Officer, join me.'],
  ])('%s', (_case, wrapped) => {
    const original = fixture('standard.txt');
    expect(original).toContain(lena);
    const asWrapped = turnTable(parseTranscriptText(original.replace(lena, wrapped)).call);
    expect(asWrapped).toEqual(turnTable(parseTranscriptText(original.replace(lena, wrapped.replaceAll('\n', ' '))).call));
    expect(asWrapped[1]).toMatchObject({ speaker: 'Lena Brooks', text: wrapped.replaceAll('\n', ' ') });
  });
});

describe('"Label: value" lines inside someone\'s words are not speakers', () => {
  const sam = 'For the third quarter we expect revenue between';
  const withLines = (file: string, inserted: string): string => {
    const text = fixture(file);
    expect(text).toContain(sam);
    return text.replace(sam, `${inserted}\n\n${sam}`);
  };
  const labels = 'Gross Margin: 41.2%, up two points.\n\nFree Cash Flow: $80 million.\n\nNorth America: orders up 20%.\n\nHeron Shipments: 40 units, all to grocers.';

  it.each([
    ['with a participants list', false],
    ['with no list (speakers met as they speak)', true],
  ])('%s: the CFO\'s bullet points stay in his turn, and his next words stay his', (_case, noList) => {
    const listed = withLines('name-colon.txt', labels);
    const text = noList ? listed.replace(/\nParticipants:\n(?:.+\n)+/, '\n') : listed;
    expect(text.includes('Participants:')).toBe(!noList);
    const rows = turnTable(parseTranscriptText(text).call);
    const cfo = rows[3];
    expect(cfo?.speaker).toBe('Sam Lee');
    expect(cfo?.text).toContain('Gross Margin: 41.2%, up two points. Free Cash Flow: $80 million. North America: orders up 20%. Heron Shipments: 40 units, all to grocers. For the third quarter');
    expect(rows.map((r) => r.speaker)).not.toContain('Gross Margin');
  });

  it('an analyst introduced by name whose first words are a figure is still a speaker ("Priya Natarajan: 60% …")', () => {
    const { text } = edited('name-colon.txt', [['Priya Natarajan: Hi, thanks for taking my question.', 'Priya Natarajan: 60% of orders came from whom? Hi, thanks for taking my question.']]);
    const noList = text.replace(/\nParticipants:\n(?:.+\n)+/, '\n');
    expect(noList).not.toContain('Participants:');
    expect(turnTable(parseTranscriptText(noList).call)[5]).toMatchObject({ speaker: 'Priya Natarajan', side: 'analyst' });
  });
});

describe('the Motley Fool\'s promotion inside a call', () => {
  it('is left out: the turn it interrupts reads as without it (dash-header, the site\'s older layout)', () => {
    const promo = [
      '10 stocks we like better than Northwind Robotics',
      'When our analyst team has a stock tip, it can pay to listen.',
      '',
      'They just revealed what they believe are the ten best stocks for investors to buy right now.',
      '',
      'See the 10 stocks',
      '',
      '*Stock Advisor returns as of August 1, 2025',
      '',
    ].join('\n');
    const { original, text } = edited('dash-header.txt', [['Our new picking arm, the Heron', `${promo}\nOur new picking arm, the Heron`]]);
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(original).call));
    expect(parsed.warnings.map((w) => w.message).join('\n')).toContain('left out 5 lines that belong to the page');
  });
});

describe("the publisher's closing matter after the call", () => {
  it.each([
    [
      'a terminal export\'s "Definitions" and "Disclaimer" (it was refused as an unknown speaker "Definitions")',
      'standard-terminal.txt',
      'Definitions\n--------------------------------------------------------------------------------\nPRELIMINARY TRANSCRIPT: "Preliminary Transcript" means the text may have errors.\n================================================================================\nDisclaimer\n--------------------------------------------------------------------------------\nThe publisher may change this text without notice.\n\nCopyright (c) 2025 Example Publisher. All Rights Reserved.\n',
    ],
    ['Bloomberg\'s "This transcript may not be 100 percent accurate…" (it was the last speaker\'s words)', 'standard-bloomberg.txt', '\nThis transcript may not be 100 percent accurate and may contain errors.\n\nThe text is provided as is, without any warranty.\n'],
  ])('%s is left out', (_case, file, closing) => {
    const original = fixture(file);
    const parsed = parseTranscriptText(original + closing);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(original).call));
    expect(parsed.warnings.map((w) => w.message).join('\n')).toMatch(/left out \d+ lines that belong to the page, not the call \(the publisher's own lines\)/);
  });
});

describe('section headings as sources word them', () => {
  it.each(['Management Remarks', 'Prepared Statements'])('"%s" opens the remarks like "Prepared Remarks"', (heading) => {
    const { original, text } = edited('standard.txt', [['\nPrepared Remarks\n', `\n${heading}\n`]]);
    expect(turnTable(parseTranscriptText(text).call)).toEqual(turnTable(parseTranscriptText(original).call));
  });
  it.each(['Analyst Q&A', 'Q&A Session', 'Questions from Analysts', 'Question-and-Answer Portion', 'Analyst Questions'])('"%s" opens the Q&A like "Questions and Answers" (never words of the last speaker)', (heading) => {
    const { original, text } = edited('standard.txt', [['\nQuestions and Answers\n', `\n${heading}\n`]]);
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(original).call));
    expect(parsed.warnings.map((w) => w.message).join('\n')).not.toContain('Q&A taken to start');
  });
});

describe('a news site\'s summary whose "Full Conference Call Transcript" line was deleted', () => {
  const fool = fixture('name-colon-fool.txt');
  const reference = turnTable(parseTranscriptText(fool).call);
  // The glossary gains a two-word term that reads like a name; the line that starts the transcript is gone.
  const cut = fool
    .replace('Full Conference Call Transcript\n', '')
    .replace('Capex: Money spent on plants and equipment.\n', 'Capex: Money spent on plants and equipment.\n\nPrivate Label: Store-brand goods a retailer sells under its own name.\n');

  it('its "Term: definition" and "Label: text" lines are never speakers: the call starts where the operator first speaks', () => {
    expect(cut).not.toContain('Full Conference Call Transcript');
    const parsed = parseTranscriptText(cut);
    expect(parsed.call.participants.map((p) => p.name).sort()).toEqual(['Jake Miller', 'Maria Lopez', 'Operator', 'Sara Kim', 'Tom Reed']);
    expect(turnTable(parsed.call)).toEqual(reference);
  });

  it('or where a listed participant first speaks, when the operator does not open the call', () => {
    const opened = cut.replace(/^Operator: Good morning.*\n\n/m, '');
    const parsed = parseTranscriptText(opened);
    expect(turnTable(parsed.call)[0]).toMatchObject({ speaker: 'Maria Lopez', side: 'company', text: expect.stringMatching(/^Thank you\. Our frozen meals/) });
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Private Label');
  });

  it('a line in it that reads as someone speaking (an unlisted host\'s welcome) is refused with its line, never left out or taken for a speaker', () => {
    const hosted = cut.replace('Operator: Good morning, and welcome', 'Dana Whitfield: Good morning, and welcome');
    const error = refusal(hosted, 'fool.txt');
    expect(error.describe()).toMatch(new RegExp(`^fool\\.txt:${lineOf(hosted, hosted.split('\n').find((l) => l.startsWith('Dana Whitfield:')) as string)}: .* cannot tell whether "Dana Whitfield" is a speaker$`));
  });
});

describe('Markdown copies of web pages', () => {
  it('an italic title under a bold name is the speaker\'s title, not their first words; a bold name nobody lists with no title is refused, never the previous speaker', () => {
    const md = fixture('standard-markdown.md');
    const parsed = parseTranscriptText(md, { fileName: 'call.md' });
    const first = (name: string): TurnRow | undefined => turnTable(parsed.call).find((t) => t.speaker === name);
    expect(first('Tom Reed')?.text).toBe('Thanks, Maria. Net sales were $1.2 billion, up 5%. Gross margin was 31%.');
    const unknown = md.replace('**Sara Kim**\n\nWhat is', '**North America**\n\nWhat is');
    expect(refusal(unknown, 'call.md').describe()).toMatch(/^call\.md:\d+: unknown speaker "North America"/);
  });

  it('HTML entities are decoded in a plain file too', () => {
    const plain = fixture('standard-no-presentation.txt').replace('up 5%. Gross', 'up 5%. R&amp;D was 4%. Gross');
    const tom = turnTable(parseTranscriptText(plain).call).find((t) => t.speaker === 'Tom Reed');
    expect(tom?.text).toContain('R&D was 4%');
  });
});

describe('speech-to-text services\' JSON and transcript tables: words nobody can be said to have spoken are refused', () => {
  const aws = JSON.parse(fixture('speech-json-aws.json')) as { results: Record<string, unknown> & { items: Array<Record<string, unknown>> } };

  it('AWS Transcribe run without speaker identification (no speaker labels) is refused, saying how to fix it', () => {
    const { speaker_labels: _, ...results } = aws.results;
    expect(refusal(JSON.stringify({ ...aws, results }), 'aws.json').describe()).toBe(
      'aws.json:1: JSON: an AWS Transcribe output without speaker labels: words nobody can be said to have spoken are not imported (run the job with speaker identification, ShowSpeakerLabels)',
    );
    expect(refusal(JSON.stringify({ ...aws, results: { ...results, channel_labels: { channels: [], number_of_channels: 2 } } }), 'aws.json').message).toContain('it has channel labels only');
  });

  it('an AWS word outside every speaker-label segment is refused with its words, never given to the speaker before it', () => {
    const segments = (aws.results.speaker_labels as { segments: Array<{ start_time: string; end_time: string }> }).segments;
    // The fifth segment (the analyst's question) loses its label: its words fall in no segment.
    const cut = { ...aws, results: { ...aws.results, speaker_labels: { segments: segments.filter((_, k) => k !== 4) } } };
    expect(refusal(JSON.stringify(cut), 'aws.json').describe()).toBe(
      'aws.json:1: JSON: an AWS Transcribe output with words under no speaker (the passage "How are promotions affecting your margins?"): words nobody can be said to have spoken are not imported (run the speech-to-text with speaker diarization)',
    );
  });

  it('Rev.ai: an unnamed speaker number is "Speaker N"; "<inaudible>" stays in the words as "[inaudible]"', () => {
    const rev = JSON.parse(fixture('speech-json-revai.json')) as { monologues: Array<{ speaker: number; speaker_name?: string; elements: unknown[] }> };
    for (const m of rev.monologues) delete m.speaker_name;
    rev.monologues[4]!.elements.push({ type: 'punct', value: ' ' }, { type: 'unknown', value: '<inaudible>' });
    const parsed = parseTranscriptText(JSON.stringify(rev));
    const rows = turnTable(parsed.call);
    expect(rows[4]).toMatchObject({ side: 'analyst', role: 'question', text: 'How are promotions affecting your margins? [inaudible]' });
    expect(rows.map((r) => r.speaker)).toEqual(['Speaker 4', 'Maria Lopez', 'Speaker 1', 'Speaker 4', 'Jake Miller', 'Maria Lopez', 'Speaker 4', 'Sara Kim', 'Speaker 1']);
  });

  it('a table with no speaker column is refused with the header it found', () => {
    const table = 'Start,End,Text\n00:00:01,00:00:05,"Good morning, and welcome."\n00:00:06,00:00:09,Thank you.\n';
    expect(refusal(table, 'call.csv').describe()).toBe(
      'call.csv:1: a transcript table with no speaker column (its header is "Start", "End", "Text"): words nobody can be said to have spoken are not imported (export it with speakers, or add a "Speaker" column)',
    );
  });

  it('a row with no speaker continues the speaker above (with a warning); a first row with none is refused', () => {
    const table = 'Name;Time;Words\nOperator;0:01;Welcome to the Pellworth Foods call. Over to Dana Voss.\nDana Voss;0:09;Thanks. Sales rose 6%; margins held.\n;0:20;Bakery grew 9%.\n';
    const parsed = parseTranscriptText(table, { fileName: 'call.csv' });
    expect(parsed.layout).toBe('csv');
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual([
      ['Operator', 'Welcome to the Pellworth Foods call. Over to Dana Voss.'],
      // An unquoted delimiter in the last column is the words' own.
      ['Dana Voss', 'Thanks. Sales rose 6%; margins held. Bakery grew 9%.'],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('1 row(s) with no speaker continue the speaker of the row above');
    expect(refusal('Name;Time;Words\n;0:01;Welcome.\n', 'call.csv').describe()).toBe(
      'call.csv:2: the first row with words names no speaker: words nobody can be said to have spoken are not imported',
    );
  });

  it('a row whose cells spill past the header before the words is refused, never read a column over', () => {
    const table = 'Speaker,Text,Start\nOperator,Welcome, everyone.,0:01\n';
    expect(refusal(table, 'call.csv').describe()).toBe('call.csv:2: a row of 4 cells under a header of 3: quote a cell that holds the delimiter');
  });

  it('names written in a table are checked as speaker lines are: a first name alone is the one person so named, a title in brackets or a role column is kept, a typo is refused', () => {
    const table = [
      'Speaker,Role,Text',
      'Operator,,Welcome to the Pellworth Foods second quarter call. I will hand over to Dana Voss.',
      'Dana Voss (Chief Executive Officer),,"Thanks. Sales rose 6%, and margins held."',
      'Operator,,Our first question is from Kai Brandt with Lindqvist Securities.',
      'Kai Brandt,Lindqvist Securities,What drove the growth?',
      'Dana,,New listings.',
    ].join('\n');
    const parsed = parseTranscriptText(table, { fileName: 'call.csv' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.side, r.role])).toEqual([
      ['Operator', 'operator', 'remarks'],
      ['Dana Voss', 'company', 'remarks'],
      ['Operator', 'operator', 'intro'],
      ['Kai Brandt', 'analyst', 'question'],
      ['Dana Voss', 'company', 'answer'],
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Dana Voss')).toMatchObject({ title: 'Chief Executive Officer', sideSource: 'header' });
    expect(parsed.call.participants.find((p) => p.name === 'Kai Brandt')).toMatchObject({ firm: 'Lindqvist Securities', sideSource: 'header' });
    expect(refusal(`${table}\nDana Vos,,And new plants.`, 'call.csv').describe()).toMatch(/^call\.csv:7: speaker "Dana Vos" is a letter or two from "Dana Voss", who spoke before/);
  });

  it('a plain transcript whose first line has commas is not taken for a table', () => {
    const text = fixture('standard-no-presentation.txt').replace('Crestview Foods Inc. (CVF)', 'Crestview Foods, Inc. (CVF)');
    expect(parseTranscriptText(text).layout).toBe('standard');
  });
});

describe('a standard call\'s speaker lines and lists written a little differently', () => {
  const reference = turnTable(parseTranscriptText(fixture('standard-no-presentation.txt')).call);

  it('"Name - Firm" with a firm that has no firm\'s words ("Jake Miller - Barclays") is the listed analyst\'s speaker line, never the operator\'s words', () => {
    const { text } = edited('standard-no-presentation.txt', [['\nJake Miller\n\nHow are', '\nJake Miller - Barclays\n\nHow are']]);
    expect(turnTable(parseTranscriptText(text).call)).toEqual(reference);
  });

  it('a listed name with a firm the list does not give them is refused with its line, never taken for the previous speaker\'s words', () => {
    const { text } = edited('standard-no-presentation.txt', [['\nJake Miller\n\nHow are', '\nJake Miller - Bluefin\n\nHow are']]);
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(text, 'Jake Miller - Bluefin')}: "Jake Miller - Bluefin" starts with the speaker "Jake Miller" but "Bluefin" is not their title or firm in the participants lists: cannot tell whether it is a speaker line`,
    );
  });

  it('"Conference Call Coordinator" is the operator, never a running header left out with the words under it', () => {
    const { text } = edited('standard-no-presentation.txt', [['\nOperator\n', '\nConference Call Coordinator\n']]);
    expect(turnTable(parseTranscriptText(text).call)).toEqual(reference);
  });

  it('an analyst listed with no firm ("Jake Miller" alone over "Sara Kim - UBS") is listed, and the next line is its own entry, not their firm', () => {
    const { text } = edited('standard-no-presentation.txt', [['Jake Miller - Barclays\n', 'Jake Miller\n']]);
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(parsed.call.participants.find((p) => p.name === 'Jake Miller')).toMatchObject({ side: 'analyst', sideSource: 'listed', firm: null });
    expect(parsed.call.participants.find((p) => p.name === 'Sara Kim')).toMatchObject({ side: 'analyst', firm: 'UBS' });
    expect(parsed.warnings.map((w) => w.message)).toContain('participant "Jake Miller" is listed with no firm');
  });
});

describe('a broker\'s PDF copied as text: running headers, "Page N of M", "Q - Name" / "A - Name"', () => {
  const file = 'standard-broker-pdf.txt';
  const speakers = (text: string): string[] => turnTable(parseTranscriptText(text, { fileName: file }).call).map((r) => `${r.speaker} (${r.side}, ${r.section})`);
  const expected = [
    'Operator (operator, prepared_remarks)',
    'Helena Voss (company, prepared_remarks)',
    'Darius Okafor (company, prepared_remarks)',
    'Operator (operator, qa)',
    'Tobias Lindgren (analyst, qa)',
    'Darius Okafor (company, qa)',
    'Tobias Lindgren (analyst, qa)',
    'Helena Voss (company, qa)',
    'Operator (operator, qa)',
    'Amira Castell (analyst, qa)',
    'Darius Okafor (company, qa)',
    'Operator (operator, qa)',
  ];

  it('a "Name - Title" speaker line just above a page break is never left out as a running header (its words were the previous speaker\'s), nor its list line', () => {
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(speakers(fixture(file))).toEqual(expected);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.sideSource})`)).toEqual(['Helena Voss (listed)', 'Darius Okafor (listed)', 'Tobias Lindgren (listed)', 'Amira Castell (listed)', 'Operator (header)']);
    expect(turnTable(parsed.call)[2]?.text).toBe('Thanks, Helena. Non-interest expense was $48 million, down 2% from the first quarter. Our efficiency ratio improved to 58%.');
    expect(parsed.call.meta).toMatchObject({ company: 'Marlowe Ridge Bancorp', ticker: 'MRBC', quarter: 'Q2 2025', date: '2025-07-24' });
    // The three running headers and their page numbers, nothing else.
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^left out 6 lines that belong to the page/)]);
  });

  it('a two-page PDF\'s running header, seen at the top of the file and once more beside the page break, is left out there', () => {
    // As pdfjs reads a two-page PDF: the header over page 1, "Page 1 of 2" at its foot, the header over page 2.
    const header = 'Marlowe Ridge Bancorp - Q2 2025 Earnings Call';
    const pages = fixture(file)
      .split('\n')
      .filter((l) => !l.startsWith('Marlowe Ridge Bancorp - Q2 2025 Earnings Call ') && !/^Page \d of 3$/.test(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace('A - Darius Okafor\nSure.', `A - Darius Okafor\n\nPage 1 of 2\n\n${header}\n\nSure.`);
    const text = `${header}\n\n${pages}\n\nPage 2 of 2\n`;
    const parsed = parseTranscriptText(text, { fileName: file });
    expect(turnTable(parsed.call)[5]).toMatchObject({ speaker: 'Darius Okafor', text: 'Sure. We expect deposit costs to stabilize around current levels, maybe a few basis points higher.' });
    expect(parsed.call.meta).toMatchObject({ company: 'Marlowe Ridge Bancorp', ticker: 'MRBC', quarter: 'Q2 2025' });
  });

  it('the first line of someone\'s words under their name is not their title: "Our bank saw…" never makes the listed CEO someone new', () => {
    const text = fixture(file);
    expect(text).toContain('A - Helena Voss\nOur bank saw');
    expect(parseTranscriptText(text).call.participants.filter((p) => p.name === 'Helena Voss')).toHaveLength(1);
  });

  it('one unlisted answerer speaking twice is one new participant, not two', () => {
    const { text } = edited(file, [['Darius Okafor - Chief Financial Officer\n', '']]);
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.filter((p) => p.name === 'Darius Okafor')).toHaveLength(1);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.section})`)).toEqual(expected.filter((_, k) => k !== 2));
  });

  it('with no list, a speaker met under a title line who later speaks with the words right under the name is the same person', () => {
    const text = [
      'Corvel Mining Q1 2025 Earnings Call',
      '',
      'Presentation',
      '',
      'Operator',
      'Welcome to the Corvel Mining first quarter call.',
      '',
      'Ana Brill',
      'Chief Executive Officer',
      'Thank you. Production was 41,000 ounces.',
      '',
      'Tom Haley',
      'Chief Financial Officer',
      'All-in sustaining costs were $1,210 an ounce.',
      '',
      'Question-and-Answer Session',
      '',
      'Operator',
      'Our first question comes from Lee Park with Dunmore Securities.',
      '',
      'Lee Park',
      'Dunmore Securities',
      'What about the mill expansion?',
      '',
      'Ana Brill',
      'The mill expansion is on schedule.',
      '',
      'Tom Haley',
      'Our bank facility is undrawn.',
    ].join('\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Operator', 'Ana Brill', 'Tom Haley', 'Lee Park']);
    expect(turnTable(parsed.call).slice(-2).map((r) => `${r.speaker}: ${r.text}`)).toEqual(['Ana Brill: The mill expansion is on schedule.', 'Tom Haley: Our bank facility is undrawn.']);
  });
});

describe('a news site\'s page with a participants list, section headings and "Name:" paragraphs', () => {
  const file = 'name-colon-newswire.html';
  const page = async (): Promise<string> => (await extractDocumentText(readFileSync(new URL(`../fixtures/layouts/${file}`, import.meta.url)), file, DEFAULT_LIMITS)).text as string;
  const rows = (call: Parameters<typeof turnTable>[0]): string[] => turnTable(call).map((r) => `${r.speaker} (${r.side}, ${r.section}): ${r.text}`);
  const expected = [
    'Operator (operator, prepared_remarks): Good afternoon and welcome to the Harrowgate Logistics third quarter earnings call.',
    'Beatrix Holloway (company, prepared_remarks): Thank you. Volumes rose 7% and our on-time rate was 96%. We opened two new cross-dock facilities in the quarter.',
    'Samuel Achebe (company, prepared_remarks): Revenue was $1.02 billion. Operating Ratio: 88.4%, an improvement of 150 basis points.',
    'Operator (operator, qa): Our first question is from Ines Carvalho with Larchmont Securities.',
    'Ines Carvalho (analyst, qa): Thank you. What is your outlook for truckload pricing?',
    'Samuel Achebe (company, qa): We expect contract rates to be flat to up low single digits.',
    'Ines Carvalho (analyst, qa): And capital spending for next year?',
    'Beatrix Holloway (company, qa): Roughly $300 million, similar to this year.',
  ];

  it('reads each "Name:" paragraph as its speaker\'s turn, with the list\'s sides and the page\'s metadata', async () => {
    const bytes = readFileSync(new URL(`../fixtures/layouts/${file}`, import.meta.url));
    const parsed = await parseTranscriptFile(bytes, { fileName: file });
    expect(rows(parsed.call)).toEqual(expected);
    expect(parsed.call.meta).toMatchObject({ company: 'Harrowgate Logistics', ticker: 'HRGL', quarter: 'Q3 2025', date: '2025-11-04' });
  });

  it('read as a standard call (its list and headings score it so), a listed person\'s "Name:" paragraph is their turn, never words of the speaker before', async () => {
    const text = await page();
    const doc = { text, lines: splitLines(text), fileName: file };
    expect(standardLayout.detect(doc).score).toBeGreaterThanOrEqual(0.7);
    expect(rows(standardLayout.parse(doc, { limits: DEFAULT_LIMITS }).call)).toEqual(expected);
    expect(rows(nameColonLayout.parse(doc, { limits: DEFAULT_LIMITS }).call)).toEqual(expected);
  });

  it('an unlisted name in a call written so is a new participant (with a warning), and a misspelt listed one is refused, as a "Name:" transcript does', async () => {
    const text = (await page()).replace('Ines Carvalho: And capital', 'Malik Osei: And capital');
    const doc = { text, lines: splitLines(text), fileName: file };
    const parsed = standardLayout.parse(doc, { limits: DEFAULT_LIMITS });
    expect(turnTable(parsed.call)[6]).toMatchObject({ speaker: 'Malik Osei', section: 'qa', text: 'And capital spending for next year?' });
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Malik Osei" is not in the participants lists; added as a new participant (unknown)');
    const typo = (await page()).replace('Ines Carvalho: And capital', 'Ines Carvahlo: And capital');
    expect(() => standardLayout.parse({ text: typo, lines: splitLines(typo), fileName: file }, { limits: DEFAULT_LIMITS })).toThrow(/unknown speaker "Ines Carvahlo": not in the participants lists \(did you mean "Ines Carvalho"\?\)/);
  });
});

describe('an analyst\'s words with no speaker line, right after the operator introduces them', () => {
  const file = 'standard-unnamed-askers.txt';
  const rows = (text: string, name = file): string[] => turnTable(parseTranscriptText(text, { fileName: name }).call).map((r) => `${r.speaker} (${r.side}, ${r.section})`);

  it('are the introduced analyst\'s, never the operator\'s (with a warning)', () => {
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(rows(fixture(file))).toEqual([
      'Operator (operator, prepared_remarks)',
      'Oren Kaplan (company, prepared_remarks)',
      'Mei-Ling Soto (company, prepared_remarks)',
      'Operator (operator, qa)',
      'Ravi Menon (analyst, qa)',
      'Oren Kaplan (company, qa)',
      'Operator (operator, qa)',
      'Claire Dubois (analyst, qa)',
      'Mei-Ling Soto (company, qa)',
      'Operator (operator, qa)',
    ]);
    expect(turnTable(parsed.call)[4]?.text).toBe('Hi, thanks for taking my question. Can you talk about lead times?');
    expect(parsed.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      `${lineOf(fixture(file), 'Hi, thanks for taking my question. Can you talk about lead times?')}: words after the operator hands the floor over, with no speaker line of their own, taken as Ravi Menon's, whom the operator names`,
      `${lineOf(fixture(file), 'Good afternoon. Mei-Ling, how should we think about operating expenses?')}: words after the operator hands the floor over, with no speaker line of their own, taken as Claire Dubois's, whom the operator names`,
    ]);
    expect(parsed.call.exchanges.map((e) => e.analystId)).toEqual(['ravi-menon', 'claire-dubois']);
  });

  it('the operator\'s own follow-up ("Ravi, please go ahead.", "[Operator Instructions]", a reminder) stays the operator\'s', () => {
    const { text } = edited(file, [
      ['Please go ahead.\n\nHi, thanks', '\n\nRavi, please go ahead.\n\n[Operator Instructions]\n\nHi, thanks'],
      ["I'll now turn it over to Oren Kaplan.\n", "I'll now turn it over to Oren Kaplan.\n\nAs a reminder, today's call is being recorded.\n"],
    ]);
    const table = turnTable(parseTranscriptText(text).call);
    expect(table[0]?.text).toBe("Good afternoon, and welcome to the Pellucid Semiconductor second quarter 2025 conference call. I'll now turn it over to Oren Kaplan. As a reminder, today's call is being recorded.");
    expect(table[3]?.text).toBe('Our first question comes from the line of Ravi Menon with Ashby Bank. Ravi, please go ahead. [Operator Instructions]');
    expect(table[4]).toMatchObject({ speaker: 'Ravi Menon', text: 'Hi, thanks for taking my question. Can you talk about lead times?' });
  });

  it('an introduction that names no participant is refused with the line of the words, never read as the operator\'s', () => {
    const { text } = edited(file, [['the line of Ravi Menon with Ashby Bank', 'the line of Pia Sand with Ashby Bank']]);
    expect(refusal(text, file).describe()).toBe(
      `${file}:${lineOf(text, 'Hi, thanks for taking my question. Can you talk about lead times?')}: "Hi, thanks for taking my question. Can you talk about lead times?" comes after the operator hands the floor over, with no speaker line of its own, and the operator names no participant: write the speaker's name line above it`,
    );
  });

  it('"Name:" and "Name -- Title" transcripts read the same way', () => {
    const colon = [
      'Ferrybridge Chemicals (FBCH) Q3 2025 Earnings Call',
      '',
      'Participants:',
      'Simone Akerlund - Chief Executive Officer',
      'Yusuf Demir - Castlerock Securities',
      '',
      'Operator: Good morning and welcome to the Ferrybridge Chemicals third quarter call.',
      '',
      'Simone Akerlund: Thank you. Volumes were up 2% while prices declined 4%.',
      '',
      'Operator: Our first question comes from Yusuf Demir with Castlerock Securities. Please go ahead.',
      '',
      'Good morning. Simone, when do you expect destocking to end?',
      '',
      'Simone Akerlund: We think customers\' inventories are now close to normal.',
    ].join('\n');
    expect(rows(colon, 'call.txt').slice(2, 4)).toEqual(['Operator (operator, qa)', 'Yusuf Demir (analyst, qa)']);
    const dashed = [
      'Prepared Remarks:',
      '',
      'Operator',
      '',
      'Good day, and welcome to the Tamsin Foods first quarter 2025 call.',
      '',
      'Lena Ross -- Chief Executive Officer',
      '',
      'Thanks. Sales grew 6%.',
      '',
      'Questions & Answers:',
      '',
      'Operator',
      '',
      'Our first question comes from Ivo Brandt with Keller Securities.',
      '',
      'Ivo, please go ahead.',
      '',
      'Good morning. How were volumes?',
      '',
      'Lena Ross -- Chief Executive Officer',
      '',
      'Volumes were up 2%.',
      '',
      'Call participants:',
      '',
      'Lena Ross -- Chief Executive Officer',
      '',
      'Ivo Brandt -- Keller Securities -- Analyst',
    ].join('\n');
    expect(rows(dashed, 'call.txt').slice(2)).toEqual(['Operator (operator, qa)', 'Ivo Brandt (analyst, qa)', 'Lena Ross (company, qa)']);
  });
});

describe('a transcript written as a table (a web page\'s <table>, a Markdown pipe table)', () => {
  const rows: Array<[string, string]> = [
    ['Operator', 'Good morning and welcome to the Quarry Hill Materials second quarter call. I will now turn it over to Rosa Delgado.'],
    ['Rosa Delgado', 'Thank you. Aggregates shipments rose 4% and pricing rose 9%.'],
    ['Ken Abara', 'Adjusted EBITDA was $212 million, a record.'],
    ['Operator', 'Our first question comes from Ilse Brandt with Corliss Securities.'],
    ['Ilse Brandt', 'Thanks. How much pricing is left for the second half?'],
    ['Ken Abara', 'We expect mid-single-digit pricing gains to continue.'],
  ];
  const expected = rows.map(([name, words]) => [name, words]);
  const title = 'Quarry Hill Materials (QHM) Q2 2025 Earnings Call';

  it('the header row ("Speaker | Remarks") is nobody\'s words, never a speaker "Speaker"', async () => {
    const html = `<!doctype html><html><body><main><h1>${title}</h1><table><tr><th>Speaker</th><th>Remarks</th></tr>${rows.map(([n, w]) => `<tr><td>${n}</td><td>${w}</td></tr>`).join('')}</table></main></body></html>`;
    const parsed = await parseTranscriptFile(new TextEncoder().encode(html), { fileName: 'call.html' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual(expected);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Speaker');
    expect(parsed.call.meta).toMatchObject({ company: 'Quarry Hill Materials', ticker: 'QHM', quarter: 'Q2 2025' });
  });

  it('a Markdown pipe table reads as the same table (it was refused as in no layout)', () => {
    const md = [`# ${title}`, '', '| Speaker | Remarks |', '|---|---|', ...rows.map(([n, w]) => `| ${n} | ${w} |`)].join('\n');
    const parsed = parseTranscriptText(md, { fileName: 'call.md' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.text])).toEqual(expected);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Operator', 'Rosa Delgado', 'Ken Abara', 'Ilse Brandt']);
  });
});

describe('a call that changes layout mid-way', () => {
  it('"Name: words" paragraphs in the remarks, name lines over the words in the Q&A: every turn under its speaker', () => {
    const file = 'standard-mixed-labels.txt';
    const parsed = parseTranscriptText(fixture(file), { fileName: file });
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.section})`)).toEqual([
      'Operator (operator, prepared_remarks)',
      'Nora Whitcombe (company, prepared_remarks)',
      'Felix Aranda (company, prepared_remarks)',
      'Operator (operator, qa)',
      'Jasper Quill (analyst, qa)',
      'Nora Whitcombe (company, qa)',
      'Felix Aranda (company, qa)',
    ]);
    expect(turnTable(parsed.call)[2]?.text).toBe('Operating margin was 18%, and free cash flow was $41 million.');
    expect(parsed.call.meta).toMatchObject({ company: 'Larkspur Software', ticker: 'LRKS', quarter: 'Q1 2026', date: '2026-05-07' });
  });
});

describe('speakers written surname first, as a company directory names them (Teams, Outlook)', () => {
  const people = ['Operator', 'Sigrid Halvorsen', 'Julien Moreau', 'Operator', 'Tariq Hassan', 'Julien Moreau', 'Sigrid Halvorsen'];

  it('Teams\' text export ("Halvorsen, Sigrid   0:11" over the words) names "Sigrid Halvorsen", never a "Halvorsen" titled "Sigrid"', () => {
    const parsed = parseTranscriptText(fixture('name-colon-teams.txt'));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(people);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side}, ${p.title})`)).toEqual(['Operator (operator, null)', 'Sigrid Halvorsen (company, CEO)', 'Julien Moreau (company, null)', 'Tariq Hassan (analyst, null)']);
  });

  it('WebVTT voices ("<v Moreau, Julien (CFO)>") read the same, the title kept', () => {
    const cues = fixture('name-colon-teams.txt')
      .split(/\n\n/)
      .slice(1)
      .map((block, k) => {
        const [label, words] = block.split('\n') as [string, string];
        const voice = label.replace(/\s+\d+:\d+$/, '').replace('Moreau, Julien', 'Moreau, Julien (CFO)');
        return cue(`00:00:${String(k * 5).padStart(2, '0')}.000`, `00:00:${String(k * 5 + 4).padStart(2, '0')}.000`, `<v ${voice}>${words}`);
      });
    const parsed = parseTranscriptText(['WEBVTT', '', ...cues].join('\n'), { fileName: 'call.vtt' });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(people);
    expect(parsed.call.participants.find((p) => p.name === 'Julien Moreau')?.title).toBe('CFO');
  });

  it('a name and a firm ("Jake Miller, Barclays:"), a suffix ("Kaplan, Jr.") or a title ("Lopez, CEO") is not turned round', () => {
    const text = [
      'Crestview Foods Q1 2025 Earnings Call',
      '',
      'Operator: Good morning and welcome. I will now turn the call over to Maria Lopez.',
      '',
      'Lopez, CEO: Thank you. Our frozen meals business grew 7%.',
      '',
      'Operator: Our first question comes from Jake Miller with Barclays.',
      '',
      'Jake Miller, Barclays: How are promotions affecting your margins?',
      '',
      'Oren Kaplan, Jr.: And pricing?',
    ].join('\n');
    expect(turnTable(parseTranscriptText(text).call).map((r) => r.speaker)).toEqual(['Operator', 'Lopez', 'Operator', 'Jake Miller', 'Oren Kaplan Jr.']);
  });
});

describe('names with particles ("Jan-Willem ter Horst", "Jean-Luc d\'Aubigné") are speakers, never words of the speaker before', () => {
  const people = [
    'Operator', 'Karl-Heinz von Bülow', 'Jan-Willem ter Horst', 'Operator', "Jean-Luc d'Aubigné", 'Jan-Willem ter Horst', 'Operator', 'Giulia degli Esposti',
    'Karl-Heinz von Bülow', 'Operator', 'Noor binti Ahmad', 'Jan-Willem ter Horst', 'Operator', "Marco dell'Orto", 'Karl-Heinz von Bülow',
  ];

  it('"Name:" labels', () => {
    const parsed = parseTranscriptText(fixture('name-colon-particles.txt'));
    expect(parsed.layout).toBe('name-colon');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(people);
  });

  it('name lines over the words', () => {
    const text = fixture('name-colon-particles.txt').replace(/^([^:\n]+): /gm, '$1\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.layout).toBe('standard');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(people);
  });
});

describe('two calls pasted into one file', () => {
  const text = fixture('name-colon-two-calls.txt');
  const second = 'Fenwick Tools Inc. (FNWK) Q2 2025 Earnings Call';

  it('are refused at the second call\'s title, never its turns filed under the first call (nor its title as the last answer\'s words)', () => {
    expect(refusal(text, 'calls.txt').describe()).toBe(
      `calls.txt:${lineOf(text, second)}: "${second}" is the title of another call (Q2 2025, not Q1 2025): the file holds two calls, the second beginning at line ${lineOf(text, second)}; split it there, one call a file`,
    );
    const standard = text.replace(/^([^:\n]+): /gm, '$1\n');
    expect(refusal(standard, 'calls.txt').describe()).toMatch(new RegExp(`^calls\\.txt:${lineOf(standard, second)}: "${second.replace(/[().]/g, '\\$&')}" is the title of another call`));
  });

  it('also when the second call\'s date is on the line under its title (it was read as the last answer\'s words, and the Q2 call\'s turns as the Q1 call\'s)', () => {
    const dated = text.replace(`${second}\n`, `${second}\nJuly 24, 2025 8:30 AM ET\n`);
    expect(dated).toContain(`${second}\nJuly 24`);
    expect(refusal(dated, 'calls.txt').describe()).toBe(
      `calls.txt:${lineOf(text, second)}: "${second}" is the title of another call (Q2 2025, not Q1 2025): the file holds two calls, the second beginning at line ${lineOf(text, second)}; split it there, one call a file`,
    );
  });

  it('also when the second call has a header of its own (date, participants list, headings): it was refused as an "unknown speaker \"Company Participants\"", which said nothing of the second call', () => {
    const standard = fixture('standard-two-calls.txt');
    const title = 'Tallis Freight Corp (TLFT) Q3 2025 Earnings Call';
    expect(refusal(standard, 'calls.txt').describe()).toBe(
      `calls.txt:${lineOf(standard, title)}: "${title}" is the title of another call (Q3 2025, not Q2 2025): the file holds two calls, the second beginning at line ${lineOf(standard, title)}; split it there, one call a file`,
    );
    const labelled = standard.replace(/\n(Operator|Owen Pryce|Hugo Brandt)\n/g, '\n$1: ').replace('Company Participants\n', 'Participants:\n').replace('\nConference Call Participants\n', '\n');
    expect(refusal(labelled, 'calls.txt').describe()).toMatch(new RegExp(`^calls\\.txt:${lineOf(labelled, title)}: .* the file holds two calls, the second beginning at line ${lineOf(labelled, title)};`));
  });

  it('a call that says its own title in passing, or repeats it, still reads', () => {
    const [first] = text.split(`\n${second}\n`) as [string];
    const repeated = `${first}\nFenwick Tools Inc. (FNWK) Q1 2025 Earnings Call\n\nAlan Marsh: And on the Q2 2025 earnings call we will update you.\n`;
    const parsed = parseTranscriptText(repeated);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Operator', 'Kate Lowe', 'Alan Marsh']);
  });
});

describe('an IR site\'s PDF with "Name:" labels on a line of their own', () => {
  it('a label that recurs beside page breaks ("Alan Marsh:" under "Page 2 of 3" each time he speaks) is a speaker, never a running header left out with his words given to the analyst before him', () => {
    const parsed = parseTranscriptText(fixture('name-colon-pdf-labels.txt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Operator: Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I would now like to turn the call over to Alan Marsh.',
      'Rita Chen: Thank you, operator. Gross margin was 38%.',
      'Operator: Our first question comes from Kate Lowe with UBS.',
      'Kate Lowe: What about pricing in the industrial segment this year?',
      'Alan Marsh: Pricing was up 2%.',
      'Operator: Our next question comes from Ben Ortiz with Citigroup.',
      'Ben Ortiz: What about volumes?',
      'Alan Marsh: Volumes were flat.',
    ]);
    expect(parsed.warnings[0]?.message).toMatch(/^left out 2 lines that belong to the page/);
  });
});

describe('a running footer with its page number on the same line', () => {
  it('("… Earnings Call | April 24, 2025 | Page 2") is left out, never words of the speaker it interrupts', () => {
    const parsed = parseTranscriptText(fixture('name-colon-ir-pdf.txt'));
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Rita Chen', 'Operator', 'Kate Lowe', 'Alan Marsh', 'Operator', 'Ben Ortiz', 'Rita Chen']);
    expect(rows[1]?.text).toBe('Thank you, operator. Please turn to slide 3. Revenue grew 4% in the quarter, and orders grew 6%, with strength in the industrial segment.');
    expect(rows[4]?.text).toBe('What about pricing?');
    expect(parsed.warnings[0]?.message).toMatch(/^left out 2 lines that belong to the page, not the call \(page numbers, running headers and footers\)/);
  });

  it('a line of words that ends with a page once ("…in the 10-K – page 12") stays words', () => {
    const text = fixture('name-colon-ir-pdf.txt').replace(/^Fenwick Tools Inc\. – First Quarter 2025 Earnings Call \| April 24, 2025 \| Page 3\n/m, '').replace('| Page 2', '– page 12');
    const rows = turnTable(parseTranscriptText(text).call);
    expect(rows[1]?.text).toContain('Fenwick Tools Inc. – First Quarter 2025 Earnings Call | April 24, 2025 – page 12');
  });
});

describe('an operator the transcript never labels', () => {
  const text = fixture('name-colon-unlabelled-operator.txt');
  const welcome = text.split('\n')[2] as string;

  it('its welcome under the title is refused with its line, never read as a title line and lost (its later introductions would be the executives\' words)', () => {
    expect(refusal(text, 'call.txt').describe()).toBe(`call.txt:3: expected a paragraph opening with "Name:", found "${welcome.slice(0, 77)}..."`);
    const standard = text.replace(/^([^:\n]+): /gm, '$1\n');
    expect(refusal(standard, 'call.txt').describe()).toMatch(/^call\.txt:3: expected a participants list or a section heading/);
  });

  it('a title that says "welcome" is still a title', () => {
    const titled = text.replace(`${welcome}\n`, 'Welcome to the Fenwick Tools Q1 2025 Earnings Call\n').replace('Alan Marsh: Thank you, operator.', 'Operator: Good morning.\n\nAlan Marsh: Thank you, operator.');
    expect(parseTranscriptText(titled).call.meta).toMatchObject({ ticker: 'FNWK', quarter: 'Q1 2025' });
  });
});

describe('calls held in Spanish or Portuguese', () => {
  it('"Operador:" is the operator, "Sesión de preguntas y respuestas" opens the Q&A (never words of the speaker before it), "tercer trimestre de 2025" is Q3 2025, and the analysts are the ones introduced', () => {
    const parsed = parseTranscriptText(fixture('name-colon-spanish.txt'));
    expect(parsed.call.meta).toMatchObject({ company: 'Grupo Alcázar S.A.B. de C.V.', ticker: 'ALCZ', quarter: 'Q3 2025', id: 'alcz-q3-2025' });
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => `${r.speaker} (${r.side}, ${r.section})`)).toEqual([
      'Operator (operator, prepared_remarks)', 'Daniel Whitmore (company, prepared_remarks)', 'Lucía Fernández (company, prepared_remarks)', 'Robert Hale (company, prepared_remarks)',
      'Operator (operator, qa)', 'Thomas Greene (analyst, qa)', 'Lucía Fernández (company, qa)', 'Operator (operator, qa)', 'Ana Beltrán (analyst, qa)', 'Robert Hale (company, qa)', 'Operator (operator, qa)',
    ]);
    expect(rows[3]?.text).toBe('El EBITDA fue de 4.200 millones de pesos.');
  });

  it('Portuguese lists and headings ("Participantes da Empresa", "Apresentação", "Perguntas e Respostas"), "Operadora", and "2T25" as Q2 2025', () => {
    const parsed = parseTranscriptText(fixture('standard-portuguese.txt'));
    expect(parsed.layout).toBe('standard');
    expect(parsed.call.meta).toMatchObject({ company: 'Companhia Serra Azul S.A.', ticker: 'SRAZ3', quarter: 'Q2 2025' });
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side})`)).toEqual(['João Carvalho (company)', 'Mariana Lopes (company)', 'Peter Lang (analyst)', 'Fernanda Rocha (analyst)', 'Operator (operator)']);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} ${r.section}`)).toEqual([
      'Operator prepared_remarks', 'João Carvalho prepared_remarks', 'Mariana Lopes prepared_remarks',
      'Operator qa', 'Peter Lang qa', 'João Carvalho qa', 'Operator qa', 'Fernanda Rocha qa', 'Mariana Lopes qa', 'Operator qa',
    ]);
  });

  it('an English call whose Q&A heading is in Spanish', () => {
    const text = fixture('standard-portuguese.txt').replace('Perguntas e Respostas', 'Sesión de Preguntas y Respuestas').replace('Apresentação', 'Presentación');
    expect(turnTable(parseTranscriptText(text).call).filter((r) => r.section === 'qa')).toHaveLength(7);
  });
});

describe('a call copied from a table: a tab between the name and the title or firm', () => {
  it('"Alan Marsh<TAB>Chief Executive Officer" is Alan Marsh, the CEO — never a person named "Alan Marsh Chief Executive Officer"', () => {
    const parsed = parseTranscriptText(fixture('standard-tabs.txt'));
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Alan Marsh | company | Chief Executive Officer', 'Rita Chen | company | Chief Financial Officer', 'Kate Lowe | analyst | UBS', 'Operator | operator | null',
    ]);
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Operator: Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call.',
      'Alan Marsh: Thank you, operator. Revenue grew 4%.',
      'Rita Chen: Gross margin was 38%.',
      'Operator: Our first question comes from Kate Lowe with UBS.',
      'Kate Lowe: What about pricing?',
      'Alan Marsh: Pricing was up 2%.',
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('captions that name the speaker outside the words', () => {
  const speakers = ['Operator', 'Alan Marsh', 'Operator', 'Kate Lowe', 'Alan Marsh'];

  it('Webex: the cue identifier (2 "Alan Marsh" (1234567)) names the speaker; the file was refused as naming no one', () => {
    const parsed = parseTranscriptText(fixture('webvtt-webex.vtt'), { fileName: 'call.vtt' });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(speakers);
  });

  it('"(Alan Marsh)" on a line of its own, even mid-cue after a dialog dash, is a change of speaker, never the words of the one before; "(Laughter)" stays words', () => {
    const rows = turnTable(parseTranscriptText(fixture('webvtt-bracketed-names.vtt'), { fileName: 'call.vtt' }).call);
    expect(rows.map((r) => `${r.speaker}: ${r.text}`).slice(1)).toEqual([
      'Alan Marsh: Thank you. Revenue grew 4% in the quarter. Orders grew 6%. (Laughter) It was a good quarter.',
      'Operator: Our first question comes from Kate Lowe with UBS.',
      'Kate Lowe: What about pricing?',
      'Alan Marsh: Pricing was up 2%.',
    ]);
  });
});

describe('an operator written with her own name', () => {
  it('"Operator (Melissa):", "Melissa, Operator:", "Operator Melissa:" are the operator — never a new "Operator Melissa" on the company\'s side', () => {
    const parsed = parseTranscriptText(fixture('name-colon-named-operator.txt'));
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side})`)).toEqual(['Operator (operator)', 'Alan Marsh (company)', 'Kate Lowe (analyst)', 'Ben Ortiz (analyst)']);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Operator', 'Kate Lowe', 'Alan Marsh', 'Operator', 'Ben Ortiz', 'Alan Marsh']);
  });

  it('a person whose title merely mentions the operations ("Melissa Grant, Chief Operating Officer:") is not the operator', () => {
    const text = fixture('name-colon-named-operator.txt').replace('Alan Marsh: Thank you. Revenue', 'Melissa Grant, Chief Operating Officer: Thank you. Revenue');
    expect(parseTranscriptText(text).call.participants.find((p) => p.name === 'Melissa Grant')?.side).toBe('company');
  });
});

/** The Fenwick Tools fixtures' turns after the opening remark, as every Q&A-mark layout must read them. */
const FENWICK_QA_TURNS = [
  'Rita Chen (company): Gross margin was 38%.',
  'Kate Lowe (analyst): What about pricing?',
  'Alan Marsh (company): Pricing was up 2%.',
  'Ben Ortiz (analyst): What about volumes?',
  'Rita Chen (company): Volumes were flat.',
  'Kate Lowe (analyst): And capex?',
  'Alan Marsh (company): Unchanged.',
];

describe('"Name:" labels marked "Q -" / "A -" (or "Question –" / "Answer –")', () => {
  it('are their speakers\' turns — never the words of the one before — the asker an analyst, the answerer the company\'s', () => {
    const parsed = parseTranscriptText(fixture('name-colon-qa-marks.txt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}): ${r.text}`)).toEqual([
      'Operator (operator): Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I will now hand over to Alan Marsh.',
      'Alan Marsh (company): Thank you. Revenue grew 4% in the quarter.',
      ...FENWICK_QA_TURNS,
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Kate Lowe')?.firm).toBe('UBS');
  });
});

describe('"Name:" labels after a numbered Q&A mark ("Q1 (Kate Lowe, UBS):", "A1 (Alan Marsh):", "Q2 - Ben Ortiz, Jefferies:", "A2. Rita Chen:")', () => {
  it('are their speakers\' turns — they were the words of whoever spoke before — and a numbered heading in someone\'s words stays words', () => {
    const parsed = parseTranscriptText(fixture('name-colon-numbered-qa.txt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}): ${r.text}`)).toEqual([
      'Alan Marsh (company): Good morning. Revenue grew 4% in the quarter. Q3 - Backlog: up 6% on the year.',
      ...FENWICK_QA_TURNS,
    ]);
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.firm}`)).toEqual(['Alan Marsh | Fenwick Tools Inc.', 'Rita Chen | Fenwick Tools Inc.', 'Kate Lowe | UBS', 'Ben Ortiz | Jefferies']);
    expect(parsed.call.meta.quarter).toBe('Q1 2025');
  });
});

describe('a surname two people share, marked "Q -" or "A -" as terminals mark the Q&A', () => {
  it('is the one on the side the mark says ("Q - Keller" is the analyst Tom Keller, not the CFO Anna Keller) — the file was refused', () => {
    const parsed = parseTranscriptText(fixture('standard-bloomberg-same-surname.txt'));
    expect(turnTable(parsed.call).slice(3).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'Tom Keller (analyst, question)', 'Anna Keller (company, answer)', 'Tom Keller (analyst, question)', 'Owen Pryce (company, answer)',
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Keller" taken as Tom Keller, the only participant so named on the analysts\' side');
  });

  it('"A - Keller" is the CFO; unmarked, "Keller" is still refused, and so is a mark two people on its side could answer', () => {
    const text = fixture('standard-bloomberg-same-surname.txt');
    const answered = parseTranscriptText(text.replace('A - Anna Keller {BIO 2345678 <GO>}', 'A - Keller'));
    expect(turnTable(answered.call)[4]).toMatchObject({ speaker: 'Anna Keller', side: 'company' });
    expect(() => parseTranscriptText(text.replace('Q - Keller\n', 'Keller\n'))).toThrow(/speaker "Keller" could be "Anna Keller" \(Chief Financial Officer\) or "Tom Keller"/);
    expect(() => parseTranscriptText(text.replace('* Kate Lowe, Analyst', '* Kate Keller, Analyst'))).toThrow(/could be/);
  });
});

describe('an operator a transcription tool could not name ("Unknown Speaker  0:02", Otter)', () => {
  it('hands the floor as an operator does: who they introduce asks, everyone else answers — every side was unknown — its own side staying unknown', () => {
    const parsed = parseTranscriptText(fixture('name-colon-otter-unknown-operator.txt'));
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'Unknown Speaker (unknown, remarks)',
      'Owen Pryce (company, remarks)',
      'Maria Castell (company, remarks)',
      'Unknown Speaker (unknown, intro)',
      'Hugo Brandt (analyst, question)',
      'Owen Pryce (company, answer)',
      'Unknown Speaker (unknown, intro)',
      'Leila Moran (analyst, question)',
      'Maria Castell (company, answer)',
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
  });

  it('one introduction and no operator\'s wording is too little to tell: the sides stay unknown', () => {
    const once = fixture('name-colon-otter-unknown-operator.txt').replace('Our next question comes from Leila Moran with Jefferies.', 'Leila, go ahead.');
    expect(new Set(turnTable(parseTranscriptText(once).call).map((r) => r.side))).toEqual(new Set(['unknown']));
  });
});

describe('an interpreted call whose labels say so', () => {
  it('"Kenji Watanabe (via interpreter):", "Yuki Mori [interpreted]:" are those executives, with no title "via interpreter"', () => {
    const parsed = parseTranscriptText(fixture('name-colon-interpreted.txt'));
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title}`)).toEqual([
      'Operator | operator | null', 'Kenji Watanabe | company | null', 'Yuki Mori | company | null', 'David Klein | analyst | null',
    ]);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Kenji Watanabe', 'Yuki Mori', 'Operator', 'David Klein', 'Kenji Watanabe', 'Yuki Mori']);
    const lines = fixture('name-colon-interpreted.txt').replace(/^([^:\n]+): /gm, '$1\n');
    expect(parseTranscriptText(lines).call.participants.find((p) => p.name === 'Kenji Watanabe')?.title).toBeNull();
  });

  it('name lines over the words with the note or a title in square brackets ("Yuki Mori [interpreted]", "Yuki Mori [CFO]") are speakers, never the words of the one before', () => {
    const lines = fixture('name-colon-interpreted.txt').replace(/^([^:\n]+): /gm, '$1\n');
    for (const text of [lines, lines.replace('Yuki Mori [interpreted]', 'Yuki Mori [CFO]')]) {
      const rows = turnTable(parseTranscriptText(text).call);
      expect(rows.map((r) => r.speaker)).toEqual(['Operator', 'Kenji Watanabe', 'Yuki Mori', 'Operator', 'David Klein', 'Kenji Watanabe', 'Yuki Mori']);
      expect(rows[2]?.text).toBe('Operating profit rose 12% year on year.');
    }
  });
});

describe('a name line with its title after another separator ("Yuki Mori | CFO")', () => {
  const lines = fixture('name-colon-interpreted.txt').replace(/^([^:\n]+): /gm, '$1\n');

  it.each([' | CFO', ' / CFO', ' • CFO', ' · CFO'])('"Yuki Mori%s" is her speaker line, never the words of the one before', (separator) => {
    const rows = turnTable(parseTranscriptText(lines.replace('Yuki Mori [interpreted]', `Yuki Mori${separator}`)).call);
    expect(rows.map((r) => r.speaker)).toEqual(['Operator', 'Kenji Watanabe', 'Yuki Mori', 'Operator', 'David Klein', 'Kenji Watanabe', 'Yuki Mori']);
  });

  it('markup this reader cannot read after the name of someone who speaks ("Yuki Mori {CFO}", "Yuki Mori | Finance") is refused with its line', () => {
    for (const line of ['Yuki Mori {CFO}', 'Yuki Mori | Finance']) {
      const text = lines.replace('Yuki Mori [interpreted]', line);
      expect(refusal(text, 'call.txt').describe()).toBe(`call.txt:${lineOf(text, line)}: cannot read the speaker line "${line}" (it starts with "Yuki Mori"): write the name alone, or "Name - Title"`);
    }
  });
});

describe('numbered sections and lists, as a broker\'s PDF writes them', () => {
  const text = fixture('standard-numbered-parts.txt');
  const speakers = ['Operator', 'Alan Marsh', 'Operator', 'Kate Lowe', 'Rita Chen'];

  it('"PART I – PREPARED REMARKS" is a section heading — never a listed analyst "Part I" of a firm "PREPARED REMARKS" — and "PART II – QUESTIONS AND ANSWERS" opens the Q&A, never the CEO\'s words', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Alan Marsh', 'Rita Chen', 'Kate Lowe', 'Operator']);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} ${r.section}`)).toEqual(['Operator prepared_remarks', 'Alan Marsh prepared_remarks', 'Operator qa', 'Kate Lowe qa', 'Rita Chen qa']);
    expect(turnTable(parsed.call)[1]?.text).toBe('Thank you, operator. Revenue grew 4%.');
  });

  it('"1. Presentation", "2. Question-and-Answer Session", "1. Alan Marsh - Chief Executive Officer" and an "Event Participants" heading read the same (they were refused)', () => {
    const numbered = text
      .replace('Company Participants', 'Event Participants\n\nCompany Participants')
      .replace('Alan Marsh - Chief', '1. Alan Marsh - Chief')
      .replace('Rita Chen - Chief', '2. Rita Chen - Chief')
      .replace('Kate Lowe - UBS', '1. Kate Lowe - UBS')
      .replace('PART I – PREPARED REMARKS', '1. Presentation')
      .replace('PART II – QUESTIONS AND ANSWERS', '2. Question-and-Answer Session');
    const parsed = parseTranscriptText(numbered);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side})`)).toEqual(['Alan Marsh (company)', 'Rita Chen (company)', 'Kate Lowe (analyst)', 'Operator (operator)']);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(speakers);
  });
});

describe('a listed name written another way in the body (an initial before the name someone goes by, a nickname, a suffix, the surname alone)', () => {
  const text = fixture('name-colon-nicknames.txt');

  it('"Mike Sutton:" is the listed "J. Michael Sutton III" (it was refused as unknown), "Bob Hale:" is "Robert Hale Jr.", "Sutton:" is the one Sutton', () => {
    const parsed = parseTranscriptText(text.replace('Park: Sure', 'Rebecca Park: Sure'));
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['J. Michael Sutton III', 'Robert Hale Jr.', 'Rebecca Park', 'Daniel Park', 'Laura Chen', 'Operator']);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual([
      'Operator', 'J. Michael Sutton III', 'Robert Hale Jr.', 'Rebecca Park', 'Operator', 'Daniel Park', 'Rebecca Park', 'Operator', 'Laura Chen', 'J. Michael Sutton III',
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Sutton" taken as J. Michael Sutton III, the only participant so named');
  });

  it('"Park:" when two participants are Parks is refused with its line — never a new participant "Park" (it was one, on the company\'s side)', () => {
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(text, 'Park: Sure. Pricing was up about 3%.')}: speaker "Park" could be "Rebecca Park" (Chief Financial Officer) or "Daniel Park" (UBS); write the full name`,
    );
  });

  it('a surname alone that is also another participant\'s first name ("Grant:" beside Grant Ellis and Melissa Grant) is refused too', () => {
    const grants = text.replace('Laura Chen - Morgan Stanley', 'Grant Ellis - Morgan Stanley').replaceAll('Laura Chen', 'Grant Ellis').replace('Robert Hale Jr.', 'Melissa Grant').replace('Bob Hale:', 'Grant:').replace('Park: Sure', 'Rebecca Park: Sure');
    expect(refusal(grants, 'call.txt').describe()).toMatch(/^call\.txt:\d+: speaker "Grant" could be "Melissa Grant" \(Chief Operating Officer\) or "Grant Ellis" \(Morgan Stanley\); write the full name$/);
  });
});

describe('an operator the transcript labels at the welcome but not mid-call', () => {
  const text = fixture('name-colon-mid-call-operator.txt');
  const speakers = ['Operator', 'Alan Marsh', 'Rita Chen', 'Operator', 'Kate Lowe', 'Alan Marsh', 'Operator', 'Ben Ortiz', 'Rita Chen', 'Operator', 'Alan Marsh'];

  it('a question introduced, or the call closed, in a paragraph with no label is the operator\'s (with a warning) — never the CFO introducing the analyst', () => {
    const parsed = parseTranscriptText(text);
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => r.speaker)).toEqual(speakers);
    expect(rows[2]?.text).toBe('Thanks, Alan. Gross margin was 38%.');
    expect(rows[3]).toMatchObject({ section: 'qa', role: 'intro' });
    expect(parsed.call.exchanges.map((e) => parsed.call.participants.find((p) => p.id === e.analystId)?.name)).toEqual(['Kate Lowe', 'Ben Ortiz']);
    expect(parsed.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([lineOf(text, rows[3]!.text), 16, 22]));
  });

  it('name lines over the words read the same', () => {
    const lines = text.replace(/^([^:\n]+): /gm, '$1\n\n');
    expect(turnTable(parseTranscriptText(lines).call).map((r) => r.speaker)).toEqual(speakers);
  });

  it('a host who introduces questions under their own name keeps such words of their own turns; in anyone else\'s, whose they are cannot be told: refused with the line', () => {
    const hosted = text
      .replace('I will now hand over to Alan Marsh, Chief Executive Officer.', 'I will now hand over to Nora Quist, Head of Investor Relations.\n\nNora Quist: Thank you. With me is Alan Marsh, our CEO.')
      .replace('We will now begin', 'Nora Quist: We will now begin');
    const line = hosted.split('\n').find((l) => l.startsWith('Thank you. Our next question')) as string;
    expect(refusal(hosted, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(hosted, line)}: "${line.slice(0, 77)}..." reads as the operator or Nora Quist's, with no speaker line of its own, inside Alan Marsh's turn: write the speaker's name above it`,
    );
    const own = hosted.replace('Alan Marsh: Pricing was up 2%.', 'Alan Marsh: Pricing was up 2%.\n\nNora Quist: Thanks, Alan.').replace('Rita Chen: Volumes were flat.', 'Rita Chen: Volumes were flat.\n\nNora Quist: Thanks, Rita.');
    const rows = turnTable(parseTranscriptText(own).call);
    expect(rows.filter((r) => r.text.includes('Our next question comes from the line of Ben Ortiz')).map((r) => r.speaker)).toEqual(['Nora Quist']);
    expect(rows.filter((r) => r.text.includes('Our first question comes from Kate Lowe')).map((r) => r.speaker)).toEqual(['Nora Quist']);
  });

  it('with no operator in the call, the operator\'s mechanics in someone\'s words are refused with their line', () => {
    const unlabelled = text.replace(/^Operator: [^\n]*\n\n/m, '').replace('Your line is open.', '[Operator Instructions]');
    const line = unlabelled.split('\n').find((l) => l.startsWith('Thank you. Our next question')) as string;
    expect(refusal(unlabelled, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(unlabelled, line)}: "${line.slice(0, 77)}..." reads as the operator's, with no speaker line of its own, inside Alan Marsh's turn: write the speaker's name above it`,
    );
  });
});

describe('an analyst\'s firm on the line under their name, with no participants list ("MARCUS BELL" over "Jefferies LLC")', () => {
  const text = fixture('standard-caps-firm-lines.txt');

  it('is their firm when the operator just introduced them with it — never the first words of their question', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.filter((p) => p.side === 'analyst').map((p) => `${p.name} | ${p.firm}`)).toEqual(['Marcus Bell | Jefferies LLC', 'Sofia Reyes | Cowen']);
    expect(turnTable(parsed.call).filter((r) => r.side === 'analyst').map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Marcus Bell: How is the launch going?',
      'Sofia Reyes: And the pipeline?',
      'Marcus Bell: A follow-up on pricing?',
    ]);
  });

  it('a line the introduction does not give them stays their words', () => {
    const other = text.replace('MARCUS BELL\nJefferies LLC\nHow is', 'MARCUS BELL\nThanks for the question\nHow is');
    expect(turnTable(parseTranscriptText(other).call).find((r) => r.speaker === 'Marcus Bell')?.text).toBe('Thanks for the question How is the launch going?');
  });
});

describe('a webcast platform\'s labels: "Host:" for whoever runs the call, the company\'s name in brackets ("Helen Voss (Orrin Biotech):")', () => {
  const parsed = parseTranscriptText(fixture('name-colon-host.txt'));

  it('"Host" is the operator — never a company speaker "Host" whose introductions are answers', () => {
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'Operator (operator, remarks)', 'Helen Voss (company, remarks)', 'Tariq Amin (company, remarks)',
      'Operator (operator, intro)', 'Marcus Bell (analyst, question)', 'Helen Voss (company, answer)',
      'Operator (operator, intro)', 'Sofia Reyes (analyst, question)', 'Tariq Amin (company, answer)',
    ]);
  });

  it('the company\'s name in brackets is the company — never the executive\'s title', () => {
    expect(parsed.call.participants.filter((p) => p.side === 'company').map((p) => `${p.name} | ${p.title} | ${p.firm}`)).toEqual([
      'Helen Voss | null | Orrin Biotech Inc.', 'Tariq Amin | null | Orrin Biotech Inc.',
    ]);
  });
});

describe('a Japanese company\'s results briefing in English ("Presenters" list, surnames alone, numbered questioners)', () => {
  const text = fixture('name-colon-briefing.txt');

  it('"Questioner 1:" / "Questioner 2:" are askers of their own on the analysts\' side (they were refused), "Watanabe:" is the listed Kenji Watanabe', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side})`)).toEqual(['Kenji Watanabe (company)', 'Yuki Mori (company)', 'Operator (operator)', 'Questioner 1 (analyst)', 'Questioner 2 (analyst)']);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} ${r.role}`)).toEqual([
      'Operator remarks', 'Kenji Watanabe remarks', 'Yuki Mori remarks', 'Questioner 1 question', 'Kenji Watanabe answer', 'Questioner 2 question', 'Yuki Mori answer', 'Operator remarks',
    ]);
  });

  it('"Participant 3:" is a speaker of its own whose side is not guessed', () => {
    const parsed = parseTranscriptText(text.replace('Questioner 2:', 'Participant 3:'));
    expect(parsed.call.participants.find((p) => p.name === 'Participant 3')?.side).toBe('unknown');
  });
});

describe('calls held in German, French or Italian', () => {
  it.each<[string, string, string, string]>([
    ['German: "6. November 2025" (it was refused as no heading), "zum dritten Quartal 2025", "Die erste Frage kommt von…"', 'standard-german.txt', 'ksy-q3-2025', '2025-11-06'],
    ['French: "24 octobre 2025", "troisième trimestre 2025", "La première question vient de…" (the sides were all unknown)', 'name-colon-french.txt', 'vlm-q3-2025', '2025-10-24'],
    ['Italian: "Operatore:" (it was a company speaker), "5 novembre 2025", "terzo trimestre 2025", "La prima domanda è di…"', 'name-colon-italian.txt', 'lumb-q3-2025', '2025-11-05'],
  ])('%s', (_case, file, id, date) => {
    const parsed = parseTranscriptText(fixture(file));
    expect(parsed.call.meta).toMatchObject({ id, quarter: 'Q3 2025', date });
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => `${r.side} ${r.role}`)).toEqual([
      'operator remarks', 'company remarks', 'company remarks', 'operator intro', 'analyst question', 'company answer', 'operator intro', 'analyst question', 'company answer',
    ]);
    expect(parsed.call.exchanges).toHaveLength(2);
  });

  it('the firm an introduction gives with "de", "d\'", "di", "von" ("…vient de James Carter, de Morgan Stanley", "…è di David Wells di Barclays", "…kommt von Thomas Hill von Deutsche Bank") is the analyst\'s — it was no firm', () => {
    const firms = (text: string): string[] => parseTranscriptText(text).call.participants.filter((p) => p.side === 'analyst').map((p) => `${p.name} | ${p.firm}`);
    expect(firms(fixture('name-colon-french.txt'))).toEqual(['James Carter | Morgan Stanley', 'Sophie Leroy | Exane BNP Paribas']);
    const italian = fixture('name-colon-italian.txt').replace('di David Wells, Barclays.', 'di David Wells di Barclays.').replace('da Giulia Conti, Equita.', 'da Giulia Conti di Equita SIM.');
    expect(firms(italian)).toEqual(['David Wells | Barclays', 'Giulia Conti | Equita SIM']);
    const german = fixture('standard-german.txt').replace('von Thomas Hill, Deutsche Bank.', 'von Thomas Hill von Deutsche Bank.');
    expect(firms(german)[0]).toBe('Thomas Hill | Deutsche Bank');
    // An English introduction keeps a name's particle: "…from Ana de Souza" names no firm "Souza".
    expect(parseTranscriptText(fixture('name-colon-french.txt').replace('La première question vient de James Carter, de Morgan Stanley.', 'Our first question comes from James Carter de Souza.').replace('James Carter:', 'James Carter de Souza:')).call.participants.map((p) => p.firm)).not.toContain('Souza');
  });

  it('other period forms: "3e trimestre 2025", "T3 2025", "3. Quartal 2025", "3° trimestre 2025"', () => {
    const text = fixture('name-colon-french.txt');
    for (const period of ['3e trimestre 2025', 'T3 2025', '3. Quartal 2025', '3° trimestre 2025']) {
      expect(parseTranscriptText(text.replace('du troisième trimestre 2025\n', `du ${period}\n`)).call.meta.quarter).toBe('Q3 2025');
    }
  });
});

describe('speakers labelled by their initials, keyed in the participants list ("Alan Marsh (AM) - Chief Executive Officer", then "AM: …")', () => {
  const text = fixture('name-colon-initials.txt');

  it('"AM:" is Alan Marsh — the list was dropped and "AM" became a new person "Am"', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.title ?? p.firm})`)).toEqual(['Alan Marsh (Chief Executive Officer)', 'Rita Chen (Chief Financial Officer)', 'Kate Lowe (UBS)', 'Operator (null)']);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Rita Chen', 'Operator', 'Kate Lowe', 'Alan Marsh']);
  });

  it('initials the list does not key stay a label of their own, as written; a title in brackets is no key', () => {
    const unkeyed = text.replace('Rita Chen (RC) -', 'Rita Chen -');
    expect(turnTable(parseTranscriptText(unkeyed).call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'RC', 'Operator', 'Kate Lowe', 'Alan Marsh']);
    const titled = text.replace('Rita Chen (RC) - Chief Financial Officer', 'Rita Chen (CFO)').replace('RC: Gross', 'Rita Chen: Gross');
    expect(parseTranscriptText(titled).call.participants.find((p) => p.name === 'Rita Chen')?.side).toBe('company');
  });
});

describe('"OP:" for the operator, as note-takers shorten the label', () => {
  const text = fixture('name-colon-op-label.txt');

  it('is the operator — it was a person "OP" on the company\'s side whose introductions were answers, and no exchange was read', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.id === 'operator')).toMatchObject({ name: 'Operator', side: 'operator' });
    expect(parsed.call.participants.some((p) => p.name === 'OP')).toBe(false);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} ${r.side} ${r.role}`)).toEqual([
      'Operator operator remarks', 'Owen Pryce company remarks', 'Maria Castell company remarks',
      'Operator operator intro', 'Hugo Brandt analyst question', 'Owen Pryce company answer',
      'Operator operator intro', 'Leila Moran analyst question', 'Maria Castell company answer', 'Operator operator remarks',
    ]);
  });

  it('a list that keys "OP" to someone makes it them; a listed participant whose initials are O. P., unkeyed, makes it refused', () => {
    const list = 'Participants:\nOwen Pryce (OP) - Chief Executive Officer\n\n';
    const keyed = parseTranscriptText(text.replace('OP: Good morning', `${list}OP: Good morning`));
    expect(keyed.call.participants.some((p) => p.side === 'operator')).toBe(false);
    expect(turnTable(keyed.call)[0]).toMatchObject({ speaker: 'Owen Pryce', side: 'company' });
    const unkeyed = text.replace('OP: Good morning', `${list.replace(' (OP)', '')}OP: Good morning`);
    expect(refusal(unkeyed, 'call.txt').describe()).toBe(
      `call.txt:${unkeyed.split('\n').findIndex((l) => l.startsWith('OP: Good morning')) + 1}: speaker "OP" could be "Operator" or "Owen Pryce" (Chief Executive Officer); write the title or firm with the name to tell them apart`,
    );
  });
});

describe('speaker lines with two spaces before the firm and title ("Alan Marsh  Fenwick Tools Inc - CEO", as LSEG Workspace exports them)', () => {
  it('name the person, with the firm and title — never a person "Alan Marsh  Fenwick Tools Inc"', () => {
    const parsed = parseTranscriptText(fixture('standard-spaced-firms.txt'));
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`)).toEqual([
      'Operator | operator | null | null', 'Alan Marsh | company | CEO | Fenwick Tools Inc', 'Rita Chen | company | CFO | Fenwick Tools Inc', 'Kate Lowe | analyst | null | UBS',
    ]);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Rita Chen', 'Operator', 'Kate Lowe', 'Alan Marsh']);
  });
});

describe('a time on its own line under the speaker\'s name and title ("Alan Marsh" / "CEO" / "00:00:41", as call apps export them)', () => {
  it('is the turn\'s start time, never the first words of the turn', () => {
    const parsed = parseTranscriptText(fixture('standard-time-lines.txt'));
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([5, 41, 192, 570, 581, 602]);
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`).slice(1, 3)).toEqual(['Alan Marsh: Thank you. Revenue grew 4% in the quarter.', 'Rita Chen: Gross margin was 38%.']);
  });
});

describe('a two-column PDF converted to text with its layout kept (pdftotext -layout: the columns woven together line by line)', () => {
  const text = fixture('standard-two-columns.txt');

  it('is read column by column — it was refused at its first woven line — every turn under its speaker', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.meta).toMatchObject({ id: 'orbt-q2-2025', date: '2025-08-06' });
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Operator: Good afternoon and welcome to the Orrin Biotech second quarter 2025 earnings call. I will now hand over to Helen Voss.',
      'Helen Voss: Thank you. Product revenue was $88 million, up 40%. Our launch of Orvexa continued ahead of plan, with 1,200 new patients in the quarter.',
      'Tariq Amin: Thanks, Helen. Operating expenses were $61 million. Cash at the end of the quarter was $412 million.',
      // The sentence a page break cut ("…from Marcus Bell" / "with Jefferies.") stays the operator's.
      'Operator: Our first question comes from Marcus Bell with Jefferies.',
      'Marcus Bell: How is the launch going in Europe?',
      'Helen Voss: The launch in Germany is ahead of plan.',
      'Operator: Our next question comes from Sofia Reyes with Cowen.',
      'Sofia Reyes: And the pipeline?',
      'Tariq Amin: Two readouts next year.',
      "Operator: That concludes today's call.",
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('pages in two columns read one column after the other (the text kept their layout when it was converted); line numbers are those of the text so read');
  });

  it('a single column with wide gaps (a table of figures, justified lines) is left as it is', () => {
    const words = 'we ended the quarter with $960 million in cash.';
    const table = fixture('standard.txt').replace(words, `${words}\n\nRevenue      $412 million      $388 million\nMargin       41.2%             40.1%\nOrders       $501 million      $455 million`);
    const parsed = parseTranscriptText(table);
    expect(parsed.warnings.map((w) => w.message).filter((m) => m.includes('two columns'))).toEqual([]);
    expect(turnTable(parsed.call).find((r) => r.text.includes('Revenue $412 million $388 million'))?.speaker).toBe('Sam Lee');
  });
});

describe('names from around the world (particles, patronymics, diacritics, hyphens), addressed as their owners are', () => {
  it('"Mr. Ahmad:" is the listed Ahmad bin Ismail (it was a new person "Mr. Ahmad"), "Ms. Anh:" Nguyễn Thị Minh Anh, "Álvarez-Peña:" José María Álvarez-Peña', () => {
    const parsed = parseTranscriptText(fixture('name-colon-world-names.txt'));
    expect(parsed.call.participants.map((p) => p.name)).toEqual([
      'Nguyễn Thị Minh Anh', 'Ahmad bin Ismail', 'José María Álvarez-Peña', "Siobhán O'Brien", 'Jan-Willem van der Berg', 'Rory MacKenzie', 'Operator',
    ]);
    expect(turnTable(parsed.call).filter((r) => r.section === 'qa').map((r) => r.speaker)).toEqual([
      'Operator', "Siobhán O'Brien", 'Nguyễn Thị Minh Anh', 'Operator', 'Jan-Willem van der Berg', 'Ahmad bin Ismail', 'Operator', 'Rory MacKenzie', 'José María Álvarez-Peña',
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Mr. Ahmad" taken as Ahmad bin Ismail, the only participant so named');
  });
});

describe('speaker labels that are a role ("CEO:", "CFO:", as a summary or a note-taker writes the call)', () => {
  const text = fixture('name-colon-role-labels.txt');

  it('are the participant with that title — never a new person "Ceo" whose side is unknown', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Nora Quist', 'Alan Marsh', 'Rita Chen', 'Kate Lowe', 'Unidentified Analyst']);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Nora Quist', 'Alan Marsh', 'Rita Chen', 'Nora Quist', 'Unidentified Analyst', 'Alan Marsh']);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "CEO" taken as Alan Marsh, the participant with that title');
  });

  it('a role nobody holds is a company speaker named by it, as written; a role two people hold is refused', () => {
    const unheld = parseTranscriptText(text.replace('Alan Marsh - Chief Executive Officer\n', ''));
    expect(unheld.call.participants.find((p) => p.name === 'CEO')).toMatchObject({ side: 'company', title: 'CEO' });
    const shared = text.replace('Rita Chen - Chief Financial Officer', 'Rita Chen - Chief Financial Officer\nOmar Haddad - Deputy CFO');
    expect(refusal(shared, 'call.txt').describe()).toBe(`call.txt:${lineOf(shared, 'CFO: Gross margin was 38%.')}: speaker "CFO" could be "Rita Chen" (Chief Financial Officer) or "Omar Haddad" (Deputy CFO); write the name`);
  });
});

describe('captions that write each speaker\'s company after the name ("Alan Marsh (Fenwick Tools): …"), the company named only by the welcome', () => {
  it('the company is the executives\' firm — never their title "Fenwick Tools"', () => {
    const parsed = parseTranscriptText(fixture('webvtt-company-hints.vtt'), { fileName: 'call.vtt' });
    expect(parsed.call.meta.company).toBe('Fenwick Tools');
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`)).toEqual([
      'Operator | operator | null | null', 'Alan Marsh | company | null | Fenwick Tools', 'Rita Chen | company | null | Fenwick Tools', 'Kate Lowe | analyst | null | UBS',
    ]);
  });
});

describe('"Name — Title: words" labels in a call with lists and headings (as AlphaSense exports it)', () => {
  const text = fixture('standard-alphasense.txt');

  it('each label is its speaker\'s turn — they were read as the operator\'s words, then given to the analyst the operator had just introduced', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.meta).toMatchObject({ ticker: 'FNWK', quarter: 'Q1 2025', date: '2025-04-24' });
    expect(parsed.call.participants.filter((p) => p.side === 'company').map((p) => `${p.name} | ${p.title} | ${p.firm}`)).toEqual([
      'Alan Marsh | Chief Executive Officer | Fenwick Tools Inc', 'Rita Chen | Chief Financial Officer | Fenwick Tools Inc',
    ]);
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Operator: Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I will now hand over to Alan Marsh.',
      'Alan Marsh: Thank you. Revenue grew 4% in the quarter.',
      'Rita Chen: Gross margin was 38%.',
      'Operator: Our first question comes from Kate Lowe with UBS.',
      'Kate Lowe: What about pricing?',
      'Alan Marsh: Pricing was up 2%.',
      'Operator: Our next question comes from Ben Ortiz with Citi.',
      'Ben Ortiz: What about volumes?',
      'Rita Chen: Volumes were flat.',
    ]);
  });

  it('a label it cannot read that opens with the name of someone who speaks is refused with its line — never the words of the speaker before, nor moved to the one the operator introduced', () => {
    for (const [from, to] of [
      ['Rita Chen — Chief Financial Officer: Gross', 'Rita Chen {CFO}: Gross'],
      ['Alan Marsh — Chief Executive Officer: Pricing', 'Alan Marsh {CEO}: Pricing'],
    ] as const) {
      const broken = text.replace(from, to);
      const line = broken.split('\n').find((l) => l.startsWith(to)) as string;
      const name = to.slice(0, to.indexOf(' {'));
      expect(refusal(broken, 'call.txt').describe()).toBe(
        `call.txt:${lineOf(broken, line)}: "${line}" starts with the speaker "${name}" but is no speaker line this layout reads: write "${name}" on a line of its own, or "${name}:" before the words`,
      );
    }
  });
});

describe('a transcription service\'s speaker key above numbered labels ("Speaker 2: Alan Marsh, Chief Executive Officer", then "Speaker 2 (00:00:31):")', () => {
  const text = fixture('name-colon-speaker-key.txt');

  it('each label is the person the key names — the key lines were turns (Speaker 2 saying "Alan Marsh, Chief Executive Officer")', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => `${p.name} (${p.side})`)).toEqual(['Operator (operator)', 'Alan Marsh (company)', 'Kate Lowe (analyst)']);
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text}`)).toEqual([
      'Operator: Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I will now hand over to Alan Marsh.',
      'Alan Marsh: Thank you. Revenue grew 4% in the quarter.',
      'Operator: Our first question comes from Kate Lowe with UBS.',
      'Kate Lowe: What about pricing?',
      'Alan Marsh: Pricing was up 2%.',
    ]);
  });

  it('a title at the end of one turn is never read as the next turn\'s speaker\'s (Kate Lowe was titled "Chief Executive Officer" from the key read as turns)', () => {
    const person = (id: string, name: string): Participant => ({ id, name, title: null, firm: null, division: null, side: 'unknown', sideSource: 'unknown' });
    const titled = inferTitles([person('am', 'Alan Marsh'), person('kl', 'Kate Lowe')], [
      { text: 'Alan Marsh, Chief Executive Officer', operator: false },
      { text: 'Kate Lowe, UBS', operator: false },
    ]);
    expect(titled.map((p) => p.title)).toEqual(['Chief Executive Officer', null]);
  });
});

describe('section headings as more sources word them ("Q and A", "Question-and-Answer Period", "Fragerunde", "Presentation Section", "Management Participants")', () => {
  it.each(['Q and A', 'Question-and-Answer Period', 'Q&A Period', 'Question-and-Answer', 'Fragerunde', 'Frage-und-Antwort-Runde', 'Sessione Q&A'])('"%s" opens the Q&A — never words of the speaker before it', (heading) => {
    const expected = turnTable(parseTranscriptText(fixture('name-colon.txt')).call);
    const rows = turnTable(parseTranscriptText(fixture('name-colon.txt').replace('\nQuestions and Answers\n', `\n${heading}\n`)).call);
    expect(rows).toEqual(expected);
  });

  it('"Presentation Section" / "Formal Remarks" open the remarks and "Management Participants" / "External Participants" head the lists of a standard call', () => {
    const expected = turnTable(parseTranscriptText(fixture('standard.txt')).call);
    for (const [prepared, company, analysts] of [['Presentation Section', 'Management Participants', 'External Participants'], ['Formal Remarks', 'Company Speakers', 'Analysts']]) {
      const text = fixture('standard.txt').replace('\nPrepared Remarks\n', `\n${prepared}\n`).replace('Corporate Participants', company as string).replace('\nAnalysts\n', `\n${analysts}\n`);
      expect(turnTable(parseTranscriptText(text).call)).toEqual(expected);
    }
  });

  it.each(['=== Questions and Answers ===', '--- Q&A ---', '**Questions and Answers**', '~~ Question-and-Answer Session ~~'])('"%s", set off by rules, opens the Q&A — it was words of the CFO', (heading) => {
    const expected = turnTable(parseTranscriptText(fixture('name-colon.txt')).call);
    const rows = turnTable(parseTranscriptText(fixture('name-colon.txt').replace('\nQuestions and Answers\n', `\n${heading}\n`)).call);
    expect(rows).toEqual(expected);
  });

  it('a Japanese company\'s own headings ("プレゼンテーション", "質疑応答") open the remarks and the Q&A — "質疑応答" was words of the CFO', () => {
    const expected = turnTable(parseTranscriptText(fixture('name-colon.txt')).call);
    const text = fixture('name-colon.txt').replace('\nPrepared Remarks\n', '\nプレゼンテーション\n').replace('\nQuestions and Answers\n', '\n質疑応答\n');
    expect(turnTable(parseTranscriptText(text).call)).toEqual(expected);
  });

  it('German and Italian list headings ("Unternehmensvertreter", "Analysten", "Partecipanti della società") head the lists of a standard call — "Analysten" was refused as an unknown speaker', () => {
    const expected = turnTable(parseTranscriptText(fixture('standard.txt')).call);
    for (const [company, analysts] of [['Unternehmensvertreter', 'Analysten'], ['Teilnehmer des Unternehmens', 'Konferenzteilnehmer'], ['Partecipanti della società', 'Analisti']]) {
      const text = fixture('standard.txt').replace('Corporate Participants', company as string).replace('\nAnalysts\n', `\n${analysts}\n`);
      expect(turnTable(parseTranscriptText(text).call)).toEqual(expected);
    }
  });
});

describe('a speaker\'s label inside the paragraph before it, its line break lost ("…in the quarter. Rita Chen: Thanks, Alan.")', () => {
  it('starts that speaker\'s turn there (with a warning) — never the words of the speaker before', () => {
    const expected = turnTable(parseTranscriptText(fixture('name-colon-mid-call-operator.txt')).call);
    for (const joined of [
      fixture('name-colon-mid-call-operator.txt').replace('in the quarter.\n\nRita Chen: Thanks, Alan.', 'in the quarter. Rita Chen: Thanks, Alan.'),
      fixture('name-colon-mid-call-operator.txt').replace('What about pricing?\n\nAlan Marsh: Pricing', 'What about pricing? Alan Marsh: Pricing'),
    ]) {
      const parsed = parseTranscriptText(joined);
      expect(turnTable(parsed.call)).toEqual(expected);
      expect(parsed.warnings.map((w) => w.message).filter((m) => m.startsWith('a speaker label inside a paragraph'))).toHaveLength(1);
    }
  });

  it('a name and a colon inside a sentence, or of someone who never speaks, stays words', () => {
    const text = fixture('name-colon-mid-call-operator.txt').replace('Revenue grew 4% in the quarter.', 'Revenue grew 4% in the quarter, as our CFO Rita Chen: will explain. Jane Doe: noted.');
    expect(turnTable(parseTranscriptText(text).call)[1]?.text).toBe('Thank you, operator. Revenue grew 4% in the quarter, as our CFO Rita Chen: will explain. Jane Doe: noted.');
  });
});

describe('a label that names two speakers at once ("Owen Pryce and Maria Castell: …")', () => {
  const text = fixture('name-colon-joint-label.txt');
  const joint = 'Owen Pryce and Maria Castell: Within eighteen months, we think.';

  it('is refused with its line — it was read as words of the analyst before (Hugo Brandt asking and answering himself)', () => {
    expect(refusal(text, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(text, joint)}: "${joint}" names two speakers ("Owen Pryce" and "Maria Castell"): whose words follow cannot be told; write them under one speaker's name`,
    );
  });

  it('joined by "/" or "&", after one of the two (it was his words), as a name line over the words or a "Names -- Titles" line', () => {
    for (const written of ['Owen Pryce/Maria Castell:', 'OWEN PRYCE & MARIA CASTELL:']) {
      const edited = text.replace('Hugo Brandt: And the two Ohio', 'Owen Pryce: And as for the two Ohio').replace('Owen Pryce and Maria Castell:', written);
      expect(refusal(edited, 'call.txt').describe()).toMatch(new RegExp(`^call\\.txt:${lineOf(text, joint)}: .* names two speakers \\("Owen Pryce" and "Maria Castell"\\)`));
    }
    const standard = text.replace(/^([^:\n]+): /gm, '$1\n');
    expect(parseTranscriptText(text.replace(`${joint}\n\n`, '').replace(/^([^:\n]+): /gm, '$1\n')).layout).toBe('standard');
    expect(refusal(standard, 'call.txt').describe()).toMatch(new RegExp(`^call\\.txt:${lineOf(standard, 'Owen Pryce and Maria Castell')}: "Owen Pryce and Maria Castell" names two speakers`));
    const dashed = standard.replace('Owen Pryce and Maria Castell\n', 'Owen Pryce and Maria Castell -- Chief Executive Officer and Chief Financial Officer\n');
    expect(refusal(dashed, 'call.txt').describe()).toMatch(/names two speakers \("Owen Pryce" and "Maria Castell"\)/);
  });

  it('a sentence that names both stays words, also when a paragraph or a wrapped line starts with them', () => {
    const said = text
      .replace(`${joint}\n`, 'Owen Pryce: Within eighteen months, we think.\n\nOwen Pryce and Maria Castell will both be at the investor day.\n')
      .replace('Maria Castell: We expect capex', 'Maria Castell: Owen Pryce and Maria Castell\nwill host the next call. We expect capex');
    const rows = turnTable(parseTranscriptText(said).call);
    expect(rows.map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Owen Pryce', 'Hugo Brandt', 'Owen Pryce', 'Operator', 'Leila Moran', 'Maria Castell', 'Operator']);
    expect(rows[7]?.text).toBe('Within eighteen months, we think. Owen Pryce and Maria Castell will both be at the investor day.');
  });
});

describe('marks around every speaker\'s label: paragraph numbers, a dash for the colon, broadcast chevrons (all were refused)', () => {
  const speakers = ['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Owen Pryce', 'Operator', 'Leila Moran', 'Maria Castell', 'Operator'];

  it('"12. Owen Pryce: …" — numbers counting up one by one — reads as "Owen Pryce: …"; a numbered list in someone\'s words keeps its numbers', () => {
    const text = fixture('name-colon-numbered.txt');
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(speakers);
    expect(turnTable(parsed.call)[2]?.text).toBe('Thanks, Owen. Three things drove the quarter: 1. Pricing rose 4%. 2. Volumes rose 6%. 3. Costs were flat. Revenue was $1.4 billion, up 8%.');
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker labels read without 10 paragraph numbers');
    expect(turnTable(parseTranscriptText(text.replace(/^\d+\. (?=[^:\n]+: )/gm, '')).call)).toEqual(turnTable(parsed.call));
    // "[00:00:04] 1 Owen Pryce" over the words, as a transcription service numbers its speaker lines.
    let n = 0;
    const stamped = text.replace(/^\d+\. ([^:\n]+): /gm, (_m, name: string) => `[00:0${Math.floor(++n / 6)}:${String((n * 7) % 60).padStart(2, '0')}] ${n} ${name}\n`);
    expect(stamped).toContain('] 2 Owen Pryce\nThank you.');
    expect(turnTable(parseTranscriptText(stamped).call).map((r) => r.speaker)).toEqual(speakers);
  });

  it('"[12] Owen Pryce: …", "(12) Owen Pryce: …" and "¶12 Owen Pryce: …" — the number in brackets — read the same (they were refused)', () => {
    const text = fixture('name-colon-numbered.txt');
    const plain = turnTable(parseTranscriptText(text).call);
    for (const mark of [(n: string) => `[${n}] `, (n: string) => `(${n}) `, (n: string) => `¶${n} `]) {
      const marked = text.replace(/^(\d+)\. (?=[^:\n]+: )/gm, (_m, n: string) => mark(n));
      expect(marked).toContain(`${mark('2')}Owen Pryce: Thank you.`);
      expect(turnTable(parseTranscriptText(marked).call)).toEqual(plain);
    }
  });

  it('"Owen Pryce — Thank you." reads as "Owen Pryce: Thank you."; a "North America — …" line inside the CFO\'s words stays words, dash and all', () => {
    const parsed = parseTranscriptText(fixture('name-colon-dash-labels.txt'));
    const rows = turnTable(parsed.call);
    expect(rows.map((r) => `${r.speaker} (${r.side})`)).toEqual(speakers.map((s) => `${s} (${s === 'Operator' ? 'operator' : /Hugo|Leila/.test(s) ? 'analyst' : 'company'})`));
    expect(rows[2]?.text).toBe('Thanks, Owen. Revenue was $1.4 billion, up 8%. North America \u2014 volumes rose 6% on strong demand. Operating ratio improved to 91.2%.');
    // "Name — Title" speaker lines (dash-header) and "Name — Title: words" labels are no dash labels.
    expect(parseTranscriptText(fixture('dash-header-emdash.txt')).warnings.map((w) => w.message).join('\n')).not.toContain('speaker labels read without');
  });

  it('">> OWEN PRYCE: …" reads as "OWEN PRYCE: …"; a ">>" that names no one is an "Unidentified Speaker" — never the words of the analyst before', () => {
    const rows = turnTable(parseTranscriptText(fixture('name-colon-chevrons.txt')).call);
    expect(rows.map((r) => r.speaker)).toEqual([...speakers.slice(0, 5), 'Unidentified Speaker', ...speakers.slice(5)]);
    expect(rows[5]).toMatchObject({ side: 'unknown', text: 'Sorry, and a follow-up on the Ohio terminals?' });
  });
});

describe('a web page that puts each turn\'s time in a block of its own under the name ("Operator" / "00:00:37" / the words)', () => {
  it('is the turn\'s start time, and a time between two paragraphs is nobody\'s words — they were the first words of every turn', async () => {
    const file = 'standard-time-blocks.html';
    const parsed = await parseTranscriptFile(readFileSync(new URL(`../fixtures/layouts/${file}`, import.meta.url)), { fileName: file });
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual([0, 37, 74, 111, 148, 185, 222, 259, 296, 333]);
    expect(turnTable(parsed.call).map((r) => r.text).filter((t) => /\d:\d\d/.test(t))).toEqual([]);
    expect(turnTable(parsed.call)[1]).toMatchObject({ speaker: 'Owen Pryce', text: 'Thank you. Volumes rose 6% in the quarter and yields held. We opened two new terminals in Ohio.' });
  });
});

describe('a call held in Spanish whose list and labels write titles and honorifics in Spanish', () => {
  it('"Sr. Pryce:" / "Sra. Castell:" are the listed Owen Pryce and Maria Castell (refused as unknown), "Analista" makes Hugo Brandt an analyst (he was the company\'s), "Directora Financiera" a company title (her side was unknown)', () => {
    const parsed = parseTranscriptText(fixture('name-colon-spanish-titles.txt'));
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Owen Pryce | company | Director General', 'Maria Castell | company | Directora Financiera', 'Hugo Brandt | analyst | Piper Sandler', 'Operator | operator | null',
    ]);
    expect(turnTable(parsed.call).map((r) => `${r.speaker} ${r.role}`)).toEqual([
      'Operator remarks', 'Owen Pryce remarks', 'Maria Castell remarks', 'Operator intro', 'Hugo Brandt question', 'Owen Pryce answer',
    ]);
  });
});

describe('"[Owen Pryce]: words" (a name in brackets and a colon)', () => {
  it('reads as "Owen Pryce: words" — it was refused as in no layout; "[Music]:" is still no one', () => {
    const plain = fixture('name-colon-joint-label.txt').replace('Owen Pryce and Maria Castell: Within', 'Maria Castell: Within');
    const bracketed = plain.replace(/^(Operator|Owen Pryce|Maria Castell|Hugo Brandt|Leila Moran): /gm, '[$1]: ');
    expect(bracketed).toContain('[Hugo Brandt]: Thanks.');
    expect(turnTable(parseTranscriptText(bracketed).call)).toEqual(turnTable(parseTranscriptText(plain).call));
    const music = bracketed.replace('[Owen Pryce]: We expect yields', '[Owen Pryce]: We expect yields to stay firm.\n[Music]: plays');
    expect(parseTranscriptText(music).call.participants.map((p) => p.name)).not.toContain('Music');
  });
});

describe('participants lists set side by side ("Company Participants      Conference Call Participants", one person of each list a line)', () => {
  it('are read one list after the other — the file was refused at the list\'s first line', () => {
    const text = fixture('standard-list-columns.txt');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Dana Whitcombe | company | Head of Investor Relations', 'Owen Pryce | company | Chief Executive Officer', 'Maria Castell | company | Chief Financial Officer',
      'Hugo Brandt | analyst | Piper Sandler', 'Leila Moran | analyst | Jefferies', 'Operator | operator | null',
    ]);
    const stacked = text.replace(/Company Participants[\s\S]*?\n\nPresentation/, [
      'Company Participants', 'Dana Whitcombe - Head of Investor Relations', 'Owen Pryce - Chief Executive Officer', 'Maria Castell - Chief Financial Officer', '',
      'Conference Call Participants', 'Hugo Brandt - Piper Sandler', 'Leila Moran - Jefferies', '', 'Presentation',
    ].join('\n'));
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(stacked).call));
  });
});

describe('a whole call run together on one line ("…Earnings Call Operator: Good morning… Owen Pryce: Thank you. …")', () => {
  it('is broken before each speaker\'s label and reads as the call written a paragraph a label — it was refused; "North America: volumes up 6%" in the CFO\'s words stays hers', () => {
    const text = fixture('name-colon-one-line.txt');
    expect(text.trim().split('\n')).toHaveLength(1);
    const parsed = parseTranscriptText(text);
    const paragraphs = text.trim().replace(' Operator: Good', '\n\nOperator: Good').replace(/ (?=(?:Operator|Owen Pryce|Maria Castell|Hugo Brandt|Leila Moran): )/g, '\n\n');
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(paragraphs).call));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Owen Pryce', 'Operator', 'Leila Moran', 'Maria Castell', 'Operator']);
    expect(turnTable(parsed.call)[2]?.text).toContain('By region, North America: volumes up 6%, and Europe: volumes flat.');
    expect(parsed.call.meta).toMatchObject({ company: 'Tallis Freight Corp', ticker: 'TLFT', quarter: 'Q3 2025' });
  });
});

describe('a meeting tool\'s tags on display names ("Owen Pryce (he/him)", "Hugo Brandt (External)", "Leila Moran (Guest)")', () => {
  const people = (text: string): string[] => parseTranscriptText(text).call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`);
  const vtt = fixture('webvtt-display-tags.vtt');
  const untagged = vtt.replace(/ \((?:he\/him|she\/her|External|Guest)\)>/g, '>');

  it('are no title or firm — "he/him" was Owen Pryce\'s title, "External" Hugo Brandt\'s firm (the operator\'s "Piper Sandler" lost)', () => {
    expect(vtt).toContain('<v Hugo Brandt (External)>');
    expect(people(vtt)).toEqual(people(untagged));
    expect(people(vtt)).toContain('Hugo Brandt | analyst | null | Piper Sandler');
  });

  it('in "Name (tag):" labels too', () => {
    const labels = vtt.replace(/^WEBVTT\n\n/, 'Tallis Freight Q3 2025 earnings call\n\n').replace(/^\d+\n[\d:.]+ --> [\d:.]+\n<v ([^>]+)>(.*)<\/v>$/gm, '$1: $2');
    expect(labels).toContain('Leila Moran (Guest): What is the capex plan');
    expect(people(labels)).toEqual(people(labels.replace(/ \((?:he\/him|she\/her|External|Guest)\):/g, ':')));
  });

  it('after a bracket that says who they are ("Brandt, Hugo (Piper Sandler) (External)", Teams\' guest with a directory name) — the whole label was a person\'s name', () => {
    const both = vtt.replace('<v Hugo Brandt (External)>', '<v Brandt, Hugo (Piper Sandler) (External)>').replace('<v Leila Moran (Guest)>', '<v Leila Moran (Jefferies) (Guest)>');
    expect(people(both)).toEqual(people(untagged));
    const labels = both.replace(/^WEBVTT\n\n/, 'Tallis Freight Q3 2025 earnings call\n\n').replace(/^\d+\n[\d:.]+ --> [\d:.]+\n<v ([^>]+)>(.*)<\/v>$/gm, '$1: $2');
    expect(labels).toContain('Brandt, Hugo (Piper Sandler) (External): Thanks.');
    expect(people(labels)).toContain('Hugo Brandt | analyst | null | Piper Sandler');
  });
});

describe('a speaker\'s name over the company\'s line over the title ("Owen Pryce" / "Tallis Freight Corp" / "Chief Executive Officer"), an analyst\'s over the firm and "Analyst"', () => {
  const text = fixture('standard-three-line-speakers.txt');
  const rows = (t: string): string[] => turnTable(parseTranscriptText(t).call).map((r) => `${r.speaker} (${r.side}): ${r.text}`);
  const twoLines = text.replace(/\nTallis Freight Corp\n(Chief \w+ Officer)\n/g, '\n$1\n').replace(/\n(Piper Sandler|Jefferies)\nAnalyst\n/g, '\n$1\n');

  it('is the listed person, the title and role lines no words of theirs — the company\'s line made a second "Owen Pryce" (an analyst\'s firm, it ruled out the listed one) whose first words were "Chief Executive Officer"', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Owen Pryce', 'Maria Castell', 'Hugo Brandt', 'Leila Moran', 'Operator']);
    expect(rows(text)).toEqual(rows(twoLines));
    expect(rows(text)[1]).toBe('Owen Pryce (company): Thank you. Volumes rose 6% in the quarter and yields held. We opened two new terminals in Ohio.');
  });

  it('the company\'s line alone under the name (no title) is the listed executive too — it made a second "Owen Pryce"', () => {
    const companyOnly = text.replace(/\nTallis Freight Corp\nChief \w+ Officer\n/g, '\nTallis Freight Corp\n');
    expect(companyOnly).toContain('Owen Pryce\nTallis Freight Corp\n\nThank you.');
    expect(parseTranscriptText(companyOnly).call.participants.map((p) => p.name)).toEqual(['Owen Pryce', 'Maria Castell', 'Hugo Brandt', 'Leila Moran', 'Operator']);
    expect(rows(companyOnly)).toEqual(rows(text));
  });

  it('with no list and the words right under the title line', () => {
    const bare = text.replace(/Company Participants[\s\S]*?\n\nPresentation\n/, '').replace(/(Officer|Analyst)\n\n/g, '$1\n').replace('Question-and-Answer Session\n\n', '');
    expect(bare).toContain('Owen Pryce\nTallis Freight Corp\nChief Executive Officer\nThank you.');
    const parsed = parseTranscriptText(bare);
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Operator | operator | null', 'Owen Pryce | company | Chief Executive Officer', 'Maria Castell | company | Chief Financial Officer', 'Hugo Brandt | analyst | Piper Sandler', 'Leila Moran | analyst | Jefferies',
    ]);
    expect(turnTable(parsed.call).map((r) => r.text).filter((t) => /^(?:Chief|Analyst|Tallis Freight Corp)\b/.test(t))).toEqual([]);
  });
});

describe('"Owen Pryce, Tallis Freight Corp:" — a listed executive\'s label with the call\'s own company', () => {
  it('is the listed executive — the company\'s "Corp" read as an analyst firm\'s ruled them out and made a second Owen Pryce', () => {
    const plain = fixture('name-colon-joint-label.txt').replace('Owen Pryce and Maria Castell: Within', 'Maria Castell: Within');
    const labelled = plain.replace(/^Owen Pryce: /gm, 'Owen Pryce, Tallis Freight Corp: ').replace(/^Maria Castell: /gm, 'Maria Castell (Tallis Freight Corp): ');
    expect(labelled).toContain('Maria Castell (Tallis Freight Corp): Thanks, Owen.');
    const parsed = parseTranscriptText(labelled);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Owen Pryce', 'Maria Castell', 'Hugo Brandt', 'Leila Moran', 'Operator']);
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(plain).call));
  });
});

describe('the IR head labelled by the role and her name ("Moderator - Dana Whitcombe:", "Moderator (Dana Whitcombe):")', () => {
  const text = fixture('name-colon-named-moderator.txt');
  const speakers = (t: string): string[] => turnTable(parseTranscriptText(t).call).map((r) => `${r.speaker} ${r.role}`);
  const expected = ['Dana Whitcombe remarks', 'Owen Pryce remarks', 'Maria Castell remarks', 'Dana Whitcombe intro', 'Hugo Brandt question', 'Owen Pryce answer', 'Dana Whitcombe intro', 'Leila Moran question', 'Maria Castell answer', 'Dana Whitcombe remarks'];

  it('is the listed Dana Whitcombe — her welcome right under the list was a listed person "Moderator" titled with it (lost from the turns), and her labels that person', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Dana Whitcombe', 'Owen Pryce', 'Maria Castell', 'Hugo Brandt', 'Leila Moran']);
    expect(speakers(text)).toEqual(expected);
  });

  it('"Moderator (Dana Whitcombe):" too (it was a generic operator); "Operator (Melissa):", a name no one in the list has, stays the operator', () => {
    expect(speakers(text.replace(/^Moderator - Dana Whitcombe:/gm, 'Moderator (Dana Whitcombe):'))).toEqual(expected);
    expect(speakers(text.replace(/^Moderator - Dana Whitcombe:/gm, 'Operator (Melissa):'))[0]).toBe('Operator remarks');
  });
});

describe('an IR site\'s PDF whose names are set in capitals over their titles and firms ("HUGO BRANDT" / "Piper Sandler"), the company\'s name alone over the title', () => {
  const text = fixture('standard-caps-list-pdf.txt');

  it('reads each name over the line under it as one list entry — "Piper Sandler" was a listed person, Hugo Brandt\'s first words his firm, and the file was refused at "Jefferies"', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    expect(parsed.call.meta.company).toBe('Tallis Freight Corp');
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Owen Pryce | company | Chief Executive Officer', 'Maria Castell | company | Chief Financial Officer', 'Hugo Brandt | analyst | Piper Sandler', 'Leila Moran | analyst | Jefferies', 'Operator | operator | null',
    ]);
    expect(turnTable(parsed.call).map((r) => `${r.speaker}: ${r.text.slice(0, 12)}`)).toEqual([
      'Operator: Good morning', 'Owen Pryce: Thank you. V', 'Maria Castell: Thanks, Owen', 'Operator: Our first qu', 'Hugo Brandt: Thanks. Can ', 'Owen Pryce: Sure. Pricin', 'Operator: Our next que', 'Leila Moran: Hi. What abo', 'Maria Castell: Fuel was a t',
    ]);
  });

  it('a firm with a firm\'s words reads so too ("Jefferies LLC"), and the company\'s name with no dot ("Tallis Freight Corp") over the title is never a speaker\'s name line', () => {
    const parsed = parseTranscriptText(text.replace('\nJefferies\n', '\nJefferies LLC\n'));
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Piper Sandler');
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
    // Names not in capitals: the firm the operator introduces each analyst with.
    const mixed = parseTranscriptText(text.replace('HUGO BRANDT\n', 'Hugo Brandt\n').replace('LEILA MORAN\n', 'Leila Moran\n'));
    expect(mixed.call.participants.filter((p) => p.side === 'analyst').map((p) => `${p.name} | ${p.firm}`)).toEqual(['Hugo Brandt | Piper Sandler', 'Leila Moran | Jefferies']);
  });

  it('a name the operator introduces with a firm of their own stays a list entry of its own under a name in capitals', () => {
    const two = text.replace('HUGO BRANDT\nPiper Sandler\nLEILA MORAN\nJefferies\n', 'HUGO BRANDT\nLeila Moran\n');
    const parsed = parseTranscriptText(two);
    expect(parsed.call.participants.filter((p) => p.side === 'analyst').map((p) => `${p.name} | ${p.firm}`)).toEqual(['Hugo Brandt | null', 'Leila Moran | null']);
  });

  it('listed with no firm, the firm the operator just introduced them with on the line under their name is no words of theirs (it was the first words of their question), and a name alone in capitals is shown as people write it', () => {
    const two = text.replace('HUGO BRANDT\nPiper Sandler\nLEILA MORAN\nJefferies\n', 'HUGO BRANDT\nLeila Moran\n');
    const rows = turnTable(parseTranscriptText(two).call);
    expect(rows.filter((r) => r.side === 'analyst').map((r) => `${r.speaker}: ${r.text}`)).toEqual(['Hugo Brandt: Thanks. Can you talk about pricing in intermodal?', 'Leila Moran: Hi. What about fuel costs?']);
  });
});

describe('a title or firm written with more than itself: the call\'s company after the title, "Analyst" after the firm', () => {
  const who = (text: string, fileName: string): string[] => parseTranscriptText(text, { fileName }).call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`);

  it('"OWEN PRYCE, CHIEF EXECUTIVE OFFICER, TALLIS FREIGHT CORP:" is titled "Chief Executive Officer" of Tallis Freight Corp — the title held the company', () => {
    expect(who(fixture('name-colon-caps-company.txt'), 'call.txt')).toEqual([
      'Operator | operator | null | null', 'Owen Pryce | company | Chief Executive Officer | Tallis Freight Corp', 'Maria Castell | company | Chief Financial Officer | Tallis Freight Corp', 'Hugo Brandt | analyst | null | Piper Sandler',
    ]);
  });

  it('a list entry "**Hugo Brandt** — Piper Sandler, Analyst" is of Piper Sandler — the firm was "Piper Sandler, Analyst"', () => {
    expect(who(fixture('name-colon-bold-list.md'), 'call.md').filter((p) => p.includes('analyst'))).toEqual(['Hugo Brandt | analyst | null | Piper Sandler', 'Leila Moran | analyst | null | Jefferies']);
  });
});

describe('captions whose only speaker hint is each cue\'s identifier ("Speaker_1", as a diarizing tool writes it)', () => {
  const text = fixture('webvtt-speaker-ids.vtt');

  it('are numbered speakers, named where the call hands over to them — the file was refused as naming no speaker', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.vtt' });
    expect(turnTable(parsed.call).map((r) => `${r.speaker} (${r.side}) ${r.role}`)).toEqual([
      'Speaker 1 (operator) remarks', 'Owen Pryce (company) remarks', 'Speaker 3 (company) remarks', 'Speaker 1 (operator) intro', 'Hugo Brandt (analyst) question', 'Owen Pryce (company) answer',
    ]);
  });

  it('only when every cue\'s identifier is a speaker\'s: a caption\'s own numbering ("7") names no one, and one cue without a label is refused as before', () => {
    expect(refusal(text.replace('Speaker_3\n', '7\n'), 'call.vtt').describe()).toMatch(/^call\.vtt:\d+: the cue at this line names no speaker/);
    expect(refusal(text.replaceAll(/^Speaker_(\d)$/gm, '$1'), 'call.vtt').describe()).toMatch(/^call\.vtt:4: the cue at this line names no speaker/);
  });
});

describe('speaker labels written in lower case ("owen pryce: …", "operator: …")', () => {
  const text = fixture('name-colon-lowercase.txt');
  const capitalised = text.replace(/^operator:/gm, 'Operator:').replace(/^owen pryce:/gm, 'Owen Pryce:').replace(/^maria castell:/gm, 'Maria Castell:').replace(/^hugo brandt:/gm, 'Hugo Brandt:');

  it('are the names the list and the other labels write with capitals — they were refused (or read as words of the speaker before)', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    expect(turnTable(parsed.call)).toEqual(turnTable(parseTranscriptText(capitalised).call));
    expect(parsed.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^4 speaker labels written in lower case read as the names/));
  });

  it('with no list, a name an introduction writes with capitals reads; one the call never writes so is refused with its line, never the speaker before\'s words', () => {
    const bare = text.replace(/Participants:\n(?:.+\n)+\n/, '').replace(/^(Operator|Owen Pryce|Hugo Brandt):/gm, (l) => l.toLowerCase());
    expect(refusal(bare, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(bare, bare.split('\n').find((l) => l.startsWith('maria castell:')) as string)}: cannot tell whether "maria castell" is a speaker: labels here are written in lower case, and the call never writes "Maria Castell" with its capitals (in a participants list, a label or an introduction); write "Maria Castell:" if it is one`,
    );
    const introduced = bare.replace('owen pryce: Thank you.', 'owen pryce: Thank you. With me is Maria Castell, our CFO.');
    expect(turnTable(parseTranscriptText(introduced).call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Owen Pryce', 'Operator']);
  });

  it('a paragraph opening with words in lower case and a colon ("and in north america: …") stays the speaker\'s words', () => {
    const said = text.replace('maria castell: Thanks, Owen.', 'and in north america: volumes rose 4%.\n\nmaria castell: Thanks, Owen.');
    const rows = turnTable(parseTranscriptText(said).call);
    expect(rows[1]?.text).toMatch(/and in north america: volumes rose 4%\.$/);
    expect(rows[2]?.speaker).toBe('Maria Castell');
  });
});

describe('question and answer marks as calls held in other languages write them ("P:" / "R:", "Pregunta:" / "Respuesta:", "F:" / "A:")', () => {
  const text = fixture('name-colon-spanish-qa-marks.txt');
  const speakers = (t: string): string[] => turnTable(parseTranscriptText(t).call).map((r) => `${r.speaker} (${r.side})`);

  it('change the speaker to the unidentified asker and answerer — "P" and "R" were two people of those names', () => {
    expect(speakers(text).slice(4)).toEqual(['Unidentified Analyst (analyst)', 'Unidentified Company Representative (company)']);
    expect(speakers(text.replace('\nP: ', '\nPregunta: ').replace('\nR: ', '\nRespuesta: ')).slice(4)).toEqual(['Unidentified Analyst (analyst)', 'Unidentified Company Representative (company)']);
    expect(speakers(text.replace('\nP: ', '\nF: ').replace('\nR: ', '\nA: ')).slice(4)).toEqual(['Unidentified Analyst (analyst)', 'Unidentified Company Representative (company)']);
  });

  it('a letter the call does not pair with another is left as it was', () => {
    expect(speakers(text.replace('\nR: Los precios subieron.\n', '\nOwen Pryce: Los precios subieron.\n')).slice(4)).toEqual(['P (analyst)', 'Owen Pryce (company)']);
  });
});

describe('a speaker table that writes each key before the name ("OP - Owen Pryce, Chief Executive Officer", then "OP: …")', () => {
  it('keys the initials to that person — the list made people named "OP", "MC", "HB" titled with the names and titles', () => {
    const parsed = parseTranscriptText(fixture('name-colon-initials-first.txt'), { fileName: 'call.txt' });
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title ?? p.firm}`)).toEqual([
      'Owen Pryce | company | Chief Executive Officer', 'Maria Castell | company | Chief Financial Officer', 'Hugo Brandt | analyst | Piper Sandler', 'Operator | operator | null',
    ]);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Maria Castell']);
  });

  it('a title written first ("CEO - Owen Pryce") is no key: letters that are not the name\'s initials', () => {
    const titled = fixture('name-colon-initials-first.txt').replace('OP - Owen Pryce, Chief Executive Officer', 'CEO - Owen Pryce').replace('\nOP: Thank you.', '\nOwen Pryce: Thank you.');
    expect(parseTranscriptText(titled).call.participants.find((p) => p.name === 'Owen Pryce')?.title).toBe('CEO');
  });
});

describe('a StreetEvents list copied with one space between the name and the company or firm ("Owen Pryce Tallis Freight Corp - CEO")', () => {
  const text = fixture('standard-streetevents-run-on-list.txt');

  it('lists Owen Pryce of Tallis Freight Corp — it listed "Owen Pryce Tallis Freight Corp", and his speaker line made a second Owen Pryce', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`)).toEqual([
      'Owen Pryce | company | CEO | Tallis Freight Corp', 'Maria Castell | company | CFO | Tallis Freight Corp', 'Hugo Brandt | analyst | null | Piper Sandler', 'Operator | operator | null | null',
    ]);
    expect(parsed.warnings.map((w) => w.message).filter((m) => m.includes('not in the participants'))).toEqual([]);
  });

  it('a three-word name whose last word is the company\'s first ("William Clay Ford" at Ford Motor Company) keeps it', () => {
    const ford = text.replace('Tallis Freight Corp Earnings Call', 'Ford Motor Company Earnings Call').replace('Owen Pryce Tallis Freight Corp - CEO', 'William Clay Ford - Executive Chair');
    expect(parseTranscriptText(ford.replace(/Owen Pryce, Tallis Freight Corp - CEO \[\d\]/, 'William Clay Ford [2]').replace('Owen Pryce [8]', 'William Clay Ford [8]')).call.participants[0]?.name).toBe('William Clay Ford');
  });
});

describe('a name line that is a first name or a surname alone, after the full name has spoken ("Maria" over her words)', () => {
  const text = fixture('standard-first-name-lines.txt');

  it('is the one participant going by it, with a warning, as a "Maria:" label is — it was refused as an unknown speaker', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    expect(turnTable(parsed.call).slice(5).map((r) => r.speaker)).toEqual(['Maria Castell', 'Hugo Brandt', 'Owen Pryce']);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Maria" taken as Maria Castell, the only participant so named');
  });

  it('a surname two participants share is refused, never a guess', () => {
    const namesakes = text.replace('Maria Castell - Chief Financial Officer\n', 'Maria Castell - Chief Financial Officer\nJonas Castell - President, Rail Division\n').replace('\nMaria\nFuel', '\nCastell\nFuel');
    expect(refusal(namesakes, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(namesakes, 'Castell')}: speaker "Castell" could be "Maria Castell" (Chief Financial Officer) or "Jonas Castell" (President, Rail Division); write the full name`,
    );
  });
});

describe('labels that write the role first and the person in brackets ("CEO (Owen Pryce):", "Analyst (Hugo Brandt, Piper Sandler):")', () => {
  it('are the person named, the role their title and the firm theirs — "CEO" was a person titled "Owen Pryce", and the analyst an "Unidentified Analyst"', () => {
    const parsed = parseTranscriptText(fixture('name-colon-role-first.txt'), { fileName: 'call.txt' });
    expect(parsed.call.participants.map((p) => `${p.name} | ${p.side} | ${p.title} | ${p.firm}`)).toEqual([
      'Operator | operator | null | null', 'Owen Pryce | company | CEO | Tallis Freight Corp', 'Maria Castell | company | CFO | Tallis Freight Corp', 'Hugo Brandt | analyst | null | Piper Sandler',
    ]);
  });

  it('as name lines over the words too ("CEO (Owen Pryce)") — the file was refused at "CEO"', () => {
    const lines = fixture('name-colon-role-first.txt').replace(/^(.+?): /gm, '$1\n').replace('October 23, 2025\n', 'October 23, 2025\n\nPresentation\n');
    expect(turnTable(parseTranscriptText(lines).call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Maria Castell']);
  });

  it('"Operator (Melissa):" is still the operator', () => {
    const text = fixture('name-colon-role-first.txt').replace('Operator: Our first question', 'Operator (Melissa): Our first question');
    expect(turnTable(parseTranscriptText(text).call)[3]?.speaker).toBe('Operator');
  });
});

describe('an analyst labelled by the firm alone ("Piper Sandler: …" after "…from Hugo Brandt with Piper Sandler")', () => {
  const text = fixture('name-colon-firm-label.txt');

  it('is the one analyst of that firm, with a warning — it was a new person "Piper Sandler"', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Piper Sandler');
    expect(turnTable(parsed.call)[4]).toMatchObject({ speaker: 'Hugo Brandt', side: 'analyst', role: 'question' });
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Piper Sandler" taken as Hugo Brandt, the only participant of that firm');
  });

  it('two analysts of the firm: refused; one word that only begins a firm\'s name ("Piper") is no firm', () => {
    const two = text.replace('Hugo Brandt - Piper Sandler - Analyst\n', 'Hugo Brandt - Piper Sandler - Analyst\nLeila Moran - Piper Sandler - Analyst\n');
    expect(refusal(two, 'call.txt').describe()).toBe(
      `call.txt:${lineOf(two, 'Piper Sandler: Thanks. What about fuel?')}: speaker "Piper Sandler" could be "Hugo Brandt" (Piper Sandler) or "Leila Moran" (Piper Sandler); write the analyst's name`,
    );
    const word = parseTranscriptText(text.replace('Piper Sandler: Thanks.', 'Piper: Thanks.'));
    expect(turnTable(word.call)[4]?.speaker).not.toBe('Hugo Brandt');
  });
});

describe('an analyst labelled by the firm alone in a call that names no analyst ("Bank of Somewhere: …", "Lindqvist Securities: …")', () => {
  const text = fixture('name-colon-firm-only.txt');
  const firmOf = (call: ReturnType<typeof parseTranscriptText>['call'], turn: number): string | null | undefined =>
    call.participants.find((p) => p.id === call.turns[turn]?.speakerId)?.firm;

  it('is an unidentified analyst of that firm, with a warning — never a person named after the firm, nor a name made up', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    const rows = turnTable(parsed.call);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Lindqvist Securities');
    expect(rows[4]).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question' });
    expect(firmOf(parsed.call, 4)).toBe('Bank of Somewhere');
    expect(rows[7]).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question' });
    expect(firmOf(parsed.call, 7)).toBe('Lindqvist Securities');
    // The same firm's label again is the same analyst; the two firms' are two.
    expect(rows[9]?.speaker).toBe('Unidentified Analyst');
    expect(parsed.call.turns[9]?.speakerId).toBe(parsed.call.turns[4]?.speakerId);
    expect(parsed.call.turns[7]?.speakerId).not.toBe(parsed.call.turns[4]?.speakerId);
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Bank of Somewhere" names a firm, not a person: an unidentified analyst of Bank of Somewhere');
    // "Capital Markets Day: …" in the CEO's words is no firm's label.
    expect(rows[1]?.speaker).toBe('Owen Pryce');
  });

  it('a "Q:" label\'s Unidentified Analyst is not the firm\'s', () => {
    const parsed = parseTranscriptText(text.replace('Operator: That concludes', 'Q: And freight costs?\n\nMaria Castell: Lower.\n\nOperator: That concludes'));
    expect(turnTable(parsed.call)[11]?.speaker).toBe('Unidentified Analyst');
    expect(firmOf(parsed.call, 11)).toBeNull();
    expect(parsed.call.turns[11]?.speakerId).not.toBe(parsed.call.turns[4]?.speakerId);
  });

  it('the call\'s own company as a label is no analyst\'s firm', () => {
    const own = parseTranscriptText(text.replace('Maria Castell: Pricing held', 'Fenwick Tools Inc: Pricing held'));
    expect(turnTable(own.call)[10]?.side).not.toBe('analyst');
  });
});

describe('a name with its suffix or credential after a comma ("Robert Kaplan, Jr. - Chief Executive Officer", "Maria Castell, CPA")', () => {
  const text = fixture('standard-name-suffix.txt');

  it('is the listed person, the suffix the name\'s and the credential none of it — the list was refused at that line', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.filter((p) => p.sideSource === 'listed').map((p) => [p.name, p.title])).toEqual([
      ['Robert Kaplan Jr.', 'Chief Executive Officer'],
      ['Maria Castell', 'Chief Financial Officer'],
      ['Hugo Brandt', null],
    ]);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Robert Kaplan Jr.', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Robert Kaplan Jr.']);
  });

  it('in name-colon labels too: "Robert Kaplan, Jr.:" is no person titled "Jr.", and a list entry so written is read, not dropped with the rest of the list', () => {
    const colon = [
      'Fenwick Tools Inc. (FNWK) Q1 2025 Earnings Call',
      '',
      'Participants:',
      'Robert Kaplan, Jr. - Chief Executive Officer',
      'Maria Castell - Chief Financial Officer',
      '',
      'Operator: Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I will now hand over to Robert Kaplan.',
      '',
      'Robert Kaplan, Jr.: Thank you. Revenue was $212 million, up 4%.',
      '',
      'Maria Castell: Thanks, Rob. Operating margin rose to 11.2%.',
      '',
      'Robert Kaplan: And we raised the dividend.',
    ].join('\n');
    const parsed = parseTranscriptText(colon);
    expect(parsed.call.participants.find((p) => p.name === 'Robert Kaplan Jr.')).toMatchObject({ title: 'Chief Executive Officer', sideSource: 'listed' });
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')).toMatchObject({ title: 'Chief Financial Officer', sideSource: 'listed' });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Robert Kaplan Jr.', 'Maria Castell', 'Robert Kaplan Jr.']);
  });
});

describe('a diarizing tool\'s text output ("SPEAKER_00: …", "[SPEAKER_01]: …", as WhisperX and pyannote write it)', () => {
  const text = (label: (n: number) => string): string =>
    [
      'Fenwick Tools Q1 2025 Earnings Call',
      '',
      `${label(0)}: Good morning and welcome. I will now hand over to Owen Pryce, Chief Executive Officer.`,
      '',
      `${label(1)}: Thank you. Revenue was 212 million, up 4%.`,
      '',
      `${label(0)}: Our first question comes from Hugo Brandt with Piper Sandler.`,
      '',
      `${label(2)}: Thanks. What drove the margin?`,
      '',
      `${label(1)}: Mostly pricing.`,
    ].join('\n');

  it.each([
    ['SPEAKER_00', (n: number) => `SPEAKER_0${n}`],
    ['[SPEAKER_00]', (n: number) => `[SPEAKER_0${n}]`],
    ['spk_0', (n: number) => `spk_${n}`],
  ])('%s: numbered speakers, named from the hand-overs as "Speaker N" labels are — the file was refused as in no layout', (_label, label) => {
    const parsed = parseTranscriptText(text(label));
    expect(parsed.layout).toBe('name-colon');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Speaker 0', 'Owen Pryce', 'Speaker 0', 'Hugo Brandt', 'Owen Pryce']);
    expect(parsed.call.participants.map((p) => p.id)).toEqual(['speaker-0', 'speaker-1', 'speaker-2']);
  });
});

describe('a surname with its particles alone ("Von Bülow:", "ter Horst:", "Mr. ter Horst:")', () => {
  const text = fixture('name-colon-particles.txt');
  const people = (parsed: ReturnType<typeof parseTranscriptText>): string[] => turnTable(parsed.call).map((r) => r.speaker);

  it('is the one participant with that surname, with a warning — it was refused as an unknown speaker', () => {
    const edited = text.replace('Karl-Heinz von Bülow: Steady.', 'Von Bülow: Steady.').replace('Jan-Willem ter Horst: Growing, Noor.', 'Mr. ter Horst: Growing, Noor.');
    const parsed = parseTranscriptText(edited);
    expect(people(parsed)).toEqual(people(parseTranscriptText(text)));
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Von Bülow" taken as Karl-Heinz von Bülow, the only participant so named');
  });

  it('two people with that surname: refused; the particles must be the person\'s ("van Horst" is not Jan-Willem ter Horst)', () => {
    const two = text
      .replace('Karl-Heinz von Bülow: Steady.', 'Sabine von Bülow: And steady in Spain.\n\nvon Bülow: Steady.');
    expect(refusal(two).message).toContain('speaker "von Bülow" could be "Karl-Heinz von Bülow"');
    const other = text.replace('Karl-Heinz von Bülow: Steady.', 'van Horst: Steady.');
    expect(people(parseTranscriptText(other)).at(-1)).not.toBe('Jan-Willem ter Horst');
  });
});

describe('words right under the Q&A heading with no speaker line this layout reads (standard)', () => {
  const text = [
    'Tallis Freight Group plc - Half-Year Results Presentation',
    '29 July 2025',
    '',
    'Presentation',
    '',
    'Owen Pryce, Chief Executive Officer',
    '',
    'Good morning everyone and welcome to our half-year results presentation. Revenue rose 9%.',
    '',
    'Maria Castell, Chief Financial Officer',
    '',
    'Thanks, Owen. Operating margin rose to 11.2%.',
    '',
    'Questions and Answers',
    '',
    'Hugo Brandt, Piper Sandler',
    '',
    'What drove the margin?',
    '',
    'Maria Castell, Chief Financial Officer',
    '',
    'Mostly pricing in the contract business.',
  ].join('\n');

  it('a "Name, Firm" line there, in a call led by "Name, Title" lines, is his speaker line — "Hugo Brandt, Piper Sandler" and his question were the CFO\'s words (then refused with their line)', () => {
    expect(turnTable(parseTranscriptText(text).call).map((r) => [r.speaker, r.section, r.text])).toEqual([
      ['Owen Pryce', 'prepared_remarks', 'Good morning everyone and welcome to our half-year results presentation. Revenue rose 9%.'],
      ['Maria Castell', 'prepared_remarks', 'Thanks, Owen. Operating margin rose to 11.2%.'],
      ['Hugo Brandt', 'qa', 'What drove the margin?'],
      ['Maria Castell', 'qa', 'Mostly pricing in the contract business.'],
    ]);
  });

  it('words no speaker line opens right under the heading are still refused with their line', () => {
    const bare = text.replace('Hugo Brandt, Piper Sandler\n\n', '');
    expect(refusal(bare, 'call.txt').describe()).toContain(`call.txt:${lineOf(bare, 'What drove the margin?')}: "What drove the margin?" follows the "Questions and Answers" heading`);
  });

  it('a speaker line under the heading reads as before', () => {
    const parsed = parseTranscriptText(text.replace('Hugo Brandt, Piper Sandler', 'Hugo Brandt - Piper Sandler - Analyst'));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.section])).toEqual([
      ['Owen Pryce', 'prepared_remarks'],
      ['Maria Castell', 'prepared_remarks'],
      ['Hugo Brandt', 'qa'],
      ['Maria Castell', 'qa'],
    ]);
  });
});

describe('an analyst\'s line "Name, Firm" right after the operator introduces them with that firm ("Hugo Brandt, Piper Sandler", standard)', () => {
  const text = fixture('standard-comma-firms.txt');

  it('is their speaker line, the firm theirs though it has no firm\'s words — the file was refused ("the operator names no participant")', () => {
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.role])).toEqual([
      ['Operator', 'remarks'], ['Owen Pryce', 'remarks'], ['Maria Castell', 'remarks'],
      ['Operator', 'intro'], ['Hugo Brandt', 'question'], ['Maria Castell', 'answer'],
      ['Operator', 'intro'], ['Kate Lowe', 'question'], ['Owen Pryce', 'answer'],
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')).toMatchObject({ firm: 'Piper Sandler', title: null, side: 'analyst' });
  });

  it('a firm the operator did not give them is the firm the line writes — his turn, never the words of the speaker before (it was refused)', () => {
    const other = parseTranscriptText(text.replace('Hugo Brandt, Piper Sandler', 'Hugo Brandt, Ashby Kline'));
    expect(turnTable(other.call).find((r) => r.text === 'What drove the margin?')).toMatchObject({ speaker: 'Hugo Brandt', role: 'question' });
  });
});

describe('a meeting tool\'s label with the analyst\'s firm in brackets ("Hugo Brandt (Piper Sandler) 00:04:10", Webex)', () => {
  const text = [
    'Fenwick Tools Q1 2025 Earnings Call',
    '',
    'Owen Pryce (Fenwick Tools) 00:00:41',
    'Thank you. Revenue was $212 million, up 4%.',
    '',
    'Lena Brooks (Fenwick Tools) 00:04:02',
    'Our first question comes from Hugo Brandt with Piper Sandler.',
    '',
    'Hugo Brandt (Piper Sandler) 00:04:10',
    'Thanks. What drove the margin?',
    '',
    'Owen Pryce (Fenwick Tools) 00:04:30',
    'Mostly pricing.',
  ].join('\n');

  it('right after the introduction that gives him that firm: his firm, not his title "Piper Sandler"', () => {
    const hugo = parseTranscriptText(text).call.participants.find((p) => p.name === 'Hugo Brandt');
    expect(hugo).toMatchObject({ title: null, firm: 'Piper Sandler' });
  });

  it('a bracket the introduction does not give stays the title it was', () => {
    const hugo = parseTranscriptText(text.replace('Hugo Brandt (Piper Sandler)', 'Hugo Brandt (Ashby Kline)')).call.participants.find((p) => p.name === 'Hugo Brandt');
    expect(hugo).toMatchObject({ title: 'Ashby Kline', firm: null });
  });
});

describe('an analyst met under a firm\'s name alone in other layouts (a list\'s "Lindqvist Securities -- Analyst", a caption\'s voice)', () => {
  it('dash-header: an unidentified analyst of that firm, never a person "Lindqvist Securities"', () => {
    const parsed = parseTranscriptText(fixture('dash-header-firm-analyst.txt'));
    expect(parsed.layout).toBe('dash-header');
    const analyst = parsed.call.participants.find((p) => p.side === 'analyst');
    expect(analyst).toMatchObject({ name: 'Unidentified Analyst', firm: 'Lindqvist Securities', title: null });
    expect(turnTable(parsed.call)[3]).toMatchObject({ speaker: 'Unidentified Analyst', role: 'question' });
    expect(parsed.warnings.map((w) => w.message)).toContain('speakers named by a firm alone, each an unidentified analyst of that firm: Lindqvist Securities');
  });

  it('webvtt: a voice named by a firm the operator introduces', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:06.500',
      '<v Operator>Good morning and welcome to the Fenwick Tools first quarter 2025 earnings call. I will now hand over to Owen Pryce.',
      '',
      '00:00:07.000 --> 00:00:12.000',
      '<v Owen Pryce>Thank you. Revenue was $212 million, up 4%.',
      '',
      '00:00:13.000 --> 00:00:16.000',
      '<v Operator>Our first question comes from Lindqvist Securities.',
      '',
      '00:00:17.000 --> 00:00:19.000',
      '<v Lindqvist Securities>What drove the margin?',
    ].join('\n');
    const parsed = parseTranscriptText(vtt);
    expect(turnTable(parsed.call)[3]).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question' });
    expect(parsed.call.participants.find((p) => p.name === 'Unidentified Analyst')?.firm).toBe('Lindqvist Securities');
  });

  it('a company speaker\'s name with a firm\'s words stays theirs (side company), and so does the call\'s own company', () => {
    const own = parseTranscriptText(fixture('dash-header-firm-analyst.txt').replaceAll('Lindqvist Securities', 'Fenwick Tools Inc'));
    expect(own.call.participants.map((p) => p.name)).not.toContain('Unidentified Analyst');
  });
});

describe('a name written without a letter its keyboard lacks ("Zoe Oberg" for the listed "Zoë Øberg")', () => {
  const text = [
    'Halden Wind N.V. (HWND) Q3 2025 Earnings Call',
    '',
    'Participants:',
    'Pieter van der Berg - Chief Executive Officer',
    'Zoë Øberg - Nordea - Analyst',
    'Søren Kjær - Danske Bank - Analyst',
    '',
    'Operator: Welcome to the Halden Wind third quarter 2025 earnings call. I hand over to Pieter van der Berg.',
    '',
    'Pieter van der Berg: Thank you. Orders rose 12%.',
    '',
    'Operator: Our first question comes from Zoë Øberg from Nordea.',
    '',
    'Zoe Oberg: Capex?',
    '',
    'Pieter van der Berg: Flat.',
    '',
    'Operator: Next, Søren Kjær, Danske Bank.',
    '',
    'Soren Kjaer: And pricing?',
  ].join('\n');

  it('is the listed person — it was refused as an unknown speaker ("did you mean Zoë Øberg?")', () => {
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Pieter van der Berg', 'Operator', 'Zoë Øberg', 'Pieter van der Berg', 'Operator', 'Søren Kjær']);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Zoe Oberg');
  });
});

describe('an analyst labelled by the firm alone with no participants list ("Piper Sandler: …", "Evercore ISI: …")', () => {
  const text = fixture('name-colon-firm-label-no-list.txt');
  const firmOf = (call: ReturnType<typeof parseTranscriptText>['call'], turn: number): string | null | undefined =>
    call.participants.find((p) => p.id === call.turns[turn]?.speakerId)?.firm;

  it('is the analyst the operator introduced with that firm — it was a person "Piper Sandler"', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.txt' });
    const rows = turnTable(parsed.call);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Piper Sandler');
    expect(rows[4]).toMatchObject({ speaker: 'Hugo Brandt', side: 'analyst', role: 'question' });
    expect(firmOf(parsed.call, 4)).toBe('Piper Sandler');
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Piper Sandler" taken as Hugo Brandt, whom the operator introduced with that firm');
  });

  it('a firm introduced with no one, its letters in capitals ("Evercore ISI"), is an unidentified analyst of it — it was a person "Evercore ISI"', () => {
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)[7]).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question' });
    expect(firmOf(parsed.call, 7)).toBe('Evercore ISI');
  });

  it('a label the operator did not give as anyone\'s firm stays a person; a title in capitals ("Owen Pryce CEO") is no firm\'s letters', () => {
    const other = parseTranscriptText(text.replace('Piper Sandler: Thanks.', 'Piper Lowe: Thanks.'));
    expect(turnTable(other.call)[4]?.speaker).toBe('Piper Lowe');
    const titled = parseTranscriptText(text.replace('Owen Pryce: Pricing held', 'Owen Pryce CEO: Pricing held'));
    expect(turnTable(titled.call)[8]?.side).not.toBe('analyst');
  });
});

describe('a person whose surname is a firm\'s word ("David Bank:"), with no participants list', () => {
  it('stays the person the operator introduced with a firm — it was an unidentified analyst of a firm "David Bank"', () => {
    const { text } = edited('name-colon-firm-label-no-list.txt', [
      ['from Hugo Brandt with Piper Sandler', 'from David Bank with Piper Sandler'],
      ['Piper Sandler: Thanks.', 'David Bank: Thanks.'],
      ['Maria Castell: Fuel was a two-point headwind.', 'Maria Castell: Fuel was a two-point headwind.\n\nDavid Bank: And diesel?\n\nMaria Castell: Hedged.'],
    ]);
    const parsed = parseTranscriptText(text);
    const rows = turnTable(parsed.call);
    expect(rows.slice(4, 8).map((r) => `${r.speaker} (${r.side}, ${r.role})`)).toEqual([
      'David Bank (analyst, question)', 'Maria Castell (company, answer)', 'David Bank (analyst, question)', 'Maria Castell (company, answer)',
    ]);
    expect(parsed.call.participants.find((p) => p.name === 'David Bank')?.firm).toBe('Piper Sandler');
    expect(parsed.call.participants.map((p) => p.firm)).not.toContain('David Bank');
  });
});

describe('courtesy titles before a full name ("Mr. Owen Pryce:", "Ms. Maria Castell:")', () => {
  it('are no part of the name, so one person is one name across calls — "Mr. Brandt:" alone is still him; "Dr." stays', () => {
    const parsed = parseTranscriptText(fixture('name-colon-courtesy-titles.txt'));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Maria Castell', 'Hugo Brandt', 'Owen Pryce', 'Operator']);
    expect(parsed.call.participants.map((p) => p.id)).toContain('owen-pryce');
    const doctor = parseTranscriptText(fixture('name-colon-courtesy-titles.txt').replaceAll('Mr. Owen Pryce', 'Dr. Owen Pryce'));
    expect(turnTable(doctor.call)[1]?.speaker).toBe('Dr. Owen Pryce');
  });
});

describe('a "Name: Title" entry among a participants list\'s "Name - Title" entries', () => {
  const text = fixture('name-colon-list-colon-entry.txt');

  it('is a list entry — it was the first turn, "Investor Relations" and the rest of the list its words', () => {
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Leila Moran')).toMatchObject({ title: 'Investor Relations', side: 'company', sideSource: 'listed' });
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')).toMatchObject({ firm: 'Piper Sandler', sideSource: 'listed' });
    expect(turnTable(parsed.call)[0]?.speaker).toBe('Operator');
  });

  it('one it cannot read as an entry ends the list with a warning, never silently', () => {
    const parsed = parseTranscriptText(text.replace('Leila Moran: Investor Relations', 'Leila Moran: see page two'), { fileName: 'call.txt' });
    expect(parsed.warnings).toContainEqual({
      line: lineOf(text, 'Leila Moran: Investor Relations'),
      message: 'participants list taken to end at "Leila Moran: see page two", a line it cannot read as "Name - Title": the entries under it are read as the call\'s words',
    });
  });
});

describe('a terminal\'s export pasted without the blank lines between turns (a name line straight under the words before it)', () => {
  it('each listed name line opens its speaker\'s turn — the executives\' and the analyst\'s words were the operator\'s', () => {
    const parsed = parseTranscriptText(fixture('standard-bloomberg-unspaced.txt'));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.role])).toEqual([
      ['Operator', 'remarks'],
      ['Owen Pryce', 'remarks'],
      ['Maria Castell', 'remarks'],
      ['Operator', 'intro'],
      ['Hugo Brandt', 'question'],
      ['Maria Castell', 'answer'],
      ['Operator', 'remarks'],
    ]);
    expect(parsed.call.turns[1]?.paragraphs.map((p) => p.text)).toEqual(['Thank you. Volumes rose 6% in the quarter.']);
  });

  it('a participant\'s name on a line of its own inside a sentence stays words', () => {
    const text = fixture('standard-bloomberg-unspaced.txt').replace('I will now turn the call over to Owen Pryce.', 'I will now turn the call over to our chief executive,\nOWEN PRYCE\nwho will open.');
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)[0]?.speaker).toBe('Operator');
    expect(parsed.call.turns[0]?.paragraphs.map((p) => p.text).join(' ')).toContain('OWEN PRYCE');
  });
});

describe('a news site\'s speaker line for a voice it could not name ("Unknown speaker", "Analyst", dash-header)', () => {
  it('is that unnamed speaker — the line was the first words of the analyst the operator had introduced, the question his', () => {
    const parsed = parseTranscriptText(fixture('dash-header-unnamed-voices.txt'));
    const rows = turnTable(parsed.call);
    expect(rows[3]).toMatchObject({ speaker: 'Unknown speaker', side: 'unknown' });
    expect(rows[6]).toMatchObject({ speaker: 'Unidentified Analyst', side: 'analyst', role: 'question' });
    expect(parsed.call.turns[3]?.paragraphs.map((p) => p.text)).toEqual(['How is pricing?']);
    expect(parsed.call.turns[6]?.paragraphs.map((p) => p.text)).toEqual(['And margins?']);
  });
});

describe('one list of a firm\'s words for every reader of firms, a legal form only after a name\'s first word', () => {
  it('an analyst named "Asa Lindgren" is a person — "Asa" (a Norwegian legal form) made him an unidentified analyst of a firm "Asa Lindgren"', () => {
    const text = fixture('name-colon-firm-label.txt')
      .replace('Hugo Brandt - Piper Sandler - Analyst', 'Asa Lindgren - Analyst')
      .replace('from Hugo Brandt with Piper Sandler', 'from Asa Lindgren')
      .replace('Piper Sandler: Thanks.', 'Asa Lindgren: Thanks.');
    const parsed = parseTranscriptText(text);
    expect(turnTable(parsed.call)[4]).toMatchObject({ speaker: 'Asa Lindgren', side: 'analyst', role: 'question' });
  });

  it('a firm named by a word the numbered voices\' reader knew ("Castle Holdings", "Norsk Fjord ASA") is a firm\'s label here too', () => {
    const text = fixture('name-colon-firm-only.txt');
    for (const firm of ['Castle Holdings', 'Norsk Fjord ASA']) {
      const parsed = parseTranscriptText(text.replaceAll('Lindqvist Securities', firm));
      expect(parsed.call.participants.map((p) => p.name)).not.toContain(firm);
      expect(parsed.call.participants.find((p) => p.firm === firm)?.name).toBe('Unidentified Analyst');
    }
  });
});

describe('a segment her own turn has named, opening a paragraph of the CFO\'s words ("Retail Bank: deposits grew…")', () => {
  it('is a run-in heading of her words — it was an unidentified analyst of "Retail Bank", and a person "Asset Management" answering', () => {
    const parsed = parseTranscriptText(fixture('name-colon-segment-headings.txt'));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Maria Castell']);
    expect(parsed.call.turns[1]?.paragraphs.map((p) => p.text)).toEqual([
      'Thanks. Let me take our segments in turn, starting with Retail Bank and then Asset Management.',
      'Retail Bank: deposits grew and margins held.',
      'Asset Management: flows were positive in every month.',
    ]);
  });
});

describe('a Japanese company\'s Q&A heading romanised ("Shitsugi Outou")', () => {
  it('opens the Q&A — it was read as a speaker\'s name line, and the file refused', () => {
    const parsed = parseTranscriptText(fixture('standard-japanese-romanised.txt'));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.section])).toEqual([
      ['Operator', 'prepared_remarks'],
      ['Kenji Sato', 'prepared_remarks'],
      ['Operator', 'qa'],
      ['Hugo Brandt', 'qa'],
      ['Kenji Sato', 'qa'],
    ]);
    expect(parsed.call.participants.map((p) => p.name)).not.toContain('Shitsugi Outou');
  });
});

describe('"Name, Title, Company Corp:" labels on a call whose company is named without its legal form', () => {
  it('give the title alone — "Chief Executive Officer, Tallis Freight Corp" was the title', () => {
    const parsed = parseTranscriptText(fixture('name-colon-investing-headline.txt'));
    expect(parsed.call.participants.find((p) => p.name === 'Owen Pryce')).toMatchObject({ title: 'Chief Executive Officer', side: 'company' });
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')?.title).toBe('Chief Financial Officer and Treasurer');
  });
});

describe('names with particles written in capitals ("PIETER VAN DER BERG", "AHMAD BIN ISMAIL", "ROSS MCKINNON")', () => {
  it('are shown as their owners write them — they were "Pieter Van Der Berg", "Ahmad Bin Ismail", "Ross Mckinnon"', () => {
    const parsed = parseTranscriptText(fixture('standard-caps-particles.txt'));
    expect(parsed.call.participants.map((p) => p.name)).toEqual(expect.arrayContaining(['Pieter van der Berg', 'Ana de la Cruz', 'Ahmad bin Ismail', 'Ross McKinnon']));
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Pieter van der Berg', 'Ana de la Cruz', 'Operator', 'Ahmad bin Ismail', 'Ana de la Cruz']);
  });
});

describe('a terminal\'s export pasted with no blank line anywhere (its headings inside one block of lines)', () => {
  it('reads as the spaced export does — it was refused as in no layout ("expected a participants list or a section heading")', () => {
    const factset = parseTranscriptText(fixture('standard-factset-unspaced.txt'));
    expect(factset.layout).toBe('standard');
    expect(turnTable(factset.call).map((r) => [r.speaker, r.role])).toEqual([
      ['Operator', 'remarks'],
      ['Alan Marsh', 'remarks'],
      ['Rita Chen', 'remarks'],
      ['Operator', 'intro'],
      ['Jake Miller', 'question'],
      ['Alan Marsh', 'answer'],
    ]);
    const bloomberg = fixture('standard-bloomberg-unspaced.txt').replace(/\n\n/g, '\n');
    expect(turnTable(parseTranscriptText(bloomberg).call)).toEqual(turnTable(parseTranscriptText(fixture('standard-bloomberg-unspaced.txt')).call));
  });
});

describe('a one-column PDF read with its layout kept, whose title and running headers set the company left and the page right', () => {
  it('is one column — it was read as two, "Tallis Freight Corp" the words of Owen Pryce and of a second turn of Hugo Brandt', () => {
    const parsed = parseTranscriptText(fixture('name-colon-pdf-page-headers.txt'));
    expect(parsed.warnings.map((w) => w.message).join('\n')).not.toContain('two columns');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Maria Castell']);
    expect(parsed.call.turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n')).not.toContain('Tallis Freight Corp');
    expect(parsed.call.meta.company).toBe('Tallis Freight Corp');
  });

  it('pages really in two columns are still read one column after the other', () => {
    const parsed = parseTranscriptText(fixture('standard-two-columns.txt'));
    expect(parsed.warnings.map((w) => w.message)).toContain('pages in two columns read one column after the other (the text kept their layout when it was converted); line numbers are those of the text so read');
  });
});

describe('one person\'s title written short and in full ("Owen Pryce (CEO):", later "Owen Pryce (Chief Executive Officer):")', () => {
  it('is one person — the full title made a second Owen Pryce; two Maria Castells of different sides stay two', () => {
    const parsed = parseTranscriptText(fixture('name-colon-title-short-and-full.txt'));
    expect(parsed.call.participants.filter((p) => p.name === 'Owen Pryce')).toHaveLength(1);
    expect(parsed.call.turns[5]?.speakerId).toBe(parsed.call.turns[1]?.speakerId);
    expect(parsed.call.participants.filter((p) => p.name === 'Maria Castell').map((p) => p.side).sort()).toEqual(['analyst', 'company']);
    expect(parsed.call.turns[6]?.speakerId).toBe(parsed.call.turns[2]?.speakerId);
  });

  it('titles whose letters differ ("CFO", "Chief Executive Officer") are still told apart', () => {
    const text = fixture('name-colon-title-short-and-full.txt').replace('Owen Pryce (Chief Executive Officer):', 'Owen Pryce (Chief Operating Officer):');
    expect(parseTranscriptText(text).call.participants.filter((p) => p.name === 'Owen Pryce')).toHaveLength(2);
  });
});

describe('caption voices written "Name, Company" ("<v Owen Pryce, Tallis Freight>", "<v Hugo Brandt, Piper Sandler>")', () => {
  it('are the person, the company or firm theirs — "Owen Pryce, Tallis Freight" was a person\'s name', () => {
    const parsed = parseTranscriptText(fixture('webvtt-name-comma-firm.vtt'), { fileName: 'call.vtt' });
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Operator', 'Owen Pryce', 'Hugo Brandt']);
    expect(parsed.call.participants.find((p) => p.name === 'Owen Pryce')).toMatchObject({ firm: 'Tallis Freight', side: 'company', title: null });
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')).toMatchObject({ firm: 'Piper Sandler', side: 'analyst', title: null });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Operator', 'Hugo Brandt', 'Owen Pryce']);
  });

  it('a surname written first ("<v Halvorsen, Sigrid>") is still turned round', () => {
    const text = fixture('webvtt-name-comma-firm.vtt').replaceAll('<v Owen Pryce, Tallis Freight>', '<v Pryce, Owen>');
    expect(parseTranscriptText(text, { fileName: 'call.vtt' }).call.participants.map((p) => p.name)).toContain('Owen Pryce');
  });
});

describe('caption labels written "Name, Company: words" inside the cue (SubRip)', () => {
  it('open that speaker\'s turn — every cue after the welcome was the operator\'s words', () => {
    const parsed = parseTranscriptText(fixture('srt-name-comma-firm.srt'), { fileName: 'call.srt' });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Operator', 'Hugo Brandt', 'Owen Pryce']);
    expect(parsed.call.turns[1]?.paragraphs.map((p) => p.text)).toEqual(['Thank you. Volumes rose 6%.']);
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')).toMatchObject({ firm: 'Piper Sandler', side: 'analyst' });
  });
});

describe('an analyst named only by the operator, in a call whose list names only the company\'s people (standard)', () => {
  it('is the analyst introduced, with the firm the introduction gives and a warning — the file was refused as an unknown speaker', () => {
    const parsed = parseTranscriptText(fixture('standard-company-list-only.txt'));
    expect(turnTable(parsed.call)[3]).toMatchObject({ speaker: 'Hugo Brandt', side: 'analyst', role: 'question' });
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Hugo Brandt" is not in the participants lists; added as a new participant (analyst)');
  });

  it('a bare name the introduction does not name is still refused', () => {
    const text = fixture('standard-company-list-only.txt').replace('\nHugo Brandt\n', '\nLeila Moran\n');
    expect(refusal(text, 'call.txt').describe()).toContain('unknown speaker "Leila Moran"');
  });
});

describe('a saved web page that sets the speaker and the title in classed spans side by side ("<span class=speaker>…</span><span class=title>…</span>")', () => {
  it('reads them as two lines — "Owen PryceChief Executive Officer" was a speaker\'s name', async () => {
    const file = 'standard-html-classed-spans.html';
    const parsed = await parseTranscriptFile(readFileSync(new URL(`../fixtures/layouts/${file}`, import.meta.url)), { fileName: file });
    expect(parsed.call.participants.map((p) => p.name)).toEqual(['Operator', 'Owen Pryce', 'Hugo Brandt']);
    expect(parsed.call.participants.find((p) => p.name === 'Owen Pryce')?.title).toBe('Chief Executive Officer');
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Operator', 'Hugo Brandt', 'Owen Pryce']);
  });
});

describe('a call whose operator introduces the questions in words no rule reads (Polish…), with no Q&A heading', () => {
  it('leaves the side of whoever first speaks after the operator takes the floor again unknown — the analyst was "company"', () => {
    const text = fixture('name-colon-dutch.txt').replace('De eerste vraag komt van Hugo Brandt van Piper Sandler.', 'Pierwsze pytanie zadaje Hugo Brandt z Piper Sandler.');
    const parsed = parseTranscriptText(text);
    const side = (name: string) => parsed.call.participants.find((p) => p.name === name)?.side;
    expect(side('Owen Pryce')).toBe('company');
    expect(side('Maria Castell')).toBe('company');
    expect(side('Hugo Brandt')).toBe('unknown');
    expect(turnTable(parsed.call).filter((r) => r.speaker === 'Hugo Brandt').every((r) => r.side === 'unknown')).toBe(true);
  });

  it('a presentation-only call keeps every presenter on the company side (its operator speaks again only to close)', () => {
    const text = fixture('name-colon-dutch.txt').replace(/\nOperator: De eerste vraag[^\n]*\n\nHugo Brandt: [^\n]*\n\nMaria Castell: Fuel[^\n]*\n/, '');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => [p.name, p.side])).toEqual([
      ['Operator', 'operator'],
      ['Owen Pryce', 'company'],
      ['Maria Castell', 'company'],
    ]);
  });
});

describe('a moderator who reads out the questions of analysts who never speak ("…from Hugo Brandt with Piper Sandler, who asks: …?")', () => {
  it('never makes the executive who answers first an analyst — the CFO was "analyst", her answer a question', () => {
    const parsed = parseTranscriptText(fixture('name-colon-read-out-questions.txt'));
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')?.side).not.toBe('analyst');
    expect(turnTable(parsed.call).some((r) => r.role === 'question')).toBe(false);
  });

  it('a colleague asking in the analyst the introduction names\' place (no question read out) is still the analyst', () => {
    const text = fixture('name-colon-read-out-questions.txt')
      .replace('with Piper Sandler, who asks: how much did fuel cost you in the quarter?', 'with Piper Sandler.')
      .replace('Maria Castell: Fuel was', 'Tom Keller: Hi, it is Tom on for Hugo. How much did fuel cost you?\n\nMaria Castell: Fuel was');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Tom Keller')?.side).toBe('analyst');
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')?.side).toBe('company');
  });
});

describe("Teams' older transcript as text (no cue numbers, '0:0:7.540 --> 0:0:12.910', the speaker on the line under it)", () => {
  it('reads each cue as its speaker\'s — the file was refused ("the cue names no speaker")', () => {
    const parsed = parseTranscriptText(fixture('srt-teams-old.txt'), { fileName: 'meeting.txt' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.side, r.role])).toEqual([
      ['Operator', 'operator', 'remarks'],
      ['Owen Pryce', 'company', 'remarks'],
      ['Maria Castell', 'company', 'remarks'],
      ['Operator', 'operator', 'intro'],
      ['Hugo Brandt', 'analyst', 'question'],
      ['Maria Castell', 'company', 'answer'],
    ]);
    expect(parsed.call.turns[5]!.paragraphs.map((p) => p.text)).toEqual(['Fuel was a two-point headwind on the margin.', 'About the same as a year ago.']);
    expect(parsed.call.turns[1]!.startTime).toBeCloseTo(7.54);
  });

  it('a cue whose first line is words, not a speaker, leaves the file refused as before', () => {
    const text = fixture('srt-teams-old.txt').replace('Castell, Maria\nRevenue reached 812 million.', 'Revenue reached 812 million.\nAnd margins held.');
    expect(refusal(text, 'meeting.txt').describe()).toContain('names no speaker');
  });
});

describe('a meeting room\'s account as a caption voice ("Tallis Freight Boardroom", "HQ-Conf")', () => {
  it('is whoever sits in the room, side unknown — it was a company speaker, and the room the question came from too', () => {
    const parsed = parseTranscriptText(fixture('webvtt-room-accounts.vtt'));
    const side = (name: string) => parsed.call.participants.find((p) => p.name === name)?.side;
    expect(side('Tallis Freight Boardroom')).toBe('unknown');
    expect(side('HQ-Conf')).toBe('unknown');
    expect(turnTable(parsed.call).map((r) => r.side)).toEqual(['operator', 'unknown', 'operator', 'unknown', 'unknown']);
    expect(parsed.warnings.map((w) => w.message)).toContain("voices named for a meeting room's account, whoever sits in it (no person, no side): Tallis Freight Boardroom, HQ-Conf");
  });

  it('a person\'s name that holds those letters is still a person ("Conrad Rooney", "Roomi Khan")', () => {
    const text = fixture('webvtt-room-accounts.vtt').replaceAll('Tallis Freight Boardroom', 'Conrad Rooney').replace('HQ-Conf', 'Roomi Khan');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Conrad Rooney')?.side).toBe('company');
    expect(parsed.call.participants.find((p) => p.name === 'Roomi Khan')?.side).toBe('analyst');
  });
});

describe('surnames written in capitals after given names written as usual ("Owen PRYCE", "María José DE LA FUENTE")', () => {
  it('are shown as their owners write them — they were "Owen PRYCE" and "María José DE LA FUENTE"', () => {
    const parsed = parseTranscriptText(fixture('name-colon-surname-capitals.txt'));
    expect(parsed.call.participants.map((p) => [p.name, p.side])).toEqual([
      ['Owen Pryce', 'company'],
      ['María José de la Fuente', 'company'],
      ['Hugo Brandt', 'analyst'],
      ['Operator', 'operator'],
    ]);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'María José de la Fuente', 'Operator', 'Hugo Brandt', 'María José de la Fuente']);
  });

  it('initials, a generation\'s numeral and a credential in capitals stay as written ("TJ Brandt", "Owen Pryce III", "Leila Moran CFA")', () => {
    const text = fixture('name-colon-surname-capitals.txt')
      .replaceAll('Owen PRYCE', 'Owen Pryce III')
      .replaceAll('Hugo BRANDT', 'TJ Brandt')
      .replace('Hugo Brandt with', 'TJ Brandt with');
    const names = parseTranscriptText(text).call.participants.map((p) => p.name);
    expect(names).toContain('Owen Pryce III');
    expect(names).toContain('TJ Brandt');
  });
});

describe('a call held in Dutch or a Nordic language, its people speaking English', () => {
  it('reads the operator\'s Dutch introduction: the analyst and his firm ("…komt van Hugo Brandt van Piper Sandler")', () => {
    const parsed = parseTranscriptText(fixture('name-colon-dutch.txt'));
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')).toMatchObject({ side: 'analyst', firm: 'Piper Sandler' });
    expect(turnTable(parsed.call).map((r) => r.role)).toEqual(['remarks', 'remarks', 'remarks', 'intro', 'question', 'answer', 'remarks']);
  });

  it('reads "Deelnemers" as a participants list and "Vragen en antwoorden" as the Q&A heading — the heading was the CFO\'s words', () => {
    const text = fixture('name-colon-dutch.txt')
      .replace('Earnings Call\n', 'Earnings Call\n\nDeelnemers\nOwen Pryce - Chief Executive Officer\nMaria Castell - Chief Financial Officer\n')
      .replace('\nOperator: De eerste vraag', '\nVragen en antwoorden\n\nOperator: De eerste vraag');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')).toMatchObject({ side: 'company', title: 'Chief Financial Officer' });
    expect(parsed.call.turns.flatMap((t) => t.paragraphs.map((p) => p.text))).not.toContain('Vragen en antwoorden');
    expect(turnTable(parsed.call)[3]).toMatchObject({ section: 'qa', role: 'intro' });
  });

  it('Swedish: "Operatör", "Första frågan kommer från … på …", and a title\'s "Delårsrapport" is no part of the company', () => {
    const text = fixture('name-colon-dutch.txt')
      .replace('Tallis Freight N.V. Q3 2025 Earnings Call', 'Tallis Freight AB Delårsrapport Q3 2025')
      .replaceAll('Operator:', 'Operatör:')
      .replace('De eerste vraag komt van Hugo Brandt van Piper Sandler.', 'Första frågan kommer från Hugo Brandt på Piper Sandler.');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.meta.company).toBe('Tallis Freight AB');
    expect(parsed.call.participants.map((p) => [p.name, p.side, p.firm])).toEqual([
      ['Operator', 'operator', null],
      ['Owen Pryce', 'company', null],
      ['Maria Castell', 'company', null],
      ['Hugo Brandt', 'analyst', 'Piper Sandler'],
    ]);
  });
});

describe('an interview with no operator and no list (a fireside chat at a broker\'s conference)', () => {
  it('reads the host\'s self-introduction and the guest\'s introduction: the host asks, of his firm; the guest answers, of the company — both sides were unknown', () => {
    const parsed = parseTranscriptText(fixture('name-colon-fireside.txt'));
    expect(parsed.call.participants.map((p) => [p.name, p.side, p.firm])).toEqual([
      ['Craig Lowe', 'analyst', 'Harbor Securities'],
      ['Owen Pryce', 'company', 'Tallis Freight Corp'],
    ]);
    expect(turnTable(parsed.call).map((r) => r.role)).toEqual(['question', 'answer', 'question', 'answer', 'question', 'answer']);
  });

  it('a voice that names the company as its own is the company\'s; a name said after "I\'m here with" is no self-introduction', () => {
    const text = fixture('name-colon-fireside.txt')
      .replace("We are lucky to have with us this morning Tallis Freight's Owen Pryce, group head of North American operations.", "I'm here with Owen Pryce.")
      .replace('Thanks, Craig. Great to be here.', 'Thanks, Craig. This is Owen Pryce from Tallis Freight, great to be here.');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.map((p) => [p.name, p.side])).toEqual([
      ['Craig Lowe', 'analyst'],
      ['Owen Pryce', 'company'],
    ]);
  });

  it('with no company named (the file\'s name stands in), another firm\'s voice is not taken for the side asking', () => {
    const text = fixture('name-colon-fireside.txt').split('\n').slice(1).join('\n').replace("Tallis Freight's Owen Pryce", 'Owen Pryce');
    const parsed = parseTranscriptText(text, { fileName: 'fireside.txt' });
    expect(parsed.call.participants.map((p) => p.side)).toEqual(['unknown', 'unknown']);
  });
});

describe('read-out questions in a call whose voices speech recognition only numbered ("Speaker 3")', () => {
  const numbered = (text: string): string => text.replaceAll('Operator:', 'Speaker 1:').replaceAll('Owen Pryce:', 'Speaker 2:').replaceAll('Maria Castell:', 'Speaker 3:');

  it('never names the voice that answers after the analyst whose question was read out — the CFO\'s answer was "Hugo Brandt"\'s question', () => {
    const parsed = parseTranscriptText(numbered(fixture('name-colon-read-out-questions.txt')));
    const names = parsed.call.participants.map((p) => p.name);
    expect(names).not.toContain('Hugo Brandt');
    expect(names).not.toContain('Leila Moran');
    expect(parsed.call.participants.find((p) => p.name === 'Speaker 3')?.side).not.toBe('analyst');
  });

  it('an operator calling on the analyst ("Hugo, are you there?") still names the voice that asks next', () => {
    const text = numbered(fixture('name-colon-read-out-questions.txt'))
      .replace('with Piper Sandler, who asks: how much did fuel cost you in the quarter?', 'with Piper Sandler. Hugo, are you there?')
      .replace('Speaker 3: Fuel was', 'Speaker 4: Yes, thanks. How much did fuel cost you?\n\nSpeaker 3: Fuel was');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.id === 'speaker-4')).toMatchObject({ name: 'Hugo Brandt', side: 'analyst' });
  });
});

describe('a Markdown transcript whose speakers are bold names with the time over the words ("**Owen Pryce** [00:00:07]", Descript)', () => {
  it('reads each as its speaker\'s turn — the file was refused as in no layout', () => {
    const parsed = parseTranscriptText(fixture('name-colon-descript.md'), { fileName: 'call.md' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.role])).toEqual([
      ['Operator', 'remarks'],
      ['Owen Pryce', 'remarks'],
      ['Operator', 'intro'],
      ['Hugo Brandt', 'question'],
      ['Owen Pryce', 'answer'],
    ]);
    expect(parsed.call.turns[1]!.paragraphs[0]!.text).toBe('Thank you. Volumes rose 6% in the quarter and we won two new contracts.');
  });

  it('the time in round brackets ("**Owen Pryce** (01:22)") reads the same', () => {
    const text = fixture('name-colon-descript.md').replace(/\[00:(\d\d:\d\d)\]/g, '($1)');
    expect(turnTable(parseTranscriptText(text, { fileName: 'call.md' }).call).map((r) => r.speaker)).toEqual(['Operator', 'Owen Pryce', 'Operator', 'Hugo Brandt', 'Owen Pryce']);
  });
});

describe('a news page\'s "Name, Title" lines over the words, with no list and no headings ("Owen Pryce, Chief Executive Officer")', () => {
  it('are speaker lines, the title or firm theirs — the file was refused; a wrapped sentence opening "Maria Castell, Chief Financial Officer, will…" stays words', () => {
    const parsed = parseTranscriptText(fixture('standard-comma-name-lines.txt'));
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.side, r.role])).toEqual([
      ['Operator', 'operator', 'remarks'],
      ['Owen Pryce', 'company', 'remarks'],
      ['Maria Castell', 'company', 'remarks'],
      ['Operator', 'operator', 'intro'],
      ['Hugo Brandt', 'analyst', 'question'],
      ['Maria Castell', 'company', 'answer'],
    ]);
    expect(turnTable(parsed.call)[1]?.text).toContain('Maria Castell, Chief Financial Officer, will walk you through');
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')?.title).toBe('Chief Financial Officer');
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
  });

  it('an analyst\'s "Name, Firm" line no introduction names is still his, never words of the one before', () => {
    const text = fixture('standard-comma-name-lines.txt').replace('Our first question comes from Hugo Brandt with Piper Sandler.', 'We will now take questions.');
    const rows = turnTable(parseTranscriptText(text).call);
    expect(rows.find((r) => r.text === 'Thanks. How much did fuel cost you?')?.speaker).toBe('Hugo Brandt');
  });
});

describe('SubRip cues whose labels open with a dialog dash ("- Owen Pryce: …", one line a cue or two)', () => {
  const text = [
    '1', '00:00:01,000 --> 00:00:05,000', '- Operator: Good morning and welcome to the Tallis Freight third quarter 2025 earnings call. I will now hand over to Owen Pryce.', '',
    '2', '00:00:06,000 --> 00:00:09,000', '- Owen Pryce: Thank you. Volumes rose 6% in the quarter.', '',
    '3', '00:00:10,000 --> 00:00:14,000', '- Operator: Our first question comes from Hugo Brandt with Piper Sandler.', '- Hugo Brandt: Thanks. How much did fuel cost you?', '',
    '4', '00:00:19,000 --> 00:00:22,000', '- Owen Pryce: Fuel was a two-point headwind.', '',
  ].join('\n');

  it('reads each label as its speaker — a lone dashed label named no speaker and the file was refused', () => {
    const parsed = parseTranscriptText(text, { fileName: 'call.srt' });
    expect(turnTable(parsed.call).map((r) => [r.speaker, r.role])).toEqual([
      ['Operator', 'remarks'], ['Owen Pryce', 'remarks'], ['Operator', 'intro'], ['Hugo Brandt', 'question'], ['Owen Pryce', 'answer'],
    ]);
  });
});

describe('an IR head who runs the Q&A after the operator\'s welcome, in words the operator rules do not read ("Let\'s take the first question, from…")', () => {
  it('never makes the analysts "company" — they were, as everyone who spoke after the operator', () => {
    const text = [
      'Tallis Freight Corp Q3 2025 Earnings Call',
      '',
      'Operator: Good morning and welcome to the Tallis Freight third quarter 2025 earnings call. I will now hand over to Dana Whitcombe, Head of Investor Relations.',
      '',
      'Dana Whitcombe: Thank you. With me are Owen Pryce, our CEO, and Maria Castell, our CFO. Owen?',
      '',
      'Owen Pryce: Thank you. Volumes rose 6% in the quarter.',
      '',
      'Maria Castell: Revenue reached 812 million.',
      '',
      "Dana Whitcombe: Thanks, Maria. Let's take the first question, from Hugo Brandt at Piper Sandler.",
      '',
      'Hugo Brandt: Thanks. How much did fuel cost you?',
      '',
      'Maria Castell: Fuel was a two-point headwind on the margin.',
    ].join('\n');
    const parsed = parseTranscriptText(text);
    expect(parsed.call.participants.find((p) => p.name === 'Hugo Brandt')?.side).not.toBe('company');
    expect(parsed.call.participants.find((p) => p.name === 'Maria Castell')?.side).toBe('company');
  });
});
