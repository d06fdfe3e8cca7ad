import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR } from '../index/layout.js';
import { REPO_ROOT } from '../model/model-files.js';
import type { SearchService } from '../service/open-service.js';
import { weightsOption, type WeightsChoice } from './weights.js';

interface McpOptions extends WeightsChoice {
  indexDir: string;
  library: string;
}

async function runMcpServer(opts: McpOptions): Promise<void> {
  // stdout is the protocol channel: anything else printed there would corrupt it.
  console.log = console.error;
  console.info = console.error;
  const [{ StdioServerTransport }, { createMcpServer }, { openCliService }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('../mcp/server.js'),
    import('./open-cli-service.js'),
  ]);
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  // The protocol handshake does not wait for the model and index: tools called before they are
  // ready wait for them (a first start builds the index, with progress on stderr).
  const opening: Promise<SearchService> = openCliService({ indexDir: opts.indexDir, library: opts.library, weights: opts });
  opening.catch((err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
  const server = createMcpServer({ engine: async () => (await opening).engine, version });
  const transport = new StdioServerTransport();
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => {});
    await (await opening.catch(() => null))?.close();
    process.exit(0);
  };
  // The client ends the session by closing our stdin (or with a signal).
  process.stdin.on('end', () => void close());
  process.on('SIGTERM', () => void close());
  process.on('SIGINT', () => void close());
  await server.connect(transport);
  process.stderr.write(`transcript-search MCP server ${version} on stdio\n`);
}

export function createMcpCommand(): Command {
  const command = new Command('mcp')
    .description('Serve the search to LLM agents over the Model Context Protocol (stdio): tools search_transcripts, get_passage, list_calls.')
    .option('--index-dir <dir>', 'index to search (built there first if missing or stale)', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR);
  return weightsOption(command).action((opts: McpOptions) => runMcpServer(opts));
}
