#!/usr/bin/env node
// The command-line entry point (package.json "bin"). The CLI is TypeScript run through tsx (a
// runtime dependency, no build step): importing it registers its loader in this process, so
// signals reach the command itself (no wrapper process) and stdout carries only its output.
import 'tsx';

await import('../src/cli/main.ts');
