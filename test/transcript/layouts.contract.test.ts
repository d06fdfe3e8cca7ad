/**
 * The contract every layout passes (one suite, every implementation — the Hono router pattern):
 * the same call written in each layout reads back with identical turns — speaker, side, section,
 * role, exchange, text. Two sources: the hand-written Northwind fixtures (with traps), and the
 * bundled Amazon call rendered into each text layout by a test-only renderer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscriptBytes, parseTranscriptText, type ParsedCall } from '../../src/transcript/read-source.js';
import type { LayoutName } from '../../src/transcript/types.js';
import { exchangeTable, turnTable, type TurnRow } from './layout-table.js';
import { AMZN_PATH } from './fixtures.js';
import { renderAwsTranscribe, renderLayout, renderNameColon, renderRecorderVtt, renderRevAi, renderSpeechJson, renderSrt, renderStandard, renderTable, renderWebVtt, type TextLayout } from './render-layouts.js';

const FIXTURES = new URL('../fixtures/layouts/', import.meta.url);
const readFixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));
const parseFixture = (name: string): ParsedCall => parseTranscriptBytes(readFixture(name), { fileName: name });

type Row = [speaker: string, side: string, section: 'P' | 'Q', role: string, exchange: number | null];

/** The Northwind call, turn by turn, as a careful reader would attribute it. */
const NORTHWIND: Row[] = [
  ['Operator', 'operator', 'P', 'remarks', null],
  ['Lena Brooks', 'company', 'P', 'remarks', null],
  ['Andrew Kim', 'company', 'P', 'remarks', null],
  ['Sam Lee', 'company', 'P', 'remarks', null],
  ['Operator', 'operator', 'Q', 'intro', 1],
  ['Priya Natarajan', 'analyst', 'Q', 'question', 1],
  ['Andrew Kim', 'company', 'Q', 'answer', 1],
  ['Priya Natarajan', 'analyst', 'Q', 'question', 1],
  ['Sam Lee', 'company', 'Q', 'answer', 1],
  ['Operator', 'operator', 'Q', 'intro', 2],
  ['Sam Lee', 'analyst', 'Q', 'question', 2],
  ['Marta Flores', 'company', 'Q', 'answer', 2],
  ['Sam Lee', 'company', 'Q', 'answer', 2],
  ['Operator', 'operator', 'Q', 'intro', 3],
  ['Tom Becker', 'analyst', 'Q', 'question', 3],
  ['Andrew Kim', 'company', 'Q', 'answer', 3],
  ['Operator', 'operator', 'Q', 'remarks', null],
  ['Lena Brooks', 'company', 'Q', 'remarks', null],
];

const rowsOf = (table: TurnRow[]): Row[] => table.map((r) => [r.speaker, r.side, r.section === 'qa' ? 'Q' : 'P', r.role, r.exchange]);

const NWRB = { id: 'nwrb-q2-2025', ticker: 'NWRB' };
const FIXTURE_LAYOUTS: Array<[file: string, layout: LayoutName, ids: { id: string; ticker: string | null }]> = [
  ['standard.txt', 'standard', NWRB],
  // A terminal export: boxed headings, bulleted participants, "Name, Company - Title [n]" speaker lines, no ticker.
  ['standard-terminal.txt', 'standard', { id: 'northwind-robotics-inc-q2-2025', ticker: null }],
  ['dash-header.txt', 'dash-header', NWRB],
  ['name-colon.txt', 'name-colon', NWRB],
  ['webvtt.vtt', 'webvtt', NWRB],
];

