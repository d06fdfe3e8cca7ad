/** Layout detection explains itself, and a file in no layout is refused with the line where it stopped fitting. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/transcript/detect.js';
import { splitLines } from '../../src/transcript/lines.js';
import { parseTranscriptText, TranscriptFormatError } from '../../src/transcript/read-source.js';

const doc = (text: string) => ({ text, lines: splitLines(text), fileName: null });
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), 'utf8');

function refusal(text: string): TranscriptFormatError {
  try {
    parseTranscriptText(text);
  } catch (error) {
    if (error instanceof TranscriptFormatError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('detectLayout', () => {
  it('says why it chose each layout', () => {
    expect(detectLayout(doc(fixture('standard.txt'))).detection.reasons).toEqual(
      expect.arrayContaining(['title line at line 1', 'participants heading "Corporate Participants" at line 4', 'section heading "Prepared Remarks" at line 16']),
    );
    expect(detectLayout(doc(fixture('dash-header.txt'))).detection.reasons).toEqual(
      expect.arrayContaining(['section heading "Prepared Remarks:" at line 12', '"Call participants:" list at line 96']),
    );
    expect(detectLayout(doc(fixture('name-colon.txt'))).detection.reasons[0]).toMatch(/^\d+ paragraphs open with "Name:" \(\d+ names, \d+ other paragraphs\), the first at line 15$/);
    expect(detectLayout(doc(fixture('webvtt.vtt'))).detection).toMatchObject({ layout: 'webvtt', score: 1 });
    expect(detectLayout(doc(fixture('webvtt.vtt'))).detection.reasons[0]).toBe('line 1 is the WebVTT signature "WEBVTT"');
    expect(detectLayout(doc('token|speaker|ts|endTs|punctuation|case|tags|wer_tags\nHello|0||||UC|[]|[]\n')).detection.layout).toBe('asr-tokens');
  });

  it('prefers the dash-header layout over the standard one when speaker lines read "Name -- Title"', () => {
    const scores = detectLayout(doc(fixture('dash-header.txt'))).detection;
    expect(scores.layout).toBe('dash-header');
    expect(scores.score).toBe(1);
  });
});

describe('a file in no layout', () => {
  it('is refused at the first line that fits no layout, with the layouts tried', () => {
    const error = refusal('Shopping list\n\n- eggs\n- milk\n');
    expect(error.line).toBe(1);
    expect(error.lineText).toBe('Shopping list');
    expect(error.describe()).toMatch(/^line 1: not in any supported layout \(closest: standard, expected a title line like .*; scores: webvtt 0\.00, srt 0\.00, speech-json 0\.00, csv 0\.00, asr-tokens 0\.00, standard 0\.00, dash-header 0\.00, name-colon 0\.00\)$/);
  });

  it('names the line where a transcript-looking file stops fitting', () => {
    const error = refusal('Acme Corp (ACME) Q1 2025 Earnings Call\nMarch 3, 2025\n\nSome notes about the call.\nMore notes.\n');
    expect(error.line).toBe(4);
    expect(error.describe()).toMatch(/^line 4: not in any supported layout \(closest: standard, expected a participants list or a section heading/);
  });

  it('refuses a WebVTT file whose cues name nobody', () => {
    const error = refusal('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/names no speaker/);
  });

  it('refuses a token table line with too few columns, naming it', () => {
    const error = refusal('token|speaker|ts|endTs|punctuation|case|tags|wer_tags\nHello|0||||UC|[]|[]\nbroken\n');
    expect([error.line, error.lineText]).toEqual([3, 'broken']);
  });
});
