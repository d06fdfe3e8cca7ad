/**
 * The name in the address of a company's investor-relations website, as a call reads it out
 * ("the release is on our website at ir.ifeng.com", "available at www.argos.co/ir"): the name the
 * company goes by online, often not its legal name (ifeng for Phoenix New Media). Only addresses
 * that are plainly investor pages count — a general "www.x.com" may be a webcast host's.
 */

/** "ir.ifeng.com", "investors.acme.com", "investor-relations.acme.co.uk". */
const IR_SUBDOMAIN = /\b(?:https?:\/\/)?(?:www\.)?(?:ir|investors?|investor-?relations)\.([a-z][a-z0-9-]*)\.[a-z]{2,6}(?:\.[a-z]{2})?\b/gi;
/** "www.argos.co/ir", "acme.com/investors". */
const IR_PATH = /\b(?:https?:\/\/)?(?:www\.)?([a-z][a-z0-9-]*)\.[a-z]{2,6}(?:\.[a-z]{2})?\/(?:ir|investors?|investor-relations)\b/gi;

/** Shorter labels name too little ("hh"), and some are the address's own parts. */
const MIN_LENGTH = 4;
const NOT_NAMES = new Set(['www', 'investor', 'investors', 'relations', 'ir']);

/** The distinct names of investor-relations addresses in `text`, lowercased, in order of appearance. */
export function investorSiteNames(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const re of [IR_SUBDOMAIN, IR_PATH]) for (const m of text.matchAll(re)) found.push({ at: m.index, name: m[1]!.toLowerCase() });
  const names = found.sort((a, b) => a.at - b.at).map((f) => f.name);
  return [...new Set(names)].filter((n) => n.length >= MIN_LENGTH && !NOT_NAMES.has(n));
}
