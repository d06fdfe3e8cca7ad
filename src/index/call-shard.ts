/**
 * A call's shard: everything the index keeps about one call, computed once at build and never
 * again at start — the call (metadata, participants, turns, exchanges, text), its passages and
 * sentences (offsets into the text), the starts of its legacy `<call id>:<n>` ids, its passage and
 * sentence vectors, each sentence's terms, figure terms and length, its lexical forward index (per
 * passage: term, frequency) and its word counts for spelling. Immutable and content-addressed
 * (shardKey): a call whose file and versions are unchanged keeps its shard across builds.
 */
import { z } from 'zod';
import { CallMetaRecord, ParticipantRecord, SectionRecord } from '../library/stored-call.js';
import type { Passage, PassageSpeaker, Sentence } from '../passages/types.js';
import type { Participant, Turn } from '../transcript/types.js';
import { sha256 } from './checksum.js';
import { lexicalTokens } from './lexical-tokens.js';
import type { AcceptedCall } from './library-reader.js';
import { sentenceTerms } from './sentence-terms.js';
import { decodeShard, encodeShard, sectionIntact, ShardFormatError, type DecodedShard } from './shard-format.js';
import type { StoredCall } from './stored-call.js';
import { encodeVectors, VECTOR_FORMATS, type VectorFormat } from './vector-codec.js';
import { countWords } from './vocabulary.js';

/** Bump when what a shard holds, or how it is computed from a call, changes. */
export const SHARD_FORMAT = 2;
/** Bump when sentence-terms.ts reads sentences differently. */
export const SENTENCE_TERMS_VERSION = 1;

/** Everything a shard's content depends on; equal keys mean interchangeable shards. */
export interface ShardKeyInput {
  file: { path: string; sha256: string };
  versions: Record<string, number>;
  limits: unknown;
  chunking: unknown;
  model: { checksum: string; dimensions: number };
  vectorFormat: VectorFormat;
}

export function shardKey(input: ShardKeyInput): string {
  return sha256(JSON.stringify({ shard: SHARD_FORMAT, sentenceTerms: SENTENCE_TERMS_VERSION, ...input }));
}

const ROLES = ['intro', 'question', 'answer', 'remarks'] as const;
/** Per passage: start, end, turn, participant, token count, sentence count. */
const PASSAGE_FIELDS = 6;

const Offset = z.number().int().nonnegative();
/** The call as a shard keeps it: texts are slices of `source`, stored once. */
const ShardCall = z.strictObject({
  meta: CallMetaRecord,
  participants: z.array(ParticipantRecord).min(1),
  turns: z.array(
    z.strictObject({
      speakerId: z.string(),
      section: SectionRecord,
      exchange: z.number().int().positive().nullable(),
      role: z.enum(ROLES),
      startTime: z.number().nonnegative().nullable(),
      start: Offset,
      end: Offset,
      paragraphs: z.array(z.tuple([Offset, Offset])),
    }),
  ),
  exchanges: z.array(
    z.strictObject({
      id: z.number().int().positive(),
      analystId: z.string(),
      introTurn: z.number().int().nonnegative().nullable(),
      questionTurns: z.array(z.number().int().nonnegative()),
      answerTurns: z.array(z.number().int().nonnegative()),
    }),
  ),
  sourcePath: z.string(),
  companyNames: z.array(z.string()),
});
type ShardCall = z.infer<typeof ShardCall>;

type TurnFields = Pick<Turn, 'speakerId' | 'section' | 'exchange' | 'role' | 'startTime' | 'start' | 'end'>;
/** The fields of a turn a shard keeps as they are, both ways (its index is its position, its paragraphs are offsets). */
const turnFields = (t: TurnFields): TurnFields => ({ speakerId: t.speakerId, section: t.section, exchange: t.exchange, role: t.role, startTime: t.startTime, start: t.start, end: t.end });

/** Terms of a dictionary, one per line (lexical tokens never hold a line break). */
const joinTerms = (terms: readonly string[]) => new Uint8Array(Buffer.from(terms.join('\n'), 'utf8'));
const splitTerms = (bytes: Uint8Array): string[] => (bytes.length === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').split('\n'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function utf16(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The call's text, stored Latin-1 or UTF-16 (see encodeCallShard). */
function sourceText(decoded: DecodedShard): string {
  if (decoded.header.sections.sourceLatin1) {
    const b = decoded.section('sourceLatin1', 'u8');
    return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  }
  const w = decoded.section('sourceUtf16', 'u16');
  return Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('utf16le');
}

/** Compressed rows: row r's items are items[offsets[r]..offsets[r+1]). */
function csr(rows: readonly (readonly number[])[]): { offsets: Uint32Array; items: Uint32Array } {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i]! + r.length));
  const items = new Uint32Array(offsets[rows.length]!);
  rows.forEach((r, i) => items.set(r, offsets[i]!));
  return { offsets, items };
}

