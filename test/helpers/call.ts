import { readFileSync } from 'node:fs';
import { storedCall, type StoredCall } from '../../src/index/stored-call.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { BUNDLED_CALL } from './paths.js';

/** The bundled call parsed for real, as the index stores it. */
export function bundledCall(): StoredCall {
  return storedCall(parseTranscript(readFileSync(BUNDLED_CALL, 'utf8')), 'amzn-q4-2025-earnings-call.txt');
}
