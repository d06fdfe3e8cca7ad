/**
 * Test-only renderers: write a parsed Call in each text layout, so one call (the bundled one,
 * or any fixture) can be read back through every layout and compared turn by turn.
 */
import type { Call, Participant, Turn } from '../../src/transcript/types.js';

export type TextLayout = 'standard' | 'dash-header' | 'name-colon' | 'webvtt';

function byId(call: Call): Map<string, Participant> {
  return new Map(call.participants.map((p) => [p.id, p]));
}

/** Whether a participant's name is shared by someone else in the call (needs a title to tell apart). */
function sharedName(call: Call, p: Participant): boolean {
  return call.participants.some((o) => o !== p && o.name.toLowerCase() === p.name.toLowerCase());
}

function titleLine(p: Participant): string {
  if (p.side === 'analyst') return p.division ? `${p.firm ?? ''}, ${p.division}` : (p.firm ?? 'Analyst');
  return p.title ?? '';
}

function listed(call: Call): Participant[] {
  return call.participants.filter((p) => p.side === 'company' || p.side === 'analyst');
}

function sections(call: Call): { prepared: Turn[]; qa: Turn[] } {
  return { prepared: call.turns.filter((t) => t.section === 'prepared_remarks'), qa: call.turns.filter((t) => t.section === 'qa') };
}

function headerLines(call: Call): string[] {
  const { company, ticker, quarter, date } = call.meta;
  return [`${company}${ticker ? ` (${ticker})` : ''} ${quarter ?? ''} Earnings Call${date ? ` ${new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}` : ''}`.replace(/\s+/g, ' ')];
}

export function renderStandard(call: Call, opts: { list?: boolean; titles?: boolean } = {}): string {
  const people = byId(call);
  const out = [...headerLines(call), ''];
  const company = listed(call).filter((p) => p.side === 'company');
  const analysts = listed(call).filter((p) => p.side === 'analyst');
  if (opts.list !== false) {
    if (company.length) out.push('Company Participants', '', ...company.map((p) => `${p.name} - ${titleLine(p)}`), '');
    if (analysts.length) out.push('Conference Call Participants', '', ...analysts.map((p) => `${p.name} - ${titleLine(p)}`), '');
  }
  const block = (turns: Turn[]): void => {
    for (const t of turns) {
      const p = people.get(t.speakerId) as Participant;
      out.push(p.name);
      if (p.side !== 'operator' && opts.titles !== false) out.push(titleLine(p));
      out.push('');
      for (const para of t.paragraphs) out.push(para.text, '');
    }
  };
  const { prepared, qa } = sections(call);
  out.push('Presentation', '');
  block(prepared);
  if (qa.length) {
    out.push('Question-and-Answer Session', '');
    block(qa);
  }
  return out.join('\n');
}

function dashLine(p: Participant): string {
  if (p.side === 'analyst') return `${p.name} -- ${p.firm ?? 'Unknown'} -- Analyst`;
  return `${p.name} -- ${p.title ?? 'Executive'}`;
}

export function renderDashHeader(call: Call): string {
  const people = byId(call);
  const { company, ticker, quarter } = call.meta;
  const out = [`${company}${ticker ? ` (${ticker} -0.42%)` : ''}`, `${quarter ?? ''} Earnings Call`.trim(), ''];
  const block = (turns: Turn[]): void => {
    for (const t of turns) {
      const p = people.get(t.speakerId) as Participant;
      out.push(p.side === 'operator' ? 'Operator' : dashLine(p), '');
      for (const para of t.paragraphs) out.push(para.text, '');
    }
  };
  const { prepared, qa } = sections(call);
  out.push('Prepared Remarks:');
  block(prepared);
  if (qa.length) {
    out.push('Questions & Answers:');
    block(qa);
  }
  out.push('Duration: 61 minutes', '', 'Call participants:', ...listed(call).map(dashLine), '', 'More analysis', 'All earnings call transcripts');
  return out.join('\n');
}

