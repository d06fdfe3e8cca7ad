/** Which files are read as Markdown, and what one Markdown line reads as. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/transcript/lines.js';
import { isMarkdown, withoutMarkup } from '../../src/transcript/markdown.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), 'utf8');
const plain = (text: string): string[] => withoutMarkup(text, splitLines(text)).lines.map((l) => l.text);

describe('Markdown detection', () => {
  it.each(['standard-markdown.md', 'name-colon-notion.md', 'name-colon-fool-markdown.md', 'name-colon-markdown.md'])('%s is Markdown', (file) => {
    expect(isMarkdown(splitLines(fixture(file)))).toBe(true);
  });

  // Their "* Name, Title" bullets, "=====" / "-----" rules and "Name:" labels are their layouts' own.
  it.each(['standard.txt', 'standard-terminal.txt', 'standard-bloomberg.txt', 'standard-factset.txt', 'standard-pdf.txt', 'name-colon.txt', 'name-colon-fool.txt', 'dash-header.txt'])('%s is not', (file) => {
    expect(isMarkdown(splitLines(fixture(file)))).toBe(false);
  });
});

describe('a Markdown line read as plain text', () => {
  const doc = (body: string): string => `# Acme Q3 2025 Earnings Call\n\n**Jane Roe**\n\n${body}\n`;

  it.each([
    ['> a quoted line', 'a quoted line'],
    ['- **Jane Roe** — Chief Executive Officer', 'Jane Roe — Chief Executive Officer'],
    ['* Jane Roe - CEO', 'Jane Roe - CEO'],
    ['**Jane Roe:** Revenue grew.', 'Jane Roe: Revenue grew.'],
    ['[Jane Roe](https://example.com/jane "profile"): Thanks.', 'Jane Roe: Thanks.'],
    ['1\\. Escaped \\*stars\\* and \\[brackets\\] stay', '1. Escaped *stars* and [brackets] stay'],
    ['a snake_case_name and *emphasis* and `code`', 'a snake_case_name and emphasis and code'],
    ['AT&amp;T&#39;s R&D', "AT&T's R&D"],
    ['![chart](https://example.com/c.png)', ''],
    ['---', ''],
    ['[1]: https://example.com/ref', ''],
    // A pipe table's rows are its cells, tab-separated (as a web page's table reads); its delimiter row is no text.
    ['| Jane Roe | Thank you. **Revenue** grew 12%. |', 'Jane Roe\tThank you. Revenue grew 12%.'],
    ['| :--- | ---: |', ''],
    ['| a \\| b | c |', 'a | b\tc'],
  ])('%s → %s', (line, expected) => {
    expect(plain(doc(line))[4]).toBe(expected);
  });

  it('keeps every line where it was (errors name the file\'s own lines)', () => {
    const text = doc('## Presentation\r\n\r\n**Operator**\r\ntext');
    expect(plain(text)).toHaveLength(splitLines(text).length);
  });
});
