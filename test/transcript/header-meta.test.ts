/** Call meta from the everyday title variants; what is not written stays null (never guessed). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHeaderMeta } from '../../src/transcript/header-meta.js';
import { splitLines } from '../../src/transcript/lines.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import { turnTable } from './layout-table.js';

const meta = (text: string) => readHeaderMeta(splitLines(text));

describe('readHeaderMeta', () => {
  it.each([
    ['Amazon.com, Inc. (NASDAQ:AMZN) Q4 2025 Earnings Call Transcript', { company: 'Amazon.com, Inc.', ticker: 'AMZN', quarter: 'Q4 2025', date: null, time: null }],
    ['Amazon.com, Inc. (AMZN) Q4 2025 Earnings Call February 5, 2026 5:00 PM EST', { company: 'Amazon.com, Inc.', ticker: 'AMZN', quarter: 'Q4 2025', date: '2026-02-05', time: '5:00 PM EST' }],
    ['Widget Corp (NYSE: WDGT) Q2 FY2024 Earnings Call', { company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q2 2024', fiscalQuarter: 2, fiscalYear: 2024 }],
    ['Widget Corp (WDGT) Q2 FY24 Earnings Call', { quarter: 'Q2 2024' }],
    ['Widget Corp (WDGT) 3Q25 Earnings Call', { quarter: 'Q3 2025' }],
    // Bloomberg's security name in the brackets (the company was "Widget Corp (WDGT US Equity)", no ticker).
    ['Widget Corp (WDGT US Equity) Q3 2025 Earnings Call', { company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q3 2025' }],
    ['Widget Corp Fourth Quarter and Full Year 2024 Results Conference Call', { company: 'Widget Corp', ticker: null, quarter: 'Q4 2024' }],
    ['Amazon.com (AMZN 1.23%)\nQ4 2025 Earnings Call\nFeb 5, 2026, 5:00 p.m. ET', { company: 'Amazon.com', ticker: 'AMZN', quarter: 'Q4 2025', date: '2026-02-05', time: '5:00 p.m. ET', title: 'Amazon.com (AMZN 1.23%) Q4 2025 Earnings Call' }],
    ['Widget Corp (WDGT) Earnings Call\nWDGT earnings call for the period ending December 31, 2025.', { company: 'Widget Corp', quarter: null, date: null }],
    ['Widget Corp Earnings Call\nTicker: WDGT\nQuarter: Q1 2025\nDate: 2025-04-30\nSector: Industrials', { company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q1 2025', date: '2025-04-30', sector: 'Industrials' }],
    // Markets that number their listings (Tokyo, Hong Kong, Shanghai): the number is the ticker, not part of the company.
    ['Kiyomizu Precision Co., Ltd. (7791) FY2025 Q2 Earnings Call', { company: 'Kiyomizu Precision Co., Ltd.', ticker: '7791', quarter: 'Q2 2025' }],
    ['Harbourview Holdings (HKEX: 0388) Q1 2025 Results Call', { company: 'Harbourview Holdings', ticker: '0388', quarter: 'Q1 2025' }],
    ['Jinsha Distillers (600519.SS) Q3 2025 Earnings Call', { company: 'Jinsha Distillers', ticker: '600519.SS' }],
    // A year in brackets is no ticker (unless an exchange is named with it); a lettered ticker first stays the ticker.
    ['Widget Corp (2025) Q3 Earnings Call', { ticker: null }],
    ['Widget Corp (TSE: 2025) Q3 2025 Earnings Call', { company: 'Widget Corp', ticker: '2025' }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call (7791)', { company: 'Widget Corp', ticker: 'WDGT' }],
    // StreetEvents: a ticker (or a Reuters instrument code) and a dash before the period, the company after it.
    ['KHLG.OQ - Q3 2025 Kestrel Harbour Logistics Inc Earnings Call', { company: 'Kestrel Harbour Logistics Inc', ticker: 'KHLG.OQ', quarter: 'Q3 2025', title: 'KHLG.OQ - Q3 2025 Kestrel Harbour Logistics Inc Earnings Call' }],
    ['WDGT - Q3 2025 Widget Corp Earnings Call', { company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q3 2025' }],
    ['Widget Corp - Q3 2025 Earnings Call', { company: 'Widget Corp', ticker: null, quarter: 'Q3 2025' }],
    // The ticker, a dash and the company before the period (the company was "WDGT - Widget Corp").
    ['WDGT - Widget Corp - Q3 2025 Earnings Call', { company: 'Widget Corp', ticker: 'WDGT', quarter: 'Q3 2025' }],
    // StreetEvents as news sites carried it: "Edited Transcript of <code> earnings conference call or presentation <date>", the title
    // under it (the company was "Edited Transcript of KHLG.OQ").
    [
      'Edited Transcript of KHLG.OQ earnings conference call or presentation 23-Oct-25 9:00pm GMT\nQ3 2025 Kestrel Harbour Logistics Inc Earnings Call',
      { company: 'Kestrel Harbour Logistics Inc', ticker: 'KHLG.OQ', quarter: 'Q3 2025' },
    ],
    ['Transcript of Widget Corp\'s Q3 2025 Results Conference Call', { company: 'Widget Corp', ticker: null, quarter: 'Q3 2025' }],
    // A possessive after a legal form or an organisational word is the title's (it was "Widget Corp's"); a name that ends so keeps it.
    ['Widget Corp\'s Q3 2025 Earnings Call', { company: 'Widget Corp' }],
    ['Harbourview Holdings\u2019 Q3 2025 Earnings Call', { company: 'Harbourview Holdings' }],
    ['Lowe\'s Q3 2025 Earnings Call', { company: 'Lowe\'s' }],
    // A European results title: the period words before "Results Call" are no part of the company (it was "Tallis Freight plc Half Year 2025").
    ['Tallis Freight plc Half Year 2025 Results Call', { company: 'Tallis Freight plc', quarter: null }],
    ['Tallis Freight plc H1 2025 Results Call', { company: 'Tallis Freight plc' }],
    ['Tallis Freight plc FY 2025 Results Call', { company: 'Tallis Freight plc' }],
    ['Tallis Freight plc 9M 2025 Results Call', { company: 'Tallis Freight plc' }],
    ['Tallis Freight plc Full-Year 2024/25 Earnings Call', { company: 'Tallis Freight plc' }],
    ['3M Full Year 2025 Earnings Call', { company: '3M' }],
    // "Q3 Fiscal 2026", "Q3-2025": the quarter was null and its words the company's ("Tallis Freight Corp Q3").
    ['Tallis Freight Corp Q3 Fiscal 2026 Earnings Call', { company: 'Tallis Freight Corp', quarter: 'Q3 2026' }],
    ['Tallis Freight Corp Q3 of Fiscal Year 2026 Earnings Call', { company: 'Tallis Freight Corp', quarter: 'Q3 2026' }],
    ['Tallis Freight Corp Q3-2025 Earnings Call', { company: 'Tallis Freight Corp', quarter: 'Q3 2025' }],
    ['Tallis Freight Corp Q3/2025 Earnings Call', { company: 'Tallis Freight Corp', quarter: 'Q3 2025' }],
    // The title's words before the quarter end the company (it was "Tallis Freight Corp Quarterly Results Call").
    ['Tallis Freight Corp Quarterly Results Call Q3 2025', { company: 'Tallis Freight Corp', quarter: 'Q3 2025' }],
    // An IR site's PDF: the company's name over a title that names none.
    ['Fenwick Tools Inc.\nFirst Quarter 2025 Earnings Conference Call\nApril 24, 2025', { company: 'Fenwick Tools Inc.', quarter: 'Q1 2025', date: '2025-04-24' }],
    ['Fenwick Tools Inc.\nFenwick Tools Q1 2025 Earnings Call', { company: 'Fenwick Tools' }],
    // Spanish and Portuguese periods.
    ['Grupo Alcázar (ALCZ) Conferencia de resultados del tercer trimestre de 2025', { company: 'Grupo Alcázar', ticker: 'ALCZ', quarter: 'Q3 2025' }],
    ['Companhia Serra Azul S.A. (SRAZ3) 2T25 Teleconferência de Resultados', { ticker: 'SRAZ3', quarter: 'Q2 2025' }],
    ['Banco Meridional 4T 2024 Earnings Call', { company: 'Banco Meridional', quarter: 'Q4 2024' }],
    // "Q4 and Full Year 2025" (the quarter was null); dates written with dots or dashes, day first when they say so, never guessed.
    ['Widget Corp (WDGT) Q4 and Full Year 2025 Earnings Call', { quarter: 'Q4 2025' }],
    ['Widget Corp (WDGT) Q4 & FY 2025 Results', { quarter: 'Q4 2025' }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call\n23.10.2025', { date: '2025-10-23' }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call\n05.11.2025', { date: '2025-11-05' }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call\n23-10-2025', { date: '2025-10-23' }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call\n05-11-2025', { date: null }],
    ['Widget Corp (WDGT) Q3 2025 Earnings Call\n2025.10.23', { date: '2025-10-23' }],
    // A results event's title with no "Call" (the company was the file name, and no title was read).
    ['Kestrel Harbour Logistics plc Interim Results 2025', { company: 'Kestrel Harbour Logistics plc', quarter: null, title: 'Kestrel Harbour Logistics plc Interim Results 2025' }],
    ['Tallis Freight Group plc - Half-Year Results Presentation\n29 July 2025', { company: 'Tallis Freight Group plc', quarter: null, date: '2025-07-29' }],
    // A quarter with no year is no quarter (never guessed from the date); its words are no part of the company.
    ['Corvane Group Q3 Trading Update\n23 October 2025', { company: 'Corvane Group', quarter: null, date: '2025-10-23' }],
    ['Corvane Group FY 2025 Results Webcast', { company: 'Corvane Group' }],
    // A title in the call's own language: the company ends where the title's words start (it ran on to them:
    // "Halden Stahl AG Telefonkonferenz zum", "Halden Acier SA – Conférence téléphonique sur les résultats du").
    ['Halden Stahl AG Telefonkonferenz zum dritten Quartal 2025', { company: 'Halden Stahl AG', quarter: 'Q3 2025' }],
    ['Halden Stahl AG – Ergebnisse des dritten Quartals 2025', { company: 'Halden Stahl AG', quarter: 'Q3 2025' }],
    ['Halden Acier SA – Conférence téléphonique sur les résultats du troisième trimestre 2025', { company: 'Halden Acier SA', quarter: 'Q3 2025' }],
    ['Halden Acier SA – Résultats du 3e trimestre 2025', { company: 'Halden Acier SA', quarter: 'Q3 2025' }],
    ['Halden Acero S.A. – Conferencia de resultados del tercer trimestre de 2025', { company: 'Halden Acero S.A.', quarter: 'Q3 2025' }],
    ['Halden Aço S.A. – Teleconferência de Resultados 3T25', { company: 'Halden Aço S.A.', quarter: 'Q3 2025' }],
    ['Halden Acciaio S.p.A. – Presentazione dei risultati del terzo trimestre 2025', { company: 'Halden Acciaio S.p.A.', quarter: 'Q3 2025' }],
    ['Kiyomizu Precision Co., Ltd. Dai 2 Shihanki Kessan Setsumeikai (Q2 FY2025)', { company: 'Kiyomizu Precision Co., Ltd.', quarter: 'Q2 2025' }],
    // A conference appearance as terminals title it (the company was the file's name).
    ['Tallis Freight Corp Presents at Harbor Securities Transport Conference, Sep-09-2025', { company: 'Tallis Freight Corp', quarter: null }],
    ['Tallis Freight Corp at the 2025 Harbor Securities Global Transport Summit', { company: 'Tallis Freight Corp' }],
    ['Tallis Freight Corp \u2013 Fireside Chat', { company: 'Tallis Freight Corp' }],
    // Dutch and Swedish title words are no part of the company.
    ['Tallis Freight N.V. Kwartaalcijfers Q3 2025', { company: 'Tallis Freight N.V.', quarter: 'Q3 2025' }],
    ['Tallis Freight AB Delårsrapport Q3 2025', { company: 'Tallis Freight AB', quarter: 'Q3 2025' }],
    // The period and the title's words first, the company after a separator (it was "H1", or none).
    ['H1 2025 Results Presentation - Tallis Freight Group plc', { company: 'Tallis Freight Group plc', quarter: null }],
    ['Q3 2025 Trading Update \u2013 Corvane Group', { company: 'Corvane Group', quarter: 'Q3 2025' }],
    ['Interim Results 2025 | Kestrel Harbour Logistics plc', { company: 'Kestrel Harbour Logistics plc' }],
    ['Earnings Call - Tallis Freight Corp - Q3 2025', { company: 'Tallis Freight Corp', quarter: 'Q3 2025' }],
    // What the document is after the separator is no company; nor is a period's code left alone.
    ['H1 2025 Results Presentation | Webcast Replay', { company: null }],
    ['Interim Results 2025 - Final Transcript', { company: null }],
    ['Q3 2025 Kestrel Harbour Logistics Inc Earnings Call - Final', { company: 'Kestrel Harbour Logistics Inc', quarter: 'Q3 2025' }],
  ])('%s', (text, expected) => {
    expect(meta(text)).toMatchObject(expected);
  });
});

describe('standard layout variants read the same call', () => {
  const standard = readFileSync(new URL('../fixtures/layouts/standard.txt', import.meta.url), 'utf8');
  const reference = turnTable(parseTranscriptText(standard).call);

  it('with Executives / Conference Call Participants, Presentation / Question-and-Answer Session, no date or time', () => {
    const variant = standard
      .replace('Northwind Robotics, Inc. (NASDAQ:NWRB) Q2 FY2025 Earnings Call Transcript\nAugust 7, 2025 4:30 PM ET', 'Northwind Robotics, Inc. (NWRB) Q2 2025 Earnings Call')
      .replace('Corporate Participants', 'Executives')
      .replace('\nAnalysts\n', '\nConference Call Participants\n')
      .replace('Prepared Remarks', 'Presentation')
      .replace('Questions and Answers', 'Question-and-Answer Session');
    const parsed = parseTranscriptText(variant);
    expect(parsed.layout).toBe('standard');
    expect(turnTable(parsed.call)).toEqual(reference);
    expect(parsed.call.meta).toMatchObject({ id: 'nwrb-q2-2025', date: null, time: null });
  });
});

describe('a StreetEvents export (LSEG / Thomson Reuters)', () => {
  it('leaves out the publisher\'s banner over the title and reads the company after the period, the instrument code as the ticker', () => {
    const text = readFileSync(new URL('../fixtures/layouts/standard-streetevents.txt', import.meta.url), 'utf8');
    const parsed = parseTranscriptText(text);
    expect(parsed.layout).toBe('standard');
    expect(parsed.call.meta).toMatchObject({ company: 'Kestrel Harbour Logistics Inc', ticker: 'KHLG.OQ', quarter: 'Q3 2025', date: '2025-10-23' });
    expect(parsed.warnings[0]?.message).toMatch(/^left out 2 lines that belong to the page, not the call \(the publisher's own lines\), the first "THOMSON REUTERS STREETEVENTS"/);
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual([
      'Operator', "Siobhán O'Neill", 'María José Ortega-Ruiz', 'Pieter van der Berg', 'Operator', 'Ahmad bin Yusof', 'Pieter van der Berg', 'Operator', 'Luc de Rosnay', 'María José Ortega-Ruiz', 'Operator',
    ]);
  });

  it('a company in capitals over the title is not a banner: left in, the file is refused as before', () => {
    const text = readFileSync(new URL('../fixtures/layouts/standard-streetevents.txt', import.meta.url), 'utf8').replace('THOMSON REUTERS STREETEVENTS\nEDITED TRANSCRIPT\n', 'KESTREL HARBOUR GROUP\n');
    expect(() => parseTranscriptText(text)).toThrow(/not in any supported layout/);
  });
});

describe('an IR site\'s PDF that opens with the company\'s name over the title', () => {
  it('reads as standard, the company from that line (it was refused at line 1)', () => {
    const parsed = parseTranscriptText(readFileSync(new URL('../fixtures/layouts/standard-ir-pdf.txt', import.meta.url), 'utf8'));
    expect(parsed.layout).toBe('standard');
    expect(parsed.call.meta).toMatchObject({ company: 'Fenwick Tools Inc.', quarter: 'Q1 2025', date: '2025-04-24', id: 'fenwick-tools-inc-q1-2025' });
    expect(turnTable(parsed.call).map((r) => r.speaker)).toEqual(['Operator', 'Alan Marsh', 'Rita Chen', 'Operator', 'Kate Lowe', 'Alan Marsh']);
  });
});

describe('a date in figures alone under the title', () => {
  it('("06.08.2025") is the call\'s date, never a line that stops the header (the call was refused)', () => {
    const text = readFileSync(new URL('../fixtures/layouts/standard-caps-firm-lines.txt', import.meta.url), 'utf8').replace('AUGUST 6, 2025', '06.08.2025');
    expect(parseTranscriptText(text).call.meta).toMatchObject({ quarter: 'Q2 2025', date: '2025-08-06' });
  });
});

describe('a title that names the company with a possessive and no legal form ("Tallis Freight\'s Third Quarter 2025 Earnings Call")', () => {
  const text = readFileSync(new URL('../fixtures/layouts/name-colon-possessive-title.txt', import.meta.url), 'utf8');

  it('is the company without it when the call names it so ("…welcome to the Tallis Freight third quarter…") — it was "Tallis Freight\'s"', () => {
    expect(parseTranscriptText(text).call.meta.company).toBe('Tallis Freight');
  });

  it('keeps it when the call only ever writes it so ("Dave & Buster\'s"), or when the name is one word ("Lowe\'s", though a "Kate Lowe" speaks)', () => {
    const always = text.replace("Tallis Freight's Third", "Dave & Buster's Third").replaceAll('the Tallis Freight third', "Dave & Buster's third");
    expect(parseTranscriptText(always).call.meta.company).toBe("Dave & Buster's");
    const lowes = text.replace("Tallis Freight's Third", "Lowe's Third").replaceAll('Hugo Brandt', 'Kate Lowe');
    expect(parseTranscriptText(lowes).call.meta.company).toBe("Lowe's");
  });
});

describe('a company written in capitals in the title or the welcome ("TALLIS FREIGHT PLC Q3 2025 EARNINGS CALL")', () => {
  const text = readFileSync(new URL('../fixtures/layouts/name-colon-caps-title.txt', import.meta.url), 'utf8');

  it('is the company as the call writes it elsewhere ("…welcome to the Tallis Freight plc third quarter…") — it was "TALLIS FREIGHT PLC"', () => {
    const { meta } = parseTranscriptText(text).call;
    expect(meta).toMatchObject({ company: 'Tallis Freight plc', quarter: 'Q3 2025', title: 'TALLIS FREIGHT PLC Q3 2025 EARNINGS CALL' });
  });

  it('takes the legal form\'s usual casing when the call writes the name without it ("Tallis Freight had a good quarter")', () => {
    const without = text.replace('the Tallis Freight plc third', 'the Tallis Freight third');
    expect(parseTranscriptText(without).call.meta.company).toBe('Tallis Freight plc');
  });

  it('so does a welcome in capitals, in a call with no title', () => {
    const untitled = text.split('\n').slice(3).join('\n').replace('the Tallis Freight plc third', 'the TALLIS FREIGHT PLC third');
    expect(parseTranscriptText(untitled).call.meta.company).toBe('Tallis Freight plc');
  });

  it('a terminal\'s "Company Name:" in capitals: the company and its listed people\'s firm as the call writes it (they were "TALLIS FREIGHT PLC")', () => {
    const bloomberg = [
      'Company Name: TALLIS FREIGHT PLC',
      'Company Ticker: TLFT LN Equity',
      'Date: 2025-10-23',
      '',
      'Q3 2025 Earnings Call',
      '',
      'Company Participants',
      '* Owen Pryce, Chief Executive Officer',
      '',
      'Other Participants',
      '* Hugo Brandt, Analyst, Piper Sandler',
      '',
      'Presentation',
      '',
      'Operator',
      'Good morning and welcome to the Tallis Freight plc third quarter 2025 earnings call.',
      '',
      'Owen Pryce {BIO 1234567 <GO>}',
      'Thank you. Revenue was GBP 212 million.',
    ].join('\n');
    const { call } = parseTranscriptText(bloomberg);
    expect(call.meta.company).toBe('Tallis Freight plc');
    expect(call.participants.find((p) => p.name === 'Owen Pryce')?.firm).toBe('Tallis Freight plc');
    expect(call.participants.find((p) => p.name === 'Hugo Brandt')?.firm).toBe('Piper Sandler');
  });

  it('stays in capitals when the call never writes it otherwise (an acronym, or a name said only in the title)', () => {
    const only = text.replace('the Tallis Freight plc third', 'the third').replace('Tallis Freight had', 'We had');
    expect(parseTranscriptText(only).call.meta.company).toBe('TALLIS FREIGHT PLC');
    const acronym = text.replaceAll('TALLIS FREIGHT PLC', 'KKR').replaceAll('Tallis Freight plc', 'KKR').replace('Tallis Freight had', 'KKR had');
    expect(parseTranscriptText(acronym).call.meta.company).toBe('KKR');
  });
});
