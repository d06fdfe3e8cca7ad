/**
 * The HTTP contract, in one place. Request validation, response types (z.infer),
 * the CLI's --json output and /api/openapi.json all derive from these schemas.
 */
import { z } from 'zod';
import { LAYOUT_NAMES } from '../transcript/types.js';

export const SIDES = ['company', 'analyst', 'operator', 'unknown'] as const;
export const SECTIONS = ['prepared_remarks', 'qa'] as const;
export const INTENTS = ['speaker_topic', 'who_asked', 'speaker_question', 'topic'] as const;

/** Limits shared by the API, the CLI and the docs. */
export const LIMITS = {
  queryMaxChars: 500,
  kMin: 1,
  kMax: 50,
  kDefault: 10,
  speakerMaxChars: 100,
  callIdMaxChars: 200,
  scopeMaxChars: 100,
} as const;

export const Side = z.enum(SIDES).meta({ id: 'Side', description: 'Which side of the call a speaker is on.' });
export const Section = z.enum(SECTIONS).meta({ id: 'Section', description: 'Part of the call.' });

/**
 * How a query-string parameter given twice arrives (the simple parser makes an array of it): a
 * clear "given once" message, where a JSON body's wrong type says what type it should be.
 */
const textError = (name: string) => (issue: { input?: unknown }) =>
  Array.isArray(issue.input) ? `${name} must be given once` : `${name} must be a string`;

/**
 * True when a query has something to search for: a letter or a digit once Unicode-normalised
 * (NFKC folds compatibility forms such as fullwidth letters). ".", "%00", "???" or a lone
 * zero-width space have none, and ranking them would only produce a confident-looking accident.
 */
export function hasSearchableText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q.normalize('NFKC'));
}

const query = z
  .string({ error: textError('q') })
  .trim()
  .min(1, { error: 'q must not be empty', abort: true })
  .max(LIMITS.queryMaxChars, { error: `q must be at most ${LIMITS.queryMaxChars} characters`, abort: true })
  .refine(hasSearchableText, { error: 'q has nothing to search: it needs at least one letter or digit', params: { code: 'empty_query' } })
  .meta({ description: 'The question or keywords (at least one letter or digit).', example: 'what did Jassy say about Trainium' });

const k = z
  .number({ error: 'k must be a whole number' })
  .int('k must be a whole number')
  .min(LIMITS.kMin, `k must be at least ${LIMITS.kMin}`)
  .max(LIMITS.kMax, `k must be at most ${LIMITS.kMax}`)
  .meta({ description: 'How many results to return.' });

/** A scope filter given as text (company, quarter, call). */
function scopeText(name: string, description: string) {
  return z
    .string({ error: textError(name) })
    .trim()
    .min(1, { error: `${name} must not be empty`, abort: true })
    .max(LIMITS.scopeMaxChars, `${name} must be at most ${LIMITS.scopeMaxChars} characters`)
    .optional()
    .meta({ description });
}

