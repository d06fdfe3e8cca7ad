/** A saved web page → the lines a reader sees (src/transcript/documents/html-text.ts). */
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/transcript/documents/html-text.js';
import { parseTranscriptFile } from '../../src/transcript/read-source.js';

describe('htmlText', () => {
  it('blocks are lines with a blank line between them; <br> and list items are lines', () => {
    expect(htmlText('<p>one\n  two</p><p>three<br>four</p><ul><li>a</li><li>b</li></ul>')).toBe('one two\n\nthree\nfour\n\na\nb\n');
  });

  it('a definition list\'s term opens a block, its definitions the lines under it (each turn as <dt>Speaker</dt><dd>words</dd>)', () => {
    expect(htmlText('<dl><dt>Operator</dt><dd>Good morning.</dd><dt>Owen Pryce</dt><dd>Thank you.</dd><dd>Volumes rose.</dd></dl>')).toBe('Operator\nGood morning.\n\nOwen Pryce\nThank you.\nVolumes rose.\n');
  });

  it('a page that sets each turn as a term and its definition reads as name lines over the words — it was one block, refused as no layout', async () => {
    const { readFileSync } = await import('node:fs');
    const parsed = await parseTranscriptFile(readFileSync(new URL('../fixtures/layouts/standard-definition-list.html', import.meta.url)), { fileName: 'call.html' });
    const names = new Map(parsed.call.participants.map((p) => [p.id, p.name]));
    expect(parsed.call.turns.map((t) => names.get(t.speakerId))).toEqual(['Operator', 'Owen Pryce', 'Maria Castell', 'Operator', 'Hugo Brandt', 'Owen Pryce']);
  });

  it('decodes entities and reads non-breaking spaces as spaces', () => {
    expect(htmlText('<p>Procter &amp; Gamble&#39;s margin&nbsp;rose &#8212; 2&#160;points &lt;here&gt;</p>')).toBe("Procter & Gamble's margin rose \u2014 2 points <here>\n");
  });

  it('drops scripts, styles, navigation, forms, hidden elements and the page banner and footer', () => {
    const page =
      '<html><head><title>T</title><style>p{}</style></head><body><header>Site</header><nav>Menu</nav>' +
      '<script>var x = "<p>no</p>";</script><form><button>Go</button></form><p hidden>secret</p><p aria-hidden="true">icon</p>' +
      '<p>kept</p><footer>Legal</footer></body></html>';
    expect(htmlText(page)).toBe('kept\n');
  });

  it("keeps an article's own header (its title) while dropping the site's", () => {
    expect(htmlText('<header>Site</header><article><header><h1>Acme Q3 2025 Earnings Call</h1></header><p>words</p><footer>Tags: acme</footer></article>')).toBe(
      'Acme Q3 2025 Earnings Call\n\nwords\n\nTags: acme\n',
    );
  });

  it('keeps the lines of a <pre> block and reads table rows as lines, cells tab-separated', () => {
    expect(htmlText('<pre>Jane Roe\n  Chief Executive Officer</pre><table><tr><td>Jane Roe</td><td>CEO</td></tr><tr><td>Sam Poe</td><td>CFO</td></tr></table>')).toBe(
      'Jane Roe\nChief Executive Officer\n\nJane Roe\tCEO\nSam Poe\tCFO\n',
    );
  });

  it('survives broken markup: unclosed tags and stray closing tags', () => {
    expect(htmlText('<p>one<p>two</div></span><div>three')).toBe('one\n\ntwo\n\nthree\n');
  });
});

describe('speaker lines in bold read as the layouts read them', () => {
  const page = (body: string): Buffer =>
    Buffer.from(`<!doctype html><html><body><nav>Home</nav><article><h1>Widget Corp (WDGT) Q2 2024 Earnings Call</h1>${body}</article></body></html>`);

  it('<strong>Name:</strong> opening a paragraph is a name-colon speaker label', async () => {
    const parsed = await parseTranscriptFile(
      page(
        '<p><strong>Operator:</strong> Good morning and welcome to the Widget Corp call.</p>' +
          '<p><strong>Jane Roe:</strong> Thank you. Revenue grew 12%.</p>' +
          '<p><strong>Operator:</strong> Our first question comes from Sam Poe with Northfield Securities.</p>' +
          '<p><strong>Sam Poe:</strong> How did margins hold up?</p>' +
          '<p><strong>Jane Roe:</strong> They rose a point.</p>',
      ),
      { fileName: 'widget.html' },
    );
    expect(parsed.layout).toBe('name-colon');
    const names = new Map(parsed.call.participants.map((p) => [p.id, p.name]));
    expect(parsed.call.turns.map((t) => names.get(t.speakerId))).toEqual(['Operator', 'Jane Roe', 'Operator', 'Sam Poe', 'Jane Roe']);
    expect(parsed.call.source).not.toContain('Home');
  });

  it('<strong>Name</strong> -- <em>Title</em> lines read as the dash-header layout', async () => {
    const parsed = await parseTranscriptFile(
      page(
        '<h2>Prepared Remarks:</h2><p><strong>Operator</strong></p><p>Good morning and welcome to the Widget Corp call.</p>' +
          '<p><strong>Jane Roe</strong> -- <em>Chief Executive Officer</em></p><p>Thank you. Revenue grew 12%.</p>' +
          '<h2>Questions &amp; Answers:</h2><p><strong>Operator</strong></p><p>Our first question comes from Sam Poe with Northfield Securities.</p>' +
          '<p><strong>Sam Poe</strong> -- <em>Northfield Securities</em> -- <em>Analyst</em></p><p>How did margins hold up?</p>' +
          '<p><strong>Jane Roe</strong> -- <em>Chief Executive Officer</em></p><p>They rose a point.</p>',
      ),
      { fileName: 'widget.htm' },
    );
    expect(parsed.layout).toBe('dash-header');
    const people = new Map(parsed.call.participants.map((p) => [p.id, p]));
    expect(parsed.call.turns.map((t) => [people.get(t.speakerId)?.name, people.get(t.speakerId)?.side, t.section])).toEqual([
      ['Operator', 'operator', 'prepared_remarks'],
      ['Jane Roe', 'company', 'prepared_remarks'],
      ['Operator', 'operator', 'qa'],
      ['Sam Poe', 'analyst', 'qa'],
      ['Jane Roe', 'company', 'qa'],
    ]);
  });
});
