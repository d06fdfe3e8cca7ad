/**
 * A brand named instead of its company ("Kestrix", said only on Tallis Freight's call) is reported
 * as `preferred_company` only when that preference shaped what is shown: when none of the company's
 * passages reach the results — a speaker of another company asked for, a who-asked question whose
 * scope (the analysts' questions) holds none of them — saying "its calls first" would be false.
 * Two invented calls (our own words), through the real parser, model and index.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { ARTIFACTS_DIR } from '../helpers/paths.js';
import { renderTranscript } from '../transcript/fixtures.js';

// Tallis Freight says "Kestrix" (its parcel lockers) twice, in prepared remarks; its call has no Q&A.
const TALLIS = renderTranscript({
  title: 'Tallis Freight plc (TLFT) Q2 2024 Earnings Call Aug 1, 2024 9:00 AM ET',
  company: ['Owen Pryce - Chief Executive Officer', 'Ruth Adair - Chief Financial Officer'],
  presentation: [
    { speaker: 'Operator', paragraphs: ['Welcome to the Tallis Freight second quarter call. I will now hand over to Owen Pryce.'] },
    { speaker: 'Owen Pryce', title: 'Chief Executive Officer', paragraphs: ['Our Kestrix lockers now stand in four hundred towns, and parcel pickups from them doubled this quarter.'] },
    { speaker: 'Ruth Adair', title: 'Chief Financial Officer', paragraphs: ['Revenue was $180 million, up 6%, and the Kestrix network broke even for the first time.'] },
  ],
});

// Orvane Telecom never says it; its analysts ask about lockers, parcels and pickups in their own words.
const ORVANE = renderTranscript({
  title: 'Orvane Telecom Inc. (ORVT) Q2 2024 Earnings Call Jul 25, 2024 8:00 AM ET',
  company: ['Mara Lindqvist - Chief Executive Officer', 'Tom Ferris - Chief Financial Officer'],
  analysts: ['Nia Cole - Ridge Capital', 'Lee Park - Tidewater Research'],
  presentation: [
    { speaker: 'Operator', paragraphs: ['Welcome to the Orvane Telecom second quarter call. I will now hand over to Mara Lindqvist.'] },
    { speaker: 'Mara Lindqvist', title: 'Chief Executive Officer', paragraphs: ['Fibre connections grew 12%, and our rural towers now reach two million homes.'] },
    { speaker: 'Tom Ferris', title: 'Chief Financial Officer', paragraphs: ['Revenue was $640 million, up 4%, and capital spending stayed at the level we guided.'] },
  ],
  qa: [
    { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Nia Cole with Ridge Capital.'] },
    { speaker: 'Nia Cole', title: 'Ridge Capital', paragraphs: ['Are you still putting parcel lockers in your shops, and how many pickups do they handle?'] },
    { speaker: 'Mara Lindqvist', title: 'Chief Executive Officer', paragraphs: ['We have lockers in about sixty shops, and pickups are growing with online orders.'] },
    { speaker: 'Operator', paragraphs: ['Our next question comes from the line of Lee Park with Tidewater Research.'] },
    { speaker: 'Lee Park', title: 'Tidewater Research', paragraphs: ['How should we think about capital spending next year?'] },
    { speaker: 'Tom Ferris', title: 'Chief Financial Officer', paragraphs: ['We expect it to stay flat as the tower build slows.'] },
  ],
});

let service: SearchService;
const dir = path.join(ARTIFACTS_DIR, 'brand-preference');
beforeAll(async () => {
  await fs.mkdir(path.join(dir, 'library'), { recursive: true });
  const files = [
    ['tlft-q2-2024.txt', TALLIS],
    ['orvt-q2-2024.txt', ORVANE],
  ].map(([name, text]) => [path.join(dir, 'library', name!), text!] as const);
  for (const [file, text] of files) await fs.writeFile(file, text);
  service = await openSearchService({ indexDir: path.join(dir, 'index'), sources: files.map(([file]) => file) });
});
afterAll(async () => {
  await service?.close();
});

const search = (q: string, filters: Record<string, string> = {}) => service.engine.search({ q, k: 5, ...filters });

describe('the company a brand names', () => {
  it('is reported, and leads, when its passages are among the results', async () => {
    const r = await search('Kestrix locker pickups');
    expect(r.interpreted.preferred_company).toEqual({ key: 'tlft', name: 'Tallis Freight plc', matched: 'Kestrix' });
    expect(r.results[0]!.call_id).toBe('tlft-q2-2024');
  });

  it("is not reported when a speaker of another company is asked for: none of its passages is shown", async () => {
    const r = await search('Kestrix locker pickups', { speaker: 'Mara Lindqvist' });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => x.call_id === 'orvt-q2-2024')).toBe(true);
    expect(r.interpreted.preferred_company).toBeNull();
  });

  it("is not reported when the question asks who asked, and only another company's calls have questions", async () => {
    const r = await search('who asked about Kestrix lockers');
    expect(r.interpreted.intent).toBe('who_asked');
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => x.call_id === 'orvt-q2-2024')).toBe(true);
    expect(r.interpreted.preferred_company).toBeNull();
  });
});
