// @ts-check
/**
 * The JSON API (src/api/schemas.ts is the contract). Types mirror its response shapes.
 *
 * @typedef {'company' | 'analyst' | 'operator'} Side
 * @typedef {'prepared_remarks' | 'qa'} Section
 * @typedef {{ id: string, name: string, title: string | null, side: Side, firm: string | null }} Speaker
 * @typedef {{ question: string | null, answers: string[], analyst: Speaker | null }} QaLinks
 * @typedef {{ id: string, call_id: string, text: string, speaker: Speaker, section: Section, exchange: number | null, start: number, end: number }} PassageBase
 * @typedef {'intro' | 'question' | 'answer' | 'remarks'} Role what a passage is within the call
 * @typedef {{ score: number, label: 'strong' | 'related' | 'weak' }} Relevance calibrated 0–1, with its band
 * @typedef {PassageBase & { turn: number, role: Role, rank: number, score: number, relevance: Relevance, weak: boolean, answer: { text: string, start: number, end: number }, citation: string, links: QaLinks }} SearchResult
 * @typedef {{ id: string, company: string, ticker: string | null, quarter: string | null, year: number | null, date: string | null }} CallRef
 * @typedef {{ text: string, passage_id: string, start: number, end: number, speaker: Speaker, call: CallRef, citation: string }} KeyPoint
 * @typedef {'query' | 'request' | 'none'} ConstraintSource where a constraint came from: inferred from the query, a request parameter, or nowhere
 * @typedef {{ topic: string, intent: 'speaker_topic' | 'who_asked' | 'speaker_question' | 'topic', speakers: { id: string, name: string, matched: string }[], side: Side | null, section: Section | null, source: ConstraintSource, sources: { speaker: ConstraintSource, side: ConstraintSource, section: ConstraintSource }, corrected_topic: string | null, relaxed: ('speaker' | 'side' | 'section')[], pasted: boolean }} Interpreted
 * @typedef {{ text: string, speaker: Speaker, passage_id: string, start: number, end: number }} TopAnswer
 * @typedef {{ query: string, took_ms: number, interpreted: Interpreted, answer: TopAnswer | null, notice: string | null, key_points: KeyPoint[], results: SearchResult[] }} SearchResponse
 * @typedef {PassageBase & { turn: number, role: Role }} PassageView
 * @typedef {{ passage: PassageView, before: PassageView[], after: PassageView[], links: QaLinks }} PassageResponse
 * @typedef {{ id: string, name: string, title: string | null, firm: string | null, side: Side }} Participant
 * @typedef {{ id: number, analyst: Participant, question: string | null, answers: string[] }} Exchange
 * @typedef {{ id: string, title: string, company: string, ticker: string, quarter: string, date: string, time: string, participants: Participant[], exchanges: Exchange[] }} CallResponse
 * @typedef {{ call_id: string, passages: PassageView[] }} TranscriptResponse
 * @typedef {{ speaker?: string, side?: Side | 'any', section?: Section | 'any' }} Filters request filters; 'any' lifts what the query implies
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

/**
 * One passage with its neighbours and Q&A links; cached (passages never change while the page is open).
 * @param {string} id
 * @returns {Promise<PassageResponse>}
 */
export function passage(id) {
  let p = passageCache.get(id);
  if (!p) {
    p = getJson(`/api/passages/${encodeURIComponent(id)}`);
    p.catch(() => passageCache.delete(id));
    passageCache.set(id, p);
  }
  return p;
}

/** @type {Map<string, Promise<TranscriptResponse>>} */
const transcriptCache = new Map();

/**
 * @param {string} callId
 * @returns {Promise<TranscriptResponse>}
 */
export function transcript(callId) {
  let p = transcriptCache.get(callId);
  if (!p) {
    p = getJson('/api/transcript', { id: callId });
    p.catch(() => transcriptCache.delete(callId));
    transcriptCache.set(callId, p);
  }
  return p;
}

/** @returns {Promise<CallResponse>} */
export const call = () => getJson('/api/call');
