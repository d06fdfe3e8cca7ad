/**
 * The company an executive names when introducing themselves at the start of a call ("my name is
 * Ana Ruiz, I'm the CEO and co-founder of Brightwell", "I am the chief financial officer of Halden
 * Wind", "I am Ji-ho Park, Head of IR Planning at Orvane Telecom"): on calls with no operator and
 * no welcome naming the company, often the only place its name is said.
 */
import { COMPANY_WORDS, spokenCompanyName } from './header-meta.js';

const ROLE = String.raw`(?:CEO|CFO|COO|CTO|president|chair(?:man|woman|person)?|(?:co-?)?founder|chief\s+[a-z]+\s+officer|managing\s+director)`;
/** "I'm the CEO, co-founder of", "I am the president and chief executive officer of", "I'm CFO at". */
const SELF_INTRODUCTION = new RegExp(String.raw`\bI(?:['’]m|\s+am)\s+(?:the\s+|also\s+the\s+)?${ROLE}(?:\s*(?:,|and|&)\s*(?:the\s+)?${ROLE})*\s+(?:of|at)\s+`, 'gi');
/** What follows a role that is a department, not a company ("president of Investor Relations"). */
const NOT_A_COMPANY = /^(?:Investor|Investors|Finance|Financial|Operations|Sales|Marketing|Corporate|Global|Strategy|Business|Communications|Technology|Research|Product|Products|Human|Legal|IR|North|South|East|West|Europe|Asia|America|Americas)\b/;

/** "I am Ji-ho Park, Head of IR Planning at …", "my name is Ana Ruiz, the CFO of …": a name, then a title up to the sentence's end. */
const NAMED_INTRODUCTION = /\b(?:I(?:['’]m|\s+am)|[Mm]y\s+name\s+is)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*,\s+([^.!?\n]{1,120})/gu;
/** A title holds a word of office; one that is someone else's part in the call is no executive's. */
const OFFICE = /\b(?:head|director|officer|president|manager|chief|CEO|CFO|COO|CTO|treasurer|controller|relations|IR|founder|chair(?:man|woman|person)?|secretary|counsel)\b/i;
const NOT_AN_EXECUTIVE = /\b(?:analyst|operator|host|moderator|coordinator|interpreter)\b/i;

/** The company whose name opens `text` (what follows "of"/"at"), unless it is a department. */
function companyAt(text: string): string | null {
  const words = COMPANY_WORDS.exec(text)?.[0];
  return words && !NOT_A_COMPANY.test(words) ? spokenCompanyName(words) : null;
}

/** The company named after the first "of"/"at" in `title` that is followed by one (not by a department). */
function companyInTitle(title: string): string | null {
  for (const m of title.matchAll(/\b(?:of|at)\s+/g)) {
    const name = companyAt(title.slice(m.index + m[0].length));
    if (name) return name;
  }
  return null;
}

/** The companies executives say they lead in `text` (its opening), in order, without repeats. */
export function selfIntroducedCompanies(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const m of text.matchAll(SELF_INTRODUCTION)) {
    const name = companyAt(text.slice(m.index + m[0].length));
    if (name) found.push({ at: m.index, name });
  }
  for (const m of text.matchAll(NAMED_INTRODUCTION)) {
    const title = m[1]!;
    if (!OFFICE.test(title) || NOT_AN_EXECUTIVE.test(title)) continue;
    const name = companyInTitle(title);
    if (name) found.push({ at: m.index, name });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}
