import type { Section, Side, Span } from '../transcript/types.js';

/** Who said a passage, denormalised so results explain themselves without a lookup. */
export interface PassageSpeaker {
  id: string;
  name: string;
  title: string | null;
  side: Side;
  firm: string | null;
}

/** A sentence of a passage; offsets are into the call's source text. */
export interface Sentence extends Span {
  text: string;
}

/** The unit of retrieval: part of one speaker turn, sized to the model window. */
export interface Passage extends Span {
  /** `${callId}@${start}` — unique across calls, stable across chunking changes (see passage-id.ts). */
  id: string;
  callId: string;
  /** Position among this call's passages, 0-based. */
  index: number;
  text: string;
  speaker: PassageSpeaker;
  section: Section;
  exchange: number | null;
  turn: number;
  /** 'question' | 'answer' | 'intro' | 'remarks', copied from the turn. */
  role: 'intro' | 'question' | 'answer' | 'remarks';
  /** Seconds into the recording where the passage's turn starts (WebVTT), copied from the turn; null when the layout has no times. */
  startTime: number | null;
  sentences: Sentence[];
  /** Model tokens incl. [CLS]/[SEP], measured with the real tokenizer. */
  tokens: number;
}
