#!/usr/bin/env node
// The command-line entry point (package.json "bin"). It runs the bundle `npm install` builds
// (dist/bundle/, scripts/bundle.mjs) while that is current: a cold start without compiling or
// resolving a few hundred TypeScript modules. Once a source file has changed since (development),
// it runs the TypeScript sources through tsx instead (a runtime dependency): importing tsx
// registers its loader in this process, so signals reach the command itself (no wrapper process)
// and stdout carries only its output. TRANSCRIPT_SEARCH_SOURCES=1 always runs the sources.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_DIR, bundleStaleReason } from './bundle-status.js';

if (process.env.TRANSCRIPT_SEARCH_SOURCES !== '1' && bundleStaleReason() === null) {
  await import(pathToFileURL(path.join(BUNDLE_DIR, 'cli.js')).href);
} else {
  await import('tsx');
  await import('../src/cli/main.ts');
}