describe('layout contract: the Northwind fixture in every layout', () => {
  const reference = turnTable(parseFixture('standard.txt').call);

  describe.each(FIXTURE_LAYOUTS)('%s', (file, layout, ids) => {
    const parsed = parseFixture(file);

    it(`is detected as ${layout}, with reasons`, () => {
      expect(parsed.layout).toBe(layout);
      expect(parsed.detection.layout).toBe(layout);
      expect(parsed.detection.score).toBeGreaterThanOrEqual(0.5);
      expect(parsed.detection.reasons.length).toBeGreaterThan(0);
      expect(parsed.source).toBe(file);
    });

    it('puts every turn under the right speaker, side, section, role and exchange', () => {
      expect(rowsOf(turnTable(parsed.call))).toEqual(NORTHWIND);
    });

    it('reads the same words in every turn as the standard file', () => {
      expect(turnTable(parsed.call).map((r) => r.text)).toEqual(reference.map((r) => r.text));
    });

    it('keeps the paragraphs of a turn apart, and " -- " inside a paragraph is not a speaker', () => {
      const kim = parsed.call.turns[2];
      expect(kim?.paragraphs.map((p) => p.text.replace(/\s+/g, ' '))).toEqual([
        'Thanks, Lena. Orders grew 18% -- the fastest pace in two years -- led by warehouse automation in North America.',
        'Our new picking arm, the Heron, shipped to 40 customers in the quarter, and service revenue now covers a third of our installed base.',
      ]);
      expect(parsed.call.turns[7]?.paragraphs.map((p) => p.text)).toEqual(['Okay Great', 'And what does that mean for gross margin in the second half?']);
    });

    it('records the unlisted speaker as a new participant, with a warning', () => {
      const marta = parsed.call.participants.find((p) => p.name === 'Marta Flores');
      expect(marta).toMatchObject({ side: 'company', sideSource: 'header', title: 'Chief Operating Officer' });
      expect(parsed.warnings.some((w) => w.message.includes('"Marta Flores" is not in'))).toBe(true);
    });

    it('tells the analyst Sam Lee from the CFO Sam Lee, and resolves "Andy Kim" to the listed Andrew Kim', () => {
      const sams = parsed.call.participants.filter((p) => p.name === 'Sam Lee');
      expect(sams.map((p) => [p.side, p.sideSource])).toEqual([
        ['company', 'listed'],
        ['analyst', 'listed'],
      ]);
      expect(new Set(sams.map((p) => p.id)).size).toBe(2);
      expect(parsed.call.participants.filter((p) => /kim/i.test(p.name)).map((p) => p.name)).toEqual(['Andrew Kim']);
    });

    it('reads the call meta and gives the stable id', () => {
      expect(parsed.call.meta).toMatchObject({ ...ids, quarter: 'Q2 2025', fiscalQuarter: 2, fiscalYear: 2025, date: '2025-08-07', layout });
      expect(parsed.call.meta.company).toMatch(/^Northwind Robotics/);
    });

    it('keeps offsets into the stored text', () => {
      for (const t of parsed.call.turns) {
        for (const p of t.paragraphs) expect(parsed.call.source.slice(p.start, p.end)).toBe(p.text);
        expect([t.start, t.end]).toEqual([t.paragraphs[0]?.start, t.paragraphs.at(-1)?.end]);
      }
    });
  });

  it('reads a WebVTT section heading written as "NOTE Section: …"', () => {
    const vtt = readFixture('webvtt.vtt').toString('utf8').replace('NOTE Questions and Answers', 'NOTE\nSection: Questions and Answers');
    expect(vtt).toContain('Section: Questions and Answers');
    expect(rowsOf(turnTable(parseTranscriptText(vtt).call))).toEqual(NORTHWIND);
  });

  it('keeps each WebVTT turn\'s start time (first cue of the turn)', () => {
    const vtt = parseFixture('webvtt.vtt');
    expect(vtt.call.turns.slice(0, 5).map((t) => t.startTime)).toEqual([0.5, 15.8, 26.5, 41.5, 60]);
    expect(parseFixture('standard.txt').call.turns.every((t) => t.startTime === null)).toBe(true);
  });
});

