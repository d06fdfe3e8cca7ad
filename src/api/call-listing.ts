import type { CallResponse } from './schemas.js';

/** One call of the library as `transcript-search calls` and the MCP `list_calls` tool list it. */
export interface CallListing {
  id: string;
  company: string;
  ticker: string | null;
  quarter: string | null;
  date: string | null;
  passages: number;
}

/** The calls in index order, each with how many of the passages belong to it. */
export function listCalls(calls: readonly CallResponse[], passages: readonly { callId: string }[]): CallListing[] {
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.callId, (counts.get(p.callId) ?? 0) + 1);
  // `|| null`: a field the transcript did not give is null, never an empty string.
  return calls.map((c) => ({ id: c.id, company: c.company, ticker: c.ticker || null, quarter: c.quarter || null, date: c.date || null, passages: counts.get(c.id) ?? 0 }));
}
