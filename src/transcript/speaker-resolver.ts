/**
 * Name line → participant. Knows a call's participants (listed, or met in speaker headers) and
 * resolves what a speaker line writes: the full name, the name without middle names or suffix,
 * a nickname or initial for the first name ("Andy Jassy", "A. Jassy" for "Andrew Jassy"),
 * "Operator", "Unidentified Analyst". A name two people share is told apart by the title/firm
 * written with it; when it cannot be, the caller gets 'ambiguous', never a guess.
 *
 * Lookups are map-based (no scan of the participant list per line), so a call with thousands of
 * speakers resolves in linear time.
 */
import { withoutCourtesyTitle } from './courtesy-titles.js';
import { TranscriptFormatError } from './format-error.js';
import { describeLimit, type TranscriptLimits } from './limits.js';
import { nicknamesOf } from './nicknames.js';
import { boundedEditDistance, initialsOf, isNameParticle, isNamedOperator, isNumberedSpeaker, isOperatorInitials, isOperatorName, nameWords, normaliseName, slugify, unidentifiedSide } from './names.js';
import { sideOfTitle } from './titles.js';
import type { Participant, Side, SideSource } from './types.js';

export type ParticipantDraft = Omit<Participant, 'id'>;

export type Resolution =
  | { kind: 'found'; participant: Participant }
  | { kind: 'ambiguous'; candidates: Participant[] }
  | { kind: 'none' };

/** Trailing words that are not part of a surname. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'cfa', 'md']);

/** Titles written before a name ("Dr. Ana Ruiz"). */
/** Honorifics before a name, also as calls held in Spanish, Portuguese, French, German and Italian write them ("Sr. Pryce", "Sra. Castell", "Herr Brandt", "Mme Roux", "Dott. Bassi"). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'sr', 'sra', 'srta', 'herr', 'frau', 'mme', 'mlle', 'dott', 'dottssa']);

/**
 * The first and last word of a name, honorifics and suffixes dropped; `middle` is the name after a
 * first initial ("J. Michael Sutton III" goes by Michael), null otherwise.
 */
function firstLast(name: string): { first: string; middle: string | null; last: string } | null {
  const words = nameWords(name);
  while (words.length > 2 && HONORIFICS.has(words[0] as string)) words.shift();
  while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  if (words.length < 2) return null;
  const middle = words.length >= 3 && (words[0] as string).length === 1 && (words[1] as string).length > 1 ? (words[1] as string) : null;
  return { first: words[0] as string, middle, last: words[words.length - 1] as string };
}

/** A name's given names (folded words): the words before its surname and the surname's particles ("ana maria" of "Ana María de la Cruz"), an honorific and suffixes aside. */
function givenNamesOf(name: string): string[] {
  const words = nameWords(name);
  while (words.length > 2 && HONORIFICS.has(words[0] as string)) words.shift();
  while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  let surname = words.length - 1;
  while (surname > 1 && isNameParticle(words[surname - 1] as string)) surname--;
  return words.slice(0, surname);
}

/** "van der Berg" (folded words): particles and the surname after them; null unless every word but the last is a particle. */
function particledSurname(words: readonly string[]): { particles: string[]; last: string } | null {
  if (words.length < 2 || !words.slice(0, -1).every(isNameParticle)) return null;
  return { particles: words.slice(0, -1), last: words[words.length - 1] as string };
}

/** Whether a written first name can stand for a listed one: same, nickname/formal form, or its initial. */
function sameFirstName(written: string, listed: string): boolean {
  if (written === listed) return true;
  if (written.length === 1) return listed.startsWith(written);
  return nicknamesOf(listed).includes(written);
}

/** Whether a written first name can stand for a listed person's: their first name, or the name they go by after an initial. */
function goesBy(written: string, listed: { first: string; middle: string | null }): boolean {
  return sameFirstName(written, listed.first) || (listed.middle !== null && written.length > 1 && sameFirstName(written, listed.middle));
}

