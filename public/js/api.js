// @ts-check
/**
 * The JSON API (src/api/schemas.ts is the contract). Types mirror its response shapes.
 *
 * @typedef {'company' | 'analyst' | 'operator' | 'unknown'} Side 'unknown': the transcript does not say (speech-recognition layouts)
 * @typedef {'prepared_remarks' | 'qa'} Section
 * @typedef {{ id: string, name: string, title: string | null, side: Side, firm: string | null }} Speaker id: the person, unique per company (`<company key>/<name>`)
 * @typedef {{ question: string | null, answers: string[], analyst: Speaker | null }} QaLinks
 * @typedef {{ id: string, call_id: string, text: string, speaker: Speaker, section: Section, exchange: number | null, start: number, end: number, start_time: number | null }} PassageBase start_time: seconds into the call's recording (WebVTT), else null
 * @typedef {'intro' | 'question' | 'answer' | 'remarks'} Role what a passage is within the call
 * @typedef {{ score: number, label: 'strong' | 'related' | 'weak' }} Relevance calibrated 0–1, with its band
 * @typedef {{ id: string, company: string, ticker: string | null, quarter: string | null, year: number | null, date: string | null }} CallRef which call a passage comes from
 * @typedef {PassageBase & { turn: number, role: Role, rank: number, score: number, relevance: Relevance, weak: boolean, answer: { text: string, start: number, end: number }, call: CallRef, citation: string, links: QaLinks }} SearchResult
 * @typedef {{ text: string, passage_id: string, start: number, end: number, speaker: Speaker, call: CallRef, citation: string }} KeyPoint
 * @typedef {'query' | 'request' | 'none'} ConstraintSource where a constraint came from: inferred from the query, a request parameter, or nowhere
 * @typedef {'speaker' | 'side' | 'section' | 'company' | 'period' | 'call'} ConstraintName
 * @typedef {{ key: string, name: string, ticker: string | null, matched: string }} CompanyScope
 * @typedef {{
 *   topic: string,
 *   intent: 'speaker_topic' | 'who_asked' | 'speaker_question' | 'topic',
 *   speakers: { id: string, name: string, matched: string, company: string | null, calls: string[] }[],
 *   companies: CompanyScope[],
 *   period: { label: string, matched: string } | null,
 *   calls: string[] | null,
 *   calls_total: number | null,
 *   side: Side | null,
 *   section: Section | null,
 *   source: ConstraintSource,
 *   sources: Record<ConstraintName, ConstraintSource>,
 *   corrected_topic: string | null,
 *   relaxed: ConstraintName[],
 *   unmatched: string[],
 *   pasted: boolean,
 *   preferred_company: { key: string, name: string, matched: string } | null,
 * }} Interpreted companies: the search's companies (empty: all); period: as understood; calls: the calls in scope (null: all); preferred_company: a company whose brand the query names (its passages first)
 * @typedef {{ text: string, speaker: Speaker, call: CallRef, passage_id: string, start: number, end: number }} TopAnswer
 * @typedef {{ query: string, took_ms: number, interpreted: Interpreted, answer: TopAnswer | null, notice: string | null, key_points: KeyPoint[], results: SearchResult[] }} SearchResponse
 * @typedef {PassageBase & { turn: number, role: Role }} PassageView
 * @typedef {{ passage: PassageView, call: CallRef, before: PassageView[], after: PassageView[], links: QaLinks }} PassageResponse
 * @typedef {Speaker} Participant
 * @typedef {{ id: number, analyst: Participant, question: string | null, answers: string[] }} Exchange
 * @typedef {'standard' | 'dash-header' | 'name-colon' | 'webvtt' | 'srt' | 'speech-json' | 'csv' | 'asr-tokens'} Layout
 * @typedef {CallRef & { company_key: string, title: string, time: string | null, layout: Layout, sector: string | null, counts: { passages: number, participants: number, turns: number, exchanges: number } }} CallSummary
 * @typedef {{ calls: CallSummary[], total: number }} CallListResponse companies alphabetical, newest call first within each
 * @typedef {CallSummary & { participants: Participant[], exchanges: Exchange[] }} CallResponse
 * @typedef {{ call_id: string, passages: PassageView[] }} TranscriptResponse
 * @typedef {{ speaker?: string, side?: Side | 'any', section?: Section | 'any', company?: string, quarter?: string, year?: string, call?: string }} Filters request filters; 'any' lifts what the query implies
 */

