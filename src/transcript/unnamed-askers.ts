/**
 * A question with no speaker line of its own: the operator introduces an analyst ("Our first
 * question comes from the line of Ravi Menon with Ashby Bank. Please go ahead.") — or hands over
 * to anyone ("…over to Oren Kaplan") — and the source goes straight on to their words in a new
 * paragraph, so the layout read them as the operator's. Those paragraphs are the introduced
 * participant's (with a warning); when the introduction names no participant the call knows,
 * the file is refused with the paragraph's line — never the operator's words. For text layouts a person wrote up (standard, dash-header,
 * name-colon): captions and diarized files give every paragraph its own speaker.
 */
import { TranscriptFormatError, quoteLine, type ImportWarning } from './format-error.js';
import { IntroMatcher } from './intro-matcher.js';
import { introduced, introducesQuestion, OPERATOR_PHRASES, type TurnDraft } from './structure.js';
import { lineAt } from './lines.js';
import { refuseOtherSpeakersLabel, speakerLabelIndex } from './speaker-openings.js';
import type { Paragraph, Participant } from './types.js';

/** Most words an operator's own follow-up has ("Ravi, please go ahead."). */
const FOLLOW_UP_WORDS = 12;
/** The operator's own follow-up to an introduction: the floor handed over, or an editor's note. */
const FOLLOW_UP = /\bgo ahead\b|\bline is (?:now )?open\b|\bproceed\b|\byou(?:'re| are) (?:now )?live\b|\bone moment\b/i;

/** The floor handed to someone: a question's introduction, or "…your line is open", "…over to Oren Kaplan". */
const HANDOVER = /\bgo ahead\b|\byour line is (?:now )?open\b|\b(?:turn|hand)(?:ing)? (?:the (?:call|conference|floor) |it |things )?over to\b/i;

function handsFloor(text: string): boolean {
  return introducesQuestion(text) || HANDOVER.test(text);
}

/** The operator's housekeeping, wherever it comes ("As a reminder, this call is being recorded."). */
const HOUSEKEEPING = /\b(?:is|are) being recorded\b|\bas a reminder\b|\bplease (?:limit|keep) (?:yourselves|yourself|it|your questions?)\b|\bre-?queue\b|\bask one question\b/i;

/** A paragraph that goes on with the sentence the one before left open ("…from Marcus Bell" / "with Jefferies.", a page break between them). */
function continuesSentence(text: string, before: string): boolean {
  return !/[.?!\u2026:;"\u201d)\]]\s*$/u.test(before) && /^\p{Ll}/u.test(text.trim());
}

/** Whether a paragraph after an introduction is still the operator speaking. */
function operatorGoesOn(text: string, before: string): boolean {
  const words = text.split(/\s+/).length;
  return (
    OPERATOR_PHRASES.test(text) || HOUSEKEEPING.test(text) || handsFloor(text) || /^\[[^\]]*\]$/.test(text.trim()) || (words <= FOLLOW_UP_WORDS && FOLLOW_UP.test(text)) || continuesSentence(text, before)
  );
}

/**
 * The turns with the first operator paragraph after a hand-over that is not the operator's own
 * follow-up moved, with the rest of that turn, to a turn of the participant the hand-over (or
 * the introduction before it) names. Throws TranscriptFormatError when it names none.
 */
export function withUnnamedAskers(turns: readonly TurnDraft[], participants: readonly Participant[], source: string, warnings: ImportWarning[]): TurnDraft[] {
  const operators = new Set(participants.filter((p) => p.side === 'operator').map((p) => p.id));
  if (operators.size === 0 || !turns.some((t) => operators.has(t.speakerId) && t.paragraphs.length > 1)) return [...turns];
  const matcher = new IntroMatcher(participants.filter((p) => !operators.has(p.id)));
  const labels = speakerLabelIndex(participants);
  const out: TurnDraft[] = [];
  for (const turn of turns) {
    if (!operators.has(turn.speakerId)) {
      out.push(turn);
      continue;
    }
    // The operator's paragraphs: up to the first one after a hand-over that is not the operator's own follow-up.
    let k = 0;
    for (let handed = false; k < turn.paragraphs.length; k++) {
      const text = (turn.paragraphs[k] as Paragraph).text;
      if (handed && !operatorGoesOn(text, k > 0 ? (turn.paragraphs[k - 1] as Paragraph).text : '')) break;
      handed ||= handsFloor(text);
    }
    const own = turn.paragraphs.slice(0, k);
    out.push({ ...turn, paragraphs: own });
    if (k === turn.paragraphs.length) continue;
    // Named in the hand-over, or in the introduction before it ("…from Ivo Brandt with Keller." / "Ivo, please go ahead.").
    const words = turn.paragraphs[k] as Paragraph;
    const line = lineAt(source, words.start);
    const asker = introduced(matcher, (own.at(-1) as Paragraph).text) ?? introduced(matcher, own.map((p) => p.text).join('\n\n'));
    if (asker === null) {
      throw new TranscriptFormatError(
        line.number,
        `${quoteLine(line.text)} comes after the operator hands the floor over, with no speaker line of its own, and the operator names no participant: write the speaker's name line above it`,
        { lineText: line.text },
      );
    }
    refuseOtherSpeakersLabel(turn.paragraphs.slice(k), labels, asker, source);
    warnings.push({ line: line.number, message: `words after the operator hands the floor over, with no speaker line of their own, taken as ${asker.name}'s, whom the operator names` });
    out.push({ speakerId: asker.id, section: turn.section, paragraphs: turn.paragraphs.slice(k), startTime: null });
  }
  return out;
}
