/** The company a forward-looking-statements notice names (safe-harbor-name.ts). Invented text. */
import { describe, expect, it } from 'vitest';
import { safeHarborCompanies } from '../../src/transcript/safe-harbor-name.js';

describe('safeHarborCompanies', () => {
  it('reads the name before "undertakes/assumes no obligation" and "has based these forward-looking statements"', () => {
    expect(safeHarborCompanies('Velomar has based these forward-looking statements on its current expectations. Velomar undertakes no obligation to update them.')).toEqual(['Velomar']);
    expect(safeHarborCompanies('Halden Wind AG assumes no obligation to revise these statements.')).toEqual(['Halden Wind AG']);
  });

  it('only the name: not a sentence before it, a connective, or the "K" of "10-K"', () => {
    expect(safeHarborCompanies('These are described in our filings with the Securities and Exchange Commission. Quelmar undertakes no duty to update.')).toEqual(['Quelmar']);
    expect(safeHarborCompanies('Actual results may differ. However Quelmar disclaims no obligation here.')).toEqual(['Quelmar']);
    expect(safeHarborCompanies('See the risk factors in our annual report on Form 10-K. Tolvana undertakes no obligation to update.')).toEqual(['Tolvana']);
  });

  it('nothing when the notice says "the Company" or "we"', () => {
    expect(safeHarborCompanies('The Company undertakes no obligation to update these statements.')).toEqual([]);
    expect(safeHarborCompanies('We undertake no obligation to update any forward-looking statement.')).toEqual([]);
  });
});
