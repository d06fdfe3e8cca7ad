/**
 * A small library of invented calls (our own words) for multi-call behaviour: one company over three
 * quarters with the same CFO, a second company whose CFO shares his first name, an analyst who covers
 * both, and a company whose name is also an executive's surname elsewhere.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderTranscript } from '../transcript/fixtures.js';

const NORTHWIND_EXECS = ['Dana Whitfield - Chief Executive Officer', 'Brian Keller - Chief Financial Officer'];

function northwind(quarter: string, date: string, remarks: { ceo: string; cfo: string }, qa: { analyst: string; firm: string; question: string; answer: string }): string {
  return renderTranscript({
    title: `Northwind Robotics, Inc. (NWR) ${quarter} Earnings Call ${date} 8:00 AM ET`,
    company: NORTHWIND_EXECS,
    analysts: [`${qa.analyst} - ${qa.firm}`],
    presentation: [
      { speaker: 'Operator', paragraphs: [`Welcome to the Northwind Robotics ${quarter} earnings call. I will now hand over to Dana Whitfield.`] },
      { speaker: 'Dana Whitfield', title: 'Chief Executive Officer', paragraphs: [remarks.ceo] },
      { speaker: 'Brian Keller', title: 'Chief Financial Officer', paragraphs: [remarks.cfo] },
    ],
    qa: [
      { speaker: 'Operator', paragraphs: [`Our first question comes from the line of ${qa.analyst} with ${qa.firm}.`] },
      { speaker: qa.analyst, title: qa.firm, paragraphs: [qa.question] },
      { speaker: 'Brian Keller', title: 'Chief Financial Officer', paragraphs: [qa.answer] },
    ],
  });
}

export const LIBRARY_FIXTURES: Record<string, string> = {
  'nwr-q2-2023.txt': northwind(
    'Q2 2023',
    'Aug 3, 2023',
    {
      ceo: 'Thanks. This quarter we shipped our first autonomous forklifts to grocery distributors, and customers asked us to double the fleet for the holidays.',
      cfo: 'Revenue was $310 million, up 9%. Gross margin was 36%, held back by expedited shipping of motors from our Malaysian supplier.',
    },
    {
      analyst: 'Priya Natarajan',
      firm: 'Crestline Securities',
      question: 'How much did the motor shipping problem cost you, and when does it end?',
      answer: 'Expedited freight cost us about two points of margin. We qualified a second motor supplier in Texas, so it should end by the fourth quarter.',
    },
  ),
  'nwr-q1-2024.txt': northwind(
    'Q1 2024',
    'May 2, 2024',
    {
      ceo: 'Thanks. Warehouse automation demand stayed strong, and our backlog reached $1.2 billion at the end of March.',
      cfo: 'Revenue was $402 million, up 21%. Gross margin improved to 41% as the Texas motor supplier removed the expedited freight we paid last year.',
    },
    {
      analyst: 'Priya Natarajan',
      firm: 'Crestline Securities',
      question: 'Can you talk about pricing on the new forklift contracts?',
      answer: 'Pricing held up well. We raised list prices 4% in January and saw no cancellations, which tells us the value is there.',
    },
  ),
  'nwr-q2-2024.txt': northwind(
    'Q2 2024',
    'Aug 1, 2024',
    {
      ceo: 'Thanks. We broke ground on our new assembly plant in Dayton, Ohio, which will double forklift output when it opens in 2026.',
      cfo: 'Revenue was $455 million, up 47%. Gross margin reached 43%, and we expect the Ohio plant to cost $180 million over two years.',
    },
    {
      analyst: 'Tom Alvarez',
      firm: 'Harbor Point Capital',
      question: 'How will you fund the Ohio plant without straining the balance sheet?',
      answer: 'We will fund it from operating cash flow and our undrawn credit line; we do not plan to issue equity.',
    },
  ),
  'blfn-q2-2024.txt': renderTranscript({
    title: 'Bluefin Foods Corp. (BLFN) Q2 2024 Earnings Call Jul 25, 2024 9:00 AM ET',
    company: ['Mark Olander - President and Chief Executive Officer', 'Brian Castillo - Chief Financial Officer'],
    analysts: ['Priya Natarajan - Crestline Securities', 'Ross Whitaker - Lakeshore Partners'],
    presentation: [
      { speaker: 'Operator', paragraphs: ['Welcome to the Bluefin Foods second quarter call. Please go ahead, Mr. Olander.'] },
      {
        speaker: 'Mark Olander',
        title: 'President and Chief Executive Officer',
        paragraphs: ['Thank you. Shrimp prices fell sharply this spring, so we bought inventory early and locked in supply for the rest of the year.'],
      },
      {
        speaker: 'Brian Castillo',
        title: 'Chief Financial Officer',
        paragraphs: ['Net sales were $1.05 billion. Gross margin was 24%, and we spent $60 million to expand our cold chain warehouses in Georgia.'],
      },
    ],
    qa: [
      { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Ross Whitaker with Lakeshore Partners.'] },
      { speaker: 'Ross Whitaker', title: 'Lakeshore Partners', paragraphs: ['Is the cold chain investment finished, or is there more to come next year?'] },
      { speaker: 'Brian Castillo', title: 'Chief Financial Officer', paragraphs: ['Most of it is done. Next year we expect maintenance spending only, around $15 million, and liquidity stays above $400 million.'] },
      { speaker: 'Operator', paragraphs: ['Our next question comes from the line of Priya Natarajan with Crestline Securities.'] },
      { speaker: 'Priya Natarajan', title: 'Crestline Securities', paragraphs: ['How are restaurants responding to the frozen seafood promotions?'] },
      { speaker: 'Mark Olander', title: 'President and Chief Executive Officer', paragraphs: ['Restaurants doubled their frozen shrimp orders during the promotion, and most of them renewed for the fall menu.'] },
    ],
  }),
  'klt-q3-2023.txt': renderTranscript({
    title: 'Keller Tools Inc. (KLT) Q3 2023 Earnings Call Oct 26, 2023 10:00 AM ET',
    company: ['Ann Byrd - Chief Executive Officer', 'Victor Osei - Chief Financial Officer'],
    analysts: ['Tom Alvarez - Harbor Point Capital'],
    presentation: [
      { speaker: 'Operator', paragraphs: ['Welcome to the Keller Tools third quarter call. I will now turn the call over to Ann Byrd.'] },
      { speaker: 'Ann Byrd', title: 'Chief Executive Officer', paragraphs: ['Thanks. Contractors bought more cordless drills than ever, and our battery platform now has two million users.'] },
      { speaker: 'Victor Osei', title: 'Chief Financial Officer', paragraphs: ['Sales were $780 million. We raised prices 3% on hand tools, and steel costs fell, so operating margin rose to 15%.'] },
    ],
    qa: [
      { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Tom Alvarez with Harbor Point Capital.'] },
      { speaker: 'Tom Alvarez', title: 'Harbor Point Capital', paragraphs: ['Will the price increase stick if steel keeps falling?'] },
      { speaker: 'Victor Osei', title: 'Chief Financial Officer', paragraphs: ['We think so; the increase paid for new warranty coverage that contractors asked for.'] },
    ],
  }),
};

/**
 * Writes the fixture calls into `dir` (created) and returns their paths. A file that already holds
 * its text is left alone, so a test reading the library while another file opens it never sees a
 * file rewritten under it.
 */
export async function writeLibraryFixtures(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of Object.entries(LIBRARY_FIXTURES)) {
    const file = path.join(dir, name);
    const current = await fs.readFile(file, 'utf8').catch(() => null);
    if (current !== text) await fs.writeFile(file, text);
    files.push(file);
  }
  return files.sort();
}
