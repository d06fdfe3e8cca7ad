/**
 * A label that writes the role first and the name in brackets ("CEO (Owen Pryce):", "Analyst (Hugo
 * Brandt, Piper Sandler):", as a summary or a note-taker writes the call): the person is the one
 * named, the role their title (and the firm after the name theirs). Read the other way round, the
 * speaker was a person "CEO" titled "Owen Pryce", or an "Unidentified Analyst" whose name was right there.
 * The operator written with her name ("Operator (Melissa)") is the operator, as before.
 */
import { isOperatorName, looksLikeName, unnamedRoleLabel } from './names.js';
import { isRoleLabel } from './role-labels.js';

/** The name and the title/firm hint of a role-first label, or null when it is not one. */
export function roleBeforeName(name: string, hint: string | null): { name: string; hint: string } | null {
  if (hint === null || isOperatorName(name) || !(isRoleLabel(name) || unnamedRoleLabel(name) !== null)) return null;
  const comma = hint.indexOf(',');
  const person = (comma > 0 ? hint.slice(0, comma) : hint).trim();
  const rest = comma > 0 ? hint.slice(comma + 1).trim() : '';
  if (person.split(/\s+/).length < 2 || !looksLikeName(person) || isRoleLabel(person)) return null;
  return { name: person, hint: rest === '' ? name : `${rest} - ${name}` };
}
