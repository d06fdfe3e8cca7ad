/**
 * The operator's words with no speaker line of their own, in the middle of a call: a transcript
 * that labels the operator's welcome but not every introduction ("…Gross margin was 38%." then a
 * paragraph "Our first question comes from Kate Lowe with UBS. Please go ahead.") reads them as
 * a paragraph of whoever spoke before — the CFO introducing the analyst. A later paragraph of a
 * turn that speaks the operator's mechanics (a question handed over from the line of someone,
 * "press star one", "[Operator Instructions]", "There are no further questions", "This concludes
 * today's conference") starts a turn of the operator, with a warning, when the call has an
 * operator who speaks and the speaker never moderates in words of their own (an IR head or a CEO
 * who introduces questions in paragraphs under their own name keeps them). With no operator in
 * the call, the operator's unmistakable mechanics are refused with their line; a question
 * introduced in other words stays the speaker's (a host who moderates). For text layouts a person
 * wrote up (standard, dash-header, name-colon), before unnamed-askers.ts.
 */
import { TranscriptFormatError, quoteLine, type ImportWarning } from './format-error.js';
import { lineAt } from './lines.js';
import { refuseOtherSpeakersLabel, speakerLabelIndex } from './speaker-openings.js';
import { OPERATOR_HANDOVER, OPERATOR_PHRASES, type TurnDraft } from './structure.js';
import type { Paragraph, Participant } from './types.js';

/** The operator closing the Q&A or the call. */
const OPERATOR_CLOSING =
  /\b(?:there are no (?:further|more|other) questions|this (?:concludes|ends) (?:today['\u2019]s|the|our|this) (?:conference|call|teleconference|event|presentation|webcast|question-and-answer session)|you may (?:now )?disconnect)\b/i;

/** Whether a paragraph speaks the operator's mechanics, unmistakably (no host says "press star one"). */
function operatorMechanics(text: string): boolean {
  return OPERATOR_PHRASES.test(text);
}

/** Whether a paragraph reads as the operator's: its mechanics, a question handed over, the Q&A or the call closed. */
function readsAsOperator(text: string): boolean {
  return operatorMechanics(text) || OPERATOR_HANDOVER.test(text) || OPERATOR_CLOSING.test(text);
}

/**
 * The turns with each later paragraph of a non-operator's turn that reads as the operator's (and
 * the rest of that turn) moved to a turn of the operator. Throws TranscriptFormatError for the
 * operator's mechanics in a call with no operator.
 */
export function withUnlabelledOperator(turns: readonly TurnDraft[], participants: readonly Participant[], source: string, warnings: ImportWarning[]): TurnDraft[] {
  const operator = participants.find((p) => p.side === 'operator' && turns.some((t) => t.speakerId === p.id)) ?? null;
  const operators = new Set(participants.filter((p) => p.side === 'operator').map((p) => p.id));
  // Speakers who introduce questions in words the source gives them: hosts who moderate.
  const moderators = new Set(turns.filter((t) => !operators.has(t.speakerId) && t.paragraphs[0] !== undefined && readsAsOperator(t.paragraphs[0].text)).map((t) => t.speakerId));
  const labels = speakerLabelIndex(participants);
  const out: TurnDraft[] = [];
  for (const turn of turns) {
    const k = operators.has(turn.speakerId) || moderators.has(turn.speakerId) ? -1 : turn.paragraphs.findIndex((p, i) => i > 0 && readsAsOperator(p.text));
    if (k < 0) {
      out.push(turn);
      continue;
    }
    const words = turn.paragraphs[k] as Paragraph;
    const line = lineAt(source, words.start);
    const speaker = participants.find((p) => p.id === turn.speakerId);
    if (operator === null && !operatorMechanics(words.text)) {
      out.push(turn);
      continue;
    }
    if (operator === null || moderators.size > 0) {
      // No operator to give them to, or a host who introduces questions too: whose they are cannot be told.
      const hosts = participants.filter((p) => moderators.has(p.id)).map((p) => p.name);
      const could = [operator ? 'the operator' : null, ...hosts].filter((x): x is string => x !== null);
      throw new TranscriptFormatError(
        line.number,
        `${quoteLine(line.text)} reads as ${could.length > 0 ? `${could.join(' or ')}'s` : "the operator's"}, with no speaker line of its own, inside ${speaker?.name ?? 'a speaker'}'s turn: write the speaker's name above it`,
        { lineText: line.text },
      );
    }
    refuseOtherSpeakersLabel(turn.paragraphs.slice(k), labels, operator, source);
    warnings.push({ line: line.number, message: `words in ${speaker?.name ?? 'a speaker'}'s turn that read as the operator's, with no speaker line of their own, taken as the operator's` });
    out.push({ ...turn, paragraphs: turn.paragraphs.slice(0, k) });
    out.push({ speakerId: operator.id, section: turn.section, paragraphs: turn.paragraphs.slice(k), startTime: null });
  }
  return out;
}
