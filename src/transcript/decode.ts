/**
 * Bytes → text. Transcripts arrive as UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark, or as Windows-1252/Latin-1 from older tools (curly quotes pasted from Word,
 * "Davé"). Bytes that are not valid UTF-8 are read as Windows-1252 one by one, so a file that
 * mixes both keeps its UTF-8 characters intact; the reader is told (a warning with the line).
 *
 * The text is then made safe to show and to search: bidirectional override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069), which can make a passage display reversed, are removed with a
 * warning; other control characters are dropped (tab and line breaks stay); Unicode line/paragraph
 * separators become line breaks; invisible characters inside words (zero-width spaces, word joiners,
 * soft hyphens) are removed with a warning, and a full-width colon is a colon; the text is
 * NFC-normalised so "é" written two ways is one name.
 */
import iconv from 'iconv-lite';
import { TranscriptFormatError, type ImportWarning } from './format-error.js';
import { describeLimit, type TranscriptLimits } from './limits.js';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  /** What the bytes were read as; 'windows-1252' when any byte was not valid UTF-8. */
  encoding: SourceEncoding;
  warnings: ImportWarning[];
}

/** Share of control bytes in the first block above which a file is treated as binary. */
const BINARY_CONTROL_SHARE = 0.05;
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Windows-1252 reading of each byte 0x80–0xFF, from iconv-lite: Node 20's TextDecoder('windows-1252')
 * reads 0x80–0x9F as ISO-8859-1 C1 controls, losing curly quotes and dashes (0x92 is ’).
 * The five bytes Windows-1252 leaves undefined decode to U+FFFD.
 */
const CP1252_HIGH: readonly string[] = Array.from({ length: 128 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), 'windows-1252'));

/** Length of the valid UTF-8 sequence starting at `i` (RFC 3629), or 0 when the byte there does not start one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** 1-based line of byte offset `end` (counts LF, and CR not followed by LF). */
function lineOfByte(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** 1-based line of character offset `end` in text. */
function lineOfChar(text: string, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

/** UTF-8 where valid, Windows-1252 byte by byte where not. Linear in the input. */
function decodeMixed(bytes: Uint8Array): { text: string; invalid: number; firstInvalid: number } {
  const parts: string[] = [];
  let runStart = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (firstInvalid < 0) firstInvalid = i;
    invalid++;
    parts.push(utf8Lenient.decode(bytes.subarray(runStart, i)), CP1252_HIGH[(bytes[i] as number) - 0x80] ?? '\uFFFD');
    i++;
    runStart = i;
  }
  parts.push(utf8Lenient.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), invalid, firstInvalid };
}

function refuseBinary(bytes: Uint8Array, start: number): void {
  const nul = bytes.indexOf(0, start);
  if (nul >= 0) {
    throw new TranscriptFormatError(lineOfByte(bytes, nul), `this is a binary file (a NUL byte at byte ${nul}), not a transcript`);
  }
  const end = Math.min(bytes.length, start + BINARY_SNIFF_BYTES);
  let controls = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (end > start && controls / (end - start) > BINARY_CONTROL_SHARE) {
    throw new TranscriptFormatError(1, `this is a binary file (${controls} control bytes in its first ${end - start}), not a transcript`);
  }
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/**
 * Characters a web page or a PDF leaves inside words that no one sees — zero-width spaces, word
 * joiners, soft hyphens: "Owen Pryce\u200B:" was no label, and the file was refused as in no layout.
 * (Zero-width joiners and non-joiners stay: scripts and emoji need them.)
 */
const INVISIBLE = /[\u200B\u2060\u00AD]/g;
/** A full-width colon ("Owen Pryce：", as a Japanese keyboard writes it): a colon, a space after it where words follow. */
const FULL_WIDTH_COLON = /\uFF1A(\S?)/g;
/** C0 controls except tab/LF/CR, DEL, C1 controls, and byte-order marks inside the text. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;

/** Removes what must not reach the library (see the module comment), with warnings. */
function sanitise(decoded: string, warnings: ImportWarning[]): string {
  let text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  const strip = (pattern: RegExp, describe: (count: number) => string): void => {
    let count = 0;
    let first = -1;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (first < 0) first = m.index;
      count++;
    }
    if (count === 0) return;
    warnings.push({ line: lineOfChar(text, first), message: describe(count) });
    text = text.replace(pattern, '');
  };
  strip(BIDI_CONTROLS, (n) => `removed ${n} bidirectional override/isolate control character${n === 1 ? '' : 's'} (they can make text display reversed)`);
  strip(OTHER_CONTROLS, (n) => `dropped ${n} control character${n === 1 ? '' : 's'}`);
  strip(INVISIBLE, (n) => `removed ${n} invisible character${n === 1 ? '' : 's'} (zero-width spaces, word joiners, soft hyphens)`);
  return text.replace(/[\u2028\u2029]/g, '\n').replace(FULL_WIDTH_COLON, (_m, next: string) => (next === '' ? ':' : `: ${next}`)).normalize('NFC');
}

/**
 * Decodes a transcript file's bytes. Throws TranscriptFormatError for an empty, oversized or
 * binary file.
 */
export function decodeTranscript(bytes: Uint8Array, limits: TranscriptLimits): DecodedText {
  if (bytes.length > limits.maxFileBytes) {
    throw new TranscriptFormatError(1, `the file is ${bytes.length.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}`);
  }
  const warnings: ImportWarning[] = [];
  let encoding: SourceEncoding = 'utf-8';
  let decoded: string;

  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    decoded = new TextDecoder(encoding).decode(bytes.subarray(2));
    warnings.push({ line: null, message: `read as ${encoding.toUpperCase()} (byte-order mark)` });
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    refuseBinary(bytes, bom);
    const body = bytes.subarray(bom);
    try {
      decoded = utf8.decode(body);
    } catch {
      const mixed = decodeMixed(body);
      decoded = mixed.text;
      encoding = 'windows-1252';
      warnings.push({
        line: lineOfByte(body, mixed.firstInvalid),
        message: `${mixed.invalid} byte${mixed.invalid === 1 ? ' was' : 's were'} not valid UTF-8 and ${mixed.invalid === 1 ? 'was' : 'were'} read as Windows-1252/Latin-1`,
      });
    }
  }

  const text = sanitise(decoded, warnings);
  if (text.trim() === '') throw new TranscriptFormatError(1, 'the file is empty');
  return { text, encoding, warnings };
}