const oneOf = (name: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  Array.isArray(issue.input) ? `${name} must be given once` : `${name} must be one of ${values.join(', ')}`;

const filterFields = {
  speaker: z
    .string({ error: textError('speaker') })
    .trim()
    .min(1, { error: 'speaker must not be empty', abort: true })
    .max(LIMITS.speakerMaxChars, `speaker must be at most ${LIMITS.speakerMaxChars} characters`)
    .optional()
    .meta({ description: 'Restrict to one speaker: participant id, full name, surname, nickname, role (CEO) or firm; "any" lifts a speaker the query names. Overrides what the query implies.' }),
  side: z
    .enum([...SIDES, 'any'], { error: oneOf('side', [...SIDES, 'any']) })
    .optional()
    .meta({ description: 'Restrict to one side; "any" lifts a side the query implies. Overrides what the query implies.' }),
  section: z
    .enum([...SECTIONS, 'any'], { error: oneOf('section', [...SECTIONS, 'any']) })
    .optional()
    .meta({ description: 'Restrict to one section; "any" lifts a section the query implies. Overrides what the query implies.' }),
  company: scopeText('company', 'Restrict to one company: its name, short name or ticker, any case ("Amazon", "amzn", "General Electric", "GE"); "any" lifts a company the query names.'),
  quarter: scopeText('quarter', 'Restrict to one fiscal quarter: "Q4 2025" or "2025Q4"; "any" lifts a period the query names.'),
  call: scopeText('call', 'Restrict to one call, by id (GET /api/calls lists them); "any" lifts a call scope the query implies.'),
};

/** Years a `year` filter accepts. */
const YEAR_RANGE = { min: 1900, max: 2200 } as const;
const yearNumber = z
  .number({ error: 'year must be a four-digit year or "any"' })
  .int('year must be a four-digit year or "any"')
  .min(YEAR_RANGE.min, 'year must be a four-digit year or "any"')
  .max(YEAR_RANGE.max, 'year must be a four-digit year or "any"');
const YEAR_DESCRIPTION = 'Restrict to one fiscal year; "any" lifts a period the query names.';

/** POST /api/search body: JSON types are strict (k must be a number). */
export const SearchBody = z
  .strictObject({
    q: query,
    k: k.default(LIMITS.kDefault),
    ...filterFields,
    year: z.union([yearNumber, z.literal('any')], { error: 'year must be a four-digit year or "any"' }).optional().meta({ description: YEAR_DESCRIPTION }),
  })
  .meta({ id: 'SearchRequest' });

/** GET /api/search query string: k arrives as text, so only a plain integer is accepted. */
export const SearchQuery = z.strictObject({
  q: query,
  k: z
    .string({ error: (issue) => (Array.isArray(issue.input) ? 'k must be given once' : 'k must be a whole number') })
    .regex(/^\s*-?\d+\s*$/, 'k must be a whole number')
    .transform(Number)
    .pipe(k)
    .optional()
    .transform((v) => v ?? LIMITS.kDefault),
  ...filterFields,
  year: z
    .string({ error: textError('year') })
    .trim()
    .regex(/^(?:\d{4}|any)$/, 'year must be a four-digit year or "any"')
    .transform((v) => (v === 'any' ? ('any' as const) : Number(v)))
    .pipe(z.union([yearNumber, z.literal('any')]))
    .optional()
    .meta({ description: YEAR_DESCRIPTION }),
});

export type SearchRequest = z.output<typeof SearchBody>;

export const Speaker = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string().nullable().meta({ description: 'Company title; null for analysts and the operator.' }),
    side: Side,
    firm: z.string().nullable().meta({ description: "Analyst's firm, or the company for its own people (also when the transcript does not write it beside their name); null for the operator and speakers of unknown side." }),
  })
  .meta({ id: 'Speaker' });

export const Span = z
  .object({
    text: z.string(),
    start: z.number().int().meta({ description: 'Offset into the passage text (inclusive).' }),
    end: z.number().int().meta({ description: 'Offset into the passage text (exclusive).' }),
  })
  .meta({ id: 'AnswerSpan', description: 'The sentence(s) that best answer the query, located in the passage text.' });

export const QaLinks = z
  .object({
    question: z.string().nullable().meta({ description: 'Passage id of the analyst question this passage answers (or is part of).' }),
    answers: z.array(z.string()).meta({ description: 'Passage ids of the management answers this question drew.' }),
    analyst: Speaker.nullable().meta({ description: 'The analyst whose question opened this exchange.' }),
  })
  .meta({ id: 'QaLinks' });

