/** The binary's entry (bin/transcript-search.js): the program of program.ts, run with the process's arguments. */
import { createProgram } from './program.js';
import { runCommand } from './run-command.js';

runCommand(createProgram());
