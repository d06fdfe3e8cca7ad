/** One list of legal forms and organisational words (legal-forms.ts), as each reader of it uses it. Invented names. */
import { describe, expect, it } from 'vitest';
import { spokenCompanyName } from '../../src/transcript/header-meta.js';
import { alternation, bareForm, LEGAL_FORMS } from '../../src/transcript/legal-forms.js';

describe('legal forms', () => {
  it('end a spoken company name, whichever form it takes', () => {
    expect(spokenCompanyName('Harbor Midstream Partners LP debut quarterly call')).toBe('Harbor Midstream Partners LP');
    expect(spokenCompanyName('Velomar Mobility GmbH annual results')).toBe('Velomar Mobility GmbH');
    expect(spokenCompanyName('Brightwell S.p.A. half-year results')).toBe('Brightwell S.p.A');
  });

  it('match their dots literally, and compare without them', () => {
    const re = new RegExp(`^(?:${alternation(LEGAL_FORMS)})$`);
    expect(re.test('S.p.A')).toBe(true);
    expect(re.test('SxpxA')).toBe(false);
    expect(bareForm('S.p.A')).toBe('spa');
  });
});