/** Folded words of a title/firm line, for comparing what a header writes with what a list says. */
function foldPhrase(text: string): string {
  return nameWords(text).join(' ');
}

/** Small words a title's letters leave out ("Vice President of Finance and Treasurer"). */
const TITLE_SMALL_WORDS = new Set(['and', '&', 'of', 'the', 'for']);

/** A word of a title written in capitals ("CEO", "EVP"). */
const CAPITALS = /^[A-Z]{2,5}$/;

/** A title as its letters: each word in capitals as it is ("CEO"), each other word by its first letter. */
function titleLetters(title: string): string {
  const words = title.split(/[\s,/-]+/).filter((w) => w !== '' && !TITLE_SMALL_WORDS.has(w.toLowerCase()));
  return words.map((w) => (CAPITALS.test(w) ? w : (w[0] ?? '').toUpperCase())).join('');
}

/**
 * Whether two titles are one written short and in full ("CEO" / "Chief Executive Officer", "President & CEO" /
 * "President and Chief Executive Officer"): one has a word in capitals, and their letters agree.
 */
function sameTitleLetters(a: string, b: string): boolean {
  const short = [a, b].some((t) => t.split(/[\s,/-]+/).some((w) => CAPITALS.test(w)));
  return short && titleLetters(a).length >= 2 && titleLetters(a) === titleLetters(b);
}

/** Whether the title/firm written on a speaker line matches a participant's. */
export function matchesTitle(p: Participant, written: string): boolean {
  const w = foldPhrase(written);
  if (w === '') return false;
  const known = [p.title, p.firm, p.division ? `${p.firm ?? ''} ${p.division}` : null].filter((x): x is string => !!x).map(foldPhrase);
  if (known.includes(w)) return true;
  // "Owen Pryce (Chief Executive Officer):" after "Owen Pryce (CEO):": one title, written short and in full — it made a second Owen Pryce.
  if (p.title !== null && p.side !== 'analyst' && sameTitleLetters(p.title, written)) return true;
  if (p.side === 'analyst' && /\banalyst\b/.test(w)) return p.firm === null || w.includes(foldPhrase(p.firm));
  return known.some((k) => k.length >= 3 && (w.includes(k) || k.includes(w)));
}

export class SpeakerResolver {
  private readonly all: Participant[] = [];
  /** Participants from a participants list: the only ones a typo is checked against. */
  private readonly listed: Participant[] = [];
  private readonly byName = new Map<string, Participant[]>();
  private readonly bySurname = new Map<string, Participant[]>();
  private readonly ids = new Set<string>();

  constructor(private readonly limits: TranscriptLimits) {}

  /** Participants in the order they were added. */
  list(): Participant[] {
    return this.all;
  }

  /** The participants written with exactly this name (case and spacing aside). */
  named(name: string): readonly Participant[] {
    return this.byName.get(normaliseName(name)) ?? [];
  }

  get size(): number {
    return this.all.length;
  }

