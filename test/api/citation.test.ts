import { describe, expect, it } from 'vitest';
import { formatCitation, formatCitationDate } from '../../src/api/citation.js';

const jassy = { name: 'Andrew Jassy', title: 'President, CEO & Director', firm: 'Amazon.com, Inc.' };
const analyst = { name: 'Priya Raman', title: null, firm: 'Northfield Securities' };
const amzn = { company: 'Amazon.com, Inc.', quarter: 'Q4 2025', date: '2026-02-05' };

describe('formatCitation', () => {
  it('quote — name, title, company quarter earnings call, date', () => {
    expect(formatCitation('So there is a lot of interest in Trainium at this point.', jassy, amzn)).toBe(
      '"So there is a lot of interest in Trainium at this point." — Andrew Jassy, President, CEO & Director, Amazon.com, Inc. Q4 2025 earnings call, February 5, 2026',
    );
  });

  it('an analyst is cited with the firm', () => {
    expect(formatCitation('How should we think about margins?', analyst, { company: 'Widgetco', quarter: 'Q2 2024', date: '2024-07-30' })).toBe(
      '"How should we think about margins?" — Priya Raman, Northfield Securities, Widgetco Q2 2024 earnings call, July 30, 2024',
    );
  });

  it('a null quarter, a null date, no title or firm: those parts are left out, nothing is invented', () => {
    expect(formatCitation('Thanks.', { name: 'Operator', title: null, firm: null }, { company: 'ACME', quarter: null, date: null })).toBe(
      '"Thanks." — Operator, ACME earnings call',
    );
    expect(formatCitation('Revenue grew.', jassy, { company: 'ACME', quarter: null, date: '2020-11-03' })).toBe(
      '"Revenue grew." — Andrew Jassy, President, CEO & Director, ACME earnings call, November 3, 2020',
    );
    expect(formatCitation('Revenue grew.', jassy, { company: 'ACME', quarter: 'Q3 2020', date: null })).toBe(
      '"Revenue grew." — Andrew Jassy, President, CEO & Director, ACME Q3 2020 earnings call',
    );
  });

  it('a date that is not ISO is kept as written; an impossible one too', () => {
    expect(formatCitationDate('2026-02-05')).toBe('February 5, 2026');
    expect(formatCitationDate('Feb 5, 2026')).toBe('Feb 5, 2026');
    expect(formatCitationDate('2026-13-05')).toBe('2026-13-05');
  });

  it('one quotation: inner double quotes become single, whitespace and line breaks fold, bidi and control characters go', () => {
    const c = formatCitation('  We call it "Project\nRainier"\u202e and\u0007 it   works.  ', jassy, amzn);
    expect(c.startsWith(`"We call it 'Project Rainier' and it works." — Andrew Jassy`)).toBe(true);
    expect(c).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(c.match(/"/g)).toHaveLength(2);
  });
});
