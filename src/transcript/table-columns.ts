/** The header names of a transcript table's columns, as tools and people write them ("Speaker", "Text", "Start"…). */

export type ColumnRole = 'speaker' | 'text' | 'start' | 'end' | 'title';

/** Header names of each column a transcript table has (lowercase, letters only). */
const COLUMN_NAMES: Record<ColumnRole, ReadonlySet<string>> = {
  speaker: new Set(['speaker', 'speakers', 'speakername', 'speakerlabel', 'name', 'who', 'participant', 'person', 'voice', 'spk', 'talker', 'speakerid']),
  text: new Set(['text', 'transcript', 'transcription', 'words', 'content', 'utterance', 'sentence', 'caption', 'captions', 'dialogue', 'dialog', 'speech', 'message', 'said', 'paragraph', 'line', 'lines', 'remarks', 'comments', 'statement']),
  start: new Set(['start', 'starttime', 'begin', 'from', 'time', 'timestamp', 'timestamps', 'timecode', 'starttimecode', 'in', 'timein', 'offset', 'starttimestamp']),
  title: new Set(['title', 'role', 'position', 'jobtitle', 'affiliation', 'company', 'firm', 'organization', 'organisation']),
  end: new Set(['end', 'endtime', 'to', 'stop', 'out', 'timeout', 'endtimecode', 'endtimestamp']),
};

/** The roles in the order a header cell is tried against them. */
export const COLUMN_ROLES: readonly ColumnRole[] = ['speaker', 'text', 'start', 'title', 'end'];

/** Whether a header cell names a column of this role ("Speaker Name" → speaker). */
export function namesColumn(cell: string, role: ColumnRole): boolean {
  return COLUMN_NAMES[role].has(cell.toLowerCase().replace(/[^a-z]/g, ''));
}

/** Whether a table row is its header: a speaker column's name, then only other columns' names ("Speaker<TAB>Remarks"). */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.length >= 2 && cells.some((c) => namesColumn(c, 'speaker')) && cells.every((c) => COLUMN_ROLES.some((role) => namesColumn(c, role)));
}