/**
 * @typedef {'loading' | 'parse' | 'passages' | 'sentences' | 'write'} LoadingPhase
 * @typedef {{ phase: LoadingPhase, done: number, total: number }} LoadingProgress how far the server is in getting ready
 */

export class ApiError extends Error {
  /**
   * @param {string} message what to tell the person
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {string} code the API's error code, or 'network'
   * @param {LoadingProgress | null} [loading] with a 503 while the server loads: how far it is
   */
  constructor(message, status, code, loading = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.loading = loading;
  }

  /** The server is up but still loading the model and index (or building the index): wait, then retry. */
  get notReady() {
    return this.status === 503 && this.code === 'unavailable';
  }
}

/**
 * GET a JSON endpoint. Failures become ApiError carrying the API's `error.message`.
 * @template T
 * @param {string} path e.g. '/api/search'
 * @param {Record<string, string | number | undefined>} [params]
 * @param {AbortSignal} [signal]
 * @returns {Promise<T>}
 */
export async function getJson(path, params = {}, signal) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = qs.size > 0 ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('Could not reach the search server. Is it still running?', 0, 'network');
  }
  /** @type {any} */
  let body = null;
  try {
    body = await res.json();
  } catch {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
  }
  if (!res.ok) {
    const message = typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${res.status} ${res.statusText}`.trim();
    const loading = body?.loading && typeof body.loading.phase === 'string' ? /** @type {LoadingProgress} */ (body.loading) : null;
    throw new ApiError(message, res.status, typeof body?.error?.code === 'string' ? body.error.code : 'http', loading);
  }
  if (body === null) throw new ApiError('The server sent a response that is not JSON.', res.status, 'invalid_response');
  return body;
}

/** Results asked for per search. */
export const PAGE_SIZE = 10;

/**
 * @param {string} q
 * @param {Filters} filters
 * @param {AbortSignal} [signal]
 * @returns {Promise<SearchResponse>}
 */
export const search = (q, filters, signal) => getJson('/api/search', { q, k: PAGE_SIZE, ...filters }, signal);

/** @type {Map<string, Promise<PassageResponse>>} */
const passageCache = new Map();
/** One passage with its neighbours and Q&A links. @param {string} id @returns {Promise<PassageResponse>} */
export const passage = (id) => cached(passageCache, id, () => getJson(`/api/passages/${encodeURIComponent(id)}`));

/**
 * A cached GET: the library does not change while the page is open (a restart with new calls
 * means a reload). A failure is not cached, so the next call tries again.
 * @template T
 * @param {Map<string, Promise<T>>} cache
 * @param {string} key
 * @param {() => Promise<T>} load
 * @returns {Promise<T>}
 */
function cached(cache, key, load) {
  let p = cache.get(key);
  if (!p) {
    p = load();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** @type {Map<string, Promise<CallListResponse>>} */
const libraryCache = new Map();
/** Every call of the library (GET /api/calls): companies alphabetical, newest call first within each. @returns {Promise<CallListResponse>} */
export const calls = () => cached(libraryCache, 'all', () => getJson('/api/calls'));

/** @type {Map<string, Promise<CallResponse>>} */
const callCache = new Map();
/** One call's metadata, participants and Q&A exchanges. @param {string} id @returns {Promise<CallResponse>} */
export const call = (id) => cached(callCache, id, () => getJson(`/api/calls/${encodeURIComponent(id)}`));

/** @type {Map<string, Promise<TranscriptResponse>>} */
const transcriptCache = new Map();
/** Every passage of one call, in order. @param {string} id @returns {Promise<TranscriptResponse>} */
export const transcript = (id) => cached(transcriptCache, id, () => getJson(`/api/calls/${encodeURIComponent(id)}/transcript`));
