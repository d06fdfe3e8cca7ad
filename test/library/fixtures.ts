/** Small calls of our own words, and hostile files, for library and import tests. */
import { SMALL_CALL } from '../index/small-call.js';

export { SMALL_CALL };

/** SMALL_CALL as another quarter: another call id (wdgt-q<q>-<year>), same speakers. */
export function smallCallFor(quarter: number, year = 2024, extra = ''): string {
  return SMALL_CALL.replace('Q2 2024 Earnings Call Jul 30, 2024', `Q${quarter} ${year} Earnings Call Jul 30, ${year}`) + extra;
}

/** Windows-1252 for the few non-ASCII characters the fixtures use (what Word pastes). */
const CP1252: Record<string, number> = { 'é': 0xe9, 'ï': 0xef, '“': 0x93, '”': 0x94, '’': 0x92, '—': 0x97 };

export function encodeCp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      const byte = CP1252[ch];
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch} in the fixture table`);
      return byte;
    }),
  );
}

/** A call with an accented speaker and curly quotes, as text (encode it as you need). */
export const ACCENTED_CALL = [
  'Gadget Works (GDGT) Q3 2024 Earnings Call Oct 29, 2024 9:00 AM ET',
  '',
  'Company Participants',
  '',
  'Davé Fïldes - Chief Executive Officer',
  '',
  'Conference Call Participants',
  '',
  'Mia Chen - Harbor Capital, Research Division',
  '',
  'Presentation',
  '',
  'Operator',
  '',
  'Welcome to the Gadget Works third quarter call. I will now hand over to Davé Fïldes.',
  '',
  'Davé Fïldes',
  'Chief Executive Officer',
  '',
  'Thank you. Our “smart gadget” line doubled its sales this quarter, and we’re expanding into two new markets.',
  '',
  'Question-and-Answer Session',
  '',
  'Operator',
  '',
  'Our first question comes from the line of Mia Chen with Harbor Capital.',
  '',
  'Mia Chen',
  'Harbor Capital, Research Division',
  '',
  'What drove the doubling — pricing or volume?',
  '',
  'Davé Fïldes',
  'Chief Executive Officer',
  '',
  'Mostly volume; we held prices flat all year.',
  '',
].join('\n');

/** A standard-layout call listing `n` analysts (the "10,000 speakers" case). */
export function manySpeakersCall(n: number): string {
  const lines = ['Widget Corp (WDGT) Q4 2024 Earnings Call Jan 30, 2025 8:30 AM ET', '', 'Company Participants', '', 'Jane Roe - Chief Executive Officer', '', 'Conference Call Participants', ''];
  for (let i = 0; i < n; i++) lines.push(`Analyst Number${i} Person - Bank ${i}, Research Division`);
  lines.push('', 'Presentation', '', 'Jane Roe', 'Chief Executive Officer', '', 'Welcome, everyone.', '', 'Question-and-Answer Session', '');
  for (let i = 0; i < Math.min(n, 300); i++) {
    lines.push('Operator', '', `Our next question comes from the line of Analyst Number${i} Person with Bank ${i}.`, '');
    lines.push(`Analyst Number${i} Person`, `Bank ${i}, Research Division`, '', 'What about widgets?', '', 'Jane Roe', 'Chief Executive Officer', '', 'They sell well.', '');
  }
  return lines.join('\n');
}

/** SMALL_CALL with one paragraph replaced by `paragraph` (e.g. a 1 MB "Mr. Mr. …" line). */
export function callWithParagraph(paragraph: string): string {
  return SMALL_CALL.replace('Operating margin was 18%, up two points, and free cash flow reached $40 million for the quarter.', paragraph);
}
