import type { CallSummary } from './schemas.js';

/** One call of the library as `transcript-search calls` and the MCP `list_calls` tool list it. */
export interface CallListing {
  id: string;
  company: string;
  ticker: string | null;
  quarter: string | null;
  date: string | null;
  passages: number;
}

/** The calls in library order, each with how many passages it has. */
export function listCalls(calls: readonly CallSummary[]): CallListing[] {
  return calls.map((c) => ({ id: c.id, company: c.company, ticker: c.ticker, quarter: c.quarter, date: c.date, passages: c.counts.passages }));
}
