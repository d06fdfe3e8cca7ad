/**
 * The company an executive names when introducing themselves at the start of a call ("my name is
 * Ana Ruiz, I'm the CEO and co-founder of Brightwell", "I am the chief financial officer of Halden
 * Wind"): on calls with no operator and no welcome naming the company, often the only place its
 * name is said.
 */
import { COMPANY_WORDS, spokenCompanyName } from './header-meta.js';

const ROLE = String.raw`(?:CEO|CFO|COO|CTO|president|chair(?:man|woman|person)?|(?:co-?)?founder|chief\s+[a-z]+\s+officer|managing\s+director)`;
/** "I'm the CEO, co-founder of", "I am the president and chief executive officer of", "I'm CFO at". */
const SELF_INTRODUCTION = new RegExp(String.raw`\bI(?:['’]m|\s+am)\s+(?:the\s+|also\s+the\s+)?${ROLE}(?:\s*(?:,|and|&)\s*(?:the\s+)?${ROLE})*\s+(?:of|at)\s+`, 'gi');
/** What follows a role that is a department, not a company ("president of Investor Relations"). */
const NOT_A_COMPANY = /^(?:Investor|Investors|Finance|Financial|Operations|Sales|Marketing|Corporate|Global|Strategy|Business|Communications|Technology|Research|Product|Products|Human|Legal|IR|North|South|East|West|Europe|Asia|America|Americas)\b/;

/** The companies executives say they lead in `text` (its opening), in order, without repeats. */
export function selfIntroducedCompanies(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(SELF_INTRODUCTION)) {
    const words = COMPANY_WORDS.exec(text.slice(m.index + m[0].length))?.[0];
    const name = words && !NOT_A_COMPANY.test(words) ? spokenCompanyName(words) : null;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
