import { hasTerm, lexicalTokens } from '../index/lexical-tokens.js';

/**
 * Answer-type matching for quantity questions. "How many satellites…" is answered by a
 * sentence with a figure next to "satellites" ("We've launched 180 satellites"), not by
 * one that merely mentions satellites near other numbers.
 */

/** Content tokens this close to a figure count as what the figure measures ("180 satellites", "revenue was $213.4 billion"). */
export const FIGURE_WINDOW = 3;

const HOW_MANY = /\bhow\s+(?:many|much)\s+((?:[\p{L}\p{N}'-]+\s*){1,4})/iu;
const FIGURE_QUESTION =
  /\b(how\s+(many|much|fast|big|large|high|low|quickly)|what\s+(percent|percentage|share|number|amount)|by\s+how\s+much|what\s+(was|were|is|are|will\s+be)\s+(the\s+)?([\w-]+\s+){0,3}(revenue|revenues|sales|income|margin|margins|growth|rate|cash\s+flow|capex|spend|spending|guidance|backlog|cost|costs|expense|expenses|price|eps|units))\b/i;

const isFigure = (token: string) => /^\d/.test(token);

/**
 * null: not a quantity question. []: a quantity question with no particular noun.
 * Otherwise the stems of what is being counted ("how many new Whole Foods stores" → new, whole, food, store).
 */
export function figureTermsOf(query: string): string[] | null {
  if (!FIGURE_QUESTION.test(query)) return null;
  const m = HOW_MANY.exec(query);
  if (!m) return [];
  // Stop at the verb: "how many satellites has Amazon launched" counts satellites.
  const words = m[1]!.split(/\s+/);
  const verb = words.findIndex((w) => /^(has|have|had|is|are|was|were|did|does|do|will|would|can|could|of|in|for)$/i.test(w));
  return lexicalTokens(words.slice(0, verb < 0 ? words.length : verb).join(' '));
}

/** Stems within FIGURE_WINDOW tokens of a figure in the sentence (precomputed per sentence at load). */
export function termsNearFigures(sentence: string): Set<string> {
  const tokens = lexicalTokens(sentence);
  const near = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isFigure(t)) return;
    for (let j = Math.max(0, i - FIGURE_WINDOW); j <= Math.min(tokens.length - 1, i + FIGURE_WINDOW); j++) {
      if (!isFigure(tokens[j]!)) near.add(tokens[j]!);
    }
  });
  return near;
}

/** Does this sentence state the kind of figure asked for? */
export function answersFigure(figureTerms: readonly string[], near: ReadonlySet<string>, hasFigure: boolean): boolean {
  if (!hasFigure) return false;
  return figureTerms.length === 0 || figureTerms.some((t) => hasTerm(near, t));
}
