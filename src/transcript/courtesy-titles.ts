/**
 * Courtesy titles before a full name ("Mr. Owen Pryce", "Ms. Maria Castell", "Sra. Ana Ruiz"): the
 * operator or the one writing the call adds them, one call does and the next does not, so a name kept
 * with one is the same person under two names across a library. They go when a full name (a given
 * name and a surname) follows; "Mr. Pryce" alone keeps it — the surname needs it to be read as a
 * name, and resolves to whoever has that surname. "Dr." and "Prof." are not courtesy titles: a
 * person's degree or chair, which they use of themselves in every call, so they stay as written.
 */

/** Courtesy titles, as English and the languages of calls held in Spanish, Portuguese, French, German and Italian write them. */
const COURTESY = /^(?:mr|mrs|ms|miss|mx|sr|sra|srta|herr|frau|mme|mlle|sig|sig\.ra)\.?$/i;
/** A word of a name: a capital then letters ("Owen", "O'Brien", "Álvarez-Peña"), or a particle ("van", "de"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3})$/u;

/** The name without a courtesy title before a full name; the name as written otherwise. */
export function withoutCourtesyTitle(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 3 || !COURTESY.test(words[0] as string)) return name;
  const rest = words.slice(1);
  // A given name and a surname after it, capitalised (a particle may sit between): "Mr. van Horst" stays.
  if (!/^\p{Lu}/u.test(rest[0] as string) || !/^\p{Lu}/u.test(rest[rest.length - 1] as string) || !rest.every((w) => NAME_WORD.test(w))) return name;
  return rest.join(' ');
}