export function renderNameColon(call: Call, opts: { list?: boolean; headings?: boolean; prefixEvery?: boolean } = {}): string {
  const people = byId(call);
  const out = [...headerLines(call), ''];
  if (opts.list !== false) {
    out.push('Participants:');
    for (const p of listed(call)) out.push(p.side === 'analyst' ? `${p.name} - ${p.firm ?? 'Unknown'} - Analyst` : `${p.name} - ${p.title ?? 'Executive'}`);
    out.push('');
  }
  const block = (turns: Turn[]): void => {
    for (const t of turns) {
      const p = people.get(t.speakerId) as Participant;
      const prefix = sharedName(call, p) ? `${p.name} (${p.side === 'analyst' ? p.firm : p.title})` : p.name;
      t.paragraphs.forEach((para, i) => out.push(i === 0 || opts.prefixEvery ? `${prefix}: ${para.text}` : para.text, ''));
    }
  };
  const { prepared, qa } = sections(call);
  if (opts.headings !== false) out.push('Prepared Remarks', '');
  block(prepared);
  if (qa.length) {
    if (opts.headings !== false) out.push('Questions and Answers', '');
    block(qa);
  }
  return out.join('\n');
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * WebVTT with one cue per sentence-ish piece (consecutive cues of a speaker, no pause), a 2.5 s
 * pause between paragraphs, NOTE blocks for metadata, participants and section headings.
 */
export function renderWebVtt(call: Call, opts: { list?: boolean; headings?: boolean } = {}): { text: string; startTimes: number[] } {
  const people = byId(call);
  const out = ['WEBVTT', '', 'NOTE', ...headerLines(call), ''];
  if (opts.list !== false) {
    out.push('NOTE Participants', ...listed(call).map((p) => (p.side === 'analyst' ? `${p.name} - ${p.firm ?? 'Unknown'} - Analyst` : `${p.name} - ${p.title ?? 'Executive'}`)), '');
  }
  let time = 1;
  let cue = 1;
  const startTimes: number[] = [];
  const { prepared, qa } = sections(call);
  const block = (turns: Turn[]): void => {
    for (const t of turns) {
      const p = people.get(t.speakerId) as Participant;
      const voice = sharedName(call, p) ? `${p.name} (${p.side === 'analyst' ? p.firm : p.title})` : p.name;
      startTimes.push(time);
      t.paragraphs.forEach((para, i) => {
        if (i > 0) time += 2.5;
        const pieces = para.text.split(/(?<=[.?!])\s+(?=\S)/);
        for (const piece of pieces) {
          const duration = Math.max(1, piece.length / 15);
          out.push(String(cue++), `${clock(time)} --> ${clock(time + duration)}`, `<v ${voice}>${escapeVtt(piece)}`, '');
          time += duration;
        }
      });
      time += 0.5;
    }
  };
  if (opts.headings !== false) out.push('NOTE Prepared Remarks', '');
  block(prepared);
  if (qa.length) {
    if (opts.headings !== false) out.push('NOTE Questions and Answers', '');
    block(qa);
  }
  return { text: out.join('\n'), startTimes };
}

/** Captions as some meeting recorders write them: numbered cues, "Name: text", no voice tags, no NOTEs. */
export function renderRecorderVtt(call: Call): string {
  const people = byId(call);
  const out = ['WEBVTT', ''];
  let time = 0;
  let cue = 1;
  for (const t of call.turns) {
    for (const para of t.paragraphs) {
      out.push(String(cue++), `${clock(time)} --> ${clock(time + 3)}`, `${(people.get(t.speakerId) as Participant).name}: ${para.text}`, '');
      time += 5;
    }
  }
  return out.join('\n');
}

/**
 * SubRip captions of the call, one cue per paragraph: the speaker written as "Name: text" on
 * every cue, or only on a turn's first cue as "[Name] text" or ">> Name: text" (the cues after
 * it carry no name, as captioners write them).
 */
export function renderSrt(call: Call, style: 'colon' | 'bracket' | 'chevron'): string {
  const people = byId(call);
  const out: string[] = [];
  const stamp = (s: number): string => clock(s).replace('.', ',');
  let time = 0;
  let cue = 1;
  for (const t of call.turns) {
    const name = (people.get(t.speakerId) as Participant).name;
    t.paragraphs.forEach((para, k) => {
      const label = style === 'colon' ? `${name}: ` : k > 0 ? '' : style === 'bracket' ? `[${name}] ` : `>> ${name}: `;
      out.push(String(cue++), `${stamp(time)} --> ${stamp(time + 3)}`, `${label}${para.text}`, '');
      time += 5;
    });
  }
  return out.join('\n');
}

/**
 * The call as diarized speech-to-text JSON (speech-json.ts), one utterance per paragraph: the
 * speaker by name, or by label ("A", "B", …) with a "speakers" map naming the labels.
 */
export function renderSpeechJson(call: Call, style: 'names' | 'labels'): string {
  const people = byId(call);
  const labels = new Map(call.participants.map((p, k) => [p.id, String.fromCharCode(65 + (k % 26)) + (k >= 26 ? String(k) : '')]));
  const utterances: Array<{ speaker: string; text: string; start: number; end: number }> = [];
  let time = 0;
  for (const t of call.turns) {
    for (const para of t.paragraphs) {
      const speaker = style === 'names' ? (people.get(t.speakerId) as Participant).name : (labels.get(t.speakerId) as string);
      utterances.push({ speaker, text: para.text, start: time * 1000, end: (time + 3) * 1000 });
      time += 5;
    }
  }
  const speakers = style === 'labels' ? Object.fromEntries(call.participants.map((p) => [labels.get(p.id) as string, p.name])) : undefined;
  return JSON.stringify({ speakers, utterances }, null, 1);
}

export function renderLayout(call: Call, layout: TextLayout): string {
  if (layout === 'standard') return renderStandard(call);
  if (layout === 'dash-header') return renderDashHeader(call);
  if (layout === 'name-colon') return renderNameColon(call);
  return renderWebVtt(call).text;
}

/** A paragraph as speech recognition splits it: words (with what they carry) and punctuation marks. */
function tokensOf(text: string): Array<{ word: string } | { punct: string }> {
  return (text.match(/[^\s.,?!;:]+(?:[.,:][^\s.,?!;:]+)*|[.,?!;:]/g) ?? []).map((t) => (/^[.,?!;:]$/.test(t) ? { punct: t } : { word: t }));
}

/** Rev.ai's transcript JSON: one monologue per turn, words, spaces and punctuation as elements, names as "speaker_name". */
export function renderRevAi(call: Call): string {
  const numbers = new Map(call.participants.map((p, k) => [p.id, k]));
  const people = byId(call);
  let time = 1;
  const monologues = call.turns.map((t) => {
    const elements: object[] = [];
    for (const para of t.paragraphs) {
      for (const token of tokensOf(para.text)) {
        if ('punct' in token) {
          elements.push({ type: 'punct', value: token.punct });
          continue;
        }
        if (elements.length > 0) elements.push({ type: 'punct', value: ' ' });
        elements.push({ type: 'text', value: token.word, ts: time, end_ts: time + 0.25, confidence: 0.9 });
        time += 0.5;
      }
    }
    return { speaker: numbers.get(t.speakerId), speaker_name: (people.get(t.speakerId) as Participant).name, elements };
  });
  return JSON.stringify({ monologues });
}

/**
 * AWS Transcribe's output: "items" (words with times, punctuation without) and
 * "speaker_labels.segments" ("spk_N", one per paragraph); with `audioSegments`, also the newer
 * "audio_segments" and a speaker label on each word. AWS names nobody: labels only.
 */
export function renderAwsTranscribe(call: Call, opts: { audioSegments: boolean }): { text: string; labels: Map<string, string> } {
  const numbers = new Map(call.participants.map((p, k) => [p.id, k]));
  const items: object[] = [];
  const segments: object[] = [];
  const audio: object[] = [];
  let time = 2;
  for (const t of call.turns) {
    const label = `spk_${numbers.get(t.speakerId)}`;
    for (const para of t.paragraphs) {
      const from = time;
      for (const token of tokensOf(para.text)) {
        if ('punct' in token) items.push({ type: 'punctuation', alternatives: [{ confidence: '0.0', content: token.punct }] });
        else {
          items.push({ type: 'pronunciation', start_time: time.toFixed(3), end_time: (time + 0.25).toFixed(3), alternatives: [{ confidence: '0.99', content: token.word }], ...(opts.audioSegments ? { speaker_label: label } : {}) });
          time += 0.5;
        }
      }
      segments.push({ start_time: from.toFixed(3), end_time: (time - 0.2).toFixed(3), speaker_label: label, items: [] });
      audio.push({ id: audio.length, transcript: para.text.replace(/\s+/g, ' '), start_time: from.toFixed(3), end_time: (time - 0.2).toFixed(3), speaker_label: label, items: [] });
      time += 1;
    }
  }
  const results = { transcripts: [{ transcript: '' }], speaker_labels: { speakers: call.participants.length, segments }, items, ...(opts.audioSegments ? { audio_segments: audio } : {}) };
  return { text: JSON.stringify({ jobName: 'job', results, status: 'COMPLETED' }), labels: new Map(call.participants.map((p, k) => [p.name, `Speaker ${k}`])) };
}

/** A transcript table: a header, then one row per turn (a cell's paragraphs on lines of their own), quoted as RFC 4180 quotes. */
export function renderTable(call: Call, delimiter: ',' | '\t'): string {
  const people = byId(call);
  const quote = (cell: string): string => (delimiter === ',' && /[",\r\n]/.test(cell)) || /["\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const rows = [['Speaker', 'Start', 'Text']];
  call.turns.forEach((t, k) => rows.push([(people.get(t.speakerId) as Participant).name, `00:${String(Math.floor(k / 6)).padStart(2, '0')}:${String((k * 10) % 60).padStart(2, '0')}`, t.paragraphs.map((p) => p.text.replace(/\s+/g, ' ')).join('\n')]));
  return `${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}
