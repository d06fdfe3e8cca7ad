import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  CallListQuery,
  CallListResponse,
  CallQuery,
  CallResponse,
  ErrorResponse,
  HealthLoading,
  HealthResponse,
  PassageResponse,
  SearchBody,
  SearchQuery,
  SearchResponse,
  TranscriptResponse,
} from '../api/schemas.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorResponse, 'Invalid input (code bad_request; empty_query for a query with no letter or digit; invalid_json for a body that is not a JSON object).'),
  421: json(ErrorResponse, 'A Host name this server does not answer to (see HOST and ALLOWED_HOSTS).'),
  429: json(ErrorResponse, 'Too many requests from this client.'),
  503: json(HealthLoading, 'Still loading (with progress), or the request took too long.'),
};

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Search the library',
    // SearchQuery reads k from text; document it as what it accepts: the body's integer k (bounds, default).
    request: { query: SearchQuery.extend({ k: SearchBody.shape.k }) },
    responses: { 200: json(SearchResponse, 'Ranked passages with answers.'), ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/search',
    summary: 'Search the library (JSON body)',
    request: { body: { content: { 'application/json': { schema: SearchBody } } } },
    responses: {
      200: json(SearchResponse, 'Ranked passages with answers.'),
      ...errors,
      413: json(ErrorResponse, 'Body over 16 KB.'),
      415: json(ErrorResponse, 'Body not sent as UTF-8 application/json.'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/passages/{id}',
    summary: 'A passage with its neighbours and Q&A links',
    request: {
      params: z.object({
        id: z.string().meta({
          example: 'amzn-q4-2025@6394',
          description: '`<call id>@<offset>`: the passage covering that offset of the call text (between passages: the next one). The older `<call id>:<n>` also resolves.',
        }),
      }),
    },
    responses: { 200: json(PassageResponse, 'The passage.'), ...errors, 404: json(ErrorResponse, 'No such passage.') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/calls',
    summary: 'The calls of the library: companies alphabetical, each company\'s calls newest first',
    request: { query: CallListQuery },
    responses: { 200: json(CallListResponse, 'The calls that match the filters.'), ...errors },
  });
  // One call's routes, by path id or (kept for old links) by ?id=: the call, or 404.
  const oneCall = (path: string, summary: string, request: { params: z.ZodObject } | { query: z.ZodObject }, schema: z.ZodType, description: string) =>
    registry.registerPath({ method: 'get', path, summary, request, responses: { 200: json(schema, description), ...errors, 404: json(ErrorResponse, 'No such call.') } });
  const callId = z.object({ id: z.string().meta({ example: 'amzn-q4-2025', description: 'A call id (GET /api/calls lists them).' }) });
  oneCall('/api/calls/{id}', 'Call metadata, participants and Q&A exchanges', { params: callId }, CallResponse, 'The call.');
  oneCall('/api/calls/{id}/transcript', 'Every passage of the call, in order', { params: callId }, TranscriptResponse, 'The transcript.');
  oneCall('/api/call', 'One call by ?id= (kept for old links; /api/calls/{id} is the route)', { query: CallQuery }, CallResponse, 'The call.');
  oneCall('/api/transcript', 'One call\'s passages by ?id= (kept for old links; /api/calls/{id}/transcript is the route)', { query: CallQuery }, TranscriptResponse, 'The transcript.');
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document of this API.', content: { 'application/json': { schema: z.looseObject({}) } } } },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Ready when the model and index are loaded',
    responses: { 200: json(HealthResponse, 'Ready.'), 503: json(HealthLoading, 'Still loading: phase and progress (Retry-After: 1).') },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'transcript search', version, description: 'Semantic search and question answering over earnings-call transcripts, served locally.' },
    servers: [{ url: '/' }],
  });
}
