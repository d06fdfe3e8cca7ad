/**
 * The steps every layout ends with: collect turns under the limits, fill what the header did not
 * say (the ticker stands in for an unknown company), give the call its id, infer sides (and the
 * Q&A start where the layout has no section headings), structure roles and exchanges.
 */
import { callId } from './call-id.js';
import { inUsualCasing } from './company-casing.js';
import { firmsAsUnnamedAnalysts } from './firm-labels.js';
import { TranscriptFormatError, type ImportWarning } from './format-error.js';
import type { HeaderMeta } from './header-meta.js';
import { withInlineLabels } from './inline-labels.js';
import { refuseJointLabels } from './joint-labels.js';
import { describeLimit, type TranscriptLimits } from './limits.js';
import type { LayoutOutput } from './layouts/layout.js';
import { isRoomAccount } from './names.js';
import { nameNumberedSpeakers } from './numbered-speakers.js';
import { withoutAcronymPossessive, withoutTitlePossessive } from './possessive-company.js';
import { namesCompany } from './participant-lines.js';
import { refuseSecondCall } from './second-call.js';
import { refuseUnreadLabels } from './speaker-openings.js';
import { spokenMeta } from './spoken-meta.js';
import { inferQaStart, inferSides, structureWithSides, turnText, type TurnDraft } from './structure.js';
import { withUnlabelledOperator } from './unlabelled-operator.js';
import { withUnnamedAskers } from './unnamed-askers.js';
import type { Call, LayoutName, Paragraph, Participant, Section } from './types.js';

/** Collects a layout's turns, enforcing the turn and paragraph limits with the line that broke them. */
export class TurnCollector {
  readonly turns: TurnDraft[] = [];
  private openLine: { number: number; text: string; speaker: string } | null = null;

  constructor(private readonly limits: TranscriptLimits) {}

  get current(): TurnDraft | null {
    return this.turns[this.turns.length - 1] ?? null;
  }

  /** Starts a turn; the previous one must have said something. */
  start(speaker: Participant, section: Section, startTime: number | null, line: { number: number; text: string }): TurnDraft {
    this.finish();
    if (this.turns.length >= this.limits.maxTurns) {
      throw new TranscriptFormatError(line.number, `more than ${this.limits.maxTurns.toLocaleString('en-US')} speaker turns; ${describeLimit('maxTurns', this.limits)}`, { lineText: line.text });
    }
    const turn: TurnDraft = { speakerId: speaker.id, section, paragraphs: [], startTime };
    this.turns.push(turn);
    this.openLine = { number: line.number, text: line.text, speaker: speaker.name };
    return turn;
  }

  /** Adds a paragraph to the current turn. */
  paragraph(p: Paragraph, line: { number: number; text: string }): void {
    const turn = this.current;
    if (turn === null) throw new Error('paragraph before any turn'); // layouts check this first
    if (p.text.length > this.limits.maxParagraphChars) {
      throw new TranscriptFormatError(
        line.number,
        `a paragraph of ${p.text.length.toLocaleString('en-US')} characters; ${describeLimit('maxParagraphChars', this.limits)}`,
        { lineText: line.text },
      );
    }
    turn.paragraphs.push(p);
  }

  /** Checks the last turn said something. */
  finish(): void {
    const turn = this.current;
    if (turn && turn.paragraphs.length === 0 && this.openLine) {
      throw new TranscriptFormatError(this.openLine.number, `expected at least one paragraph after speaker "${this.openLine.speaker}"`, {
        lineText: this.openLine.text,
      });
    }
  }
}

export interface CallDraft {
  layout: LayoutName;
  meta: HeaderMeta;
  participants: Participant[];
  turns: TurnDraft[];
  source: string;
  /** False when the layout has no section headings: the Q&A start is inferred. */
  sectionsKnown: boolean;
  fileName: string | null;
  datasetFileId?: string | null;
  /** Line to blame when the call has no turns at all. */
  lastLine: number;
}

/** Sections from where the Q&A starts (inferQaStart), for turns whose source had no section headings. */
export function inferSections<T extends TurnDraft>(participants: readonly Participant[], turns: readonly T[]): { turns: T[]; qaStart: number | null } {
  const qaStart = inferQaStart(participants, turns);
  return { turns: turns.map((t, i) => ({ ...t, section: qaStart !== null && i >= qaStart ? 'qa' : 'prepared_remarks' })), qaStart };
}

