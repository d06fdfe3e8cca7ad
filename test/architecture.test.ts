/**
 * The shape of src/: folders follow the data flow and no import runs back up it, and no module
 * imports itself through others. Read from the source text, so a change that breaks the shape fails
 * here rather than in review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/model/model-files.js';

const SRC = path.join(REPO_ROOT, 'src');
/** The flow, upstream first: a folder may import from its own rank or below, never from above. */
const RANK: Record<string, number> = {
  transcript: 0,
  passages: 1,
  library: 2,
  model: 3,
  index: 4,
  api: 5,
  search: 6,
  eval: 7,
  service: 8,
  server: 9,
  mcp: 9,
  cli: 10,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g;
const graph = new Map<string, string[]>(
  sources(SRC).map((file) => [
    file,
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts')),
  ]),
);
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

describe('src/ follows the data flow', () => {
  it('every folder has a place in the flow', () => {
    expect([...new Set([...graph.keys()].map(folderOf))].filter((f) => !(f in RANK))).toEqual([]);
  });

  it('no import runs back up the flow', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        if (RANK[folderOf(dep)]! > RANK[folderOf(file)]!) upward.push(`${path.relative(SRC, file)} → ${path.relative(SRC, dep)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].map((f) => path.relative(SRC, f)).join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
