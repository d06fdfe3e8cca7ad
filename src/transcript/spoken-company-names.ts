/**
 * The names a call's own words give its company, besides the one its source records: as its
 * welcome says it (header-meta.ts), as an executive introducing themselves says it
 * (self-introduction.ts), as its forward-looking-statements notice says it (safe-harbor-name.ts),
 * as its investor website's address spells it (investor-site.ts), and — when its source gives only
 * a ticker — as the call keeps saying it (ticker-name.ts). Read once, when the call is indexed.
 */
import { metaFromWelcome } from './header-meta.js';
import { investorSiteNames } from './investor-site.js';
import { safeHarborCompanies } from './safe-harbor-name.js';
import { selfIntroducedCompanies } from './self-introduction.js';
import { tickerSpelledName } from './ticker-name.js';
import type { Call } from './types.js';

/** How much of a call's opening is read for the names its first minutes give the company. */
const OPENING_CHARS = 4000;

/** Distinct names, in the order above; empty when the call's words name its company nowhere. */
export function spokenCompanyNames(call: Pick<Call, 'source' | 'meta' | 'participants'>): string[] {
  const opening = call.source.slice(0, OPENING_CHARS);
  // A gap in the welcome's name still leaves the words before it to find the company by.
  const welcome = metaFromWelcome(opening, { cutAtGap: true })?.company;
  const { ticker, company } = call.meta;
  const bareTicker = ticker && company === ticker ? tickerSpelledName(call.source, ticker, call.participants.map((p) => p.name)) : null;
  return [...new Set([...(welcome ? [welcome] : []), ...selfIntroducedCompanies(opening), ...safeHarborCompanies(opening), ...investorSiteNames(opening), ...(bareTicker ? [bareTicker] : [])])];
}
