/**
 * The "unit" project (test/unit-files.ts) shares one worker thread and its loaded modules between
 * files, so a file in it must not reach the model, an index service, a server, a browser or a
 * child process, nor mock or spy on anything: state of that kind would carry over into the next
 * file. Read from the source text, following relative imports through test/ and src/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/model/model-files.js';
import { KEPT_APART, OWN_PROCESS, UNIT_FILES } from './unit-files.js';

/** Modules that load the model, open an index service, serve, drive a browser or spawn processes. */
const FORBIDDEN_MODULES = [
  /^src\/model\/(embedder|model-process)\.ts$/,
  /^src\/(service|server|mcp)\//,
  /^test\/helpers\/(service|server|browser|page-session|real-embedder)\.ts$/,
  /^test\/cli\/run-cli\.ts$/,
  /^test\/hardening\//,
];
const FORBIDDEN_PACKAGES = ['node:child_process', 'child_process', 'node:cluster', 'playwright-core', 'supertest'];
/** State a test may leave behind in a shared worker. */
const FORBIDDEN_CALLS = /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|process\.chdir\(|process\.env\.\w+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]/;

/** Static imports only: what a module loads as it is imported (a dynamic import runs only on the path that calls it). */
const SPECIFIER = /(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

/** Every module a file reaches through relative static imports (itself included), and the packages they import. */
function closure(entry: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiers(file)) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
        if (existsSync(target)) visit(target);
      }
    }
  };
  visit(path.join(REPO_ROOT, entry));
  return { modules: [...seen].map((f) => path.relative(REPO_ROOT, f)), packages: [...packages] };
}

/** The forbidden modules and packages a file reaches. */
function reachedForbidden(file: string): string[] {
  const { modules, packages } = closure(file);
  return [...modules.filter((m) => FORBIDDEN_MODULES.some((re) => re.test(m))), ...packages.filter((p) => FORBIDDEN_PACKAGES.includes(p))];
}

/** The lines of a file that mock, spy or change global state. */
function globalChanges(file: string): string[] {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => FORBIDDEN_CALLS.test(line));
}

/** Every test file under a folder, relative to the repository root. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(REPO_ROOT, full)] : [];
  });
}

describe('unit test files share a worker safely', () => {
  it('every listed file exists, once', () => {
    expect(UNIT_FILES.filter((f) => !f.endsWith('.test.ts') || !existsSync(path.join(REPO_ROOT, f)))).toEqual([]);
    expect(new Set(UNIT_FILES).size).toBe(UNIT_FILES.length);
  });

  it.each(UNIT_FILES.map((f) => [f]))('%s reaches no model, service, server, browser or child process', (file) => {
    expect(reachedForbidden(file)).toEqual([]);
  });

  it.each(UNIT_FILES.map((f) => [f]))('%s mocks, spies on and changes nothing global', (file) => {
    expect(globalChanges(file)).toEqual([]);
  });

  it('every other test file that could share the worker does, unless it is kept apart by name', () => {
    // A pure file left to the forks costs a process start and a fresh import of its modules.
    const listed = new Set([...UNIT_FILES, ...KEPT_APART]);
    const pure = testFiles(path.join(REPO_ROOT, 'test')).filter((f) => !listed.has(f) && reachedForbidden(f).length === 0 && globalChanges(f).length === 0);
    expect(pure).toEqual([]);
  });

  it('a file kept apart exists and is not also listed', () => {
    expect(KEPT_APART.filter((f) => !existsSync(path.join(REPO_ROOT, f)) || UNIT_FILES.includes(f))).toEqual([]);
  });

  it('a file that mocks a module or measures growth runs in a process of its own', () => {
    // The integration forks share loaded modules between files: a module mock would reach the
    // files after it, and code compiled by an earlier file is not counted by growth.ts.
    const needs = testFiles(path.join(REPO_ROOT, 'test')).filter((f) => /\bvi\.(mock|doMock)\(|from '\.\/growth\.js'/.test(readFileSync(path.join(REPO_ROOT, f), 'utf8')));
    expect(needs.filter((f) => !OWN_PROCESS.includes(f))).toEqual([]);
    expect(OWN_PROCESS.filter((f) => !existsSync(path.join(REPO_ROOT, f)) || UNIT_FILES.includes(f))).toEqual([]);
  });
});
