/**
 * Passage ids: `<call id>@<offset>`, the character offset of the passage's start in the call's
 * stored text. An offset names words, not a position in a list, so an id keeps pointing at the
 * same words when the chunking changes: it resolves to whichever passage now covers that offset.
 *
 * Ids issued before offsets, `<call id>:<n>` (the n-th passage of the call), still parse; they are
 * resolved through the passage starts of the chunking that issued them (see LEGACY_ID_CHUNKING in
 * chunk.ts and src/index/passage-locator.ts).
 *
 * Call ids never contain "@" or ":" (the library refuses them), so the last one splits the id.
 */

export type ParsedPassageId =
  | { kind: 'offset'; callId: string; offset: number }
  | { kind: 'legacy'; callId: string; index: number };

export function passageId(callId: string, start: number): string {
  return `${callId}@${start}`;
}

/** Largest offset or index an id may carry (beyond it nothing can match, and Number stays exact). */
const MAX_NUMBER_DIGITS = 15;
const ID_PATTERN = new RegExp(`^(?<callId>[^@:]+)(?<sep>[@:])(?<n>\\d{1,${MAX_NUMBER_DIGITS}})$`);

/** Splits an id of either form; null for anything else. */
export function parsePassageId(id: string): ParsedPassageId | null {
  const m = ID_PATTERN.exec(id);
  if (!m?.groups) return null;
  const callId = m.groups.callId!;
  const n = Number(m.groups.n);
  return m.groups.sep === '@' ? { kind: 'offset', callId, offset: n } : { kind: 'legacy', callId, index: n };
}
