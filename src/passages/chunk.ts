/**
 * Cuts a call into passages, the unit of retrieval.
 *
 * Rules:
 * - a passage never crosses a turn (so never a speaker); operator turns are passages too
 *   (they carry "the next question comes from X with Y"), marked by speaker.side 'operator';
 * - by default one passage per paragraph;
 * - short paragraphs are merged with their neighbours in the same turn: while the passage
 *   being built, or the next paragraph, is under `minTokens` (40), the next paragraph joins it
 *   provided the merged text still fits. A merged passage's text is the exact source slice,
 *   blank lines between paragraphs included;
 * - a passage fits when it has at most `maxTokens` model tokens and at most `maxChars`
 *   characters (the tokenizer reads any word over 100 characters as one [UNK] token, so tokens
 *   alone would let a 1 MB "word" be one passage);
 * - a paragraph that does not fit is split at sentence boundaries into the fewest pieces that
 *   fit, balanced so the largest piece is as small as possible (no tiny tail); a sentence that
 *   alone does not fit is split at word boundaries, and a single word at characters.
 *
 * Token counts include [CLS] and [SEP] (the counter's contract). Because BERT's pre-tokenizer
 * splits on whitespace, the content tokens of text cut at whitespace add up exactly; the
 * final size of every passage is still measured, not assumed.
 *
 * Passage ids are `<call id>@<start offset>` (see passage-id.ts).
 */
import type { Call, Participant, Turn } from '../transcript/types.js';
import type { Passage, PassageSpeaker, Sentence } from './types.js';
import { splitSentences } from './sentences.js';
import { passageId } from './passage-id.js';
import { DEFAULT_LIMITS } from '../transcript/limits.js';

/**
 * Bump whenever passage or sentence boundaries change: indexes chunked differently are rebuilt.
 * v2: passages are also capped in characters (over-long words are cut); ids are offsets.
 * v3: passages carry their turn's start time (seconds into a recording), so older stores lack it.
 */
export const CHUNKER_VERSION = 3;

/** all-MiniLM-L6-v2 was trained with max_seq_length 256 (see src/model/model-files.ts). */
export const DEFAULT_MAX_TOKENS = 256;
/**
 * Paragraphs under this many tokens are merged with a neighbour: about one short sentence
 * ("With that, I'll turn it over to Brian for a financial update." is 16), too little on its
 * own to embed well.
 */
export const DEFAULT_MIN_TOKENS = 40;

export interface ChunkOptions {
  maxTokens?: number;
  minTokens?: number;
  /** Characters per passage; default DEFAULT_LIMITS.maxPassageChars. Infinity: tokens only (chunker v1). */
  maxChars?: number;
}

/**
 * The chunking that issued the old `<call id>:<n>` ids (chunker v1: 256 tokens, no character
 * cap). The index records each call's passage starts under it, so those ids keep naming the
 * words they named. A chunker change must keep this reproducible (or freeze the starts).
 */
export const LEGACY_ID_CHUNKING: Required<ChunkOptions> = { maxTokens: 256, minTokens: 40, maxChars: Number.POSITIVE_INFINITY };

export type CountTokens = (text: string) => number;

/** [CLS] + [SEP]: what an empty text counts. */
function specialTokens(countTokens: CountTokens): number {
  return countTokens('');
}

interface Piece {
  start: number;
  end: number;
}

/** Word spans [start, end) of source within [from, to). */
function words(source: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  const re = /\S+/g;
  const text = source.slice(from, to);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) out.push({ start: from + match.index, end: from + match.index + match[0].length });
  return out;
}

/**
 * Groups consecutive units into the fewest pieces whose content fits `budget`, balancing sizes:
 * binary search for the smallest per-piece limit that still needs no more pieces than greedy.
 * `sizes` are content tokens (special tokens excluded). Units larger than budget get their own piece.
 */