export interface ShardInput {
  key: string;
  accepted: AcceptedCall;
  /** Row i = passage i. */
  passageVectors: Float32Array;
  /** Rows in passage order, sentence by sentence. */
  sentenceVectors: Float32Array;
  dimensions: number;
  vectorFormat: VectorFormat;
}

/** The bytes of a call's shard. */
export function encodeCallShard(input: ShardInput): Buffer {
  const { call, passages, legacyStarts } = input.accepted;
  const dim = input.dimensions;
  const participantIndex = new Map(call.participants.map((p, i) => [p.id, i]));

  const dictionary = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = dictionary.get(term);
    if (id === undefined) dictionary.set(term, (id = dictionary.size));
    return id;
  };

  const table = new Int32Array(passages.length * PASSAGE_FIELDS);
  const sentenceSpans: number[] = [];
  const forwardRows: number[][] = [];
  const freqs: number[] = [];
  const sentenceTermRows: number[][] = [];
  const figureTermRows: number[][] = [];
  const words: number[] = [];
  const flags: number[] = [];
  const vocabulary = new Map<string, number>();
  passages.forEach((p, i) => {
    const turn = call.turns[p.turn];
    const speaker = participantIndex.get(p.speaker.id);
    // Section, exchange, role and speaker are the turn's; text is the source slice: stored once, as offsets.
    if (!turn || speaker === undefined || turn.speakerId !== p.speaker.id || turn.section !== p.section || turn.exchange !== p.exchange || turn.role !== p.role) {
      throw new Error(`passage ${p.id} does not match its turn`);
    }
    if (call.source.slice(p.start, p.end) !== p.text) throw new Error(`passage ${p.id} is not a slice of its call text`);
    table.set([p.start, p.end, p.turn, speaker, p.tokens, p.sentences.length], i * PASSAGE_FIELDS);
    const counts = new Map<number, number>();
    for (const t of lexicalTokens(p.text)) counts.set(idOf(t), (counts.get(idOf(t)) ?? 0) + 1);
    forwardRows.push([...counts.keys()]);
    for (const f of counts.values()) freqs.push(Math.min(f, 0xffff));
    countWords(p.text, vocabulary);
    for (const s of p.sentences) {
      if (call.source.slice(s.start, s.end) !== s.text) throw new Error(`a sentence of ${p.id} is not a slice of its call text`);
      sentenceSpans.push(s.start, s.end);
      const facts = sentenceTerms(s.text);
      sentenceTermRows.push(facts.terms.map(idOf));
      figureTermRows.push(facts.nearFigure.map(idOf));
      words.push(Math.min(facts.words, 0xffff));
      flags.push(facts.hasFigure ? 1 : 0);
    }
  });

  const sentenceCount = sentenceSpans.length / 2;
  if (input.passageVectors.length !== passages.length * dim || input.sentenceVectors.length !== sentenceCount * dim) {
    throw new Error(`vectors for ${call.meta.id} do not match its passages and sentences`);
  }
  const stored: ShardCall = {
    meta: call.meta,
    participants: call.participants.map((p) => ({ id: p.id, name: p.name, title: p.title, firm: p.firm, division: p.division, side: p.side, sideSource: p.sideSource })),
    turns: call.turns.map((t) => ({ ...turnFields(t), paragraphs: t.paragraphs.map((g) => [g.start, g.end] as [number, number]) })),
    exchanges: call.exchanges,
    sourcePath: call.sourcePath,
    companyNames: call.companyNames,
  };
  const forward = csr(forwardRows);
  const sentenceTermsCsr = csr(sentenceTermRows);
  const figureTermsCsr = csr(figureTermRows);
  const sentenceVectors = encodeVectors(input.sentenceVectors, dim, input.vectorFormat);
  const vocabularyWords = [...vocabulary.keys()];
  return encodeShard(
    {
      format: SHARD_FORMAT,
      key: input.key,
      callId: call.meta.id,
      counts: { passages: passages.length, sentences: sentenceCount, dimensions: dim, terms: dictionary.size, words: vocabularyWords.length, vectorFormat: VECTOR_FORMATS.indexOf(input.vectorFormat) },
    },
    {
      // Validated once here; a start trusts it by its digest (decodeCallShard).
      call: utf8(JSON.stringify(ShardCall.parse(stored))),
      // Latin-1 when every character fits a byte, else UTF-16: either decodes by copying, where UTF-8 would be parsed.
      ...(isLatin1(call.source) ? { sourceLatin1: new Uint8Array(Buffer.from(call.source, 'latin1')) } : { sourceUtf16: utf16(call.source) }),
      passages: table,
      sentences: Int32Array.from(sentenceSpans),
      legacy: Int32Array.from(legacyStarts),
      terms: joinTerms([...dictionary.keys()]),
      forwardOffsets: forward.offsets,
      forwardTerms: forward.items,
      forwardFreqs: Uint16Array.from(freqs),
      sentenceTermOffsets: sentenceTermsCsr.offsets,
      sentenceTerms: sentenceTermsCsr.items,
      figureTermOffsets: figureTermsCsr.offsets,
      figureTerms: figureTermsCsr.items,
      sentenceWords: Uint16Array.from(words),
      sentenceFlags: Uint8Array.from(flags),
      passageVectors: input.passageVectors,
      sentenceVectors: sentenceVectors.data,
      ...(sentenceVectors.scales ? { sentenceScales: sentenceVectors.scales } : {}),
      words: joinTerms(vocabularyWords),
      wordCounts: Uint32Array.from(vocabularyWords.map((w) => vocabulary.get(w)!)),
    },
    ['call'],
  );
}

