/**
 * Picks the layout of a file and says why; refuses a file that fits none, naming the line where
 * the closest layout stopped fitting.
 */
import { TranscriptFormatError } from './format-error.js';
import { asrTokensLayout } from './layouts/asr-tokens.js';
import { csvLayout } from './layouts/csv.js';
import { dashHeaderLayout } from './layouts/dash-header.js';
import type { SourceDoc, TranscriptLayout } from './layouts/layout.js';
import { nameColonLayout } from './layouts/name-colon.js';
import { speechJsonLayout } from './layouts/speech-json.js';
import { srtLayout } from './layouts/srt.js';
import { standardLayout } from './layouts/standard.js';
import { webvttLayout } from './layouts/webvtt.js';
import type { LayoutName } from './types.js';

export interface Detection {
  layout: LayoutName;
  score: number;
  reasons: string[];
}

/** Every layout, in the order ties are broken. */
export const LAYOUTS: readonly TranscriptLayout[] = [webvttLayout, srtLayout, speechJsonLayout, csvLayout, asrTokensLayout, standardLayout, dashHeaderLayout, nameColonLayout];

/** Which layout explains a refusal when none fits at all: the everyday text layout first. */
const EXPLAIN_ORDER: readonly LayoutName[] = ['standard', 'dash-header', 'name-colon', 'webvtt', 'srt', 'speech-json', 'csv', 'asr-tokens'];

/** Lowest score a layout needs to be chosen. */
export const MIN_LAYOUT_SCORE = 0.5;

/** The best-fitting layout for a document, with every layout's score in the reasons. */
export function detectLayout(doc: SourceDoc): { layout: TranscriptLayout; detection: Detection } {
  const fits = LAYOUTS.map((layout) => ({ layout, fit: layout.detect(doc) }));
  let best = fits[0] as (typeof fits)[number];
  for (const f of fits) if (f.fit.score > best.fit.score) best = f;
  if (best.fit.score < MIN_LAYOUT_SCORE) {
    const mismatches = fits.filter((f) => f.fit.mismatch !== null);
    // The layout that got furthest into the file explains the refusal.
    const closest = mismatches.sort((a, b) => b.fit.score - a.fit.score || EXPLAIN_ORDER.indexOf(a.layout.name) - EXPLAIN_ORDER.indexOf(b.layout.name))[0];
    const m = closest?.fit.mismatch ?? { line: 1, expected: 'a transcript layout', lineText: null };
    const scores = fits.map((f) => `${f.layout.name} ${f.fit.score.toFixed(2)}`).join(', ');
    throw new TranscriptFormatError(
      m.line,
      `not in any supported layout (closest: ${closest?.layout.name ?? 'none'}, expected ${m.expected}${m.lineText !== null ? `, found "${m.lineText.slice(0, 80)}"` : ''}; scores: ${scores})`,
      { lineText: m.lineText },
    );
  }
  const others = fits.filter((f) => f !== best && f.fit.score > 0).map((f) => `${f.layout.name} scored ${f.fit.score.toFixed(2)}`);
  return {
    layout: best.layout,
    detection: { layout: best.layout.name, score: Number(best.fit.score.toFixed(2)), reasons: [...best.fit.reasons, ...others] },
  };
}
