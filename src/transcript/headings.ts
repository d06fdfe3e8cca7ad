/** Heading lines: participant lists and call sections, as the text layouts write them. */
import { headerSized } from './lines.js';

export type HeadingKind = 'company' | 'analysts' | 'participants' | 'prepared' | 'qa';

const HEADINGS: ReadonlyArray<[HeadingKind, RegExp]> = [
  ['company', /^(?:(?:company|corporate|management) participants|executives|company representatives|(?:corporate |company )?speakers from the company|(?:corporate|company) speakers|management|(?:company )?presenters)$/i],
  ['analysts', /^(?:conference call participants|analysts|other participants|analyst participants|external participants)$/i],
  ['participants', /^(?:(?:call|event) participants|participants|speakers|speaker (?:key|legend|list|names)|key to speakers)$/i],
  ['prepared', /^(?:presentation(?: section)?|prepared remarks|management discussion(?: section)?|opening remarks|formal remarks|management (?:presentation|remarks)|prepared statements?|opening statements?)$/i],
  [
    'qa',
    /^(?:questions? (?:and|&) answers?(?: session| section| portion| segment| period)?|question[- ]and[- ]answers?(?: session| section| portion| segment| period)?|(?:analyst |live )?q\s?(?:&|and)\s?a(?: session| section| portion| period)?|questions from analysts|analyst questions(?: and answers)?)$/i,
  ],
  // Calls held or transcribed in Spanish, Portuguese, French, Italian or German (accents optional); German and Italian lists too.
  ['company', /^(?:participantes (?:de la (?:empresa|compa[nñ][ií]a)|da (?:empresa|companhia))|ejecutivos|directivos|executivos|diretoria|participants de la soci[eé]t[eé]|dirigeants|unternehmensvertreter|vertreter des unternehmens|teilnehmer (?:des|vom) unternehmens?|partecipanti (?:della|per la) societ[aà])$/i],
  ['analysts', /^(?:analistas|participantes (?:de la conferencia|da (?:teleconfer[eê]ncia|confer[eê]ncia))|analystes|analisti|analysten|konferenzteilnehmer|weitere teilnehmer)$/i],
  ['participants', /^(?:participantes|participants [àa] la conf[eé]rence|partecipanti|teilnehmer)$/i],
  ['prepared', /^(?:presentaci[oó]n|apresenta[cç][aã]o|pr[eé]sentation|presentazione|pr[aä]sentation|comentarios iniciales|palabras de apertura)$/i],
  // Calls held or transcribed in Dutch, Swedish, Norwegian or Danish ("Deelnemers", "Vragen en antwoorden", "Frågor och svar"):
  // the Q&A heading was the words of the speaker before it, and the list no list.
  ['company', /^(?:deelnemers namens (?:de onderneming|het bedrijf)|bedrijfsdeelnemers|f[öo]retagets deltagare|selskapets deltakere|selskabets deltagere)$/i],
  ['participants', /^(?:deelnemers|sprekers|deltagare|talare|deltakere|deltagere|talere)$/i],
  ['prepared', /^(?:presentatie|presentation|presentasjon|pr[æa]sentation)$/i],
  ['qa', /^(?:vragen en antwoorden|vragenronde|vraag-? en antwoordsessie|fr[åa]gor och svar|fr[åa]gestund|sp[øo]rsm[åa]l og svar|sp[øo]rgsm[åa]l og svar|sp[øo]rgerunde|sp[øo]rsm[åa]lsrunde)$/i],
  // A Japanese company's call in English under its own Japanese headings ("プレゼンテーション", "質疑応答").
  ['prepared', /^(?:プレゼンテーション|決算説明|説明)$/u],
  ['qa', /^(?:質疑応答(?:セッション)?)$/u],
  // The same headings romanised, as an English transcript of such a call writes them ("Shitsugi Outou", "Shitsugi Ōtō"):
  // the Q&A heading was read as a speaker's name line.
  ['prepared', /^(?:purezent[eē]{1,2}shon|kessan setsumei)$/iu],
  ['qa', /^(?:shitsugi[- ]?(?:ou|oo|ō|o)t(?:ou|oo|ō|o)(?: sesshon)?)$/iu],
  [
    'qa',
    /^(?:(?:sesi[oó]n de )?preguntas y respuestas|(?:sess[aã]o de )?perguntas e respostas|(?:s[eé]ance de |session de )?questions[- ](?:et )?r[eé]ponses|(?:sessione di )?domande e risposte|sessione (?:di )?q\s?&\s?a|fragen und antworten|frage-?(?:und|&)-?antwort-?runde|fragerunde)$/i,
  ],
];

export interface Heading {
  kind: HeadingKind;
  /** Whether it was written with a trailing colon ("Prepared Remarks:"). */
  colon: boolean;
}

/** A heading's number, as a broker's PDF numbers its parts: "1. ", "II) ", "Part I – ", "Section 2: ". */
const ENUMERATOR = /^(?:(?:part|section)\s+)?(?:\d{1,2}|[IVX]{1,4})(?:[.):]|\s+[-\u2013\u2014:])\s*|^(?:part|section)\s+(?:\d{1,2}|[IVX]{1,4})\s+/i;

/** Rules drawn around a heading, as plain-text exports set it off ("=== Questions and Answers ===", "--- Q&A ---"). */
const DECORATION = /^[=\-*#~_+]{2,}\s*(\S.*?)\s*[=\-*#~_+]{2,}$/;

/** The heading a line is, or null. */
export function headingOf(text: string): Heading | null {
  if (!headerSized(text) || text.length > 60) return null;
  const colon = text.endsWith(':');
  const bare = (colon ? text.slice(0, -1) : text).replace(/\s+/g, ' ').trim().replace(DECORATION, '$1').replace(ENUMERATOR, '');
  for (const [kind, pattern] of HEADINGS) if (pattern.test(bare)) return { kind, colon };
  return null;
}

export function isSectionHeading(h: Heading | null): h is Heading & { kind: 'prepared' | 'qa' } {
  return h !== null && (h.kind === 'prepared' || h.kind === 'qa');
}

export function isParticipantsHeading(h: Heading | null): h is Heading & { kind: 'company' | 'analysts' | 'participants' } {
  return h !== null && (h.kind === 'company' || h.kind === 'analysts' || h.kind === 'participants');
}
