import type { CallResponse, PassageView, Speaker } from '../../api/schemas.js';
import type { StoredCall } from '../../index/stored-call.js';
import type { Passage } from '../../passages/types.js';
import type { QaLinker } from './qa-links.js';

/** API shapes of the stored data: speakers, passages, calls. */

export function speakerOf(p: Passage): Speaker {
  return { id: p.speaker.id, name: p.speaker.name, title: p.speaker.title, side: p.speaker.side, firm: p.speaker.firm };
}

export function passageView(p: Passage): PassageView {
  return {
    id: p.id,
    call_id: p.callId,
    text: p.text,
    speaker: speakerOf(p),
    section: p.section,
    exchange: p.exchange,
    start: p.start,
    end: p.end,
    turn: p.turn,
    role: p.role,
  };
}

/** A call's metadata, participants and Q&A exchanges (each with its question and answer passage ids). */
export function callView(c: StoredCall, passages: readonly Passage[], links: QaLinker): CallResponse {
  const participant = (id: string) => {
    const p = c.participants.find((x) => x.id === id)!;
    return { id: p.id, name: p.name, title: p.title, firm: p.firm, side: p.side };
  };
  return {
    id: c.meta.id,
    title: c.meta.title,
    company: c.meta.company,
    ticker: c.meta.ticker,
    quarter: c.meta.quarter,
    date: c.meta.date,
    time: c.meta.time,
    participants: c.participants.map((p) => participant(p.id)),
    exchanges: c.exchanges.map((ex) => {
      const first = passages.find((p) => p.callId === c.meta.id && p.exchange === ex.id);
      const exLinks = first ? links.links(first) : { question: null, answers: [] };
      return { id: ex.id, analyst: participant(ex.analystId), question: exLinks.question, answers: exLinks.answers };
    }),
  };
}
