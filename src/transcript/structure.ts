/**
 * Layout-independent structure of a call, derived from its turns alone (speaker, section,
 * paragraphs), so the library can re-run it on stored calls when these rules improve:
 *
 * Sides (inferSides), only for participants whose side no source stated:
 * - the operator: the speaker who talks like one ("I'll be your operator", "press star one",
 *   "[Operator Instructions]"); marked 'inferred';
 * - analysts: the speaker an operator's question introduction names ("…comes from the line of
 *   X with Y") or, when it names nobody known, the next speaker after it — unless that speaker
 *   already spoke before the first introduction (presenters are not analysts); an introduction
 *   in the operator's unmistakable wording counts whoever the source filed it under
 *   (speech-recognition diarization slips, see OPERATOR_HANDOVER), and opens the Q&A too;
 * - the company: once the call's Q&A structure is established (an operator or an analyst
 *   found), every other speaker, including a non-operator host who introduces the questions —
 *   when no Q&A was found at all, only who spoke before any sign of one (see unreadQaStart);
 * - otherwise the side stays 'unknown'. Nothing is inferred silently: sideSource says 'inferred'.
 *
 * Titles (inferTitles, title-introductions.ts), only for company-side people without one: read
 * from how the call introduces them ("our CFO, Carolina Dybeck Happe").
 *
 * Roles and exchanges (structureTurns):
 * - an operator turn in Q&A that names an analyst is an 'intro' and opens an exchange for them;
 * - that analyst's turns are 'question' turns of the exchange (follow-ups included); an analyst
 *   who speaks without an introduction opens a new exchange with introTurn null;
 * - company (and unknown-side) turns after a question are 'answer' turns of the open exchange;
 * - an operator turn that names no analyst is 'remarks' and closes the open exchange;
 * - closing remarks: trailing sign-off turns of the last exchange ("Thanks for joining us…") by
 *   someone who has not answered in it are 'remarks', not answers;
 * - everything in prepared remarks is 'remarks' with exchange null.
 */
import { boundedEditDistance, isNumberedSpeaker, isRoomAccount, nameWords, unidentifiedSide } from './names.js';
import { IntroMatcher } from './intro-matcher.js';
import { applyIntroducedSides } from './introduced-sides.js';
import { readsOutQuestion } from './read-out-questions.js';
import { inferTitles } from './title-introductions.js';
import { titleWords } from './titles.js';
import type { Call, Exchange, Paragraph, Participant, Section, Turn } from './types.js';

/** What structure needs of a turn: who spoke, where, what. */
export interface TurnDraft {
  speakerId: string;
  section: Section;
  paragraphs: Paragraph[];
  startTime: number | null;
}

