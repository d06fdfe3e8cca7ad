/**
 * Finds the passage an id names, by words rather than by position: `<call id>@<offset>` is the
 * passage covering that offset of the call's text (an offset between passages — a speaker's
 * name line — gives the next passage); a legacy `<call id>:<n>` is looked up through the
 * passage starts of the chunking that issued it, then resolved the same way. So an id keeps
 * pointing at the same words after the chunking changes.
 */
import { parsePassageId } from '../passages/passage-id.js';
import type { Passage } from '../passages/types.js';

interface CallRange {
  /** Position of the call's first passage; its passages are contiguous and in text order. */
  first: number;
  count: number;
  legacyStarts: readonly number[];
}

export class PassageLocator {
  private readonly calls = new Map<string, CallRange>();

  constructor(
    private readonly passages: readonly Passage[],
    legacyStarts: ReadonlyMap<string, readonly number[]>,
  ) {
    passages.forEach((p, i) => {
      const range = this.calls.get(p.callId);
      if (range) range.count++;
      else this.calls.set(p.callId, { first: i, count: 1, legacyStarts: legacyStarts.get(p.callId) ?? [] });
    });
  }

  /** Position of the passage an id names, or null when it names none. */
  find(id: string): number | null {
    const parsed = parsePassageId(id);
    if (!parsed) return null;
    const range = this.calls.get(parsed.callId);
    if (!range) return null;
    const offset = parsed.kind === 'offset' ? parsed.offset : range.legacyStarts[parsed.index];
    if (offset === undefined) return null;
    // The first passage of the call that ends after the offset.
    let lo = range.first;
    let hi = range.first + range.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.passages[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < range.first + range.count ? lo : null;
  }
}
