/**
 * Deciding what an unresolved speaker-like line is, the same way in every text layout: a typo of
 * a listed name and a bare unknown name are errors (never absorbed into the previous turn); a
 * well-formed header of someone not listed becomes a new participant, with a warning.
 */
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import type { Line } from '../lines.js';
import { FIRM_ANALYST_NAME, isOwnCompany } from '../firm-labels.js';
import { personIntroducedWithFirm } from '../introduced-firm.js';
import { fullNamesHandedOver, introducedByGivenNames } from '../first-name-mentions.js';
import { nameWords } from '../names.js';
import { firmInIntroduction } from '../structure.js';
import { holdersOfRole, isRoleLabel } from '../role-labels.js';
import { SpeakerResolver, type ParticipantDraft } from '../speaker-resolver.js';
import type { Participant, Side } from '../types.js';

export interface SpeakerLineContext {
  resolver: SpeakerResolver;
  warnings: ImportWarning[];
  /** Where the participants are listed, for messages ("Company Participants", "Call participants:"). */
  listName: string;
  /** The call's company as its header names it, when it does (a label that is its name is no analyst's firm). */
  company?: string | null;
  /** The text the lines are of (a line's `start` is an offset in it), for the names the call says before a line. */
  text?: string;
  /** The words of the turn before the line being read, when the layout knows them (an operator's introduction). */
  turnBefore?: () => string | null;
}

/** Refuses a speaker line whose name resolves to two listed people. */
export function ambiguousSpeaker(line: Line, name: string, candidates: Participant[], fix = 'write the title or firm with the name to tell them apart'): never {
  throw new TranscriptFormatError(
    line.number,
    `speaker ${quoteLine(name)} could be ${candidates.map((p) => `"${p.name}"${p.title ? ` (${p.title})` : p.firm ? ` (${p.firm})` : ''}`).join(' or ')}; ${fix}`,
    { lineText: line.text },
  );
}

/** Refuses a name-like line that names nobody listed (with the closest listed name, if any). */
export function unknownSpeaker(ctx: SpeakerLineContext, line: Line, name: string): never {
  const near = ctx.resolver.nearMiss(name);
  const where = ctx.resolver.hasList ? `not in ${ctx.listName}` : 'not a speaker met before, and no title or firm is written with it';
  throw new TranscriptFormatError(line.number, `unknown speaker ${quoteLine(name)}: ${where}${near ? ` (did you mean "${near.name}"?)` : ''}`, {
    lineText: line.text,
  });
}

/** Whether a label is a firm's name as written ("Piper Sandler" for "Piper Sandler & Co.", "Jefferies" for "Jefferies LLC"). */
function isFirmOf(label: string, firm: string): boolean {
  const said = nameWords(label);
  const own = nameWords(firm);
  if (said.length === 0 || said.length > own.length || !said.every((w, k) => w === own[k])) return false;
  // One word ("Morgan") names the firm only when the rest is its legal form ("Jefferies" for "Jefferies LLC"): it may be someone's name.
  return said.length >= 2 || own.slice(1).every((w) => FIRM_SUFFIXES.has(w));
}
const FIRM_SUFFIXES = new Set(['llc', 'inc', 'co', '&', 'and', 'ltd', 'plc', 'lp', 'llp', 'l.p.', 'ag', 'sa', 'group', 'securities', 'company', 'corp', 'corporation']);

/**
 * The one participant a surname or a first name alone stands for, with a warning; refused when two
 * share it; null when nobody goes by it.
 * "Park" when a participant has that surname: them when they are the only one it can be; when
 * two share it ("Rebecca Park", "Daniel Park") it is refused, never a guess nor a new "Park".
 * An honorific before a given name ("Mr. Ahmad" for Ahmad bin Ismail, "Ms. Minh") reads as the name alone.
 * "Maria" once "Maria Lopez" has spoken: her, when she is the only one going by that name.
 */
export function byPartOfName(ctx: SpeakerLineContext, line: Line, name: string, hint: string | null, side: Side | null = null): Participant | null {
  const bare = SpeakerResolver.withoutHonorific(name);
  const surnamed = ctx.resolver.bySurnameAlone(bare, hint);
  if (surnamed.kind === 'found') {
    ctx.warnings.push({ line: line.number, message: `speaker "${name}" taken as ${surnamed.participant.name}, the only participant so named` });
    return surnamed.participant;
  }
  if (surnamed.kind === 'ambiguous') {
    // "Q - Keller" beside the CFO Anna Keller and the analyst Tom Keller: the terminal's mark says which side asks.
    const onSide = side === null ? [] : surnamed.candidates.filter((p) => p.side === side || p.side === 'unknown');
    const one = onSide.length === 1 ? (onSide[0] as Participant) : null;
    if (one === null) ambiguousSpeaker(line, name, surnamed.candidates, 'write the full name');
    ctx.warnings.push({ line: line.number, message: `speaker "${name}" taken as ${one.name}, the only participant so named on the ${side === 'analyst' ? "analysts'" : "company's"} side` });
    return one;
  }
  return hint === null ? byGivenName(ctx, line, name, bare) : null;
}

