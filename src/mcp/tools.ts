/**
 * What each MCP tool does with the search engine: structured content (checked against the
 * output schema by the SDK) plus the same information as readable text, for clients that show
 * only text to the model.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { listCalls } from '../api/call-listing.js';
import { UnknownScopeError } from '../search/interpret/call-scope.js';
import type { CallRef, PassageView, Speaker } from '../api/schemas.js';
import type { SearchEngine } from '../search/engine.js';
import { UnknownSpeakerError } from '../search/interpret/query-plan.js';
import type { GetPassageInput, GetPassageOutput, ListCallsInput, ListCallsOutput, SearchTranscriptsInput, SearchTranscriptsOutput } from './schemas.js';

type Out<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.output<T[K]> };
/** A tool's arguments as the SDK hands them over (optional fields optional). */
type In<T extends z.ZodRawShape> = z.output<z.ZodObject<T>>;

const SECTION = { prepared_remarks: 'prepared remarks', qa: 'Q&A' } as const;

/** A tool failure the model can act on (isError results are shown to it, unlike protocol errors). */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

function callRef(c: CallRef) {
  return { id: c.id, company: c.company, quarter: c.quarter, date: c.date };
}

const who = (s: Speaker) => ({ name: s.name, title: s.title, firm: s.firm, side: s.side });
const role = (s: Speaker) => s.title ?? s.firm ?? s.side;
const callLabel = (c: ReturnType<typeof callRef>) => [c.company, c.quarter, c.date].filter(Boolean).join(' ');

export async function searchTranscripts(engine: SearchEngine, input: In<typeof SearchTranscriptsInput>): Promise<CallToolResult> {
  let response;
  try {
    response = await engine.search({
      q: input.query,
      k: input.k,
      speaker: input.speaker,
      side: input.side,
      section: input.section,
      company: input.company,
      quarter: input.quarter,
      year: input.year,
      call: input.call,
    });
  } catch (err) {
    if (err instanceof UnknownSpeakerError) return toolError(`${err.message}. Call list_calls to see who is on each call, or leave speaker out.`);
    if (err instanceof UnknownScopeError) return toolError(`${err.message}. Call list_calls to see the companies and quarters in the library.`);
    throw err;
  }
  const structured: Out<typeof SearchTranscriptsOutput> = {
    query: response.query,
    answer: response.answer
      ? {
          text: response.answer.text,
          speaker: response.answer.speaker.name,
          passage_id: response.answer.passage_id,
          citation: response.results.find((r) => r.id === response.answer!.passage_id)?.citation ?? '',
        }
      : null,
    notice: response.notice,
    results: response.results.map((r) => ({
      rank: r.rank,
      passage_id: r.id,
      call: callRef(r.call),
      speaker: who(r.speaker),
      section: r.section,
      // The API's weak flag is the relevance cut: a weak result's sentence is no answer (the page shows it unhighlighted).
      relevance: r.weak ? 'weak' : r.relevance.label,
      answer_sentence: r.answer.text,
      citation: r.citation,
      text: r.text,
      score: r.score,
    })),
  };

  const lines: string[] = [];
  if (structured.notice) lines.push(`Note: ${structured.notice}`);
  if (structured.answer) lines.push(`Best answer: ${structured.answer.citation}`);
  else if (structured.results.length) lines.push('No passage is clearly about this; the closest passages follow.');
  if (!structured.results.length) lines.push('No passages matched.');
  for (const r of structured.results) {
    const weak = r.relevance === 'weak';
    // No answer is claimed of a weaker match, nor of any result when nothing is clearly about the query.
    const answers = structured.answer !== null && !weak;
    lines.push(
      '',
      `${r.rank}. ${r.speaker.name} (${role(r.speaker as Speaker)}) — ${callLabel(r.call)} earnings call, ${SECTION[r.section]} — passage ${r.passage_id}${weak ? ' — weaker match' : ''}`,
      answers ? `   Answer: ${r.answer_sentence}` : `   Closest sentence (not an answer): ${r.answer_sentence}`,
      `   Cite: ${r.citation}`,
      `   Passage: ${r.text}`,
    );
  }
  return { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: structured };
}

export function getPassage(engine: SearchEngine, input: In<typeof GetPassageInput>): CallToolResult {
  const found = engine.passage(input.passage_id);
  if (!found) return toolError(`There is no passage "${input.passage_id.slice(0, 100)}". Use an id exactly as search_transcripts returned it.`);
  const brief = (p: PassageView) => ({ passage_id: p.id, speaker: p.speaker.name, text: p.text });
  const p = found.passage;
  const analyst = found.links.analyst;
  const structured: Out<typeof GetPassageOutput> = {
    passage: { passage_id: p.id, call: callRef(found.call), speaker: who(p.speaker), section: p.section, role: p.role, exchange: p.exchange, text: p.text },
    before: found.before.map(brief),
    after: found.after.map(brief),
    qa: { question: found.links.question, answers: found.links.answers, analyst: analyst ? [analyst.name, analyst.firm].filter(Boolean).join(', ') : null },
  };
  const s = structured.passage;
  const lines = [
    `${s.speaker.name} (${role(p.speaker)}) — ${callLabel(s.call)} earnings call, ${SECTION[s.section]}${s.exchange !== null ? `, exchange ${s.exchange}` : ''}, ${s.role} — passage ${s.passage_id}`,
    s.text,
  ];
  if (structured.before.length) lines.push('', 'Before:', ...structured.before.map((b) => `- [${b.passage_id}] ${b.speaker}: ${b.text}`));
  if (structured.after.length) lines.push('', 'After:', ...structured.after.map((b) => `- [${b.passage_id}] ${b.speaker}: ${b.text}`));
  if (structured.qa.question || structured.qa.answers.length) {
    lines.push('', `Q&A exchange: question ${structured.qa.question ?? 'unknown'}${structured.qa.analyst ? ` (asked by ${structured.qa.analyst})` : ''}; answers ${structured.qa.answers.join(', ') || 'none'}`);
  }
  return { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: structured };
}

export function listCallsTool(engine: SearchEngine, input: In<typeof ListCallsInput> = {}): CallToolResult {
  let calls;
  try {
    calls = engine.callList({ company: input.company, year: input.year }).calls;
  } catch (err) {
    if (err instanceof UnknownScopeError) return toolError(`${err.message}. Call list_calls without company to see every call.`);
    throw err;
  }
  const structured: Out<typeof ListCallsOutput> = { calls: listCalls(calls) };
  const text = structured.calls.length
    ? structured.calls.map((c) => `- ${c.id}: ${c.company}${c.ticker ? ` (${c.ticker})` : ''}, ${c.quarter ?? 'quarter unknown'}, ${c.date ?? 'date unknown'}, ${c.passages} passages`).join('\n')
    : input.company !== undefined || input.year !== undefined
      ? 'No call of the library matches these filters.'
      : 'The library has no calls.';
  return { content: [{ type: 'text', text }], structuredContent: structured };
}