/** A shard as loaded: the call and passages rebuilt around one copy of the text, the rest as typed views. */
export interface CallShard {
  decoded: DecodedShard;
  call: StoredCall;
  passages: Passage[];
  /** Passage i's sentences are the call's rows [sentenceRows[i], sentenceRows[i + 1]) (without making its sentences). */
  sentenceRows: Uint32Array;
  legacyStarts: number[];
  sentences: number;
  passageVectors: Float32Array;
  sentenceVectors: { format: VectorFormat; data: Float32Array | Uint16Array | Int8Array; scales: Float32Array | null };
  /** The shard's own term dictionary (every term id below indexes it), read on demand: a start maps ids through the build's global table instead. */
  terms: () => string[];
  termCount: number;
  forward: { offsets: Uint32Array; terms: Uint32Array; freqs: Uint16Array };
  sentenceTerms: { offsets: Uint32Array; items: Uint32Array };
  figureTerms: { offsets: Uint32Array; items: Uint32Array };
  sentenceWords: Uint16Array;
  sentenceFlags: Uint8Array;
  /** Words of the call's passages (read on demand, like terms) with their counts. */
  vocabulary: { words: () => string[]; counts: Uint32Array };
}

export interface ShardExpectations {
  key: string;
  callId: string;
  dimensions: number;
  /** The header's digest as the manifest recorded it: a header that hashes to it is not validated again. */
  headerSha256?: string;
}

/** Checks a compressed-rows section pair: monotone offsets covering exactly the items, ids inside the dictionary. */
function checkCsr(name: string, offsets: Uint32Array, items: Uint32Array, rows: number, limit: number): void {
  if (offsets.length !== rows + 1 || offsets[0] !== 0 || offsets[rows] !== items.length) throw new ShardFormatError(`${name} does not match its rows`);
  for (let i = 0; i < rows; i++) if (offsets[i]! > offsets[i + 1]!) throw new ShardFormatError(`${name} offsets go backwards`);
  for (let i = 0; i < items.length; i++) if (items[i]! >= limit) throw new ShardFormatError(`${name} names a term outside the dictionary`);
}

/** A shard's sentences, shared by its passages: passage i's are span pairs rows[i]..rows[i + 1] of `spans`, into `source`. */
interface ShardSentences {
  spans: Int32Array;
  rows: Uint32Array;
  source: string;
}

/**
 * A passage as loaded from its shard. Its sentences (checked at load) become objects when first
 * read: a search reads those of a few dozen candidates, and making all of them at start (450,000
 * at 1,000 calls) cost more time and garbage collection than the rest of the passage.
 */
