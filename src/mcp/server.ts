/**
 * The Model Context Protocol server: the search as three tools an LLM agent can call. The
 * descriptions are written for the model — what each tool is for, when to use it, what comes
 * back and how to cite it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SearchEngine } from '../search/engine.js';
import { GetPassageInput, GetPassageOutput, ListCallsInput, ListCallsOutput, SearchTranscriptsInput, SearchTranscriptsOutput } from './schemas.js';
import { getPassage, listCallsTool, searchTranscripts } from './tools.js';

export interface McpServerDeps {
  /** Resolves once the model and index are loaded (tools called earlier wait for it). */
  engine: () => Promise<SearchEngine>;
  version: string;
}

const SEARCH_DESCRIPTION = [
  'Search earnings-call transcripts (prepared remarks and analyst Q&A) by meaning, not just keywords.',
  'Use it to find what executives or analysts said about a topic, who asked about something, or what a named person said.',
  'Returns ranked passages; each has the speaker (name, title or firm, company side or analyst), the call (company, quarter, date),',
  'the sentence that best answers the query, a ready-to-paste citation, the full passage text and a passage_id for get_passage.',
  'Quote only the returned text and attribute it with the citation; if answer is null, nothing on the calls is clearly about the query — say so rather than guess.',
].join(' ');

const PASSAGE_DESCRIPTION = [
  'Read one passage of a call in context: its full text, speaker and call, the passages just before and after,',
  'and for Q&A passages the analyst question and the management answers of that exchange (as passage ids you can fetch in turn).',
  'Use it after search_transcripts to check what a quote answers or to read the rest of an answer.',
].join(' ');

const LIST_DESCRIPTION =
  'List the earnings calls that can be searched: call id, company, ticker, quarter, date and how many passages each has. Use it to learn which companies and periods are covered before searching.';

/**
 * Each tool's input is a strict object: an argument the tool does not take ("year" or "call" when
 * it took neither) is refused with its name, as the API refuses an unknown parameter, rather than
 * dropped — a dropped filter answers from every call as if it had been applied.
 */
export function createMcpServer(deps: McpServerDeps): McpServer {
  const server = new McpServer({ name: 'transcript-search', version: deps.version });
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  server.registerTool(
    'search_transcripts',
    { title: 'Search earnings-call transcripts', description: SEARCH_DESCRIPTION, inputSchema: z.strictObject(SearchTranscriptsInput), outputSchema: SearchTranscriptsOutput, annotations: readOnly },
    async (input) => searchTranscripts(await deps.engine(), input),
  );
  server.registerTool(
    'get_passage',
    { title: 'Read a passage in context', description: PASSAGE_DESCRIPTION, inputSchema: z.strictObject(GetPassageInput), outputSchema: GetPassageOutput, annotations: readOnly },
    async (input) => getPassage(await deps.engine(), input),
  );
  server.registerTool(
    'list_calls',
    { title: 'List the calls in the library', description: LIST_DESCRIPTION, inputSchema: z.strictObject(ListCallsInput), outputSchema: ListCallsOutput, annotations: readOnly },
    async (input) => listCallsTool(await deps.engine(), input),
  );
  return server;
}