/** Phrases only an operator says about themselves or the call's mechanics. */
export const OPERATOR_PHRASES =
  /\b(?:I(?:'ll|\u2019ll| will| am| shall) be your (?:conference |call )?(?:operator|coordinator|moderator)|your (?:conference |call )?operator (?:today|for today|this (?:morning|afternoon|evening))|operator instructions|press(?:ing)?\s+(?:the\s+)?(?:star|\*|pound|#)|star[ -](?:one|two|zero|1|2|0)\b|touch-?tone|question queue|listen-only mode|your line is (?:now )?open|lines? (?:are|is|have been) (?:on mute|muted|placed on mute|in a listen-only mode))/i;

/** Most words of a turn in which someone other than the operator hands the floor to an analyst. */
const HOST_INTRO_WORDS = 60;

/** Mean words per turn above which a speaker talks too long to be one of an operator's voices. */
const OPERATOR_TURN_WORDS = 80;

/** Phrases that hand the floor to an analyst's question. */
export const QUESTION_INTRO =
  /\b(?:first|next|following|final|last|another|follow-?up)\s+question\b|\bquestions?\s+(?:today\s+)?(?:comes?|is|will come|come)\s+from\b|\bline of\b|\bquestion from\b|\bgo ahead with your question\b|\b(?:we['’]ll|we will|let['’]s)\s+go\s+next\s+to\b/i;
/**
 * The same in a call held in Spanish or Portuguese: "Nuestra primera pregunta es de…", "La
 * siguiente pregunta viene de…", "A próxima pergunta vem de…"; in French, German or Italian: "La
 * première question vient de…", "Die nächste Frage kommt von…", "La prossima domanda è di…"; in Dutch,
 * Swedish, Norwegian or Danish: "De eerste vraag komt van…", "Nästa fråga kommer från…", "Neste spørsmål kommer fra…".
 */
const IBERIAN_QUESTION_INTRO =
  /\b(?:primera|siguiente|pr[oó]xima|[uú]ltima|primeira|seguinte)\s+(?:pregunta|pergunta)\b|\bpregunta\s+(?:es|viene)\s+de\b|\bpergunta\s+(?:[eé]|vem)\s+d[eoa]s?\b|(?<!\p{L})(?:(?:premi[eè]re|prochaine|derni[eè]re)\s+question|question\s+suivante)\s+(?:vient|est)\s+d|\bnous avons une (?:autre )?question d|(?<!\p{L})(?:erste|n[aä]chste|letzte|folgende)\s+Frage\s+(?:kommt|stammt)\s+von\b|(?<!\p{L})(?:prima|prossima|successiva|ultima)\s+domanda\s+(?:[eè]|e'|viene)\s+d|(?<!\p{L})(?:eerste|volgende|laatste)\s+vraag\s+(?:komt|is)\s+van\b|(?<!\p{L})(?:f[öo]rsta|n[äa]sta|sista)\s+fr[åa]gan?\s+kommer\s+fr[åa]n\b|(?<!\p{L})(?:f[øo]rste|neste|n[æa]ste|siste|sidste)\s+sp[øo]r(?:sm[åa]l|gsm[åa]l)(?:et)?\s+kommer\s+fra\b/iu;

/** A moderator's short hand-over by name and firm ("First, Leo Marchetti from Fairbank Partners.", "Next up: Nina Sato with Redstone"). */
const NAMED_INTRO = /\b(?:[Ff]irst|[Nn]ext)(?:\s+up)?\s*[,:]\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(?:from|with|of|at)\s+\p{Lu}/u;

/**
 * A hand-over in words only someone running the Q&A says ("Our next question comes from…", "…from
 * the line of…", "We have another question from…", "For our final question, we have…"); an
 * answer's "to go back to the question from Hugo" or "your last question" is none.
 */
const HOST_HANDOVER =
  /\bquestions?\s+(?:today\s+|this\s+(?:morning|afternoon|evening)\s+)?(?:comes?|is|will come)\s+from\b|\bline of\b|\bgo\s+next\s+to\b|\bwe\s+have\s+(?:a|an|another|our)\s+(?:[\w-]+\s+){0,2}question\s+from\b|\bfor\s+(?:our|the)\s+(?:first|next|final|last)\s+question\b/i;

function hostHandsOver(text: string): boolean {
  return HOST_HANDOVER.test(text) || NAMED_INTRO.test(text) || IBERIAN_QUESTION_INTRO.test(text);
}

/** Does the turn hand the floor to an analyst's question? */
export function introducesQuestion(text: string): boolean {
  return QUESTION_INTRO.test(text) || NAMED_INTRO.test(text) || IBERIAN_QUESTION_INTRO.test(text);
}

/**
 * Wording only the operator uses to open the Q&A or hand over a question, strict enough to trust
 * whoever the source says spoke it: speech-recognition diarization often gives an operator's line
 * to the speaker before or after it ("Thank you. [operator:] If you have a question, please
 * press star one…"), and the call's structure must not hinge on who it was filed under.
 */
export const OPERATOR_HANDOVER =
  /\b(?:first|next|following)\s+question\s+(?:today\s+|this\s+(?:morning|afternoon|evening)\s+)?(?:comes?|is|will come)\s+from\b|\bquestions?\s+(?:comes?|is)\s+from\s+the\s+line\s+of\b|\b(?:to ask a question|(?:would like|wish|'d like|\u2019d like) to ask a question|if you have a question)\b[^.?!]{0,80}\bpress\b/i;

/** An agenda announcing the Q&A for later ("after the remarks there will be a Q&A session; if you have a question, press…"). */
const QA_LATER = /\b(?:there will be|will be (?:a|an) (?:question|q)|will (?:then )?(?:open|take)|later|after (?:the|today's|our|initial|management's|their)\b)/i;

/** The turn hands the floor to the Q&A now, in the operator's own words (not an agenda of it for later). */
function handsOver(text: string): boolean {
  const m = OPERATOR_HANDOVER.exec(text);
  if (!m) return false;
  // The sentence it is in and the one before: where an agenda would say "later" or "there will be".
  // (Found by scanning back for two sentence ends: linear, whatever the turn's length.)
  let from = m.index;
  for (let ends = 0; from > 0; from--) {
    const c = text[from - 1];
    if ((c === '.' || c === '?' || c === '!') && ++ends === 2) break;
  }
  return !QA_LATER.test(text.slice(from, m.index + m[0].length));
}

/** Phrases a sign-off uses. */
const CLOSING_PATTERN =
  /\b(?:thanks?(?: you)?(?: all| everyone)? for (?:joining|participating|your (?:time|interest|questions))|concludes|look forward to (?:talking|speaking)|next quarter)\b/i;

/** Phrases an operator uses to hand over to an analyst (also when the analyst is not named). */
const INTRO_PATTERN =
  /\b(?:next|first|final|last|following|another) question\b|\bquestions? (?:comes?|is) from\b|\bline of\b|\bgo ahead\b/i;

/** "with"/"from"/"of"/"at" right after an analyst's name, then their firm's words. */
const FIRM_LEAD = /^[\s,]+(?:with|from|of|at)\s+/u;
/**
 * The same in an introduction held in French, Italian, German, Spanish or Portuguese ("…vient de Hugo Brandt de Piper
 * Sandler", "…è di Hugo Brandt di Piper Sandler", "…kommt von Hugo Brandt von Piper Sandler", "…d'Exane"), Dutch or a
 * Nordic language ("…komt van Hugo Brandt van Piper Sandler", "…kommer från Hugo Brandt på Carnegie"): read only
 * where the introduction is worded in one of them, so an English "Ana de Souza" keeps her particle.
 */
const FOREIGN_FIRM_LEAD = /^[\s,]+(?:(?:de|di|da|do|du|von|vom|van|bij|fr[åa]n|p[åa]|fra|hos)\s+|d['\u2019](?=\p{Lu}))/u;
const FIRM_WORD = /^(?:[A-Z][\p{L}\p{N}&.'’-]*|&|and|of|de)$/u;
/** Words that start the operator's next sentence, not the firm's name ("…ISI. Please go ahead"). */
const SENTENCE_STARTS = new Set(['please', 'your', 'you', 'go', 'the', 'we', 'our', 'thank', 'thanks', 'and', 'next', 'sir', 'line', 'one', 'it', 'good', 'hi', 'hello', 'yes', 'okay', 'so']);

/** The firm an operator's introduction gives an analyst ("…Mark Mahaney with Evercore ISI"), or null. */
export function firmInIntroduction(text: string, name: string): string | null {
  const words = name.trim().split(/\s+/);
  const forms = [words.join(' '), words.length > 2 ? `${words[0]} ${words.at(-1)}` : null].filter((f): f is string => f !== null);
  for (const form of forms) {
    const at = text.toLowerCase().indexOf(form.toLowerCase());
    if (at < 0) continue;
    const after = text.slice(at + form.length, at + form.length + 120);
    const lead = FIRM_LEAD.exec(after) ?? (IBERIAN_QUESTION_INTRO.test(text) ? FOREIGN_FIRM_LEAD.exec(after) : null);
    if (!lead) continue;
    const tokens = after.slice(lead[0].length).split(/\s+/);
    const firm: string[] = [];
    for (const [k, token] of tokens.entries()) {
      // A false start in speech ("with UP- UBS", "P- BTG Pactual") is not part of the name.
      if (/\p{L}-$/u.test(token) && firm.length === 0) continue;
      const bare = token.replace(/[,;:!?]+$/, '');
      if (!FIRM_WORD.test(bare) || firm.length === 6) break;
      const next = tokens[k + 1]?.toLowerCase().replace(/[^a-z]/g, '');
      // A dot closes the name when the next word starts a sentence ("ISI. Please") or addresses the
      // analyst ("Barclays. Jake, go ahead", "Goldman Sachs. Mr. Gandolfi"), not after an initial ("J.P. Morgan").
      const addressed = next === words[0]?.toLowerCase().replace(/[^a-z]/g, '') || /^(?:mr|mrs|ms|dr|miss|prof)$/.test(next ?? '');
      if (bare.endsWith('.') && (next === undefined || SENTENCE_STARTS.has(next) || addressed)) {
        firm.push(bare.slice(0, -1));
        break;
      }
      firm.push(bare);
      if (bare !== token) break; // a comma or the like ends it
    }
    while (firm.length > 0 && /^(?:and|of|de|&)$/.test(firm.at(-1)!)) firm.pop();
    if (firm.length > 0) return firm.join(' ');
  }
  return null;
}

/**
 * Who an introduction hands the floor to: the participant named after its hand-over wording
 * ("Thanks, Lena. Our next question is from Karl…" is Karl's, not Lena's, though both are
 * named alike), else whoever it names.
 */
export function introduced(matcher: IntroMatcher, text: string): Participant | null {
  const handover = INTRO_PATTERN.exec(text) ?? IBERIAN_QUESTION_INTRO.exec(text);
  return (handover && handover.index > 0 ? matcher.find(text.slice(handover.index)) : null) ?? matcher.find(text);
}

/**
 * Does the introduction say this person's name, the surname perhaps spelt otherwise (speech
 * recognition and transcribers disagree: "Weinstein" / "Winestean")? The first name exactly, then
 * a word within a third of the surname's length in edits.
 */
function introducesNearly(text: string, person: Participant): boolean {
  const [first, ...rest] = nameWords(person.name);
  const last = rest.at(-1);
  if (!first || !last || last.length < 4) return false;
  const words = nameWords(text);
  const max = Math.floor(last.length / 3);
  return words.some((w, k) => w === first && words[k + 1] !== undefined && boundedEditDistance(words[k + 1]!, last, max) <= max);
}

/** A full name handed the floor with a firm ("…from Hugo Brandt with Piper Sandler", "…von Hugo Brandt von Piper Sandler"). */
const NAME_WITH_FIRM = /(?<!\p{L})(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*,?\s+(?:with|from|of|at)\s+\p{Lu}/gu;

/**
 * Does a question's introduction read out the question of a full name, with a firm, that is not `newcomer`'s (whose
 * words none of its name's are): "…from Hugo Brandt with Piper Sandler, who asks: how did churn move?" The question
 * is asked in the introduction, so whoever speaks next answers it. Without the question in it ("…from Steve Lowe
 * with Argent", then "Hi, it's actually Richie on for Steve…") the newcomer is still the one asking. A voice speech
 * recognition only numbered ("Speaker 3") may be the one named: for it the question read out alone decides.
 */
function readsOutSomeoneElsesQuestion(text: string, newcomer: Participant): boolean {
  // A voice only numbered ("Speaker 3") may bear any name: only the question read out tells it answers.
  const unnamed = isNumberedSpeaker(newcomer.name) || unidentifiedSide(newcomer.name) !== null || /\d/.test(newcomer.name);
  const own = new Set(unnamed ? [] : nameWords(newcomer.name));
  if (!unnamed && (own.size === 0 || introducesNearly(text, newcomer))) return false;
  const handover = INTRO_PATTERN.exec(text) ?? IBERIAN_QUESTION_INTRO.exec(text);
  const after = handover ? text.slice(handover.index) : text;
  for (const m of after.matchAll(NAME_WITH_FIRM)) {
    const words = nameWords(m[1] as string);
    if (words.length >= 2 && !words.some((w) => own.has(w)) && readsOutQuestion(after.slice((m.index as number) + (m[1] as string).length), m[1] as string)) return true;
  }
  return false;
}

export function turnText(turn: { paragraphs: readonly Paragraph[] }): string {
  return turn.paragraphs.map((p) => p.text).join('\n\n');
}

/**
 * Participants with sides inferred where no source stated one (see the module comment).
 * Earlier inferences are discarded and redone, so the result depends only on the turns.
 */
export function inferSides(participants: readonly Participant[], turns: readonly TurnDraft[], company: string | null = null): Participant[] {
  const people = participants.map((p): Participant => (p.sideSource === 'inferred' ? { ...p, side: 'unknown', sideSource: 'unknown' } : { ...p }));
  if (!people.some((p) => p.side === 'unknown')) return people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const texts = turns.map(turnText);
  // "Unidentified Speaker" stands for whoever was not named (several people): no side can be inferred for it;
  // nor for a meeting room's account ("Board Room 3"), whoever sits in that room.
  const open = (p: Participant | undefined): p is Participant => p !== undefined && p.side === 'unknown' && unidentifiedSide(p.name) !== 'unknown' && !isRoomAccount(p.name);

  // 1. The operator (or, failing one, a host who introduces the questions). Speech recognition may
  // split one operator into several voices: each speaker who talks like one in most of their turns is one.
  const moderators = new Set(people.filter((p) => p.side === 'operator').map((p) => p.id));
  if (moderators.size === 0) {
    const score = new Map<string, { strong: number; intros: number; turns: number; operatorLike: number; words: number }>();
    turns.forEach((t, i) => {
      if (!open(byId.get(t.speakerId))) return;
      const s = score.get(t.speakerId) ?? { strong: 0, intros: 0, turns: 0, operatorLike: 0, words: 0 };
      const strong = OPERATOR_PHRASES.test(texts[i] as string);
      const intro = introducesQuestion(texts[i] as string);
      if (strong) s.strong++;
      if (intro) s.intros++;
      s.turns++;
      s.words += (texts[i] as string).split(/\s+/).length;
      if (strong || intro) s.operatorLike++;
      score.set(t.speakerId, s);
    });
    const weight = (s: { strong: number; intros: number }) => s.strong * 2 + s.intros;
    const ranked = [...score].sort((a, b) => weight(b[1]) - weight(a[1]));
    const [topId, top] = ranked[0] ?? [null, null];
    const second = ranked[1]?.[1];
    const clear = top !== null && (second === undefined || weight(top) > weight(second));
    // Voices of the operator: its wording in most of their turns, and short turns (a host who reads
    // the dial-in instructions inside a long welcome is not one).
    const voiceOfOperator = (s: { strong: number; operatorLike: number; turns: number; words: number }) =>
      s.strong > 0 && 2 * s.operatorLike > s.turns && s.words <= OPERATOR_TURN_WORDS * s.turns;
    if (topId !== null && top !== null && top.strong > 0) {
      // The clear leader is the operator; so is every other voice of it. Tied leaders are operators
      // only as such voices (speech recognition split one operator into several).
      if (clear) moderators.add(topId);
      for (const [id, s] of clear ? ranked.slice(1) : ranked) if (voiceOfOperator(s)) moderators.add(id);
      for (const id of moderators) Object.assign(byId.get(id) as Participant, { side: 'operator', sideSource: 'inferred' });
    } else if (topId !== null && top !== null && clear && top.intros >= 2) {
      moderators.add(topId); // a host: company, decided below
    }
    // An operator a transcription tool could not name ("Unknown Speaker  0:02", Otter), who welcomes the call
    // and hands over the questions: the moderator, so who they hand the floor to is an analyst — but its side
    // stays unknown, the label being anyone the tool could not name. It left every side unknown.
    if (moderators.size === 0) {
      const unnamed = people.filter((p) => p.side === 'unknown' && unidentifiedSide(p.name) === 'unknown');
      const hosting = unnamed.filter((p) => {
        const own = turns.map((t, i) => (t.speakerId === p.id ? (texts[i] as string) : null)).filter((x): x is string => x !== null);
        return own.some((x) => OPERATOR_PHRASES.test(x)) || own.filter((x) => introducesQuestion(x)).length >= 2;
      });
      if (hosting.length === 1) moderators.add((hosting[0] as Participant).id);
    }
  }

  // 2. Analysts: who the moderator hands the floor to once the Q&A has opened.
  let analystsFound = false;
  let qaOpened = false;
  if (moderators.size > 0) {
    const isModerator = (id: string | undefined) => id !== undefined && moderators.has(id);
    const qaStart = qaOpening(turns, texts, (i) => isModerator(turns[i]?.speakerId));
    qaOpened = qaStart !== null;
    if (qaStart !== null) {
      const presenters = new Set(turns.slice(0, qaStart).map((t) => t.speakerId));
      const firstTurn = new Map<string, number>();
      turns.forEach((t, i) => {
        if (!firstTurn.has(t.speakerId)) firstTurn.set(t.speakerId, i);
      });
      const matcher = new IntroMatcher(people.filter((p) => !moderators.has(p.id) && p.side !== 'operator' && !presenters.has(p.id)));
      for (let i = qaStart; i < turns.length; i++) {
        // The moderator's turns, and anyone's that carry the operator's handover wording (see OPERATOR_HANDOVER).
        if (!isModerator((turns[i] as TurnDraft).speakerId) && !handsOver(texts[i] as string)) continue;
        const named = introduced(matcher, texts[i] as string);
        const next = turns[i + 1];
        const newcomer = next && !isModerator(next.speakerId) && firstTurn.get(next.speakerId) === i + 1 ? byId.get(next.speakerId) : undefined;
        // "…comes from Michael Weinstein" with "Michael Winestean" speaking next, his first turn: the
        // introduction names him, misspelt, not a "Michael" who speaks later under his first name alone.
        // "…comes from Hugo Brandt with Piper Sandler, who asks: …" with the CFO speaking next, her first turn: the
        // moderator read out the question of someone who never speaks; she answers it, she is no analyst.
        const stranger = named === null && newcomer !== undefined && readsOutSomeoneElsesQuestion(texts[i] as string, newcomer);
        const target = newcomer && named !== newcomer && introducesNearly(texts[i] as string, newcomer) ? newcomer : (named ?? (stranger ? undefined : newcomer));
        if (open(target) && !presenters.has(target.id)) {
          target.side = 'analyst';
          target.sideSource = 'inferred';
          analystsFound = true;
        } else if (target?.side === 'analyst') analystsFound = true; // already known ("Analyst:", a list): the structure holds
        // "…from the line of Mark Mahaney with Evercore ISI": the firm, where the source gave none.
        if (named && named.side === 'analyst' && named.firm === null) {
          // "Jake Miller (Barclays): …", "BEN ORTIZ (CITIGROUP):" gave the firm as the header's hint, read as
          // a title: an analyst's "title" without a company title's words is the firm the source wrote.
          if (named.title !== null && !titleWords(named.title).executive) {
            named.firm = named.title;
            named.title = null;
          } else named.firm = firmInIntroduction(texts[i] as string, named.name);
          if (named.firm !== null && named.title?.toLowerCase() === named.firm.toLowerCase()) named.title = null;
        }
      }
    }
  }

  // An interview (no moderator, no analyst told): who introduces themselves with a firm, and whom a voice names right
  // after the company's name (introduced-sides.ts).
  if (moderators.size === 0 && !analystsFound) {
    applyIntroducedSides(people, turns.map((t, i) => ({ speakerId: t.speakerId, text: texts[i] as string })), company, open);
  }

  // 3. The company: everyone else who speaks, once the call's structure is known — not when the
  // Q&A opened (by the moderator, or by the source's own Q&A heading) and no analyst could be told
  // (introduced in words not recognised, or in another language): then who asked and who answered
  // is unknown, and saying "company" of an analyst would be a wrong speaker.
  qaOpened ||= turns.some((t) => t.section === 'qa');
  if ((moderators.size > 0 || analystsFound) && !(qaOpened && !analystsFound)) {
    // No Q&A found at all: only who spoke before any sign of one presented (see unreadQaStart).
    const speakers = new Set((qaOpened ? turns : turns.slice(0, unreadQaStart(turns, texts, moderators))).map((t) => t.speakerId));
    for (const p of people) {
      if (open(p) && speakers.has(p.id)) {
        p.side = 'company';
        p.sideSource = 'inferred';
      }
    }
  }
  return people;
}

/** Wording that asks for or hands over questions, whoever says it ("If you would like to ask a question…", "We'll take our next question from…"). */
const QUESTION_WORDING = /\bask\s+(?:a|your|any)\s+(?:follow-?up\s+)?questions?\b/i;

/**
 * Where a Q&A no rule could read may have started, in a call with a moderator whose Q&A was never
 * found: the first turn after the opening that asks for or hands over questions in English words
 * looser than the opening's rules (a diarized call that gave them to a voice not taken for the
 * operator), or the moderator taking the floor again once someone else has spoken (introducing, in
 * words no rule reads — another language — the next speaker). Who first speaks there or later may
 * be an analyst: calling them "company" would be a wrong speaker, so their side stays unknown.
 * A presentation-only call's closing operator changes nothing (no one new speaks after it).
 */
function unreadQaStart(turns: readonly TurnDraft[], texts: readonly string[], moderators: ReadonlySet<string>): number {
  let presenterSpoke = false;
  for (let i = 0; i < turns.length; i++) {
    const moderator = moderators.has((turns[i] as TurnDraft).speakerId);
    if (i > 0 && (introducesQuestion(texts[i] as string) || QUESTION_WORDING.test(texts[i] as string))) return i;
    if (moderator && presenterSpoke) return i;
    if (!moderator) presenterSpoke = true;
  }
  return turns.length;
}

/** An operator announcing that the Q&A starts now (not "later, there will be a Q&A session"). */
const QA_ANNOUNCEMENT =
  /\b(?:now|at this time|will now|we'll now|we will now)\b[^.?!]{0,60}\b(?:question[- ]and[- ]answer|q\s?&\s?a)\b|\b(?:question[- ]and[- ]answer|q&a) session will (?:now )?begin\b/i;

/**
 * The turn where the Q&A opens: the first turn by `isModerator` that introduces a question or
 * announces the Q&A (an announcement in the call's very first turn is the agenda, not the start).
 */
function qaOpening(turns: readonly TurnDraft[], texts: readonly string[], isModerator: (i: number) => boolean): number | null {
  for (let i = 0; i < turns.length; i++) {
    const text = texts[i] as string;
    // Anyone's turn with the operator's own handover wording opens it too (diarization slips, see OPERATOR_HANDOVER).
    if (i > 0 && handsOver(text)) return i;
    if (!isModerator(i)) continue;
    if (introducesQuestion(text) || (i > 0 && QA_ANNOUNCEMENT.test(text))) return i;
  }
  return null;
}

/**
 * Index of the turn where the Q&A begins in a call whose layout has no section headings: where
 * an operator opens it (see qaOpening) or the first analyst turn, whichever comes first. Null
 * when neither occurs.
 */
export function inferQaStart(participants: readonly Participant[], turns: readonly TurnDraft[]): number | null {
  const side = new Map(participants.map((p) => [p.id, p.side]));
  const texts = turns.map(turnText);
  const opening = qaOpening(turns, texts, (i) => side.get((turns[i] as TurnDraft).speakerId) === 'operator');
  const firstAnalyst = turns.findIndex((t) => side.get(t.speakerId) === 'analyst');
  if (opening === null) return firstAnalyst < 0 ? null : firstAnalyst;
  return firstAnalyst < 0 ? opening : Math.min(opening, firstAnalyst);
}

/** A draft as a turn before roles and exchanges are assigned: remarks, in no exchange, spanning its paragraphs. */
export function unstructuredTurn(t: TurnDraft, index: number): Turn {
  const first = t.paragraphs[0] as Paragraph;
  const last = t.paragraphs[t.paragraphs.length - 1] as Paragraph;
  return {
    index,
    speakerId: t.speakerId,
    section: t.section,
    exchange: null,
    role: 'remarks',
    paragraphs: t.paragraphs,
    startTime: t.startTime,
    start: first.start,
    end: last.end,
  };
}

/** Assigns roles and exchanges (see the module comment). Linear in the number of turns and their text. */
export function structureTurns(drafts: readonly TurnDraft[], participants: readonly Participant[]): { turns: Turn[]; exchanges: Exchange[] } {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const analysts = participants.filter((p) => p.side === 'analyst');
  const matcher = new IntroMatcher(analysts);

  const turns: Turn[] = drafts.map(unstructuredTurn);

  const exchanges: Exchange[] = [];
  let open: Exchange | null = null;
  let pendingIntro: number | null = null;

  const openExchange = (analystId: string, introTurn: number | null): Exchange => {
    const exchange: Exchange = { id: exchanges.length + 1, analystId, introTurn, questionTurns: [], answerTurns: [] };
    exchanges.push(exchange);
    if (introTurn !== null) {
      const intro = turns[introTurn] as Turn;
      intro.role = 'intro';
      intro.exchange = exchange.id;
    }
    return exchange;
  };

  turns.forEach((turn, index) => {
    if (turn.section !== 'qa') return;
    const side = byId.get(turn.speakerId)?.side ?? 'unknown';
    if (side === 'operator') {
      pendingIntro = null;
      open = null;
      const text = turnText(turn);
      const analyst = introduced(matcher, text);
      if (analyst) open = openExchange(analyst.id, index);
      else if (INTRO_PATTERN.test(text)) pendingIntro = index; // intro of an unnamed analyst
    } else if (side === 'analyst') {
      if (pendingIntro !== null) {
        open = openExchange(turn.speakerId, pendingIntro);
        pendingIntro = null;
      } else if (open === null || open.analystId !== turn.speakerId) {
        open = openExchange(turn.speakerId, null);
      }
      turn.role = 'question';
      turn.exchange = open.id;
      open.questionTurns.push(index);
    } else {
      // A host who is no operator (an IR head) handing the floor to an analyst: an introduction, never an answer —
      // in a turn as short as a host's ("…to add to the question from Hugo earlier, …" in an answer stays an answer).
      const text = turnText(turn);
      const hosted = hostHandsOver(text) && text.split(/\s+/).length <= HOST_INTRO_WORDS ? introduced(matcher, text) : null;
      if (hosted !== null && hosted.id !== open?.analystId) {
        pendingIntro = null;
        open = openExchange(hosted.id, index);
      } else if (open !== null) {
        turn.role = 'answer';
        turn.exchange = open.id;
        open.answerTurns.push(index);
      }
    }
  });

  // Closing remarks: trailing sign-off turns of the last exchange by someone who did not answer in it.
  const last = exchanges[exchanges.length - 1];
  if (last) {
    const lastQuestion = last.questionTurns[last.questionTurns.length - 1] ?? -1;
    const answersBy = new Map<string, number>();
    for (const i of last.answerTurns) {
      const id = (turns[i] as Turn).speakerId;
      answersBy.set(id, (answersBy.get(id) ?? 0) + 1);
    }
    while (last.answerTurns.length > 1) {
      const candidate = last.answerTurns[last.answerTurns.length - 1] as number;
      const turn = turns[candidate] as Turn;
      // Only turns outside any exchange may follow it, and its speaker must not have answered earlier.
      if (lastQuestion > candidate || (answersBy.get(turn.speakerId) ?? 0) > 1 || !CLOSING_PATTERN.test(turnText(turn))) break;
      turn.role = 'remarks';
      turn.exchange = null;
      last.answerTurns.pop();
      answersBy.set(turn.speakerId, (answersBy.get(turn.speakerId) ?? 1) - 1);
    }
  }

  return { turns, exchanges };
}

/** Titles for company-side people the source gave none, read from how the call introduces them (title-introductions.ts). */
export function withIntroducedTitles(participants: readonly Participant[], turns: readonly TurnDraft[]): Participant[] {
  const operators = new Set(participants.filter((p) => p.side === 'operator').map((p) => p.id));
  return inferTitles(participants, turns.map((t) => ({ text: turnText(t), operator: operators.has(t.speakerId) })));
}

/**
 * Titles from the introductions, then roles and exchanges, for participants whose sides
 * inferSides has given — for callers that needed the sides before (to infer sections) and
 * would otherwise infer them twice.
 */
export function structureWithSides(turns: readonly TurnDraft[], sided: readonly Participant[]): { participants: Participant[]; turns: Turn[]; exchanges: Exchange[] } {
  const participants = withIntroducedTitles(sided, turns);
  return { participants, ...structureTurns(turns, participants) };
}

/**
 * Re-derives a call's sides (where inferred), roles and exchanges from its turns. Pure: the
 * input is not modified. The build runs it on stored calls so structuring fixes reach them.
 */
export function structureCall(call: Call): Call {
  return { ...call, ...structureWithSides(call.turns, inferSides(call.participants, call.turns, call.meta.company)) };
}
