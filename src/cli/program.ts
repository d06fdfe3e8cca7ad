/**
 * `transcript-search`: one binary, one subcommand per job. Each subcommand module exports
 * `create<Name>Command()` and loads its heavy dependencies (model, index, server) only when run,
 * so `--help` and input errors answer at once and `serve` starts the model first.
 * Apart from main.ts (which runs it) so that tests can run a command in-process.
 */
import { Command } from 'commander';
import { createAskCommand } from './ask.js';
import { createBenchCommand } from './bench.js';
import { createBuildIndexCommand } from './build-index.js';
import { createCallsCommand } from './calls.js';
import { createEvalCommand } from './eval.js';
import { createImportCommand } from './import.js';
import { createMcpCommand } from './mcp.js';
import { createServeCommand } from './serve.js';

export function createProgram(): Command {
  const program = new Command('transcript-search')
    .description('Semantic search and question answering over earnings-call transcripts, on this machine.')
    .addCommand(createServeCommand())
    .addCommand(createAskCommand())
    .addCommand(createCallsCommand())
    .addCommand(createImportCommand())
    .addCommand(createBuildIndexCommand())
    .addCommand(createEvalCommand())
    .addCommand(createBenchCommand())
    .addCommand(createMcpCommand());
  return program;
}