describe('layout contract: the bundled Amazon call rendered into every text layout', () => {
  const amzn = parseTranscriptBytes(readFileSync(AMZN_PATH), { fileName: 'amzn.txt' });
  const reference = turnTable(amzn.call);
  const layouts: TextLayout[] = ['standard', 'dash-header', 'name-colon', 'webvtt'];

  it.each(layouts)('%s reads back turn by turn identical to the bundled file', (layout) => {
    const parsed = parseTranscriptText(renderLayout(amzn.call, layout), { fileName: `amzn.${layout === 'webvtt' ? 'vtt' : 'txt'}` });
    expect(parsed.layout).toBe(layout);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(exchangeTable(parsed.call)).toEqual(exchangeTable(amzn.call));
    if (layout !== 'webvtt') {
      // Text layouts keep paragraphs exactly; captions keep the words (paragraphs follow pauses).
      expect(parsed.call.turns.map((t) => t.paragraphs.map((p) => p.text))).toEqual(amzn.call.turns.map((t) => t.paragraphs.map((p) => p.text)));
    }
  });

  it('WebVTT turns start at their first cue', () => {
    const { text, startTimes } = renderWebVtt(amzn.call);
    const parsed = parseTranscriptText(text);
    expect(parsed.call.turns.map((t) => t.startTime)).toEqual(startTimes.map((s) => Math.round(s * 1000) / 1000));
  });

  it.each([
    ['standard, bare name lines', (c: typeof amzn.call) => renderStandard(c, { list: false, titles: false }), true],
    ['name-colon', (c: typeof amzn.call) => renderNameColon(c, { list: false, headings: false }), false],
    ['name-colon, every paragraph prefixed', (c: typeof amzn.call) => renderNameColon(c, { list: false, headings: false, prefixEvery: true }), false],
    ['webvtt', (c: typeof amzn.call) => renderWebVtt(c, { list: false, headings: false }).text, false],
    ['webvtt, recorder style ("Name: text" cues)', (c: typeof amzn.call) => renderRecorderVtt(c), false],
    ['srt, "Name: text" cues', (c: typeof amzn.call) => renderSrt(c, 'colon'), false],
    ['srt, "[Name] text" on a turn\'s first cue', (c: typeof amzn.call) => renderSrt(c, 'bracket'), false],
    ['srt, ">> Name: text" on a turn\'s first cue', (c: typeof amzn.call) => renderSrt(c, 'chevron'), false],
    ['speech-json, speakers by name', (c: typeof amzn.call) => renderSpeechJson(c, 'names'), false],
    ['speech-json, speaker labels named by a "speakers" map', (c: typeof amzn.call) => renderSpeechJson(c, 'labels'), false],
    ['speech-json, Rev.ai\'s "monologues" with speaker names', (c: typeof amzn.call) => renderRevAi(c), false],
    ['csv, a comma-separated table', (c: typeof amzn.call) => renderTable(c, ','), false],
    ['csv, a tab-separated table', (c: typeof amzn.call) => renderTable(c, '\t'), false],
  ] as const)('%s without a participants list infers sides (and the Q&A start without headings), and says so', (layout, render, headings) => {
    const parsed = parseTranscriptText(render(amzn.call));
    expect(parsed.layout).toBe(layout.split(',')[0]!);
    expect(turnTable(parsed.call)).toEqual(reference);
    const people = parsed.call.participants.filter((p) => p.side !== 'operator');
    expect(people.every((p) => p.sideSource === 'inferred')).toBe(true);
    const messages = parsed.warnings.map((w) => w.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^sides inferred from the operator's introductions/)]));
    if (!headings) expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^no section headings: Q&A taken to start at turn 5/)]));
  });
});

describe('layout contract: the bundled Amazon call as AWS Transcribe writes it (labels, no names)', () => {
  const amzn = parseTranscriptBytes(readFileSync(AMZN_PATH), { fileName: 'amzn.txt' });
  const reference = turnTable(amzn.call);

  it.each([
    ['words under speaker-label segments', false],
    ['audio segments and labelled words (newer outputs)', true],
  ] as const)('%s: every turn under its own voice, with the side, section and role of the bundled file', (_, audioSegments) => {
    const { text, labels } = renderAwsTranscribe(amzn.call, { audioSegments });
    const parsed = parseTranscriptText(text, { fileName: 'amzn.json' });
    expect(parsed.layout).toBe('speech-json');
    const rows = turnTable(parsed.call);
    expect(rows.map(({ speaker, ...rest }) => rest)).toEqual(reference.map(({ speaker, ...rest }) => rest));
    // A voice is its label ("Speaker 3") unless the call's own hand-overs name it — then the right
    // person, as the call says the name ("over to Andy Jassy" names Andrew Jassy's voice "Andy Jassy").
    const surname = (name: string): string => name.split(' ').at(-1) as string;
    rows.forEach((row, k) => expect([labels.get(reference[k]!.speaker), surname(reference[k]!.speaker)]).toContain(row.speaker.startsWith('Speaker ') ? row.speaker : surname(row.speaker)));
    expect(new Set(rows.map((r) => r.speaker)).size).toBe(new Set(reference.map((r) => r.speaker)).size);
  });
});

