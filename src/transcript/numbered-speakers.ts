/**
 * Names for the voices speech recognition could only number ("Speaker 3"), read from what the call
 * itself says of who speaks: a hand-over ("I'd like to turn the conference over to Dana Reyes",
 * "We'll go next to Omar Haddad of Castle Bank", "Rafael will now review…", "…Gustavo?") names the next voice; thanks opening a turn
 * ("Thanks, Dana, and good morning") name the voice before; a self-introduction ("Hi, this is Lena
 * Ford from…") names its own. A first name counts only through the one longer form the call has
 * said ("Dana" → "Dana Reyes"), and a voice is named only when every cue agrees: a voice that
 * diarization gave to two people stays numbered. A wrong name is worse than none.
 * Pure; the cost is one pass over the turns' ends and openings.
 */
import { endsLikeFirm } from './firm-labels.js';
import { boundedEditDistance, isNumberedSpeaker } from './names.js';
import { nicknamesOf } from './nicknames.js';
import { readsOutQuestion } from './read-out-questions.js';
import { OPERATOR_PHRASES } from './structure.js';
import type { Participant } from './types.js';

/** What structure needs of a turn here: who spoke and what they said. */
export interface SpokenTurn {
  speakerId: string;
  text: string;
}

const NAME_WORD = String.raw`\p{Lu}['’]?\p{Ll}(?:[\p{L}'’-]*\p{Ll})?`;
/** Lower-case particles inside a name ("Chasseloup de Chatillon", "Van der Berg"). */
const PARTICLES = String.raw`(?:de|del|della|da|di|du|van|von|der|den|la|le|dos|das)`;
/** A name as the call says it: up to three capitalised words, particles between them. */
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLES}\s+){0,2}${NAME_WORD}){0,2}`;

/** How far from the end of a turn a hand-over may sit (it closes the turn). */
const HANDOVER_TAIL = 300;

/**
 * A hand-over and the name it hands to: "over to [our CFO,] Dana Reyes", "Over to you, Dana", "go
 * next to Omar Haddad", "question comes from [the line of] Omar Haddad", "introduce Dana Reyes", "ask Dana
 * to take you through our results".
 * Case-sensitive, for the capitals of the name: a cue word may start a sentence ("Over to…").
 */
const HANDOVER = new RegExp(
  String.raw`\b(?:(?:[Tt]urn|[Hh]and|[Pp]ass)(?:ing)?\s+(?:the\s+(?:call|conference|floor|line)\s+|it\s+|things\s+)?(?:back\s+)?over\s+to|[Oo]ver\s+to\s+you,?|[Oo]ver\s+to|[Gg]o\s+next\s+to|[Qq]uestions?\s+(?:(?:today|this\s+morning|this\s+afternoon)\s+)?(?:comes?|is|will\s+come)\s+from|(?:[Cc]omes?|[Ii]s)\s+from\s+the\s+line\s+of|[Ff]rom\s+the\s+line\s+of|[Ii]ntroduce|(?:[Aa]sk|[Ii]nvite)(?=\s+\S+(?:\s+\S+)?\s+to\s))` +
    String.raw`\s+(?:(?:our|the|its)\s+[^.,;!?]{2,60}?,\s+)?(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)?` +
    // Each word capitalised and then lower-case ("McKinnon", "O'Brien"; not "CEO", not a false start "Ul-").
    String.raw`(?<name>${NAME})(?=\s*(?:[,.;!?]|$|\s+(?:of|with|from|at|who|our|please|and|for|to|CEO|CFO|COO)\b))`,
  'gu',
);

/** Words a turn must have for thanks that open the next one to be for it (remarks, not an introduction). */
const THANKED_WORDS = 40;
/** How far into a turn a greeting's thanks or a self-introduction may sit (it opens the turn). */
const OPENING_CHARS = 80;
/** "Thanks, Dave" / "Thank you very much, Ana Maria." opening a turn: the one thanked spoke just before. */
/**
 * Hesitations speech recognition writes before the first words of a turn ("Uh thanks Nadia"). Not
 * "Yeah, so thanks Omar": there the one answering thanks the analyst for the question, whoever spoke last.
 */
const FILLERS = String.raw`(?:(?:[Uu]h|[Uu]m|[Ee]r)[,.]?\s+)*`;
const THANKS = new RegExp(String.raw`^\s*${FILLERS}(?:[Tt]hank\s+you|[Tt]hanks)(?:\s+(?:very|so)\s+much)?,?\s+(?<name>${NAME})(?=\s*[,.;!]|\s+and\b)`, 'u');
/** "Hi, this is Craig." / "Good morning, it's Ana Ruiz from…" / "My name is…" opening a turn. */
const SELF_INTRODUCTION = new RegExp(
  String.raw`^\s*(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Yy]es|[Yy]eah|[Gg]ood\s+(?:morning|afternoon|evening))[,.!]?\s+(?:(?:everyone|all|guys)[,.!]?\s+)?)?(?:[Tt]his\s+is|[Ii]t['’]s|[Mm]y\s+name\s+is)\s+(?<name>${NAME})(?=\s*(?:[,.;!]|$|\s+(?:from|with|of|at|here|speaking)\b))`,
  'u',
);

/** "Okay. Hi, Omar. Rosa Ibarra speaking now.": a name saying it speaks, as a sentence of its own near the start. */
const SPEAKING = new RegExp(String.raw`(?:^|[.!?,]\s+)(?<name>${NAME})\s+(?:speaking|here\s+speaking)\b`, 'u');

/** A phrase that can be a person's name: no opening word of speech or reference, no greeting inside, no firm. */
function personLike(phrase: string): boolean {
  return !NOT_A_NAME.test(phrase) && phrase.split(' ').every((w) => !SPEECH_WORDS.has(w)) && !endsLikeFirm(phrase);
}

/** How much of the call is read for the full forms of names handed to in part. */
const INTRODUCTIONS_CHARS = 30_000;

/**
 * The one longer form of `name` the call has said so far ("Josu Jon" → "Josu Jon Imaz", "Rafael" →
 * "Rafael Lizardi"), else `name` as it is (several longer forms: which one is unknown).
 */
function inFull(name: string, said: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const longer = new Set<string>();
  for (const m of said.matchAll(new RegExp(String.raw`(?<!\p{L})${escaped}((?:\s+(?:${PARTICLES}\s+){0,2}${NAME_WORD}){1,2})(?!\p{L})`, 'gu'))) {
    const rest = m[1]!.trim().split(/\s+/);
    // "Nadia Sorel Chief Executive Officer": the title goes.
    while (rest.length > 0 && TITLE_WORD.test(rest[rest.length - 1]!)) rest.pop();
    if (rest.length === 0) continue;
    const full = `${name} ${rest.join(' ')}`;
    if (personLike(full)) longer.add(full);
  }
  return longer.size === 1 ? [...longer][0]! : name;
}

/** Cues of one other first name that contradict a full name: once may be a misheard word ("Restructuring"). */
const CONTRADICTING_CUES = 2;

/**
 * Does the name the call called this voice by, alone, fit its full name? It fits as any word of
 * it ("Thanks, Ortega-Ruiz"), a nickname ("Dave" for David, "Christian" for Chris) or a
 * misheard form ("Marta" for Marto); another first name said twice or more does not ("Thank
 * you, Sven" to a voice introduced as Maria Holm).
 */
function firstNameAgrees(name: string, cues: ReadonlyMap<string, number> | undefined): boolean {
  if (!cues) return true;
  const words = name.toLowerCase().split(/[\s-]+/);
  const first = words[0]!;
  const fits = (cue: string) =>
    words.includes(cue) ||
    cue.split('-').every((w) => words.includes(w)) ||
    nicknamesOf(first).some((n) => n.toLowerCase() === cue) ||
    nicknamesOf(cue).some((n) => n.toLowerCase() === first) ||
    boundedEditDistance(cue, first, 2) <= 2;
  return [...cues].every(([cue, n]) => n < CONTRADICTING_CUES || fits(cue));
}

/** "Rafael will now review profitability…", "Ana will take you through the numbers": the name, then the hand-over. */
const WILL_NOW = new RegExp(
  String.raw`(?<![\p{L}'’])(?<name>${NAME})\s+will\s+(?:now\s+)?(?:review|discuss|cover|present|provide|give|talk|walk\s+(?:you|us)\s+through|take\s+(?:you|us)\s+through|go\s+(?:over|through))\b[^.!?]*[.!]?\s*$`,
  'gu',
);
/** A turn that ends by calling on someone: "…We will then take questions. Gustavo?" */
const CALLED_ON = new RegExp(String.raw`(?:^|[.!?]\s+)(?<name>${NAME})\?\s*$`, 'u');
/** "…That covers the regions. Pieter, the floor is yours." / "Dana, over to you.": the name, then the floor handed. */
const FLOOR_IS_YOURS = new RegExp(String.raw`(?:^|[.!?,]\s+)(?<name>${NAME}),?\s+(?:the\s+floor\s+is\s+yours|over\s+to\s+you|it['’]s\s+(?:all\s+)?yours)[.!]?\s*$`, 'u');
/** Words of a title that follow a name in an introduction ("Ms Nadia Sorel Chief Executive Officer"): never part of it. */
const TITLE_WORD = /^(?:Chief|Executive|Officer|President|Vice|Chairman|Chairwoman|Chair|Director|Head|Senior|Group|Managing|General|Financial|Operating|Deputy|Founder|Co-Founder|Treasurer|Controller|Partner)$/;

/** Words a capitalised phrase may start with that make it no person's name. */
const NOT_A_NAME = /^(?:The|Our|This|That|Slide|Page|Mr|Ms|Operator|Thank|Thanks|Good|Please|Ladies|Question|Questions)\b/;
/** Words of speech that can follow a name capitalised ("Vipul. Hi"): never part of one. */
const SPEECH_WORDS = new Set(['Hi', 'Hello', 'Hey', 'Thanks', 'Thank', 'Okay', 'Ok', 'Yes', 'Yeah', 'Good', 'Morning', 'Afternoon', 'Evening', 'Sure', 'So', 'Well', 'Go', 'Please', 'Operator']);

/**
 * Participants with their numbered voices named where the hand-overs agree. `turns` in call
 * order. Returns the participants unchanged when no voice is numbered; `named` lists what was done.
 */
export function nameNumberedSpeakers(participants: readonly Participant[], turns: readonly SpokenTurn[]): { participants: Participant[]; named: { from: string; to: string }[] } {
  const numbered = new Set(participants.filter((p) => isNumberedSpeaker(p.name)).map((p) => p.id));
  if (numbered.size === 0) return { participants: [...participants], named: [] };
  const taken = new Set(participants.filter((p) => !numbered.has(p.id)).map((p) => p.name.toLowerCase()));
  const votes = new Map<string, Map<string, number>>();
  const firstNames = new Map<string, Map<string, number>>();
  const vote = (speakerId: string, said: string | null, sofar: string): void => {
    if (said === null || !numbered.has(speakerId)) return;
    // A stammer repeats a word ("Pontus Pontus Wachtmeister"): once is the name; "Josu Jon" after "Josu Jon Imaz" is him in full.
    const name = inFull(said.split(/\s+/).filter((w, k, all) => w !== all[k - 1]).join(' '), sofar);
    // A first name alone names nobody, but it can contradict a full name ("Thank you, Sven" for
    // a voice the operator introduced, wrongly, as "Maria Holm, CFO").
    if (!name.includes(' ')) {
      if (personLike(name)) {
        const cues = firstNames.get(speakerId) ?? firstNames.set(speakerId, new Map()).get(speakerId)!;
        cues.set(name.toLowerCase(), (cues.get(name.toLowerCase()) ?? 0) + 1);
      }
      return;
    }
    // A name someone listed already bears is theirs.
    if (!personLike(name) || taken.has(name.toLowerCase())) return;
    const forVoice = votes.get(speakerId) ?? new Map<string, number>();
    forVoice.set(name, (forVoice.get(name) ?? 0) + 1);
    votes.set(speakerId, forVoice);
  };
  let said = '';
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    if (said.length < INTRODUCTIONS_CHARS) said += ` ${turn.text}`;
    // "Hi, this is Craig." / "My name is Ana Ruiz": the voice names itself.
    const opening = turn.text.slice(0, OPENING_CHARS);
    vote(turn.speakerId, (SELF_INTRODUCTION.exec(opening) ?? SPEAKING.exec(opening))?.groups?.name ?? null, said);
    const prev = turns[i - 1];
    // Only a voice that spoke at length is thanked for it: after a one-line introduction, "Thanks,
    // Rafael" greets the executive about to answer, not the operator who spoke.
    if (prev && prev.speakerId !== turn.speakerId && prev.text.split(/\s+/).length >= THANKED_WORDS) {
      // "Thanks, Dave, and good afternoon": the voice before was Dave's.
      vote(prev.speakerId, THANKS.exec(turn.text.slice(0, OPENING_CHARS))?.groups?.name ?? null, said);
    }
    const next = turns[i + 1];
    if (!next || next.speakerId === turn.speakerId) continue;
    // The last name handed to is who speaks next.
    const tail = turn.text.slice(-HANDOVER_TAIL);
    let last: { name: string; at: number; end: number } | null = null;
    for (const re of [HANDOVER, WILL_NOW]) {
      for (const m of tail.matchAll(re)) if (!last || m.index >= last.at) last = { name: m.groups!.name!, at: m.index, end: m.index + m[0].length };
    }
    // "…We will then take questions. Gustavo?": the turn ends by calling on the next voice.
    const called = CALLED_ON.exec(tail) ?? FLOOR_IS_YOURS.exec(tail);
    if (called && (!last || called.index >= last.at)) last = { name: called.groups!.name!, at: called.index, end: tail.length };
    // "…from Hugo Brandt with Piper Sandler, who asks: how much…?": the next voice answers the question read out; it is not Hugo's.
    if (last && readsOutQuestion(tail.slice(last.end), last.name)) last = null;
    vote(next.speakerId, last?.name ?? null, said);
  }
  // A voice that also speaks the operator's mechanics ("press star one", "your line is open") is two people merged by diarization ("Heri
  // speaking here…" and "Next question comes from the line of…"): a name would be wrong for some of its turns.
  const operatorVoices = new Set(turns.filter((t) => OPERATOR_PHRASES.test(t.text)).map((t) => t.speakerId));
  const named: { from: string; to: string }[] = [];
  const out = participants.map((p) => {
    const names = votes.get(p.id);
    if (!names || names.size !== 1 || operatorVoices.has(p.id)) return { ...p };
    const [name] = names.keys();
    if (!firstNameAgrees(name!, firstNames.get(p.id))) return { ...p };
    named.push({ from: p.name, to: name! });
    return { ...p, name: name! };
  });
  return { participants: out, named };
}
