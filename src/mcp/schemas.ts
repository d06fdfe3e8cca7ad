/**
 * The MCP tools' inputs and outputs. Inputs reuse the HTTP API's field schemas (src/api/schemas.ts),
 * so an agent is refused exactly what the API refuses; outputs are what a model needs to answer
 * and attribute: who said it, on which call, the sentence, a ready citation and the passage id.
 */
import { z } from 'zod';
import { LIMITS, SearchBody, Section, Side } from '../api/schemas.js';

/** Results per search when the agent does not say: enough to compare speakers, small enough to read. */
export const MCP_DEFAULT_K = 5;

export const SearchTranscriptsInput = {
  query: SearchBody.shape.q.describe(
    'What to look for, in plain words: a question ("what did the CFO say about free cash flow?") or keywords ("AWS backlog"). ' +
      'Naming a speaker, a role (CEO, CFO) or an analyst firm in the question narrows to them.',
  ),
  k: z
    .number()
    .int()
    .min(LIMITS.kMin)
    .max(LIMITS.kMax)
    .default(MCP_DEFAULT_K)
    .describe(`How many passages to return, best first (${LIMITS.kMin}–${LIMITS.kMax}, default ${MCP_DEFAULT_K}).`),
  company: SearchBody.shape.company.describe(
    'Only this company\'s calls: its name, short name or ticker ("Amazon", "AMZN", "GE"). An unknown company is an error listing the known ones. ' +
      'Naming the company in the query works too ("What did Amazon\'s CFO say about capex?").',
  ),
  quarter: SearchBody.shape.quarter.describe('Only calls of this fiscal quarter, e.g. "Q4 2025" or "2025Q4". Periods in the query ("Q3 2020", "last quarter") work too.'),
  speaker: SearchBody.shape.speaker.describe(
    'Passages by this speaker: full name, surname, nickname, role (CEO, CFO) or analyst firm. An unknown name is an error that says so; ' +
      'if the speaker never discussed the topic, notice says so and shows what others said.',
  ),
  section: z
    .enum(['prepared_remarks', 'qa'])
    .optional()
    .describe('"prepared_remarks" (management\'s scripted opening) or "qa" (analyst questions and the answers they drew).'),
  side: z
    .enum(['company', 'analyst'])
    .optional()
    .describe('"company" (the company\'s own people) or "analyst" (the analysts who asked questions).'),
  year: z.number().int().min(1000).max(9999).optional().describe('Only calls of this fiscal year, e.g. 2025.'),
  call: SearchBody.shape.call.describe('Only this call, by its id as list_calls gives it (e.g. "amzn-q4-2025"). An unknown id is an error listing the known ones.'),
};

export const ListCallsInput = {
  company: SearchBody.shape.company.describe('Only this company\'s calls: its name, short name or ticker. An unknown company is an error listing the known ones.'),
  year: z.number().int().min(1000).max(9999).optional().describe('Only calls of this fiscal year, e.g. 2025.'),
};

const Who = z.object({
  name: z.string(),
  title: z.string().nullable().describe('Company title; null for analysts and the operator.'),
  firm: z.string().nullable().describe("Analyst's firm, or the company for executives."),
  side: Side,
});

const CallRef = z.object({
  id: z.string(),
  company: z.string(),
  quarter: z.string().nullable(),
  date: z.string().nullable(),
});

export const SearchTranscriptsOutput = {
  query: z.string(),
  answer: z
    .object({ text: z.string(), speaker: z.string(), passage_id: z.string(), citation: z.string() })
    .nullable()
    .describe('The single best answering sentence; null when nothing is clearly about the query (the results are then only the closest passages).'),
  notice: z.string().nullable().describe('Set when the query could not be answered as asked (e.g. the named speaker never discussed the topic).'),
  results: z.array(
    z.object({
      rank: z.number().int(),
      passage_id: z.string().describe('Pass to get_passage for the surrounding conversation.'),
      call: CallRef,
      speaker: Who,
      section: Section,
      relevance: z
        .enum(['strong', 'related', 'weak'])
        .describe('How clearly the passage is about the query (calibrated). "weak": a weaker match, listed after the answers; its answer_sentence is only its closest sentence, not an answer.'),
      answer_sentence: z.string().describe('The sentence of the passage that best answers the query (of a weak result: the closest one).'),
      citation: z.string().describe('The answer sentence as a ready-to-paste citation: "quote" — speaker, role, company quarter earnings call, date.'),
      text: z.string().describe('The whole passage.'),
      score: z.number().describe('Relevance, higher is better; comparable within one search only.'),
    }),
  ),
};

export const GetPassageInput = {
  passage_id: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('A passage id exactly as search_transcripts or a previous get_passage returned it, e.g. "amzn-q4-2025@9399".'),
};

const PassageBrief = z.object({ passage_id: z.string(), speaker: z.string(), text: z.string() });

export const GetPassageOutput = {
  passage: z.object({
    passage_id: z.string(),
    call: CallRef,
    speaker: Who,
    section: Section,
    role: z.enum(['intro', 'question', 'answer', 'remarks']).describe('An analyst question, a management answer, remarks, or an operator introduction.'),
    exchange: z.number().int().nullable().describe('Q&A exchange number (1-based); null outside the Q&A.'),
    text: z.string(),
  }),
  before: z.array(PassageBrief).describe('Up to two passages just before, in call order.'),
  after: z.array(PassageBrief).describe('Up to two passages just after, in call order.'),
  qa: z
    .object({
      question: z.string().nullable().describe('Passage id of the analyst question this exchange opened with.'),
      answers: z.array(z.string()).describe('Passage ids of the management answers to it.'),
      analyst: z.string().nullable().describe('The analyst who asked, with their firm.'),
    })
    .describe('For a Q&A passage: its exchange. Empty outside the Q&A.'),
};

export const ListCallsOutput = {
  calls: z.array(
    z.object({
      id: z.string(),
      company: z.string(),
      ticker: z.string().nullable(),
      quarter: z.string().nullable(),
      date: z.string().nullable(),
      passages: z.number().int(),
    }),
  ),
};
