/** The period a call reports, read from its opening words when no header says it. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { reportedPeriod } from '../../src/transcript/reported-period.js';

const read = (text: string) => {
  const p = reportedPeriod(text);
  return p && `Q${p.fiscalQuarter} ${p.fiscalYear}`;
};

describe('reportedPeriod', () => {
  it.each([
    ['Good morning and welcome to the Halden Wind third quarter 2021 financial results conference call.', 'Q3 2021'],
    ['Welcome to Orvane Telecom Q1 of 2022 earnings release presentation.', 'Q1 2022'],
    ['We will now begin the 2021 Q2 earnings release presentation.', 'Q2 2021'],
    ['Hello and welcome to the Kestrel Hydro 3Q and 9M 2021 IFRS results briefing call.', 'Q3 2021'],
    ['Welcome to the Despina third quarter 21 earnings conference call.', 'Q3 2021'],
    ['Today we present our FY21 second quarter consolidated business results.', 'Q2 2021'],
    ['Welcome, everyone: Marrow Energy presents results for its third quarter and nine months of 2021 today.', 'Q3 2021'],
    // A half, nine months or a full year: the quarter that closes it.
    ["Thank you for standing by, and welcome to Lisbon Power's first half 2020 results presentation.", 'Q2 2020'],
    ['Welcome to the Redfern Games financial results for H1 2021 conference call.', 'Q2 2021'],
    ['Hello and welcome to the nine months 21 Solvent Renewables results call.', 'Q3 2021'],
    ['Welcome to the Brightwater 2021 nine months results conference call.', 'Q3 2021'],
    ["Welcome to Tellan's full year of 2019 results conference call.", 'Q4 2019'],
    ['Welcome to the Accra Mobile 2019 annual results call.', 'Q4 2019'],
    ['Thanks for joining us as we go through results for the year ended 30th June 2018.', 'Q4 2018'],
    ['Welcome to the Ferrous fourth quarter and full year 2021 results call.', 'Q4 2021'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('needs a year and a results word in the same sentence', () => {
    expect(read('We welcome you all to our third quarter results release.')).toBeNull();
    expect(read('Welcome, everyone. Revenue grew compared with the third quarter of 2020, and margins held.')).toBeNull();
    // The first sentence that says it wins, not a comparison later on.
    expect(read('Welcome to the Q2 2021 results call. Compared with the first half 2020 results, sales rose.')).toBe('Q2 2021');
  });

  it('reads only the opening', () => {
    expect(read(`${'Good morning. '.repeat(300)}Welcome to the Q2 2021 results call.`)).toBeNull();
  });
});