describe('layout contract: the Crestview call as speech-to-text services and spreadsheets export it', () => {
  // The reference is the plain standard rendering; these files carry no participants list, so sides are inferred.
  const reference = turnTable(parseFixture('standard-no-presentation.txt').call);

  it.each([
    // Rev.ai: "monologues" of "text"/"punct"/"unknown" elements ("<Operator Instructions>"), "speaker_name" given.
    ['speech-json-revai.json', 'speech-json', null],
    // A spreadsheet export: "Speaker,Start,End,Text", CRLF, quoted cells with commas and a line break.
    ['csv-crestview.csv', 'csv', null],
    // AWS Transcribe: "items" and "speaker_labels.segments", spk_N labels.
    ['speech-json-aws.json', 'speech-json', { Operator: 'Speaker 4', 'Maria Lopez': 'Speaker 0', 'Tom Reed': 'Speaker 1', 'Jake Miller': 'Speaker 2', 'Sara Kim': 'Speaker 3' }],
    // "speaker<TAB>timestamp<TAB>transcript" with diarization's letters.
    ['csv-crestview-labels.tsv', 'csv', { Operator: 'Speaker E', 'Maria Lopez': 'Speaker A', 'Tom Reed': 'Speaker B', 'Jake Miller': 'Speaker C', 'Sara Kim': 'Speaker D' }],
  ] as const)('%s reads back turn by turn identical to the standard file (labels for names where it has only labels)', (file, layout, labels) => {
    const parsed = parseFixture(file);
    expect(parsed.layout).toBe(layout);
    const rows = turnTable(parsed.call);
    if (labels === null) expect(rows).toEqual(reference);
    else {
      expect(rows.map(({ speaker, ...rest }) => rest)).toEqual(reference.map(({ speaker, ...rest }) => rest));
      rows.forEach((row, k) => expect([reference[k]!.speaker, (labels as Record<string, string>)[reference[k]!.speaker]]).toContain(row.speaker));
    }
    expect(parsed.call.participants.filter((p) => p.side !== 'operator').every((p) => p.sideSource === 'inferred')).toBe(true);
    expect(parsed.call.turns[0]!.startTime).not.toBeNull();
  });
});