function balancedGroups(sizes: number[], budget: number): Array<[number, number]> {
  const greedy = (limit: number): Array<[number, number]> => {
    const groups: Array<[number, number]> = [];
    let from = 0;
    let sum = 0;
    sizes.forEach((size, i) => {
      if (i > from && sum + size > limit) {
        groups.push([from, i]);
        from = i;
        sum = 0;
      }
      sum += size;
    });
    if (sizes.length > from) groups.push([from, sizes.length]);
    return groups;
  };
  const fewest = greedy(budget).length;
  let lo = Math.max(1, Math.ceil(sizes.reduce((a, b) => a + b, 0) / fewest));
  let hi = budget;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (greedy(mid).length <= fewest) hi = mid;
    else lo = mid + 1;
  }
  return greedy(Math.max(lo, 1));
}

/** Limits a passage must fit. */
interface Fit {
  countTokens: CountTokens;
  maxTokens: number;
  maxChars: number;
}

function fits(source: string, piece: Piece, fit: Fit): boolean {
  return piece.end - piece.start <= fit.maxChars && fit.countTokens(source.slice(piece.start, piece.end)) <= fit.maxTokens;
}

/** Never cut between the two halves of a surrogate pair. */
function safeCut(source: string, at: number, min: number): number {
  const code = source.charCodeAt(at - 1);
  return at - 1 > min && code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** Splits [start, end) of source into pieces that fit, preferring sentence, then word boundaries. */
function splitToFit(source: string, start: number, end: number, sentences: Sentence[], fit: Fit): Piece[] {
  const special = specialTokens(fit.countTokens);
  const budget = fit.maxTokens - special;
  // A unit's size in tokens, or its characters scaled to the token budget when that is larger:
  // units whose sizes add up to the budget fit both limits (the final check below measures).
  const charScale = Number.isFinite(fit.maxChars) ? budget / fit.maxChars : 0;
  const sizeOf = (u: Piece) => {
    const chars = Math.ceil((u.end - u.start) * charScale);
    // Over the character cap it is a group of its own whatever its tokens: do not tokenize a huge unit for nothing.
    return u.end - u.start > fit.maxChars ? chars : Math.max(fit.countTokens(source.slice(u.start, u.end)) - special, chars);
  };

  const fitUnits = (units: Piece[], fallback: (unit: Piece) => Piece[]): Piece[] => {
    const pieces: Piece[] = [];
    const place = (group: Piece[]): void => {
      const piece = { start: group[0]!.start, end: group[group.length - 1]!.end };
      if (fits(source, piece, fit)) pieces.push(piece);
      else if (group.length > 1) {
        // Measured larger than its parts add up to (whitespace between them): halve it.
        const half = Math.ceil(group.length / 2);
        place(group.slice(0, half));
        place(group.slice(half));
      } else pieces.push(...fallback(piece));
    };
    for (const [from, to] of balancedGroups(units.map(sizeOf), budget)) place(units.slice(from, to));
    return pieces;
  };

  /** Last resort for a single word: at most maxChars characters, then the longest prefix within the token budget. */
  const byCharacters = (unit: Piece): Piece[] => {
    const pieces: Piece[] = [];
    let from = unit.start;
    while (from < unit.end) {
      let lo = from + 1;
      let hi = Math.min(unit.end, from + fit.maxChars);
      // Usually the whole character allowance fits (a long word is a few [UNK] tokens): one count, no search.
      if (fit.countTokens(source.slice(from, hi)) <= fit.maxTokens) lo = hi;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fit.countTokens(source.slice(from, mid)) <= fit.maxTokens) lo = mid;
        else hi = mid - 1;
      }
      const cut = safeCut(source, lo, from + 1);
      pieces.push({ start: from, end: cut });
      from = cut;
    }
    return pieces;
  };

  const byWords = (unit: Piece): Piece[] => {
    const ws = words(source, unit.start, unit.end);
    return ws.length > 1 ? fitUnits(ws, byCharacters) : byCharacters(unit);
  };

  const units = sentences.length > 0 ? sentences.map((s) => ({ start: s.start, end: s.end })) : [{ start, end }];
  return fitUnits(units, byWords);
}