class ShardPassage implements Passage {
  id!: string;
  callId!: string;
  index!: number;
  text!: string;
  speaker!: PassageSpeaker;
  section!: Passage['section'];
  exchange!: number | null;
  turn!: number;
  role!: Passage['role'];
  startTime!: number | null;
  start!: number;
  end!: number;
  tokens!: number;
  #shard: ShardSentences;
  #sentences: Sentence[] | null = null;

  constructor(fields: Omit<Passage, 'sentences'>, shard: ShardSentences) {
    Object.assign(this, fields);
    this.#shard = shard;
  }

  get sentences(): Sentence[] {
    if (!this.#sentences) {
      const { spans, rows, source } = this.#shard;
      const out: Sentence[] = [];
      for (let row = rows[this.index]!; row < rows[this.index + 1]!; row++) {
        const start = spans[row * 2]!;
        const end = spans[row * 2 + 1]!;
        out.push({ start, end, text: source.slice(start, end) });
      }
      this.#sentences = out;
    }
    return this.#sentences;
  }
}

/**
 * Reads a shard and checks that it is the one expected (key, call, dimensions) and hangs together
 * (every offset inside the text, every count consistent), without re-hashing its body. Throws ShardFormatError.
 */
export function decodeCallShard(data: Buffer, expect: ShardExpectations): CallShard {
  const decoded = decodeShard(data, expect.headerSha256);
  const { header } = decoded;
  if (header.format !== SHARD_FORMAT) throw new ShardFormatError(`shard format ${header.format} is not ${SHARD_FORMAT}`);
  if (header.key !== expect.key || header.callId !== expect.callId) throw new ShardFormatError('the shard is not the one the manifest names');
  const { passages: n = -1, sentences: m = -1, dimensions: dim, terms: termCount = -1, words: wordCount = -1, vectorFormat = -1 } = header.counts;
  const format = VECTOR_FORMATS[vectorFormat];
  if (dim !== expect.dimensions || !format) throw new ShardFormatError('the shard holds vectors of another shape');

  // The record is checked by its digest: intact, it is what encodeCallShard wrote from a ShardCall.
  const record = decoded.section('call', 'u8');
  if (!sectionIntact(decoded, 'call', record)) throw new ShardFormatError('the shard call record is damaged');
  let stored: ShardCall;
  try {
    stored = JSON.parse(Buffer.from(record.buffer, record.byteOffset, record.length).toString('utf8')) as ShardCall;
  } catch {
    throw new ShardFormatError('the shard call record is malformed');
  }
  const source = sourceText(decoded);
  if (stored.meta.id !== expect.callId) throw new ShardFormatError('the shard holds another call');

  const turns: Turn[] = stored.turns.map((t, index) => {
    if (t.end > source.length || t.start > t.end) throw new ShardFormatError(`turn ${index} lies outside the text`);
    return {
      index,
      ...turnFields(t),
      paragraphs: t.paragraphs.map(([start, end]) => {
        if (end > source.length || start > end) throw new ShardFormatError(`a paragraph of turn ${index} lies outside the text`);
        return { start, end, text: source.slice(start, end) };
      }),
    };
  });
  const participants: Participant[] = stored.participants;
  const known = new Set(participants.map((p) => p.id));
  if (turns.some((t) => !known.has(t.speakerId)) || stored.exchanges.some((e) => !known.has(e.analystId))) throw new ShardFormatError('the shard names an unknown participant');
  const call: StoredCall = { meta: stored.meta, participants, turns, exchanges: stored.exchanges, source, sourcePath: stored.sourcePath, companyNames: stored.companyNames };

  const table = decoded.section('passages', 'i32');
  const spans = decoded.section('sentences', 'i32');
  if (table.length !== n * PASSAGE_FIELDS || spans.length !== m * 2 || n < 1) throw new ShardFormatError('the shard passage tables disagree with its counts');
  // One speaker object per participant, shared by all their passages.
  const speakers: PassageSpeaker[] = participants.map((p) => ({ id: p.id, name: p.name, title: p.title, side: p.side, firm: p.firm }));
  const passages: Passage[] = new Array(n);
  // A copy: the passages keep their sentences' spans, and nothing may keep the read buffer alive.
  const sentenceRows = new Uint32Array(n + 1);
  const shardSentences: ShardSentences = { spans: spans.slice(), rows: sentenceRows, source };
  let row = 0;
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    const o = i * PASSAGE_FIELDS;
    const [start, end, turnIndex, speaker, tokens, count] = [table[o]!, table[o + 1]!, table[o + 2]!, table[o + 3]!, table[o + 4]!, table[o + 5]!];
    const turn = turns[turnIndex];
    if (!turn || !speakers[speaker] || turn.speakerId !== participants[speaker]!.id) throw new ShardFormatError(`passage ${i} names no turn or speaker of its call`);
    if (start < previousEnd || end <= start || end > source.length || count < 0 || row + count > m || tokens < 1) throw new ShardFormatError(`passage ${i} lies outside the text or out of order`);
    for (let s = 0; s < count; s++, row++) {
      const ss = spans[row * 2]!;
      const se = spans[row * 2 + 1]!;
      if (ss < start || se > end || se < ss) throw new ShardFormatError(`a sentence of passage ${i} lies outside it`);
    }
    passages[i] = new ShardPassage(
      {
        id: `${call.meta.id}@${start}`,
        callId: call.meta.id,
        index: i,
        text: source.slice(start, end),
        speaker: speakers[speaker]!,
        section: turn.section,
        exchange: turn.exchange,
        turn: turnIndex,
        role: turn.role,
        startTime: turn.startTime,
        start,
        end,
        tokens,
      },
      shardSentences,
    );
    sentenceRows[i + 1] = row;
    previousEnd = end;
  }
  if (row !== m) throw new ShardFormatError('the shard sentence count disagrees with its passages');

  const termBytes = decoded.section('terms', 'u8');
  const terms = () => {
    const list = splitTerms(termBytes);
    if (list.length !== termCount) throw new ShardFormatError('the shard dictionary disagrees with its count');
    return list;
  };
  const forward = { offsets: decoded.section('forwardOffsets', 'u32'), terms: decoded.section('forwardTerms', 'u32'), freqs: decoded.section('forwardFreqs', 'u16') };
  checkCsr('forward index', forward.offsets, forward.terms, n, termCount);
  if (forward.freqs.length !== forward.terms.length) throw new ShardFormatError('forward index frequencies disagree with its terms');
  const sentenceTermsCsr = { offsets: decoded.section('sentenceTermOffsets', 'u32'), items: decoded.section('sentenceTerms', 'u32') };
  checkCsr('sentence terms', sentenceTermsCsr.offsets, sentenceTermsCsr.items, m, termCount);
  const figureTermsCsr = { offsets: decoded.section('figureTermOffsets', 'u32'), items: decoded.section('figureTerms', 'u32') };
  checkCsr('figure terms', figureTermsCsr.offsets, figureTermsCsr.items, m, termCount);
  const sentenceWords = decoded.section('sentenceWords', 'u16');
  const sentenceFlags = decoded.section('sentenceFlags', 'u8');
  const passageVectors = decoded.section('passageVectors', 'f32');
  const vectors =
    format === 'f32'
      ? { format, data: decoded.section('sentenceVectors', 'f32'), scales: null }
      : format === 'f16'
        ? { format, data: decoded.section('sentenceVectors', 'u16'), scales: null }
        : { format, data: decoded.section('sentenceVectors', 'i8'), scales: decoded.section('sentenceScales', 'f32') };
  if (
    sentenceWords.length !== m ||
    sentenceFlags.length !== m ||
    passageVectors.length !== n * dim ||
    vectors.data.length !== m * dim ||
    (vectors.scales !== null && vectors.scales.length !== m)
  ) {
    throw new ShardFormatError('the shard vectors or sentence facts disagree with its counts');
  }
  const wordBytes = decoded.section('words', 'u8');
  const wordCounts = decoded.section('wordCounts', 'u32');
  if (wordCount !== wordCounts.length) throw new ShardFormatError('the shard word counts disagree with its words');
  const words = () => {
    const list = splitTerms(wordBytes);
    if (list.length !== wordCount) throw new ShardFormatError('the shard words disagree with their count');
    return list;
  };
  const legacy = decoded.section('legacy', 'i32');
  const legacyStarts = Array.from(legacy);
  if (legacyStarts.some((s) => s < 0 || s > source.length)) throw new ShardFormatError('a legacy id start lies outside the text');
  return {
    decoded,
    call,
    passages,
    sentenceRows,
    legacyStarts,
    sentences: m,
    passageVectors,
    sentenceVectors: vectors,
    terms,
    termCount,
    forward,
    sentenceTerms: sentenceTermsCsr,
    figureTerms: figureTermsCsr,
    sentenceWords,
    sentenceFlags,
    vocabulary: { words, counts: wordCounts },
  };
}
