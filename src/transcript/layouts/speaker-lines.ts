/**
 * Deciding what an unresolved speaker-like line is, the same way in every text layout: a typo of
 * a listed name and a bare unknown name are errors (never absorbed into the previous turn); a
 * well-formed header of someone not listed becomes a new participant, with a warning.
 */
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import type { Line } from '../lines.js';
import { FIRM_ANALYST_NAME, isOwnCompany } from '../firm-labels.js';
import { personIntroducedWithFirm } from '../introduced-firm.js';
import { nameWords } from '../names.js';
import { holdersOfRole, isRoleLabel } from '../role-labels.js';
import { SpeakerResolver, type ParticipantDraft } from '../speaker-resolver.js';
import type { Participant } from '../types.js';

export interface SpeakerLineContext {
  resolver: SpeakerResolver;
  warnings: ImportWarning[];
  /** Where the participants are listed, for messages ("Company Participants", "Call participants:"). */
  listName: string;
  /** The call's company as its header names it, when it does (a label that is its name is no analyst's firm). */
  company?: string | null;
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
export function byPartOfName(ctx: SpeakerLineContext, line: Line, name: string, hint: string | null): Participant | null {
  const bare = SpeakerResolver.withoutHonorific(name);
  const surnamed = ctx.resolver.bySurnameAlone(bare, hint);
  if (surnamed.kind === 'found') {
    ctx.warnings.push({ line: line.number, message: `speaker "${name}" taken as ${surnamed.participant.name}, the only participant so named` });
    return surnamed.participant;
  }
  if (surnamed.kind === 'ambiguous') ambiguousSpeaker(line, name, surnamed.candidates, 'write the full name');
  const known = hint === null ? ctx.resolver.byFirstName(bare) : null;
  if (known) ctx.warnings.push({ line: line.number, message: `speaker "${name}" taken as ${known.name}, the only participant so named` });
  return known;
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
  const part = byPartOfName(ctx, line, draft.name, draft.title ?? draft.firm);
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