const passageFields = {
  id: z
    .string()
    .meta({ description: 'Passage id, `<call id>@<offset of the passage start in the call text>`. /api/passages/:id also resolves any offset in a passage and the older `<call id>:<index>` ids.' }),
  call_id: z.string(),
  text: z.string(),
  speaker: Speaker,
  section: Section,
  exchange: z.number().int().nullable().meta({ description: 'Q&A exchange number (1-based), null outside Q&A.' }),
  start: z.number().int().meta({ description: 'Offset of the passage in the transcript source.' }),
  end: z.number().int(),
  turn: z.number().int().meta({ description: 'Speaker turn in the call (0-based).' }),
  role: z
    .enum(['intro', 'question', 'answer', 'remarks'])
    .meta({ description: 'What the passage is within the call: an analyst question, a management answer, remarks, or an operator introduction.' }),
  start_time: z
    .number()
    .nonnegative()
    .nullable()
    .meta({ description: "Seconds into the call's recording where the passage's speaker turn starts (transcripts with timestamps, e.g. WebVTT); null when the transcript has none.", example: 754.5 }),
};

export const RELEVANCE_LABELS = ['strong', 'related', 'weak'] as const;

export const Relevance = z
  .object({
    score: z.number().min(0).max(1).meta({ description: 'How clearly the passage is about the question, 0–1, calibrated on the dev question sets (see README "Answers and relevance").' }),
    label: z.enum(RELEVANCE_LABELS).meta({ description: 'strong: clearly answers; related: on the subject (or, when nothing clears the calibrated cut, among the closest that clear a lower one; no answer is then claimed); weak: below the calibrated cut.' }),
  })
  .meta({ id: 'Relevance' });

export const CallRef = z
  .object({
    id: z.string(),
    company: z.string(),
    ticker: z.string().nullable(),
    quarter: z.string().nullable().meta({ description: 'e.g. "Q4 2025"; null when unknown.' }),
    year: z.number().int().nullable().meta({ description: 'Fiscal year; null when unknown.' }),
    date: z.string().nullable().meta({ description: 'ISO date of the call; null when unknown.' }),
  })
  .meta({ id: 'CallRef', description: 'Which call a passage comes from.' });

/** Every result and key point carries one: what an analyst pastes under a quote. */
const Citation = z.string().meta({
  description: 'The sentence, quotable as is: "<sentence>" — <Name>, <title or firm>, <Company> <Quarter Year> earnings call, <date>.',
  example: '"So there is a lot of interest in Trainium at this point." — Andrew Jassy, President, CEO & Director, Amazon.com, Inc. Q4 2025 earnings call, February 5, 2026',
});

export const SearchResult = z
  .object({
    ...passageFields,
    id: passageFields.id.meta({
      description:
        'Id of the passage holding the card\'s answer, `<call id>@<offset>`. A card may span consecutive passages of one speaker turn that ranked near the top (one answer cut in two by the chunker): `text`, `start` and `end` then cover all of them, and `answer` offsets are into that `text`.',
    }),
    rank: z.number().int().min(1),
    score: z.number().meta({ description: 'Fused rank score (RRF); higher is better. Comparable within one response only; `relevance` is the calibrated one.' }),
    relevance: Relevance,
    weak: z.boolean().meta({ description: 'Below the calibrated relevance cut (or, when nothing clears it, below the lower closest cut): a weaker match, listed after the answers (the page collapses them).' }),
    answer: Span,
    call: CallRef,
    citation: Citation,
    links: QaLinks,
  })
  .meta({ id: 'SearchResult' });

export const KeyPoint = z
  .object({
    text: z.string(),
    passage_id: z.string(),
    start: z.number().int().meta({ description: 'Offset into that passage text (inclusive).' }),
    end: z.number().int().meta({ description: 'Offset into that passage text (exclusive).' }),
    speaker: Speaker,
    call: CallRef,
    citation: Citation,
  })
  .meta({ id: 'KeyPoint', description: 'A distinct, specific sentence from the top results that answers the question.' });

const ConstraintSource = z.enum(['query', 'request', 'none']);
/** Call ids listed in `interpreted.calls` at most. */
export const CALLS_LISTED = 100;
export const CONSTRAINTS = ['speaker', 'side', 'section', 'company', 'period', 'call'] as const;

