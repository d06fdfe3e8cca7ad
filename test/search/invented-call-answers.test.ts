/**
 * Answers on an invented call (our own words), through the real parser, model and index:
 * - an answer rarely repeats the question's words: when the named speaker's own words never name
 *   the topic but they answered a question on it, that answer is what they said about it, not "did
 *   not discuss";
 * - "what was revenue" is answered by the figure reported, not by a projection of the next one,
 *   and a segment's by that segment's figure, not another's that repeats the asked period;
 * - growth asked "sequentially" or "year over year" by the sentence comparing with that period;
 * - an abbreviation said ("M&A") counts for the words asked ("acquisitions");
 * - "did they X?" is answered by the sentence that says X, not one that only shares the other words;
 * - a fragment of a few words ("Oh, the dredging backlog-") never answers, though it repeats the topic's words;
 * - what an analyst asked is their question, not the few words they opened with ("Can you hear me okay?");
 * - "how long" / "when will" is answered by the sentence naming a time ahead, not by one reporting
 *   the past quarter's dates and balances; "when did" by the one naming when it happened.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { ARTIFACTS_DIR } from '../helpers/paths.js';
import { renderTranscript } from '../transcript/fixtures.js';

const CALL = renderTranscript({
  title: 'Harbor Lights Inc. (HBLT) Q3 2024 Earnings Call Oct 24, 2024 9:00 AM ET',
  company: ['Nora Quill - Chief Executive Officer', 'Sam Ortiz - Chief Financial Officer'],
  analysts: ['Lee Park - Tidewater Research', 'Ada Brook - Keel Capital'],
  presentation: [
    { speaker: 'Operator', paragraphs: ['Welcome to the Harbor Lights third quarter call. I will now turn the call over to Nora Quill.'] },
    {
      speaker: 'Nora Quill',
      title: 'Chief Executive Officer',
      paragraphs: ['Thanks. Marine lantern orders rose again, and our new solar buoy is now installed in eleven ports along the coast.'],
    },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: [
        'Turning to the outlook. At the midpoint of our range, this would put revenue at about $230 million, or 9% higher than a year ago.',
        'Looking back at the quarter, revenue for the third quarter was $212 million, up 8%, and operating margin held at 14%.',
      ],
    },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['Thanks, Sam. Let me add a word on each business before Sam gives the segment detail.'] },
    { speaker: 'Sam Ortiz', title: 'Chief Financial Officer', paragraphs: ['In the Marine segment, third quarter revenue was $150 million, an increase of 5% year-over-year.'] },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['Harbor pilots tell us the new lanterns are the brightest they have used.'] },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['On M&A, we remain interested in buying smaller lighting makers, and we will stay disciplined on price.'] },
    { speaker: 'Sam Ortiz', title: 'Chief Financial Officer', paragraphs: ['Moving next to our Solar segment. Revenue was $62 million and growth reached 16%.'] },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['One more word on demand from the ports before we take questions.'] },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: [
        'We ended the quarter on September 30th with cash and short-term investments of $96 million, against $104 million at the end of June. Cash used in operations for the quarter was $8 million, against $11 million a year earlier. On our current budget, we believe this cash will fund the buoy rollout and our operations into the second half of 2026.',
      ],
    },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: ['Going into 2025, the NMLA expects lantern volume to grow 2.5% in 2025. For 2025, we expect our lantern volume to grow about in line with the association, a little over 3% for us.'],
    },
    {
      speaker: 'Nora Quill',
      title: 'Chief Executive Officer',
      paragraphs: [
        'Our Dover lantern works, which we opened in March of last year, now ships to every region. The Dover works is running at full capacity. We are building a second works in Lisbon, and we expect it to begin shipping lanterns early in 2026.',
      ],
    },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: ['A fire at our Halifax plant stopped production there at the end of the second quarter, and insurance covered the repairs. Halifax was down for roughly six weeks before the kilns were relit.'],
    },
    { speaker: 'Sam Ortiz', title: 'Chief Financial Officer', paragraphs: ['Revenue by region: coastal revenue for the quarter was $131 million. Inland revenue for the quarter was $81 million.'] },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: ['In the third quarter, share-based compensation was $4 million, and the share count held at 41 million. We are currently not buying stock; that waits for the Lisbon works.'],
    },
    {
      speaker: 'Sam Ortiz',
      title: 'Chief Financial Officer',
      paragraphs: ['Lantern orders rose 6% quarter-over-quarter as ports reopened after the storms. Compared with the prior year, lantern orders were up 15%, helped by the new solar buoy.'],
    },
  ],
  qa: [
    { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Lee Park with Tidewater Research.'] },
    { speaker: 'Lee Park', title: 'Tidewater Research', paragraphs: ['Are the new import tariffs on glass going to hurt your margins next year?'] },
    {
      speaker: 'Nora Quill',
      title: 'Chief Executive Officer',
      paragraphs: ['Honestly, very little. We buy almost everything from domestic furnaces now, and what we still bring in we can pass on to customers within a quarter.'],
    },
    { speaker: 'Lee Park', title: 'Tidewater Research', paragraphs: ['And how big is the dredging backlog now?'] },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['Oh, the dredging backlog-'] },
    { speaker: 'Lee Park', title: 'Tidewater Research', paragraphs: ['Right.'] },
    {
      speaker: 'Nora Quill',
      title: 'Chief Executive Officer',
      paragraphs: ['Port authorities keep ordering, so we have enough signed work to keep the Dover works busy through the spring, and two more harbors want installations by summer.'],
    },
    { speaker: 'Operator', paragraphs: ['Our next question comes from the line of Ada Brook with Keel Capital.'] },
    { speaker: 'Ada Brook', title: 'Keel Capital', paragraphs: ['Hi. Can you hear me okay?'] },
    { speaker: 'Nora Quill', title: 'Chief Executive Officer', paragraphs: ['Yes, we can hear you.'] },
    {
      speaker: 'Ada Brook',
      title: 'Keel Capital',
      paragraphs: ['Great. I wanted to ask about the Lisbon works: how much will it cost to build, and will it carry lower freight costs to European ports?'],
    },
    { speaker: 'Sam Ortiz', title: 'Chief Financial Officer', paragraphs: ['We have budgeted about $40 million for Lisbon, and yes, shipping from there should cut freight to Europe by about a third.'] },
  ],
});

let service: SearchService;
const dir = path.join(ARTIFACTS_DIR, 'replies');
beforeAll(async () => {
  await fs.mkdir(path.join(dir, 'library'), { recursive: true });
  const file = path.join(dir, 'library', 'hblt-q3-2024.txt');
  await fs.writeFile(file, CALL);
  service = await openSearchService({ indexDir: path.join(dir, 'index'), sources: [file] });
});
afterAll(async () => {
  await service?.close();
});

describe('a named speaker who answered a question on the topic in other words', () => {
  it('gives their answer first, attributed to them, with no "did not discuss" notice', async () => {
    const r = await service.engine.search({ q: 'What did Nora Quill say about import tariffs on glass?', k: 5 });
    expect(r.notice).toBeNull();
    const top = r.results[0]!;
    expect(top.speaker.name).toBe('Nora Quill');
    expect(top.role).toBe('answer');
    expect(top.text).toMatch(/domestic furnaces/);
    expect(top.weak).toBe(false);
    expect(r.answer?.text).toMatch(/domestic furnaces|pass on to customers/);
    // Every result is hers: the speaker constraint is kept, not relaxed.
    for (const res of r.results) expect(res.speaker.name).toBe('Nora Quill');
  });

  it('counts an abbreviation for the words it stands for ("acquisitions" said as "M&A")', async () => {
    const r = await service.engine.search({ q: 'What did Nora Quill say about acquisitions?', k: 5 });
    expect(r.notice).toBeNull();
    expect(r.results[0]!.speaker.name).toBe('Nora Quill');
    expect(r.answer?.text).toMatch(/M&A/);
  });

  it('still says so when nobody asked them about it either', async () => {
    const r = await service.engine.search({ q: 'What did Nora Quill say about the pension plan?', k: 5 });
    expect(r.notice).toMatch(/did not discuss|Nobody/);
    expect(r.answer).toBeNull();
  });
});

describe('a fragment of a few words', () => {
  it('is a weaker match below the answer that follows it, though it names the topic', async () => {
    const r = await service.engine.search({ q: 'What did Nora Quill say about the dredging backlog?', k: 5 });
    expect(r.results[0]!.text).toMatch(/Port authorities keep ordering/);
    const fragment = r.results.find((x) => /^Oh, the dredging backlog/.test(x.text));
    expect(fragment === undefined || fragment.weak).toBe(true);
  });
});

describe('questions that ask when or for how long', () => {
  it('"how long will the cash last": the sentence naming a time ahead, not the balances and dates of the quarter just reported', async () => {
    const r = await service.engine.search({ q: 'How long will Harbor Lights cash last?', k: 5 });
    expect(r.answer?.text).toMatch(/into the second half of 2026/);
  });

  it('"how long was…" is answered by the duration, not by the date it started', async () => {
    const r = await service.engine.search({ q: 'How long was the Halifax plant down after the fire?', k: 5 });
    expect(r.answer?.text).toMatch(/six weeks/);
  });

  it('"when will" is answered by the expected date, "when did" by the date it happened', async () => {
    const ahead = await service.engine.search({ q: 'When will the new lantern works start shipping?', k: 5 });
    expect(ahead.answer?.text).toMatch(/early in 2026/);
    const past = await service.engine.search({ q: 'When did the Dover lantern works open?', k: 5 });
    expect(past.answer?.text).toMatch(/March of last year/);
  });
});

describe('an analyst question among the results', () => {
  it('brings its reply just ahead of it: the reply is what was asked for, though it repeats none of the words', async () => {
    const r = await service.engine.search({ q: 'Will glass import tariffs hurt margins next year?', k: 5 });
    const reply = r.results.findIndex((x) => /domestic furnaces/.test(x.text));
    const question = r.results.findIndex((x) => x.role === 'question');
    expect(reply).toBeGreaterThanOrEqual(0);
    expect(question === -1 || reply < question).toBe(true);
    expect(r.results[0]!.role).toBe('answer');
  });

  it('but not when what was asked is the question ("which company was asked about…")', async () => {
    const r = await service.engine.search({ q: 'Which company was asked about glass import tariffs?', k: 5 });
    expect(r.results[0]!.role).toBe('question');
  });
});

describe('what an analyst asked, with no topic', () => {
  it('gives their question, not the words they opened with ("Can you hear me okay?")', async () => {
    const r = await service.engine.search({ q: 'What did Ada Brook ask?', k: 5 });
    expect(r.results[0]!.speaker.name).toBe('Ada Brook');
    expect(r.results[0]!.text).toMatch(/Lisbon works/);
  });
});

describe('a yes/no question', () => {
  it('"did they buy back shares": the sentence that says whether they bought, not one that shares the other words', async () => {
    const r = await service.engine.search({ q: 'Did Harbor Lights buy back any shares in the third quarter?', k: 5 });
    expect(r.answer?.text).toMatch(/not buying stock/);
  });
});

describe("the company's own outlook", () => {
  it("over an outside party's forecast it quotes (\"the NMLA expects…\")", async () => {
    const r = await service.engine.search({ q: 'How much does Harbor Lights expect its lantern volume to grow in 2025?', k: 5 });
    expect(r.answer?.text).toMatch(/a little over 3% for us/);
  });
});

describe('a reported figure over a projection', () => {
  it('"what was third quarter revenue" answers with the revenue reported, not the midpoint of the outlook', async () => {
    const r = await service.engine.search({ q: 'What was Harbor Lights third quarter revenue?', k: 5 });
    expect(r.answer?.text).toMatch(/\$212 million/);
    const outlook = await service.engine.search({ q: 'What revenue does Harbor Lights expect next quarter?', k: 5 });
    expect(outlook.answer?.text).toMatch(/\$230 million/);
  });

  it('growth asked sequentially or year over year: the sentence comparing with that period, whatever its wording', async () => {
    const sequential = await service.engine.search({ q: 'How much did lantern orders grow sequentially?', k: 5 });
    expect(sequential.answer?.text).toMatch(/6% quarter-over-quarter/);
    const annual = await service.engine.search({ q: 'How much did lantern orders grow year over year?', k: 5 });
    expect(annual.answer?.text).toMatch(/up 15%/);
  });

  it('the whole company\'s revenue, not a region\'s that no "segment" introduces ("coastal revenue was…")', async () => {
    const r = await service.engine.search({ q: 'What was Harbor Lights revenue for the quarter?', k: 5 });
    expect(r.answer?.text).toMatch(/\$212 million/);
  });

  it('a segment asked with its period: that segment\'s figure, not another segment\'s sentence that repeats the period', async () => {
    const r = await service.engine.search({ q: 'What was Solar revenue in the third quarter?', k: 5 });
    expect(r.answer?.text).toMatch(/\$62 million/);
  });
});
