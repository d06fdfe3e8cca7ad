/**
 * `transcript-search mcp` as an MCP client sees it: the SDK's own client starts the real binary
 * over stdio (real model, the shared test index), lists the tools and calls each one. Results
 * must be attributed (speaker, role, call, citation, passage id), as text and as structured
 * content that matches the advertised output schema; bad input is a tool error the model can
 * read, never a crash of the server.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { cliEnv } from '../cli/run-cli.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';
import { testService } from '../helpers/service.js';

let client: Client;
let transport: StdioClientTransport;
let stderr = '';

beforeAll(async () => {
  transport = new StdioClientTransport({
    command: process.execPath,
    args: ['bin/transcript-search.js', 'mcp', '--index-dir', TEST_INDEX_DIR],
    cwd: REPO_ROOT,
    env: cliEnv() as Record<string, string>,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  client = new Client({ name: 'transcript-search-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
});

interface SearchOut {
  query: string;
  answer: { text: string; speaker: string; passage_id: string; citation: string } | null;
  notice: string | null;
  results: {
    rank: number;
    passage_id: string;
    call: { id: string; company: string; quarter: string | null; date: string | null };
    speaker: { name: string; title: string | null; firm: string | null; side: string };
    section: string;
    relevance: 'strong' | 'related' | 'weak';
    answer_sentence: string;
    citation: string;
    text: string;
    score: number;
  }[];
}

const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

describe('transcript-search mcp (stdio)', () => {
  it('lists its three tools, each described for a model and with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_passage', 'list_calls', 'search_transcripts']);
    for (const t of tools) {
      expect(t.description?.length, t.name).toBeGreaterThan(80);
      expect(t.outputSchema, t.name).toBeDefined();
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const search = tools.find((t) => t.name === 'search_transcripts')!;
    expect(Object.keys(search.inputSchema.properties ?? {}).sort()).toEqual(['call', 'company', 'k', 'quarter', 'section', 'side', 'query', 'speaker', 'year'].sort());
    // An argument a tool does not take is refused, never dropped (a dropped filter searches every call).
    for (const t of tools) expect(t.inputSchema.additionalProperties, t.name).toBe(false);
    expect(Object.keys(tools.find((t) => t.name === 'list_calls')!.inputSchema.properties ?? {}).sort()).toEqual(['company', 'year']);
    expect(search.inputSchema.required).toEqual(['query']);
    expect(search.description).toMatch(/citation/);
  });

  it('search_transcripts: ranked passages attributed to speaker, role and call, with answer sentence, citation and passage id', async () => {
    const res = await call('search_transcripts', { query: 'what did Jassy say about Trainium', k: 3 });
    expect(res.isError).toBeFalsy();
    const out = res.structuredContent as unknown as SearchOut;
    expect(out.results).toHaveLength(3);
    expect(out.results.map((r) => r.rank)).toEqual([1, 2, 3]);
    const top = out.results[0]!;
    expect(top.speaker).toMatchObject({ name: 'Andrew Jassy', title: 'President, CEO & Director', side: 'company' });
    expect(top.call).toMatchObject({ id: 'amzn-q4-2025', quarter: 'Q4 2025', date: '2026-02-05' });
    expect(top.call.company).toMatch(/Amazon/);
    expect(top.text).toContain(top.answer_sentence.trim());
    expect(top.answer_sentence).toMatch(/Trainium/);
    expect(top.citation).toMatch(/^".+" — Andrew Jassy, President, CEO & Director, Amazon.* Q4 2025 earnings call, February 5, 2026$/);
    expect(top.passage_id).toMatch(/^amzn-q4-2025[:@]\d+$/);
    expect(out.answer?.citation).toBe(top.citation);
    // The text content carries the same attribution for clients that show only text.
    const text = textOf(res);
    expect(text).toContain(top.citation);
    expect(text).toContain(top.passage_id);
    expect(text).not.toMatch(/not applied/);
  });

  it("search_transcripts says which results are weaker matches, and claims no answer of them, nor of any result when nothing is about the query", async () => {
    const res = await call('search_transcripts', { query: 'what did Jassy say about Trainium', k: 12 });
    const out = res.structuredContent as unknown as SearchOut;
    // The API's answer to the same search, over the same index.
    const api = await (await testService()).engine.search({ q: 'what did Jassy say about Trainium', k: 12 });
    expect(out.results.map((r) => r.relevance === 'weak')).toEqual(api.results.map((r) => r.weak));
    const weak = out.results.filter((r) => r.relevance === 'weak');
    expect(weak.length).toBeGreaterThan(0);
    const text = textOf(res);
    for (const r of out.results) {
      const line = text.split('\n').find((l) => l.includes(`passage ${r.passage_id}`))!;
      expect(line.endsWith(' — weaker match')).toBe(r.relevance === 'weak');
    }
    expect(text.match(/^ {3}Answer: /gm)).toHaveLength(out.results.length - weak.length);
    // Nothing about the query: the closest passages, none of them called an answer.
    const off = await call('search_transcripts', { query: 'what did Jassy say about dinosaurs', k: 3 });
    expect((off.structuredContent as unknown as SearchOut).answer).toBeNull();
    expect(textOf(off)).not.toMatch(/^ {3}Answer: /m);
    expect(textOf(off)).toMatch(/^ {3}Closest sentence \(not an answer\): /m);
  });

  it('speaker, section, company and quarter filters apply; an unknown company is a tool error listing the known ones', async () => {
    const res = await call('search_transcripts', { query: 'AWS operating margin', speaker: 'Olsavsky', section: 'qa', company: 'Amazon', quarter: 'Q4 2025', k: 4 });
    expect(res.isError).toBeFalsy();
    const out = res.structuredContent as unknown as SearchOut;
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) expect([r.speaker.name, r.section]).toEqual(['Brian Olsavsky', 'qa']);
    for (const r of out.results) expect(r.call).toMatchObject({ id: 'amzn-q4-2025', quarter: 'Q4 2025' });
    const unknown = await call('search_transcripts', { query: 'AWS operating margin', company: 'Initech' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/no company matches "Initech".*Amazon\.com, Inc\./);
    const otherQuarter = await call('search_transcripts', { query: 'AWS operating margin', quarter: 'Q3 2019' });
    expect(otherQuarter.isError).toBeFalsy();
    expect((otherQuarter.structuredContent as unknown as SearchOut).results).toEqual([]);
  });

  it('call, year and side filters apply as the API\'s; an unknown call is a tool error listing the known ones', async () => {
    const inCall = await call('search_transcripts', { query: 'AWS operating margin', call: 'amzn-q4-2025', year: 2025, side: 'company', k: 3 });
    expect(inCall.isError).toBeFalsy();
    const out = inCall.structuredContent as unknown as SearchOut;
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) expect([r.call.id, r.speaker.side]).toEqual(['amzn-q4-2025', 'company']);
    const otherYear = await call('search_transcripts', { query: 'AWS operating margin', year: 2019 });
    expect((otherYear.structuredContent as unknown as SearchOut).results).toEqual([]);
    const unknown = await call('search_transcripts', { query: 'AWS operating margin', call: 'initech-q1-2020' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/no call matches "initech-q1-2020".*amzn-q4-2025/);
  });

  it('get_passage: the passage with its neighbours and its Q&A exchange, as ids to follow', async () => {
    const search = (await call('search_transcripts', { query: 'who asked about Project Rainier', section: 'qa', k: 1 })).structuredContent as unknown as SearchOut;
    const id = search.results[0]!.passage_id;
    const res = await call('get_passage', { passage_id: id });
    expect(res.isError).toBeFalsy();
    const out = res.structuredContent as {
      passage: { passage_id: string; speaker: { name: string }; section: string; text: string; call: { id: string } };
      before: { passage_id: string }[];
      after: { passage_id: string }[];
      qa: { question: string | null; answers: string[]; analyst: string | null };
    };
    expect(out.passage.passage_id).toBe(id);
    expect(out.passage.text).toBe(search.results[0]!.text);
    expect(out.passage.call.id).toBe('amzn-q4-2025');
    expect(out.before.length + out.after.length).toBeGreaterThan(0);
    expect(out.qa.question).toEqual(expect.any(String));
    expect(out.qa.answers.length).toBeGreaterThan(0);
    expect(out.qa.analyst).toEqual(expect.any(String));
    // The ids it gives lead somewhere.
    const answer = await call('get_passage', { passage_id: out.qa.answers[0]! });
    expect(answer.isError).toBeFalsy();
    expect(textOf(res)).toContain(out.passage.speaker.name);
  });

  it('list_calls: every call with company, ticker, quarter, date and passages', async () => {
    const res = await call('list_calls');
    expect(res.isError).toBeFalsy();
    const out = res.structuredContent as { calls: { id: string; company: string; ticker: string | null; quarter: string | null; date: string | null; passages: number }[] };
    expect(out.calls).toHaveLength(1);
    expect(out.calls[0]).toMatchObject({ id: 'amzn-q4-2025', ticker: 'AMZN', quarter: 'Q4 2025', date: '2026-02-05' });
    expect(out.calls[0]!.passages).toBeGreaterThan(50);
    expect(textOf(res)).toContain('amzn-q4-2025');
    const filtered = await call('list_calls', { company: 'AMZN', year: 2025 });
    expect((filtered.structuredContent as typeof out).calls.map((c) => c.id)).toEqual(['amzn-q4-2025']);
    const none = await call('list_calls', { year: 2019 });
    expect((none.structuredContent as typeof out).calls).toEqual([]);
    expect(textOf(none)).toMatch(/No call/);
  });

  it.each([
    ['an empty query', 'search_transcripts', { query: '' }, /query|q must not be empty/],
    ['a query with nothing to search', 'search_transcripts', { query: '???' }, /nothing to search/],
    ['k out of range', 'search_transcripts', { query: 'AWS', k: 500 }, /k|50/],
    ['a bad section', 'search_transcripts', { query: 'AWS', section: 'intro' }, /section/],
    ['an unknown speaker', 'search_transcripts', { query: 'AWS', speaker: 'Nobody Atall' }, /Nobody Atall/],
    ['a missing query', 'search_transcripts', {}, /query/],
    ['an unknown passage id', 'get_passage', { passage_id: 'nope:99999' }, /no passage "nope:99999"/],
    ['an empty passage id', 'get_passage', { passage_id: '' }, /passage_id/],
    ['an argument the tool does not take', 'search_transcripts', { query: 'AWS', ticker: 'AMZN' }, /Unrecognized key.*ticker/],
    ['an argument list_calls does not take', 'list_calls', { quarter: 'Q4 2025' }, /Unrecognized key.*quarter/],
    ['an unknown company in list_calls', 'list_calls', { company: 'Initech' }, /no company matches "Initech"/],
  ])('%s → a tool error that says what is wrong; the server keeps serving', async (_name, tool, args, message) => {
    const res = await call(tool, args);
    expect(res.isError).toBe(true);
    expect(textOf(res)).toMatch(message);
    expect(textOf(res)).not.toMatch(/\n\s+at |\.ts:\d+/);
    const again = await call('list_calls');
    expect(again.isError).toBeFalsy();
  });

  it('an unknown tool is refused', async () => {
    const res = await client.callTool({ name: 'drop_tables', arguments: {} }).catch((err: Error) => ({ isError: true, content: [{ type: 'text', text: err.message }] }));
    expect(res.isError).toBe(true);
  });

  it('logs go to stderr only (stdout is the protocol)', () => {
    expect(stderr).toMatch(/MCP server/);
  });
});
