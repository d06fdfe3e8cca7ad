/** Generated calls for limit and complexity tests (names only, no real people). */

/** A distinct capitalised word for each number: 0 → "Ab", 1 → "Ac", … (names cannot hold digits). */
export function nameWord(i: number): string {
  let n = i;
  let out = '';
  do {
    out += 'bcdfghjklmnprstvz'[n % 17];
    n = Math.floor(n / 17);
  } while (n > 0);
  return `A${out}`;
}

/** A standard call whose analysts list has `n` names and whose Q&A introduces each of them. */
export function callWithAnalysts(n: number): string {
  const names = Array.from({ length: n }, (_, i) => `Pat ${nameWord(i)}son`);
  const lines = ['Acme Corp (ACME) Q1 2025 Earnings Call', '', 'Executives', 'Jane Roe - Chief Executive Officer', '', 'Analysts', ...names.map((a, i) => `${a} - Firm ${i} Securities`), '', 'Prepared Remarks', '', 'Jane Roe', 'Chief Executive Officer', '', 'Welcome.', '', 'Questions and Answers', ''];
  names.forEach((a, i) => lines.push('Operator', '', `Our next question comes from ${a} with Firm ${i} Securities.`, '', a, `Firm ${i} Securities`, '', 'A question?', '', 'Jane Roe', 'Chief Executive Officer', '', 'An answer.', ''));
  return lines.join('\n');
}