describe('layout contract: encodings and line endings', () => {
  const reference = turnTable(parseFixture('standard.txt').call);
  const standard = readFixture('standard.txt');

  it('reads CRLF, a UTF-8 BOM, and bare CR the same', () => {
    const crlf = Buffer.from(standard.toString('utf8').replace(/\n/g, '\r\n'));
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf]);
    const cr = Buffer.from(standard.toString('utf8').replace(/\n/g, '\r'));
    for (const bytes of [crlf, bom, cr]) {
      const parsed = parseTranscriptBytes(bytes);
      expect(turnTable(parsed.call)).toEqual(reference);
      expect(parsed.call.source.startsWith('\uFEFF')).toBe(false);
      for (const p of parsed.call.turns.flatMap((t) => t.paragraphs)) expect(parsed.call.source.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('transcodes a Windows-1252 file explicitly, with a warning naming the line', () => {
    const parsed = parseFixture('standard-latin1.txt');
    expect(parsed.warnings[0]?.message).toMatch(/bytes were not valid UTF-8 and were read as Windows-1252\/Latin-1$/);
    expect(parsed.warnings[0]?.line).toBe(6);
    expect(parsed.call.participants[0]?.name).toBe('Léna Brooks');
    expect(turnTable(parsed.call).map((r) => r.text).join(' ')).toContain('We\u2019ve qualified');
    expect(rowsOf(turnTable(parsed.call)).map(([s, ...rest]) => [s.replace('Léna', 'Lena'), ...rest])).toEqual(NORTHWIND);
  });
});

describe('layout contract: the Crestview call as paid terminals export it', () => {
  // The invented Crestview Foods call; the reference is the plain standard rendering of it.
  const reference = turnTable(parseFixture('standard-no-presentation.txt').call);
  const people = { 'Maria Lopez': 'company', 'Tom Reed': 'company', 'Jake Miller': 'analyst', 'Sara Kim': 'analyst', Operator: 'operator' };

  it.each([
    // Bloomberg: "Company Name:" / "Company Ticker:" lines, "* Name, Title" lists, "Name {BIO n <GO>}" and "Q - " / "A - " speaker lines.
    ['standard-bloomberg.txt', 'listed', { company: 'Crestview Foods Inc', ticker: 'CVF' }],
    // FactSet CallStreet: name over "Title, Company" lines (ending " Q" / " A" in the Q&A), dotted rules, "Operator: …" inline.
    ['standard-factset.txt', 'listed', { company: 'Crestview Foods Inc.', ticker: 'CVF' }],
    // CallStreet's older form: "Name, Title, Company" speaker lines, "<Q - Name>: …" / "<A - Name>: …", no list.
    ['standard-callstreet-markers.txt', 'header', { company: 'Crestview Foods Inc.', ticker: 'CVF' }],
    // S&P Capital IQ: "Company NYSE:CVF", "FQ1 2025", "Call Participants" over "EXECUTIVES" / "ANALYSTS", name over title.
    ['standard-capiq.txt', 'listed', { company: 'Crestview Foods Inc.', ticker: 'CVF' }],
  ] as const)('%s reads back turn by turn identical to the standard file', (file, sideSource, ids) => {
    const parsed = parseFixture(file);
    expect(parsed.layout).toBe('standard');
    expect(turnTable(parsed.call)).toEqual(reference);
    const sides = Object.fromEntries(parsed.call.participants.map((p) => [p.name, p.side]));
    expect(sides).toEqual(people);
    expect(parsed.call.participants.filter((p) => p.side !== 'operator').every((p) => p.sideSource === sideSource)).toBe(true);
    expect(parsed.call.meta).toMatchObject({ ...ids, quarter: 'Q1 2025', date: '2025-04-24' });
  });

  it('FactSet and Capital IQ: titles and firms from the two-line list entries', () => {
    const titles = (file: string) => Object.fromEntries(parseFixture(file).call.participants.map((p) => [p.name, p.title ?? p.firm]));
    expect(titles('standard-factset.txt')).toMatchObject({ 'Maria Lopez': 'Chief Executive Officer', 'Jake Miller': 'Barclays Capital, Inc.', 'Sara Kim': 'UBS Securities LLC' });
    expect(titles('standard-capiq.txt')).toMatchObject({ 'Tom Reed': 'Executive VP & CFO', 'Jake Miller': 'Barclays Bank PLC', 'Sara Kim': 'UBS Investment Bank' });
  });

  it('an unlisted Bloomberg "A - Name" is a new company participant with a warning; an unlisted name without a mark is refused', () => {
    const bloomberg = readFixture('standard-bloomberg.txt').toString('utf8');
    const answered = bloomberg.replace('A - Tom Reed {BIO 20183746 <GO>}', 'A - Dan Ortiz {BIO 30111222 <GO>}');
    const parsed = parseTranscriptText(answered);
    expect(turnTable(parsed.call).at(-1)).toMatchObject({ speaker: 'Dan Ortiz', side: 'company', role: 'answer' });
    expect(parsed.warnings.map((w) => w.message)).toContain('speaker "Dan Ortiz" is not in the participants lists; added as a new participant (company)');
    const unmarked = bloomberg.replace('A - Tom Reed {BIO 20183746 <GO>}', 'Dan Ortiz {BIO 30111222 <GO>}');
    expect(() => parseTranscriptText(unmarked)).toThrow(/unknown speaker "Dan Ortiz": not in the participants lists/);
  });
});

describe('layout contract: the Crestview call as copied from a PDF and from web pages', () => {
  // The page's own lines (page numbers, running headers, "Listen to this article", the Motley
  // Fool's summary and promotion) are left out: every turn reads as in the plain standard file.
  const reference = turnTable(parseFixture('standard-no-presentation.txt').call);

  it.each([
    // pdftotext: a running header, page number and copyright footer mid-paragraph, between a name line and its words, and between turns.
    ['standard-pdf.txt', 'standard', 'page numbers, running headers and footers'],
    // Seeking Alpha pasted: "Listen to this article", "Share", "Save", "Advertisement", "Read more", CRLF, a non-breaking space.
    ['standard-web-paste.txt', 'standard', "the publisher's own lines"],
    // The Motley Fool since 2025: "Title — Name" participants, TAKEAWAYS / RISKS / SUMMARY / GLOSSARY ("Net Sales: …", "Capex: …"), a promotion mid-call.
    ['name-colon-fool.txt', 'name-colon', "the publisher's own lines"],
    // Investing.com: a headline "Earnings call transcript: …", a summary down to its own "Q&A", "Full transcript - …:", "Name, Title, Company:" labels over 60 characters.
    ['name-colon-investing.txt', 'name-colon', "the publisher's own lines"],
    // A page copied as Markdown by a reader service: "Title:" / "URL Source:" header, "## Executives", "- **Name** — Title" lists, "**Name**" over "_Title_", a "> " quote, "---" / "* * *" rules, a linked image, "\[Operator Instructions\]", "&nbsp;".
    ['standard-markdown.md', 'standard', 'Markdown markup'],
    // A Notion/Obsidian export: "* Name - Title" bullets, "**Name:** …" and "**Name**: …", "### Question-and-Answer Session", links in speaker labels, "*emphasis*", "&#160;".
    ['name-colon-notion.md', 'name-colon', 'Markdown markup'],
    // The Motley Fool copied as Markdown: "## TAKEAWAYS" … "- **Private Label:** …" glossary items, "## Full Conference Call Transcript", "**Name:** …".
    ['name-colon-fool-markdown.md', 'name-colon', "the publisher's own lines"],
  ] as const)('%s reads back turn by turn identical to the standard file', (file, layout, leftOut) => {
    const parsed = parseFixture(file);
    expect(parsed.layout).toBe(layout);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(parsed.call.participants.map((p) => p.name).sort()).toEqual(['Jake Miller', 'Maria Lopez', 'Operator', 'Sara Kim', 'Tom Reed']);
    expect(parsed.call.meta).toMatchObject({ ticker: 'CVF', quarter: 'Q1 2025', date: '2025-04-24' });
    expect(parsed.warnings.map((w) => w.message).join('\n')).toContain(leftOut);
  });

  it('a PDF that writes the lists "MARIA LOPEZ, Chief Executive Officer" (no dash) and the speakers "MARIA LOPEZ:" in capitals', () => {
    const plain = readFixture('standard-no-presentation.txt').toString('utf8');
    const pdf = [
      ['Maria Lopez - Chief Executive Officer', 'MARIA LOPEZ, Chief Executive Officer'],
      ['Tom Reed - Chief Financial Officer', 'TOM REED, Chief Financial Officer'],
      ['Jake Miller - Barclays', 'JAKE MILLER, Barclays'],
      ['Sara Kim - UBS', 'SARA KIM, UBS'],
      ...['Operator', 'Maria Lopez', 'Tom Reed', 'Jake Miller', 'Sara Kim'].map((name) => [`\n${name}\n\n`, `\n${name.toUpperCase()}:\n`]),
    ].reduce((text, [from, to]) => {
      expect(text).toContain(from);
      return text.replaceAll(from as string, to as string);
    }, plain);
    const parsed = parseTranscriptText(pdf);
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(Object.fromEntries(parsed.call.participants.map((p) => [p.name, [p.side, p.title ?? p.firm]]))).toMatchObject({
      'Maria Lopez': ['company', 'Chief Executive Officer'],
      'Jake Miller': ['analyst', 'Barclays'],
    });
  });

  it('the Motley Fool\'s "Chief Executive Officer — Maria Lopez" lists her, with her title', () => {
    const maria = parseFixture('name-colon-fool.txt').call.participants.find((p) => p.name === 'Maria Lopez');
    expect(maria).toMatchObject({ title: 'Chief Executive Officer', side: 'company', sideSource: 'listed' });
  });
});