/** Full names the call's hand-overs say with a given name, per context and name (read once). */
const handedOver = new WeakMap<SpeakerLineContext, Map<string, { name: string; index: number }[]>>();

function namesHandedOver(ctx: SpeakerLineContext, given: string): { name: string; index: number }[] {
  if (ctx.text === undefined) return [];
  const known = handedOver.get(ctx) ?? new Map<string, { name: string; index: number }[]>();
  handedOver.set(ctx, known);
  const key = nameWords(given).join(' ');
  const found = known.get(key) ?? fullNamesHandedOver(ctx.text, given);
  known.set(key, found);
  return found;
}

/** Who speaks under a first name two people go by: no one the call can name. */
const UNNAMED = 'Unidentified Speaker';

/**
 * A first name alone ("Maria"): the person the turn before hands the floor to by it ("…comes from Maria Lund
 * with Piper Sandler", met or not), else the one participant going by it — unless someone else goes by it too,
 * a participant or a person the call has handed the floor to: then an "Unidentified Speaker" (side unknown),
 * with a warning naming both — it was the CFO Maria Castell asking Maria Lund's question, or a new person
 * "Maria". Every given name of one participant ("Ana María" for Ana María de la Cruz) is them. Null when nobody
 * goes by it.
 */
function byGivenName(ctx: SpeakerLineContext, line: Line, name: string, bare: string): Participant | null {
  const going = ctx.resolver.goingBy(bare);
  if (nameWords(bare).length !== 1) return going.length === 1 ? taken(ctx, line, name, going[0] as Participant, 'the only participant so named') : null;
  const before = ctx.turnBefore?.() ?? null;
  const introduced = before === null ? null : introducedByGivenNames(before, bare);
  if (introduced !== null) {
    const found = ctx.resolver.resolve(introduced);
    if (found.kind === 'ambiguous') ambiguousSpeaker(line, name, found.candidates, 'write the full name');
    const person =
      found.kind === 'found'
        ? found.participant
        : ctx.resolver.add({ name: introduced, title: null, firm: firmInIntroduction(before as string, introduced), division: null, side: 'unknown', sideSource: 'unknown' }, line.number, line.text);
    return taken(ctx, line, name, person, 'whom the turn before hands the floor to');
  }
  const others = [...new Set(namesHandedOver(ctx, bare).filter((s) => s.index < line.start).map((s) => s.name))].filter((full) => {
    const found = ctx.resolver.resolve(full);
    return !(found.kind === 'found' && going.includes(found.participant));
  });
  if (going.length + others.length > 1) {
    const found = ctx.resolver.resolve(UNNAMED);
    if (found.kind !== 'found') throw new Error('unreachable: an "Unidentified Speaker" always resolves');
    const could = [...going.map((p) => p.name), ...others].map((n) => `"${n}"`).join(' or ');
    ctx.warnings.push({ line: line.number, message: `speaker "${name}" could be ${could}: under "${UNNAMED}" (write the full name)` });
    return found.participant;
  }
  const known = going[0];
  return known === undefined ? null : taken(ctx, line, name, known, 'the only participant so named');
}

function taken(ctx: SpeakerLineContext, line: Line, name: string, person: Participant, why: string): Participant {
  ctx.warnings.push({ line: line.number, message: `speaker "${name}" taken as ${person.name}, ${why}` });
  return person;
}

/**
 * "Piper Sandler: …" under the operator's "…from Hugo Brandt with Piper Sandler": a label that is the
 * firm of one analyst met before is that analyst — it was a person "Piper Sandler"; refused when two
 * share it; null when no one met is of it.
 */
function analystOfFirm(ctx: SpeakerLineContext, line: Line, label: string): Participant | null {
  const ofFirm = ctx.resolver.list().filter((p) => p.side !== 'company' && p.side !== 'operator' && p.firm !== null && isFirmOf(label, p.firm));
  if (ofFirm.length > 1) ambiguousSpeaker(line, label, ofFirm, "write the analyst's name");
  const analyst = ofFirm[0];
  if (analyst === undefined) return null;
  ctx.warnings.push({ line: line.number, message: `speaker "${label}" taken as ${analyst.name}, the only participant of that firm` });
  return analyst;
}

/**
 * A label that is a firm's name alone ("Bank of Somewhere: …", "Lindqvist Securities: …") where the call
 * has just introduced that firm: the one analyst of it the call names, else an analyst whose name is not
 * known, the firm theirs (found again by the label) — it was a person "Lindqvist Securities", or words of
 * the speaker before; null when the label is the call's own company.
 */
