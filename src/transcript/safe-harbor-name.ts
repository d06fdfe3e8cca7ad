/**
 * The company a call's forward-looking-statements notice names ("Embraer undertakes no obligation
 * to update…", "Halden Wind has based these forward-looking statements on…"): read out near the
 * start of almost every results call, and often the only place an unlabelled recording says the
 * company's name.
 */
import { spokenCompanyName } from './header-meta.js';

/** The notice's verb. Found first: a pattern that starts with the name would be tried at every position of the opening. */
const NOTICE_VERB = /\b(?:undertakes|assumes|disclaims)\s+no\s+(?:obligation|duty|responsibility)|\bhas\s+based\s+(?:these|this|its|the)\s+forward[-\s]looking/g;
/** Up to four capitalised words (whole words: not the "K" of "10-K") ending right where the verb starts. */
const NAME_BEFORE = /(?<![\p{L}\p{N}&'’.-])(?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){1,4}$/u;
/** Enough of the text before the verb to hold four words of a name. */
const LOOK_BACK = 160;
/** What a notice says in place of a name, and the connectives a sentence may open with before it ("However, Halden…"). */
const NOT_A_NAME = new Set([
  'company', 'corporation', 'group', 'management', 'we', 'it', 'neither', 'nor', 'the', 'and', 'such',
  'however', 'therefore', 'again', 'also', 'finally', 'accordingly', 'additionally', 'furthermore', 'moreover', 'thus', 'so', 'but',
]);

/** The companies forward-looking-statement notices in `text` (a call's opening) name, in order, without repeats. */
export function safeHarborCompanies(text: string): string[] {
  const names: string[] = [];
  for (const verb of text.matchAll(NOTICE_VERB)) {
    const run = NAME_BEFORE.exec(text.slice(Math.max(0, verb.index - LOOK_BACK), verb.index));
    if (!run) continue;
    let words = run[0].trim().split(/\s+/);
    // A sentence ended inside the run ("…and Exchange Commission. Nexstar undertakes…"): the name is after it.
    for (let i = words.length - 2; i >= 0; i--) {
      if (/[a-z]{2}\.$/.test(words[i]!)) {
        words = words.slice(i + 1);
        break;
      }
    }
    // A sentence may open with a connective before the name ("However Halden undertakes…").
    while (words.length > 0 && NOT_A_NAME.has(words[0]!.toLowerCase())) words.shift();
    const name = words.length > 0 && !words.every((w) => NOT_A_NAME.has(w.toLowerCase())) ? spokenCompanyName(words.join(' ')) : null;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