/** The title of a call whose source gives none: "CD Projekt Group (OTGLF) Q2 2021 Earnings Call". */
export function defaultTitle(company: string, ticker: string | null, quarter: string | null): string {
  return [company, ticker && ticker !== company ? `(${ticker})` : null, quarter, 'Earnings Call'].filter(Boolean).join(' ');
}

/**
 * "Alan Marsh (Fenwick Tools):" read before the welcome named the company: a title that names the
 * call's company is the company, the person its speaker — not a title "Fenwick Tools".
 */
function withCompanyTitles(participants: readonly Participant[], company: string | null): Participant[] {
  return participants.map((p) =>
    p.title !== null && p.side !== 'analyst' && p.side !== 'operator' && namesCompany(p.title, company)
      ? { ...p, title: null, firm: p.firm ?? company, ...(p.side === 'unknown' ? { side: 'company' as const, sideSource: 'header' as const } : {}) }
      : p,
  );
}

/** Layouts a person wrote up, where a paragraph may go on without its speaker's line (see unnamed-askers.ts). */
const WRITTEN_UP: ReadonlySet<LayoutName> = new Set(['standard', 'dash-header', 'name-colon']);

/** Builds the structured Call; appends to `warnings` what was inferred or missing, and says what was inferred. */
export function assembleCall(written: CallDraft, opts: { id?: string }, warnings: ImportWarning[]): LayoutOutput {
  if (written.turns.length === 0) throw new TranscriptFormatError(written.lastLine, 'found no speaker turns');
  // A second call's title in the body: one file, one call.
  if (WRITTEN_UP.has(written.layout)) refuseSecondCall(written.turns, written.meta, written.source);
  // "Rita Chen — CFO: …" inside the speaker before's turn: a label this layout could not read, never their words.
  if (WRITTEN_UP.has(written.layout)) refuseUnreadLabels(written.turns, written.participants, written.source);
  // "Owen Pryce and Maria Castell: …": two people's label, read as words of the speaker before; whose words cannot be told.
  if (WRITTEN_UP.has(written.layout)) refuseJointLabels(written.turns, written.participants, written.source);
  // The operator's words under the speaker before them, then an analyst's words under the operator who introduced them (no speaker line of their own).
  const inline = WRITTEN_UP.has(written.layout) ? withInlineLabels(written.turns, written.participants, written.source, warnings) : written.turns;
  const draft = WRITTEN_UP.has(written.layout)
    ? { ...written, turns: withUnnamedAskers(withUnlabelledOperator(inline, written.participants, written.source, warnings), written.participants, written.source, warnings) }
    : written;
  let { meta } = draft;
  // "Tallis Freight's Third Quarter…" over a call that says "the Tallis Freight third quarter call": the possessive is the title's.
  // "TALLIS FREIGHT PLC Q3 2025 EARNINGS CALL" over a call that writes "Tallis Freight plc": the capitals are the title's.
  const writtenCompany = meta.company;
  if (meta.company !== null) meta = { ...meta, company: inUsualCasing(withoutTitlePossessive(meta.company, draft.source), draft.source) };
  // The company's people listed under it in capitals ("Company Name: TALLIS FREIGHT PLC"): their firm is the company as the call writes it.
  const cased = writtenCompany !== null && meta.company !== writtenCompany ? { from: writtenCompany, to: meta.company as string } : null;
  // A call with a ticker keeps the id its source gives (stable across re-imports), whatever the welcome adds.
  const idMeta = meta.ticker !== null ? meta : null;
  // No header named the company or the period (none at all, or a dataset that gives only a
  // ticker): the operator's welcome may ("Welcome to the Orchid Labs first quarter 2025 earnings
  // call"), and the opening may say the period ("EDP's first half 2020 results").
  const spoken = spokenMeta(draft.turns, { company: meta.company !== null, quarter: meta.quarter !== null });
  if (spoken.welcome) {
    meta = { ...meta, company: withoutAcronymPossessive(spoken.welcome.company, draft.source), ...spoken.welcome.quarter };
    warnings.push({ line: null, message: `company${spoken.welcome.quarter ? ' and quarter' : ''} read from the welcome: ${[meta.company, meta.quarter].filter(Boolean).join(' ')}` });
  }
  // Ids stay what they were before the opening's period was read (stable across parser versions).
  const idSource = idMeta ?? meta;
  if (spoken.reported) {
    const { said, ...fields } = spoken.reported;
    meta = { ...meta, ...fields };
    warnings.push({ line: null, message: `quarter read from the opening: "${said}" → ${meta.quarter}` });
  }
  let company = meta.company ?? meta.ticker;
  if (company === null) {
    company = draft.datasetFileId ?? draft.fileName ?? 'Unknown company';
    warnings.push({ line: null, message: `the source names no company or ticker; "${company}" stands in` });
  }

  // Voices speech recognition only numbered, named by the hand-overs that introduce them.
  const people = cased === null ? draft.participants : draft.participants.map((p) => (p.firm === cased.from ? { ...p, firm: cased.to } : p));
  const voices = nameNumberedSpeakers(people, draft.turns.map((t) => ({ speakerId: t.speakerId, text: turnText(t) })));
  if (voices.named.length > 0) warnings.push({ line: null, message: `numbered speakers named from the call's hand-overs: ${voices.named.map((n) => `${n.from} → ${n.to}`).join(', ')}` });
  // "Lindqvist Securities -- Analyst", a voice "Lindqvist Securities": a firm's name, no person's.
  const unnamed = firmsAsUnnamedAnalysts(inferSides(withCompanyTitles(voices.participants, meta.company), draft.turns, company), meta.company);
  const participants = unnamed.participants;
  if (unnamed.renamed.length > 0) warnings.push({ line: null, message: `speakers named by a firm alone, each an unidentified analyst of that firm: ${unnamed.renamed.join(', ')}` });
  let turns = draft.turns;
  if (!draft.sectionsKnown) {
    const inferred = inferSections(participants, turns);
    const { qaStart } = inferred;
    turns = inferred.turns;
    warnings.push({
      line: null,
      message:
        qaStart === null
          ? 'no section headings and no question introductions: every turn is prepared remarks'
          : `no section headings: Q&A taken to start at turn ${qaStart + 1}, where the first question is introduced`,
    });
  }
  const inferred = participants.filter((p) => p.sideSource === 'inferred');
  if (inferred.length > 0) {
    warnings.push({ line: null, message: `sides inferred from the operator's introductions: ${inferred.map((p) => `${p.name} (${p.side})`).join(', ')}` });
  }
  const unknown = participants.filter((p) => p.side === 'unknown');
  if (unknown.length > 0) warnings.push({ line: null, message: `side unknown for ${unknown.map((p) => p.name).join(', ')}` });
  const rooms = unknown.filter((p) => isRoomAccount(p.name));
  if (rooms.length > 0) warnings.push({ line: null, message: `voices named for a meeting room's account, whoever sits in it (no person, no side): ${rooms.map((p) => p.name).join(', ')}` });

  const { participants: titled, turns: structured, exchanges } = structureWithSides(turns, participants);
  const introduced = titled.filter((p, i) => p.title !== participants[i]!.title);
  if (introduced.length > 0) warnings.push({ line: null, message: `titles read from the call's introductions: ${introduced.map((p) => `${p.name} (${p.title})`).join(', ')}` });
  const id =
    opts.id ??
    callId({
      company: idSource.company,
      ticker: meta.ticker,
      fiscalQuarter: idSource.fiscalQuarter,
      fiscalYear: idSource.fiscalYear,
      date: meta.date,
      datasetFileId: draft.datasetFileId ?? null,
      fileName: draft.fileName,
      text: draft.source,
    });
  const title = meta.title ?? defaultTitle(company, meta.ticker, meta.quarter);
  const call: Call = {
    meta: {
      id,
      title,
      company,
      ticker: meta.ticker,
      quarter: meta.quarter,
      fiscalQuarter: meta.fiscalQuarter,
      fiscalYear: meta.fiscalYear,
      date: meta.date,
      time: meta.time,
      layout: draft.layout,
      sector: meta.sector,
    },
    participants: titled,
    turns: structured,
    exchanges,
    source: draft.source,
  };
  return { call, warnings, inferred: { sections: !draft.sectionsKnown, titles: introduced.map((p) => p.id) } };
}
