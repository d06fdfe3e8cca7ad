import { lexicalTokens } from '../../index/lexical-tokens.js';

/**
 * Does the question ask for a quantity, and of what? "How many satellites…" is answered by a
 * sentence with a figure next to "satellites" (see sentences/figures.ts for the sentence side).
 */

const HOW_MANY = /\bhow\s+(?:many|much)\s+((?:[\p{L}\p{N}'-]+\s*){1,4})/iu;
const FIGURE_QUESTION =
  /\b(how\s+(many|much|fast|big|large|high|low|quickly)|what\s+(percent|percentage|share|number|amount)|by\s+how\s+much|what\s+(was|were|is|are|will\s+be)\s+(the\s+)?([\w-]+\s+){0,3}(revenue|revenues|sales|income|margin|margins|growth|rate|cash\s+flow|capex|spend|spending|guidance|backlog|cost|costs|expense|expenses|price|eps|units))\b/i;

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
