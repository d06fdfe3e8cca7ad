/**
 * A question naming several companies ("how do A and B see inventory?"), through the real parser,
 * model and index over two invented calls (our own words):
 * - each company takes its turn at the top, though one company's passages match better;
 * - a call read without a participants list, whose speakers' sides are unknown, is not dropped by
 *   the company side the question implies; a side the request sets stays strict.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { ARTIFACTS_DIR } from '../helpers/paths.js';
import { renderTranscript } from '../transcript/fixtures.js';

const INVENTORY_ITEMS = ['pasta', 'rice', 'beans', 'olive oil', 'flour', 'sugar', 'coffee', 'tea', 'soup', 'cereal', 'jam', 'honey'];

const QUARRY = renderTranscript({
  title: 'Quarry Bay Foods Corp. (QBF) Q2 2024 Earnings Call Jul 25, 2024 9:00 AM ET',
  company: ['Ines Moreau - Chief Executive Officer', 'Paul Grady - Chief Financial Officer'],
  analysts: ['Mina Soto - Ridgeway Partners'],
  presentation: [
    { speaker: 'Operator', paragraphs: ['Welcome to the Quarry Bay Foods second quarter call. Please go ahead, Ms. Moreau.'] },
    { speaker: 'Ines Moreau', title: 'Chief Executive Officer', paragraphs: ['Thank you. We built inventory of canned tomatoes ahead of the harvest, and inventory of frozen vegetables is at a record.'] },
    { speaker: 'Paul Grady', title: 'Chief Financial Officer', paragraphs: ['Inventory rose to $410 million; we see inventory coming down by the end of the year as the holiday orders ship.'] },
  ],
  qa: [
    { speaker: 'Operator', paragraphs: ['Our first question comes from the line of Mina Soto with Ridgeway Partners.'] },
    { speaker: 'Mina Soto', title: 'Ridgeway Partners', paragraphs: ['Is the inventory build a risk if demand softens?'] },
    { speaker: 'Paul Grady', title: 'Chief Financial Officer', paragraphs: ['We see little risk in the inventory: canned goods keep for years, and the frozen inventory is already sold to retailers.'] },
    // More of Quarry Bay's answers on inventory than the answer pool holds: without turns, they alone would fill it.
    ...INVENTORY_ITEMS.flatMap((item) => [
      { speaker: 'Mina Soto', title: 'Ridgeway Partners', paragraphs: [`A follow-up on the ${item} inventory, please.`] },
      { speaker: 'Paul Grady', title: 'Chief Financial Officer', paragraphs: [`Inventory of ${item} rose this quarter, and we plan to hold that inventory level through the winter.`] },
    ]),
  ],
});

// No participants list and nobody introduced: the reader leaves every side unknown (and says so).
const LUMEN = [
  'Lumen Harbor Lighting Q2 2024 Results Call',
  'Rosa Lindqvist: Good morning. Lamp demand from schools kept growing, and we cut our inventory of finished lamps by a fifth because the new Porto plant ships to order.',
  'Kenji Abe: Thanks, Rosa. Revenue was 212 million euros. Lower inventory freed 30 million euros of cash, which repaid the bridge loan.',
  'Rosa Lindqvist: One more thing: our retrofit kits now fit every ceiling grid sold in Europe since 1990.',
].join('\n\n');

const Q = 'How do Quarry Bay Foods and Lumen Harbor see inventory?';
let service: SearchService;
const dir = path.join(ARTIFACTS_DIR, 'company-turns');
beforeAll(async () => {
  await fs.mkdir(path.join(dir, 'library'), { recursive: true });
  const files = [path.join(dir, 'library', 'qbf-q2-2024.txt'), path.join(dir, 'library', 'lumen-q2-2024.txt')];
  await fs.writeFile(files[0]!, QUARRY);
  await fs.writeFile(files[1]!, LUMEN);
  service = await openSearchService({ indexDir: path.join(dir, 'index'), sources: files });
});
afterAll(async () => {
  await service?.close();
});

describe('several companies named in the question', () => {
  it('the reader left the plain call\'s sides unknown (the premise)', () => {
    const lumen = service.engine.index.passages.filter((p) => p.callId.startsWith('lumen'));
    expect(lumen.length).toBeGreaterThan(0);
    expect(new Set(lumen.map((p) => p.speaker.side))).toEqual(new Set(['unknown']));
  });

  it('each company takes its turn at the top, the call of unknown sides included', async () => {
    const r = await service.engine.search({ q: Q, k: 5 });
    expect(service.engine.index.passages.filter((p) => !p.callId.startsWith('lumen') && /inventory/i.test(p.text)).length).toBeGreaterThan(12);
    expect(r.interpreted.companies.map((c) => c.name).sort()).toEqual(['Lumen Harbor Lighting', 'Quarry Bay Foods Corp.']);
    expect(r.interpreted.side).toBe('company');
    expect(new Set(r.results.slice(0, 2).map((x) => x.call.company))).toEqual(new Set(['Quarry Bay Foods Corp.', 'Lumen Harbor Lighting']));
  });

  it('a company side the request sets stays strict: unknown is not the company side', async () => {
    const r = await service.engine.search({ q: Q, k: 5, side: 'company' });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.map((x) => x.call.company)).not.toContain('Lumen Harbor Lighting');
  });
});
