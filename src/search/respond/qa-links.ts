import type { StoredCall } from '../../index/stored-call.js';
import type { Passage } from '../../passages/types.js';
import type { QaLinks, Speaker } from '../../api/schemas.js';
import type { Participant } from '../../transcript/types.js';

/** For every passage in a Q&A exchange: the exchange's first question passage, its answer passages and its analyst. */
export class QaLinker {
  private readonly byExchange = new Map<string, { question: string | null; answers: string[]; analyst: Speaker | null }>();

  constructor(calls: readonly StoredCall[], passages: readonly Passage[], speaker: (callId: string, p: Participant) => Speaker) {
    const key = (callId: string, exchange: number) => `${callId}#${exchange}`;
    for (const call of calls) {
      for (const ex of call.exchanges) {
        const analyst = call.participants.find((p) => p.id === ex.analystId);
        // One exchange per analyst turn: the participant lookup is per exchange, not per passage.
        this.byExchange.set(key(call.meta.id, ex.id), {
          question: null,
          answers: [],
          analyst: analyst ? speaker(call.meta.id, analyst) : null,
        });
      }
    }
    for (const p of passages) {
      if (p.exchange === null) continue;
      const entry = this.byExchange.get(key(p.callId, p.exchange));
      if (!entry) continue;
      if (p.role === 'question' && entry.question === null) entry.question = p.id;
      if (p.role === 'answer') entry.answers.push(p.id);
    }
  }

  links(p: Passage): QaLinks {
    const entry = p.exchange === null ? undefined : this.byExchange.get(`${p.callId}#${p.exchange}`);
    if (!entry) return { question: null, answers: [], analyst: null };
    return { question: entry.question, answers: entry.answers, analyst: entry.analyst };
  }
}
