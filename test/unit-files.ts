/**
 * Test files of pure code: no model, no index on disk, no server, browser or child process, no
 * mocks or spies. vitest runs them one after another in a single worker thread that keeps its
 * loaded modules (the "unit" project in vitest.config.ts), which saves each one the start of a
 * process and a fresh import of the parser, tokenizer and search modules. Every other test file
 * gets a process of its own ("integration"). test/unit-files.test.ts checks what these files import.
 * Paths from the repository root.
 */
export const UNIT_FILES: readonly string[] = [
  'test/api/citation.test.ts',
  'test/architecture.test.ts',
  'test/cli/ask-format.test.ts',
  'test/e2e/page-format.test.ts',
  'test/eval/evaluate.test.ts',
  'test/eval/gold.test.ts',
  'test/index/bounded-cache.test.ts',
  'test/index/lexical.test.ts',
  'test/library/read-source.test.ts',
  'test/library/stored-call.test.ts',
  'test/model/tokenize-pool.test.ts',
  'test/passages/chunk.test.ts',
  'test/passages/sentences.test.ts',
  'test/passages/token-count.test.ts',
  'test/passages/word-count.test.ts',
  'test/search/exchange-answers.test.ts',
  'test/search/figures.test.ts',
  'test/search/fuse.test.ts',
  'test/search/result-order.test.ts',
  'test/search/turn-cards.test.ts',
  'test/search/typed-terms.test.ts',
  'test/search/retrieve/brand.test.ts',
  'test/search/retrieve/dense-oversample.test.ts',
  'test/search/interpret/company-names.test.ts',
  'test/search/interpret/said-phrases.test.ts',
  'test/search/interpret/interpret-query.test.ts',
  'test/search/interpret/library-scope.test.ts',
  'test/search/interpret/speaker-aliases.test.ts',
  'test/search/interpret/timing-question.test.ts',
  'test/search/interpret/understanding.test.ts',
  'test/search/interpret/yes-no-question.test.ts',
  'test/search/sentence-facts.test.ts',
  'test/transcript/datasets.test.ts',
  'test/transcript/detect.test.ts',
  'test/transcript/folder-extensions.test.ts',
  'test/transcript/header-meta.test.ts',
  'test/transcript/hostile.test.ts',
  'test/transcript/html-text.test.ts',
  'test/transcript/investor-site.test.ts',
  'test/transcript/legal-forms.test.ts',
  'test/transcript/layouts.contract.test.ts',
  'test/transcript/line-break-hyphens.test.ts',
  'test/transcript/markdown.test.ts',
  'test/transcript/name-occurrences.test.ts',
  'test/transcript/never-wrong-speaker.test.ts',
  'test/transcript/numbered-speakers.test.ts',
  'test/transcript/parse.test.ts',
  'test/transcript/reported-period.test.ts',
  'test/transcript/safe-harbor-name.test.ts',
  'test/transcript/self-introduction.test.ts',
  'test/transcript/ticker-name.test.ts',
  'test/transcript/structure.test.ts',
  'test/unit-files.test.ts',
];

/**
 * Pure by the rules above, yet left to the integration forks: they load a native or heavy
 * package (hnswlib's graph files, an ONNX conversion, PDF rendering and reading) whose state or
 * seconds of work should not ride along the shared thread; or (complexity, also in OWN_PROCESS)
 * they count the work of code that V8 must compile after counting starts, which in the shared
 * thread it already has.
 */
export const KEPT_APART: readonly string[] = [
  'test/transcript/complexity.test.ts',
  'test/index/graph-file.test.ts',
  'test/model/convert.test.ts',
  'test/transcript/documents-hostile.test.ts',
  'test/transcript/documents.contract.test.ts',
];

/**
 * The integration files share two processes and their loaded modules (vitest.config.ts). These
 * cannot, and each runs in a fresh process of its own (a vitest project of one file):
 * - complexity counts the work of src/ code through V8 block coverage, which only functions
 *   compiled after counting starts get (test/transcript/growth.ts): an earlier file in the same
 *   process has compiled them;
 * - embedder-missing mocks model-files.js (vi.mock) and imports the embedder afresh: in a shared
 *   process the embedder is already loaded with the real model folder, and the mock would stay
 *   registered for the files after it.
 * test/unit-files.test.ts checks that every file that mocks a module or measures growth is here.
 */
export const OWN_PROCESS: readonly string[] = ['test/transcript/complexity.test.ts', 'test/model/embedder-missing.test.ts'];