/** The sentences of a piece: paragraph sentences inside it, clipped when a sentence was cut. */
function sentencesIn(source: string, piece: Piece, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const start = Math.max(s.start, piece.start);
    const end = Math.min(s.end, piece.end);
    if (start < end) out.push({ start, end, text: source.slice(start, end) });
  }
  return out;
}

function toSpeaker(p: Participant): PassageSpeaker {
  return { id: p.id, name: p.name, title: p.title, side: p.side, firm: p.firm };
}

/** A candidate passage within one turn. */
interface Draft extends Piece {
  sentences: Sentence[];
  tokens: number;
  /** A piece of a paragraph that was too long; never merged with neighbours. */
  split: boolean;
}

function chunkTurn(call: Call, turn: Turn, fit: Fit, minTokens: number): Draft[] {
  const { source } = call;
  const { countTokens, maxTokens, maxChars } = fit;
  // One unit per paragraph, or several when a paragraph is too long.
  const units: Draft[] = [];
  for (const paragraph of turn.paragraphs) {
    const sentences = splitSentences(paragraph.text, paragraph.start);
    const withinChars = paragraph.end - paragraph.start <= maxChars;
    const tokens = withinChars ? countTokens(paragraph.text) : Number.POSITIVE_INFINITY;
    if (tokens <= maxTokens) {
      units.push({ start: paragraph.start, end: paragraph.end, sentences, tokens, split: false });
      continue;
    }
    for (const piece of splitToFit(source, paragraph.start, paragraph.end, sentences, fit)) {
      const text = source.slice(piece.start, piece.end);
      units.push({ ...piece, sentences: sentencesIn(source, piece, sentences), tokens: countTokens(text), split: true });
    }
  }

  // Merge short neighbours (whole paragraphs only; pieces of a split paragraph stay as they are).
  const drafts: Draft[] = [];
  for (const unit of units) {
    const previous = drafts[drafts.length - 1];
    if (previous && !unit.split && !previous.split && (previous.tokens < minTokens || unit.tokens < minTokens)) {
      const mergedTokens = countTokens(source.slice(previous.start, unit.end));
      if (mergedTokens <= maxTokens && unit.end - previous.start <= maxChars) {
        previous.end = unit.end;
        previous.sentences = [...previous.sentences, ...unit.sentences];
        previous.tokens = mergedTokens;
        continue;
      }
    }
    drafts.push({ ...unit, sentences: [...unit.sentences] });
  }
  return drafts;
}

/** Cuts every turn of a call into passages (see the module comment for the rules). */
export function chunkCall(call: Call, countTokens: CountTokens, opts: ChunkOptions = {}): Passage[] {
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const minTokens = opts.minTokens ?? DEFAULT_MIN_TOKENS;
  const maxChars = opts.maxChars ?? DEFAULT_LIMITS.maxPassageChars;
  if (maxTokens <= specialTokens(countTokens)) throw new RangeError(`maxTokens must exceed the special tokens, got ${maxTokens}`);
  if (!(maxChars >= 1)) throw new RangeError(`maxChars must be at least 1, got ${maxChars}`);
  const fit: Fit = { countTokens, maxTokens, maxChars };
  const speakers = new Map(call.participants.map((p) => [p.id, p]));
  const passages: Passage[] = [];

  for (const turn of call.turns) {
    const participant = speakers.get(turn.speakerId);
    if (!participant) throw new Error(`turn ${turn.index} has unknown speaker "${turn.speakerId}"`);
    const speaker = toSpeaker(participant);
    for (const draft of chunkTurn(call, turn, fit, minTokens)) {
      const index = passages.length;
      passages.push({
        id: passageId(call.meta.id, draft.start),
        callId: call.meta.id,
        index,
        text: call.source.slice(draft.start, draft.end),
        speaker,
        section: turn.section,
        exchange: turn.exchange,
        turn: turn.index,
        role: turn.role,
        startTime: turn.startTime,
        start: draft.start,
        end: draft.end,
        sentences: draft.sentences,
        tokens: draft.tokens,
      });
    }
  }
  return passages;
}