export const Interpreted = z
  .object({
    topic: z.string().meta({ description: 'What is left of the query once speaker and intent words are removed.' }),
    intent: z.enum(INTENTS),
    speakers: z.array(
      z.object({
        id: z.string().meta({ description: 'Person id, unique per company (`<company key>/<name>`): the same executive across that company\'s calls.' }),
        name: z.string(),
        matched: z.string(),
        company: z.string().nullable(),
        calls: z.array(z.string()).meta({ description: 'Calls they speak on, oldest first.' }),
      }),
    ),
    companies: z
      .array(z.object({ key: z.string(), name: z.string(), ticker: z.string().nullable(), matched: z.string() }))
      .meta({ description: 'Companies the search is restricted to (named in the query or the request); empty: every company.' }),
    period: z
      .object({ label: z.string(), matched: z.string() })
      .nullable()
      .meta({ description: 'The period the search is restricted to ("Q3 2020", "the latest call"; several named together: "Q4 2019 and Q4 2020", the calls of each), as understood.' }),
    calls: z
      .array(z.string())
      .nullable()
      .meta({ description: `Ids of the calls in scope (at most ${CALLS_LISTED} listed; \`calls_total\` counts them); null: every call.` }),
    calls_total: z.number().int().nullable(),
    side: Side.nullable(),
    section: Section.nullable(),
    source: ConstraintSource.meta({ description: 'Overall: "request" if any constraint came from request filters, else "query" if any was inferred.' }),
    sources: z
      .object({
        speaker: ConstraintSource,
        side: ConstraintSource,
        section: ConstraintSource,
        company: ConstraintSource,
        period: ConstraintSource,
        call: ConstraintSource,
      })
      .meta({ description: 'Where each constraint came from: inferred from the query, given as a request filter, or none.' }),
    corrected_topic: z
      .string()
      .nullable()
      .meta({ description: 'The topic with misspelt words corrected to words the calls use ("robtics" → "robotics"), when any was; results are for it.' }),
    relaxed: z
      .array(z.enum(CONSTRAINTS))
      .meta({ description: 'Constraints the query implied that the results do not meet: nothing met them (together), so they were dropped and `notice` says so.' }),
    unmatched: z
      .array(z.string())
      .meta({ description: 'Names the query uses that match no company, person, firm or role in scope ("What did AXP say about…" in a library without AXP; "the Morgan Stanley analyst" on a call none spoke on): left out of the search, and `notice` says so.' }),
    pasted: z
      .boolean()
      .meta({ description: 'The query reads as a pasted analyst question: greetings and filler were dropped, names in it only favour passages, and the answers of the best-matching exchange lead.' }),
    preferred_company: z
      .object({ key: z.string(), name: z.string(), matched: z.string() })
      .nullable()
      .meta({
        description:
          'A company whose brand or unit the query names instead of it ("OXXO", "Telkomsel": a word no other company\'s calls say and no English word), or that it describes ("which mattress fabric supplier said…": matched is the description; only a clear leader), when the query and request name no company or call: its passages come first. A preference, not a filter: other companies\' passages follow.',
      }),
  })
  .meta({ id: 'Interpreted', description: 'How the query was understood.' });

