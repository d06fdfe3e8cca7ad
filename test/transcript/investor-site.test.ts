/** The name an investor-relations web address gives a company (investor-site.ts). Invented text. */
import { describe, expect, it } from 'vitest';
import { investorSiteNames } from '../../src/transcript/investor-site.js';

describe('investorSiteNames', () => {
  it('reads the name of an investor subdomain or an investor path, lowercased, once each', () => {
    expect(investorSiteNames('The release is on our website at ir.Tolvana.com. A replay is at ir.tolvana.com too.')).toEqual(['tolvana']);
    expect(investorSiteNames('Slides are at www.quelmar.co/ir and at investors.quelmar-foods.com.')).toEqual(['quelmar', 'quelmar-foods']);
    expect(investorSiteNames('See https://investor-relations.brightwave.co.uk for details.')).toEqual(['brightwave']);
  });

  it('ignores addresses that are not plainly investor pages, and names too short to tell', () => {
    // A general address may be a webcast host's; "hh" names too little.
    expect(investorSiteNames('The webcast runs on www.eventcaster.com and on www.tolvana.com.')).toEqual([]);
    expect(investorSiteNames('Materials are at ir.hh.ru.')).toEqual([]);
    expect(investorSiteNames('We invest in IR and investor relations.')).toEqual([]);
  });
});