export function speakerOfFirm(ctx: SpeakerLineContext, line: Line, label: string): Participant | null {
  if (isOwnCompany(label, ctx.company ?? null)) return null;
  const found = ctx.resolver.resolve(label);
  if (found.kind === 'found') return found.participant;
  const named = analystOfFirm(ctx, line, label);
  if (named !== null) return named;
  const analyst = ctx.resolver.addKnownBy(label, { name: FIRM_ANALYST_NAME, title: null, firm: label, division: null, side: 'analyst', sideSource: 'header' }, line.number, line.text);
  ctx.warnings.push({ line: line.number, message: `speaker "${label}" names a firm, not a person: an unidentified analyst of ${label}` });
  return analyst;
}

/**
 * A label that is only the firm the turn before gave an analyst ("Piper Sandler: …" right after "…from
 * Hugo Brandt with Piper Sandler"), with no participants list to name them: that analyst, the firm
 * theirs, with a warning — it was a new person "Piper Sandler". Null when the introduction gives no one
 * that firm, or the label is the call's own company.
 */
export function analystIntroducedWithFirm(ctx: SpeakerLineContext, line: Line, label: string, introduction: string): Participant | null {
  if (isOwnCompany(label, ctx.company ?? null)) return null;
  const name = personIntroducedWithFirm(introduction, label);
  if (name === null) return null;
  const found = ctx.resolver.resolve(name);
  if (found.kind === 'ambiguous') ambiguousSpeaker(line, label, found.candidates, "write the analyst's name");
  const analyst =
    found.kind === 'found' ? found.participant : ctx.resolver.add({ name, title: null, firm: label, division: null, side: 'analyst', sideSource: 'header' }, line.number, line.text);
  ctx.warnings.push({ line: line.number, message: `speaker "${label}" taken as ${analyst.name}, whom the operator introduced with that firm` });
  return analyst;
}

/**
 * Adds someone met only in a speaker header. A name one or two edits from a listed one — or,
 * with no list, from someone who already spoke — is refused as a likely typo; otherwise the new
 * participant is recorded (in the warnings, when there is a list).
 */
export function addUnlistedSpeaker(ctx: SpeakerLineContext, line: Line, draft: ParticipantDraft): Participant {
  // "CEO:", "Chief Financial Officer:": whoever holds that title; a company speaker named by the role when nobody does.
  if (isRoleLabel(draft.name)) {
    const holders = holdersOfRole(draft.name, ctx.resolver.list());
    if (holders.length > 1) ambiguousSpeaker(line, draft.name, holders, 'write the name');
    const holder = holders[0];
    if (holder !== undefined) {
      ctx.warnings.push({ line: line.number, message: `speaker "${draft.name}" taken as ${holder.name}, the participant with that title` });
      return holder;
    }
    const role = ctx.resolver.add({ ...draft, title: draft.title ?? draft.name, side: 'company', sideSource: 'header' }, line.number, line.text);
    if (ctx.resolver.hasList) ctx.warnings.push({ line: line.number, message: `speaker "${draft.name}" names a role nobody in ${ctx.listName} holds; added as a company speaker named by it` });
    return role;
  }
  // A side the line itself says (a terminal's "Q -" / "A -" mark) tells apart two people who share a surname.
  const part = byPartOfName(ctx, line, draft.name, draft.title ?? draft.firm, draft.sideSource === 'header' && (draft.side === 'analyst' || draft.side === 'company') ? draft.side : null);
  if (part) return part;
  if (draft.title === null && draft.firm === null) {
    const analyst = analystOfFirm(ctx, line, draft.name);
    if (analyst !== null) return analyst;
  }
  if (ctx.resolver.hasList) {
    const near = ctx.resolver.nearMiss(draft.name);
    if (near) {
      throw new TranscriptFormatError(line.number, `unknown speaker ${quoteLine(draft.name)}: not in ${ctx.listName} (did you mean "${near.name}"?)`, {
        lineText: line.text,
      });
    }
  } else {
    // No list to check against: a name a letter or two from someone who already spoke is a typo
    // to fix, not a new person (taken as one, their words would go to someone who does not exist).
    const near = ctx.resolver.nearMissMet(draft.name);
    if (near) {
      throw new TranscriptFormatError(
        line.number,
        `speaker ${quoteLine(draft.name)} is a letter or two from "${near.name}", who spoke before: write one person's name the same way each time (or list the participants)`,
        { lineText: line.text },
      );
    }
  }
  const participant = ctx.resolver.add(draft, line.number, line.text);
  if (ctx.resolver.hasList) {
    ctx.warnings.push({ line: line.number, message: `speaker "${participant.name}" is not in ${ctx.listName}; added as a new participant (${participant.side})` });
  }
  return participant;
}