export const TopAnswer = z
  .object({
    text: z.string(),
    speaker: Speaker,
    call: CallRef,
    passage_id: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .meta({ id: 'TopAnswer', description: 'The single best answering sentence: `passage_id` is the result card holding it, `start`/`end` offsets into that card\'s `text` (as its `answer`). Null when nothing on the call is about the query.' });

export const SearchResponse = z
  .object({
    query: z.string(),
    took_ms: z.number(),
    interpreted: Interpreted,
    answer: TopAnswer.nullable(),
    notice: z
      .string()
      .nullable()
      .meta({ description: 'Set when the results are not plainly what was asked: the named speaker never discussed the topic, nothing is clearly about it, or a constraint could not be met (and which one to drop).' }),
    key_points: z.array(KeyPoint).max(5).meta({ description: 'Up to 5 distinct, specific sentences from the top results that answer the question; empty when nothing does.' }),
    results: z.array(SearchResult),
  })
  .meta({ id: 'SearchResponse' });

export const PassageView = z.object(passageFields).meta({ id: 'Passage' });

export const PassageResponse = z
  .object({
    passage: PassageView,
    call: CallRef,
    before: z.array(PassageView).meta({ description: 'Up to two preceding passages.' }),
    after: z.array(PassageView).meta({ description: 'Up to two following passages.' }),
    links: QaLinks,
  })
  .meta({ id: 'PassageResponse' });

/** A participant is described exactly as a result's speaker is. */
export const Participant = Speaker;

export const LAYOUTS = LAYOUT_NAMES;

/** A call as the library lists it. */
export const CallSummary = CallRef.extend({
  company_key: z.string().meta({ description: 'The company\'s key (its ticker, lowercased, or its name): the same on every call of that company.' }),
  title: z.string(),
  time: z.string().nullable(),
  layout: z.enum(LAYOUTS).meta({ description: 'The transcript layout the call was read from.' }),
  sector: z.string().nullable(),
  counts: z.object({
    passages: z.number().int(),
    participants: z.number().int(),
    turns: z.number().int(),
    exchanges: z.number().int().meta({ description: 'Q&A exchanges (an analyst\'s question and the answers it drew).' }),
  }),
}).meta({ id: 'CallSummary' });

export const CallListResponse = z
  .object({ calls: z.array(CallSummary), total: z.number().int().meta({ description: 'Calls in the library (before filtering).' }) })
  .meta({ id: 'CallList', description: 'The calls of the library that match the filters, newest first within each company.' });

/** GET /api/calls filters. */
export const CallListQuery = z
  .strictObject({
    company: z.string({ error: textError('company') }).trim().min(1, 'company must not be empty').max(LIMITS.scopeMaxChars).optional()
      .meta({ description: 'Name, short name or ticker, any case.' }),
    ticker: z.string({ error: textError('ticker') }).trim().min(1, 'ticker must not be empty').max(LIMITS.scopeMaxChars).optional(),
    year: z.string({ error: textError('year') }).trim().regex(/^\d{4}$/, 'year must be a four-digit year').transform(Number).optional(),
  })
  .meta({ id: 'CallListQuery' });

export const CallResponse = CallSummary.extend({
  participants: z.array(Participant),
  exchanges: z.array(
    z.object({ id: z.number().int(), analyst: Participant, question: z.string().nullable(), answers: z.array(z.string()) }),
  ),
}).meta({ id: 'Call' });

export const TranscriptResponse = z
  .object({ call_id: z.string(), passages: z.array(PassageView) })
  .meta({ id: 'Transcript', description: 'Every passage of the call in order, for reading in context.' });

/** GET /api/call and /api/transcript (kept for old links): which call; may be omitted only when the library holds one. */
export const CallQuery = z
  .strictObject({
    id: z
      .string({ error: textError('id') })
      .min(1, { error: 'id must not be empty', abort: true })
      .max(LIMITS.callIdMaxChars, `id must be at most ${LIMITS.callIdMaxChars} characters`)
      .optional()
      .meta({ description: 'Call id; required when the library holds more than one call.' }),
  })
  .meta({ id: 'CallQuery' });

export const LOADING_PHASES = ['loading', 'parse', 'passages', 'sentences', 'write'] as const;

export const LoadingProgress = z
  .object({
    phase: z.enum(LOADING_PHASES).meta({
      description: '"loading": reading the model and the index; the others are index build stages (parse transcripts, embed passages, embed sentences, write files).',
    }),
    done: z.number().int().min(0),
    total: z.number().int().min(0).meta({ description: 'Units of work in this phase; 0 when not counted.' }),
  })
  .meta({ id: 'LoadingProgress' });
export const ModelStateView = z
  .object({
    state: z.enum(['loading', 'ready', 'restarting', 'failed', 'closed']).meta({
      description: 'The model process: ready, or restarting after it died (searches get 503 with Retry-After meanwhile), or failed (it could not be restarted).',
    }),
    pid: z.number().int().nullable().meta({ description: 'The model process (it runs the embedding model apart from the server), while one runs.' }),
    restarts: z.number().int().meta({ description: 'Times the model process died and was started again.' }),
    last_error: z.string().nullable().meta({ description: 'Why it last died or failed to start.' }),
    queue: z
      .object({
        waiting: z.number().int().meta({ description: 'Queries waiting for the model.' }),
        waiting_tokens: z.number().int().meta({ description: 'Their estimated model tokens.' }),
        in_flight: z.number().int().meta({ description: 'Queries in the model call running now.' }),
        max_tokens: z.number().int().meta({ description: 'Tokens that may wait (QUEUE_MAX_TOKENS); past it, searches get 503 with Retry-After.' }),
        rejected: z.number().int().meta({ description: 'Searches refused because the queue was full, since start.' }),
        cancelled: z.number().int().meta({ description: 'Queued searches dropped before the model because the client left or the request timed out.' }),
        abandoned: z.number().int().meta({ description: 'Searches whose client left while the model was embedding them (result dropped).' }),
        tokens_per_second: z.number().nullable().meta({ description: 'Recent model speed, estimated tokens per second.' }),
      })
      .meta({ description: 'The queue in front of the model (search queries only).' }),
  })
  .meta({ id: 'ModelState' });

export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'unavailable']).meta({ description: "'unavailable' (HTTP 503) while the model process is not ready; model_state says why." }),
    model: z.string(),
    model_state: ModelStateView.optional(),
    passages: z.number().int(),
    calls: z.array(z.string()),
    rejected: z
      .array(z.object({ file: z.string().meta({ description: 'File name in the library folder.' }), error: z.string().meta({ description: 'Why it was skipped, with the line when there is one.' }) }))
      .meta({ description: 'Library files that could not be indexed and are skipped; every other call is served.' }),
  })
  .meta({ id: 'Health' });

