/**
 * A speaker label that is a role, not a name ("CEO:", "CFO:", "Chief Financial Officer:", as a
 * summary or a note-taker writes the call): the participant who holds that role, by the title the
 * list or their speaker line gives them — never a new person named "Ceo". Nobody with that title:
 * a company speaker named by the role as written; several: refused (see speaker-lines.ts).
 */
import { normaliseName } from './names.js';
import type { Participant } from './types.js';

/** Roles a label may name, each as the label writes it and as a title says it. */
const ROLES: ReadonlyArray<{ label: RegExp; title: RegExp }> = [
  { label: /^(?:ceo|chief executive(?: officer)?)$/, title: /\bCEO\b|\bchief executive\b/i },
  { label: /^(?:cfo|chief financial(?: officer)?)$/, title: /\bCFO\b|\bchief financial\b/i },
  { label: /^(?:coo|chief operating(?: officer)?)$/, title: /\bCOO\b|\bchief operating\b/i },
  { label: /^(?:cto|chief technology(?: officer)?)$/, title: /\bCTO\b|\bchief technology\b/i },
  { label: /^(?:chair(?:man|woman|person)?)$/, title: /\bchair(?:man|woman|person)?\b/i },
  { label: /^(?:president)$/, title: /(?<!\bvice[- ])(?<!\bVP )\bpresident\b/i },
  { label: /^(?:ir|investor relations|head of (?:ir|investor relations))$/, title: /\binvestor relations\b|\bIR\b/i },
];

/** The title pattern of the role a label names, or null when the label is not a role alone. */
function roleOf(label: string): RegExp | null {
  const key = normaliseName(label).replace(/^(?:the|our)\s+/, '');
  return ROLES.find((r) => r.label.test(key))?.title ?? null;
}

/** Whether a label is only a role ("CEO", "Chief Financial Officer"). */
export function isRoleLabel(label: string): boolean {
  return roleOf(label) !== null;
}

/** The company's participants whose title holds the role a label names (empty when it names none). */
export function holdersOfRole(label: string, participants: readonly Participant[]): Participant[] {
  const title = roleOf(label);
  if (title === null) return [];
  return participants.filter((p) => p.side !== 'analyst' && p.side !== 'operator' && p.title !== null && title.test(p.title));
}