  /** Adds a participant (listed or newly met); `line` locates a limit error. */
  add(written: ParticipantDraft, line: number | null = null, lineText: string | null = null): Participant {
    // "Mr. Owen Pryce": the person's name, without the courtesy title the writer added (courtesy-titles.ts).
    const draft = { ...written, name: withoutCourtesyTitle(written.name) };
    const participant = this.counted(draft, slugify(draft.name), line, lineText);
    if (participant.sideSource === 'listed') this.listed.push(participant);
    const key = normaliseName(participant.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), participant]);
    const fl = firstLast(participant.name);
    if (fl) this.bySurname.set(fl.last, [...(this.bySurname.get(fl.last) ?? []), participant]);
    return participant;
  }

  /**
   * Adds someone known only by a label that names no person ("Bank of Somewhere:", an unidentified
   * analyst of that firm): found again by that label alone, never by their placeholder name (a "Q:"
   * label's "Unidentified Analyst" is someone else).
   */
  addKnownBy(label: string, draft: ParticipantDraft, line: number | null = null, lineText: string | null = null): Participant {
    const participant = this.counted(draft, slugify(`${draft.name} ${draft.firm ?? ''}`), line, lineText);
    this.byName.set(normaliseName(label), [participant]);
    return participant;
  }

  /** A new participant under the limit, with an id of its own. */
  private counted(draft: ParticipantDraft, slug: string, line: number | null, lineText: string | null): Participant {
    if (this.all.length >= this.limits.maxParticipants) {
      throw new TranscriptFormatError(line ?? 1, `more than ${this.limits.maxParticipants.toLocaleString('en-US')} participants; ${describeLimit('maxParticipants', this.limits)}`, { lineText });
    }
    const participant: Participant = { id: this.uniqueId(draft.side === 'operator' && isOperatorName(draft.name) ? 'operator' : slug || 'speaker'), ...draft };
    this.all.push(participant);
    return participant;
  }

  /** Another name a participant is labelled by ("AM" for Alan Marsh, as the participants list keys it). */
  alias(name: string, participant: Participant): void {
    const key = normaliseName(name);
    if (!this.byName.has(key)) this.byName.set(key, [participant]);
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /**
   * Who a speaker line names. `hint` is the title/firm written with it (the line under the
   * name, or the rest of a "Name -- Title" line), used only to tell apart people sharing a name.
   * "Operator" and "Unidentified …" speakers are created on first use.
   */
  resolve(text: string, hint: string | null = null): Resolution {
    const key = normaliseName(text);
    const exact = this.byName.get(key);
    if (exact) return this.pick(exact, hint);
    // "Moderator (Dana Whitcombe):": a role and a participant's full name — the IR head who moderates, never a generic operator.
    const moderator = isOperatorName(text) && hint !== null ? this.named(hint).filter((p) => p.side !== 'operator') : [];
    if (moderator.length === 1) return { kind: 'found', participant: moderator[0] as Participant };
    if (isOperatorName(text) || isNamedOperator(text, hint)) return { kind: 'found', participant: this.special('Operator', 'operator', 'header') };
    // "OP:", as note-takers shorten the operator's label — unless a listed participant's initials are O. P. and the list
    // does not key them (keyed initials resolve above): then who it is cannot be told. Someone met only under their full
    // name (no list) is not also labelled by initials.
    if (isOperatorInitials(text)) {
      const namesakes = this.listed.filter((p) => p.side !== 'operator' && initialsOf(p.name) === 'OP');
      if (namesakes.length === 0) return { kind: 'found', participant: this.special('Operator', 'operator', 'header') };
      return { kind: 'ambiguous', candidates: [{ id: 'operator', name: 'Operator', title: null, firm: null, division: null, side: 'operator', sideSource: 'header' }, ...namesakes] };
    }
    const unidentified = unidentifiedSide(text);
    if (unidentified) return { kind: 'found', participant: this.special(text, unidentified, unidentified === 'unknown' ? 'unknown' : 'header') };
    const titled = this.byHonorificSurname(text, hint);
    if (titled !== null) return titled;
    const fl = firstLast(text);
    if (!fl) return { kind: 'none' };
    const candidates = (this.bySurname.get(fl.last) ?? []).filter((p) => {
      const listed = firstLast(p.name);
      return listed !== null && goesBy(fl.first, listed);
    });
    return candidates.length === 0 ? { kind: 'none' } : this.pick(candidates, hint);
  }

  /**
   * "Ms. Ortiz", "Dr. Whitfield": an honorific and a surname are whoever (not the operator) has
   * that surname — told apart by the hint, else 'ambiguous' when several people do; null when
   * the name is not written that way.
   */
  private byHonorificSurname(text: string, hint: string | null): Resolution | null {
    const words = nameWords(text);
    if (words.length < 2 || !HONORIFICS.has(words[0] as string)) return null;
    // "Mr. van der Berg", "Sr. de la Cruz": the particles are the surname's.
    const surname = words.length === 2 ? { particles: [], last: words[1] as string } : particledSurname(words.slice(1));
    if (surname === null) return null;
    const candidates = this.withSurname(surname).filter((p) => p.side !== 'operator');
    return candidates.length === 0 ? { kind: 'none' } : this.pick(candidates, hint);
  }

  /** Participants whose name ends with the surname and its particles ("Pieter van der Berg" for "van der Berg"), a given name before them. */
  private withSurname(surname: { particles: readonly string[]; last: string }): Participant[] {
    const tail = [...surname.particles, surname.last];
    return (this.bySurname.get(surname.last) ?? []).filter((p) => {
      const words = nameWords(p.name);
      while (words.length > 2 && NAME_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
      return words.length > tail.length && tail.every((w, k) => words[words.length - tail.length + k] === w);
    });
  }

  /** A name without the honorific written before it ("Mr. Ahmad" → "Ahmad"); the name itself when it has none. */
  static withoutHonorific(text: string): string {
    const words = text.trim().split(/\s+/);
    return words.length >= 2 && HONORIFICS.has(nameWords(words[0] as string)[0] ?? '') ? words.slice(1).join(' ') : text.trim();
  }

  /**
   * The one participant a first name alone can mean ("Maria:" after "Maria Lopez:" spoke), counting
   * nicknames ("Tom" for Thomas Reed); null when nobody or several people go by it.
   */
  byFirstName(text: string): Participant | null {
    const matches = this.goingBy(text);
    return matches.length === 1 ? (matches[0] as Participant) : null;
  }

  /** Everyone a first name alone, or a label of every given name, can mean (the operator aside). */
  goingBy(text: string): Participant[] {
    const words = nameWords(text);
    const word = words[0];
    if (words.length >= 2) return this.byGivenNames(words);
    if (words.length !== 1 || word === undefined || word.length < 2) return [];
    return this.list().filter((p) => {
      if (p.side === 'operator') return false;
      const fl = firstLast(p.name);
      return fl !== null && goesBy(word, fl);
    });
  }

  /**
   * "Ana María:" for Ana María de la Cruz, "Mary Ann:" for Mary Ann Lowe: a label that is every given name of one
   * participant — their name before its surname and the surname's particles — is them (it was a new person "Ana María",
   * and the listed analyst answered her).
   */
  private byGivenNames(words: readonly string[]): Participant[] {
    if (words.length > 3) return [];
    return this.list().filter((p) => {
      if (p.side === 'operator') return false;
      const given = givenNamesOf(p.name);
      return given.length === words.length && given.every((w, k) => w === words[k]);
    });
  }

  /**
   * Who a surname alone can be ("Park:"): everyone with that surname, and anyone who goes by it as
   * a first name ("Grant" for Grant Thomas beside Melissa Grant), the operator aside; told apart
   * by the title/firm written with it. 'none' when nobody has that surname.
   */
  bySurnameAlone(text: string, hint: string | null): Resolution {
    const words = nameWords(text);
    // "van der Berg:", "Van der Berg:" (a label's capital), "de la Cruz:": a surname with its particles, whoever has that surname.
    const particled = particledSurname(words);
    if (particled !== null) {
      const surnamed = this.withSurname(particled).filter((p) => p.side !== 'operator');
      return surnamed.length === 0 ? { kind: 'none' } : this.pick(surnamed, hint);
    }
    const word = words[0];
    if (words.length !== 1 || word === undefined || word.length < 2 || NAME_SUFFIXES.has(word) || HONORIFICS.has(word)) return { kind: 'none' };
    const surnamed = (this.bySurname.get(word) ?? []).filter((p) => p.side !== 'operator');
    if (surnamed.length === 0) return { kind: 'none' };
    const firstNamed = this.list().filter((p) => {
      if (p.side === 'operator' || surnamed.includes(p)) return false;
      const fl = firstLast(p.name);
      return fl !== null && goesBy(word, fl);
    });
    return this.pick([...surnamed, ...firstNamed], hint);
  }

  /**
   * Chooses among people a name could be. A title/firm written with the name rules out anyone on
   * the other side of the call ("Sam Lee / Ridgeway Capital Markets" is not the CFO Sam Lee), and
   * anyone met only in a header under a different title; then it must single one out.
   */
  private pick(candidates: Participant[], hint: string | null): Resolution {
    let pool = candidates;
    if (hint !== null) {
      const hintSide = sideOfTitle(hint);
      pool = pool.filter((p) => {
        if (p.side === 'operator' || p.side === 'unknown') return true;
        // Their own title or firm never rules them out ("Owen Pryce, Tallis Freight Corp:" — a company's "Corp" reads as a firm's).
        if (matchesTitle(p, hint)) return true;
        if (hintSide !== 'unknown' && hintSide !== p.side) return false;
        return p.sideSource !== 'header' || (p.title === null && p.firm === null) || matchesTitle(p, hint);
      });
      if (pool.length === 0) return { kind: 'none' };
    }
    if (pool.length === 1) return { kind: 'found', participant: pool[0] as Participant };
    if (hint !== null) {
      const matching = pool.filter((p) => matchesTitle(p, hint));
      if (matching.length === 1) return { kind: 'found', participant: matching[0] as Participant };
    }
    return { kind: 'ambiguous', candidates: pool };
  }

  /** One shared participant per "Operator"/"Unidentified …" name. */
  private special(text: string, side: Side, sideSource: SideSource): Participant {
    const name = side === 'operator' ? 'Operator' : text.replace(/\s+/g, ' ').trim();
    const existing = this.byName.get(normaliseName(name));
    if (existing?.[0]) return existing[0];
    return this.add({ name, title: null, firm: null, division: null, side, sideSource });
  }

  /** Whether the call has a participants list. */
  get hasList(): boolean {
    return this.listed.length > 0;
  }

  /**
   * With no participants list: someone already met with the same first name and a surname one
   * edit away (two for a surname of six letters or more) — "Dana Whitfeld" after "Dana
   * Whitfield" — a likely typo rather than a new person. People who share a surname ("Jon Park",
   * "Jun Park") are not taken for one; operators, numbered voices and unidentified speakers never count.
   */
  nearMissMet(text: string): Participant | null {
    const written = firstLast(text);
    if (written === null || isNumberedSpeaker(text) || unidentifiedSide(text) !== null) return null;
    const allowed = written.last.length >= 6 ? 2 : 1;
    for (const p of this.all) {
      if (p.side === 'operator' || isNumberedSpeaker(p.name) || unidentifiedSide(p.name) !== null) continue;
      const met = firstLast(p.name);
      if (met === null || met.first !== written.first) continue;
      const d = boundedEditDistance(written.last, met.last, allowed);
      if (d > 0 && d <= allowed) return p;
    }
    return null;
  }

  /**
   * A listed participant whose name is one or two edits from `text` ("Andrew Jasy"), or who has
   * the same surname but a first name that is not theirs: a likely typo, to report rather than
   * to add as someone new.
   */
  nearMiss(text: string): Participant | null {
    const key = nameWords(text).join(' ');
    if (key === '') return null;
    let best: { p: Participant; d: number } | null = null;
    for (const p of this.listed) {
      // The very same name under another title is someone else (a namesake), not a typo.
      const d = boundedEditDistance(key, nameWords(p.name).join(' '), 2);
      if (d > 0 && d <= 2 && (best === null || d < best.d)) best = { p, d };
    }
    if (best) return best.p;
    const fl = firstLast(text);
    const sameSurname = (fl ? this.bySurname.get(fl.last) ?? [] : []).filter((p) => p.sideSource === 'listed' && nameWords(p.name).join(' ') !== key);
    return sameSurname[0] ?? null;
  }
}
