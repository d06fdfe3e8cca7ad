/**
 * The page's pure helpers (public/js/format.js, examples.js), imported as the browser imports
 * them: plain ES modules with no DOM use at load.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the page, typed by its JSDoc only.
import { deriveExamples, exampleCall, shortFirm } from '../../public/js/examples.js';
// @ts-expect-error: a plain JavaScript module of the page, typed by its JSDoc only.
import { callLabel, formatClock, quarterKey, shortCompany } from '../../public/js/format.js';

interface Summary {
  id: string; company: string; company_key: string; ticker: string | null; quarter: string | null; year: number | null; date: string | null;
}
const summary = (id: string, company: string, key: string, quarter: string | null, date: string | null): Summary => ({
  id, company, company_key: key, ticker: key.toUpperCase(), quarter, year: quarter ? Number(quarter.slice(-4)) : null, date,
});

describe('page formatting', () => {
  it('a recording time reads m:ss, or h:mm:ss past an hour', () => {
    expect([0, 26.5, 754, 3599.9, 3600, 3723].map(formatClock)).toEqual(['0:00', '0:26', '12:34', '59:59', '1:00:00', '1:02:03']);
  });

  it('a company is named as people name it; a call by company and quarter, else its date', () => {
    expect(['Amazon.com, Inc.', 'Bluefin Foods Corp.', 'Northwind Robotics, Inc.', 'The Coca-Cola Company', 'Acme Holdings, Inc.'].map(shortCompany)).toEqual([
      'Amazon', 'Bluefin Foods', 'Northwind Robotics', 'Coca-Cola', 'Acme',
    ]);
    expect(['JPMorgan Chase & Co', 'Goldman Sachs Group, Inc.', 'Bank of America Securities'].map(shortFirm)).toEqual(['JPMorgan Chase', 'Goldman Sachs', 'Bank of America Securities']);
    expect(callLabel(summary('a', 'Acme Corp.', 'acme', 'Q1 2024', '2024-04-30'))).toBe('Acme Corp. · Q1 2024');
    expect(callLabel(summary('a', 'Acme Corp.', 'acme', null, '2024-04-30'))).toBe('Acme Corp. · Apr 30, 2024');
    expect(['Q4 2025', 'Q1 2026', 'fiscal 2024', null].map(quarterKey)).toEqual([20254, 20261, null, null]);
  });
});

describe('examples made from the library', () => {
  const people = [
    { id: 'acme/ann-lee', name: 'Ann Lee', title: 'Chief Executive Officer', side: 'company', firm: 'Acme Corp.' },
    { id: 'acme/raj-patel', name: 'Raj Patel', title: 'Chief Financial Officer', side: 'company', firm: 'Acme Corp.' },
    { id: 'acme/jo-park', name: 'Jo Park', title: 'Vice President, Investor Relations', side: 'company', firm: 'Acme Corp.' },
    { id: 'acme/tim-wu', name: 'Tim Wu', title: null, side: 'analyst', firm: 'Lakeview Partners LLC' },
  ];

  it('one call: its CEO by name, its CFO by role, an analyst by firm, its quarter; no other company', () => {
    const calls = [summary('acme-q1-2024', 'Acme Corp.', 'acme', 'Q1 2024', '2024-04-30')];
    expect(exampleCall(calls)?.id).toBe('acme-q1-2024');
    expect(deriveExamples(calls, { ...calls[0], participants: people })).toEqual([
      'What did Lee say about demand?',
      'What did the CFO say about margins?',
      'Who asked about pricing?',
      'What did the Lakeview Partners analyst ask?',
      'What did Acme say about guidance in Q1 2024?',
      'capital spending plans',
    ]);
    // Before its people are known (or with none listed), only questions that name no one.
    expect(deriveExamples(calls, null)).toEqual(['Who asked about pricing?', 'What did Acme say about guidance in Q1 2024?', 'capital spending plans']);
  });

  it('several companies: the company with the most calls, its newest call\'s people, an older quarter of it, another company', () => {
    const calls = [
      summary('bolt-q2-2024', 'Bolt Inc.', 'bolt', 'Q2 2024', '2024-07-30'),
      summary('acme-q2-2024', 'Acme Corp.', 'acme', 'Q2 2024', '2024-07-29'),
      summary('acme-q1-2024', 'Acme Corp.', 'acme', 'Q1 2024', '2024-04-30'),
    ];
    expect(exampleCall(calls)?.id).toBe('acme-q2-2024');
    const examples = deriveExamples(calls, { ...calls[1], participants: people });
    expect(examples).toContain('What did the Acme CFO say about margins?');
    expect(examples).toContain('What did Acme say about guidance in Q1 2024?');
    expect(examples).toContain('What did Bolt say about pricing?');
    // Investor relations is not who a question about demand goes to.
    expect(examples.join(' ')).not.toContain('Park');
  });
});