export const ERROR_CODES = [
  'bad_request',
  'empty_query',
  'misdirected_request',
  'range_not_satisfiable',
  'invalid_json',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'timeout',
  'unavailable',
  'internal',
] as const;

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** /api/health's 503 while the model and index load or the index is built: the error, and how far along it is. */
export const HealthLoading = ErrorResponse.extend({ loading: LoadingProgress }).meta({ id: 'HealthLoading' });

export type SearchResponse = z.infer<typeof SearchResponse>;
export type SearchResult = z.infer<typeof SearchResult>;
export type Interpreted = z.infer<typeof Interpreted>;
export type TopAnswer = z.infer<typeof TopAnswer>;
export type KeyPoint = z.infer<typeof KeyPoint>;
export type CallRef = z.infer<typeof CallRef>;
export type Relevance = z.infer<typeof Relevance>;
export type RelevanceLabel = (typeof RELEVANCE_LABELS)[number];
export type ConstraintName = (typeof CONSTRAINTS)[number];
export type Speaker = z.infer<typeof Speaker>;
export type QaLinks = z.infer<typeof QaLinks>;
export type PassageView = z.infer<typeof PassageView>;
export type PassageResponse = z.infer<typeof PassageResponse>;
export type CallResponse = z.infer<typeof CallResponse>;
export type CallSummary = z.infer<typeof CallSummary>;
export type CallListResponse = z.infer<typeof CallListResponse>;
export type TranscriptResponse = z.infer<typeof TranscriptResponse>;
export type HealthResponse = z.infer<typeof HealthResponse>;
export type HealthLoading = z.infer<typeof HealthLoading>;
export type LoadingProgress = z.infer<typeof LoadingProgress>;
export type ModelStateView = z.infer<typeof ModelStateView>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
export type ErrorCode = (typeof ERROR_CODES)[number];
