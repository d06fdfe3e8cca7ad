import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/search/interpret/edit-distance.js';
import { CompanyDirectory } from '../../../src/search/interpret/companies.js';
import { lowercaseWords } from '../../../src/index/vocabulary.js';
import { buildAliasTable, collectPeople, findSpeakerMentions, firmAliases, resolveSpeaker, roleAliases } from '../../../src/search/interpret/speaker-aliases.js';
import type { Call } from '../../../src/transcript/types.js';
import { nicknamesOf } from '../../../src/transcript/nicknames.js';
import { parseTranscript } from '../../../src/transcript/parse.js';
import { readAmzn, renderTranscript } from '../../transcript/fixtures.js';

/** The alias table of a library of these calls. */
function tableOf(...calls: Call[]) {
  const companies = new CompanyDirectory(calls.map((c) => c.meta));
  const common = new Set<string>();
  for (const c of calls) lowercaseWords(c.source, common);
  return buildAliasTable(collectPeople(calls, (id) => companies.companyOf(id)!), companies.words(), (c) => companies.wordsOf(c), { commonWords: common });
}

const call = parseTranscript(readAmzn());
const table = tableOf(call);

const ids = (phrase: string): string[] => resolveSpeaker(table, phrase).map((p) => p.id);

describe('resolveSpeaker on the bundled call', () => {
  it.each([
    // names, nicknames, middle names skipped
    ['Andy', ['andrew-jassy']],
    ['Jassy', ['andrew-jassy']],
    ['Andrew Jassy', ['andrew-jassy']],
    ['Andy Jassy', ['andrew-jassy']],
    ["Jassy's", ['andrew-jassy']],
    ['Doug Anmuth', ['douglas-anmuth']],
    ['Doug', ['douglas-anmuth']],
    ['Anmuth', ['douglas-anmuth']],
    ['Mark Mahaney', ['mark-stephen-mahaney']],
    ['Mark Stephen Mahaney', ['mark-stephen-mahaney']],
    ['Mike Morton', ['michael-morton']],
    ['David', ['dave-fildes']],
    ['Olsavsky', ['brian-olsavsky']],
    ['Brian', ['brian-olsavsky', 'brian-nowak']],
    // firms
    ['the Goldman Sachs analyst', ['eric-sheridan']],
    ['Goldman', ['eric-sheridan']],
    ['JPMorgan', ['douglas-anmuth']],
    ['JP Morgan', ['douglas-anmuth']],
    ['J.P. Morgan', ['douglas-anmuth']],
    ['Morgan Stanley', ['brian-nowak']],
    ['Evercore', ['mark-stephen-mahaney']],
    ['Evercore ISI', ['mark-stephen-mahaney']],
    ['MoffettNathanson', ['michael-morton']],
    ['Moffett', ['michael-morton']],
    ['Barclays', ['ross-sandler']],
    // roles
    ['CEO', ['andrew-jassy']],
    ['the chief executive', ['andrew-jassy']],
    ['president', ['andrew-jassy']],
    ['CFO', ['brian-olsavsky']],
    ['chief financial officer', ['brian-olsavsky']],
    ['IR', ['dave-fildes']],
    ['investor relations', ['dave-fildes']],
    // typos
    ['jasy', ['andrew-jassy']],
    ['olsavski', ['brian-olsavsky']],
    ['mahany', ['mark-stephen-mahaney']],
    ['Sheridon', ['eric-sheridan']],
    ['Goldmann', ['eric-sheridan']],
  ])('%s → %j', (phrase, expected) => {
    expect(ids(phrase)).toEqual(expected);
  });

  it.each(['Amazon', 'AMZN', 'Amazon.com', 'the operator', 'Operator', 'revenue', 'Jeff', 'xyzzy', ''])('%j names nobody', (phrase) => {
    expect(ids(phrase)).toEqual([]);
  });
});

describe('findSpeakerMentions', () => {
  const mentions = (query: string) =>
    findSpeakerMentions(table, query).map((m) => [m.matched, m.person.id, m.via, m.distance]);

  it('finds names, roles and firms with exact spans', () => {
    const query = 'What did the CFO and Andy Jassy tell the Goldman Sachs analyst about Trainium?';
    const found = findSpeakerMentions(table, query);
    expect(found.map((m) => [m.matched, m.person.id, m.via])).toEqual([
      ['CFO', 'brian-olsavsky', 'role'],
      ['Andy Jassy', 'andrew-jassy', 'nickname'],
      ['Goldman Sachs', 'eric-sheridan', 'firm'],
    ]);
    for (const m of found) expect(query.slice(m.start, m.end)).toBe(m.matched);
  });

  it('prefers the longest phrase', () => {
    expect(mentions('Mark Stephen Mahaney asked')).toEqual([['Mark Stephen Mahaney', 'mark-stephen-mahaney', 'full', 0]]);
    expect(mentions('the JP Morgan question')).toEqual([['JP Morgan', 'douglas-anmuth', 'firm', 0]]);
  });

  it('reports every candidate of an ambiguous name on the same span', () => {
    expect(mentions('what did Brian say')).toEqual([
      ['Brian', 'brian-olsavsky', 'first', 0],
      ['Brian', 'brian-nowak', 'first', 0],
    ]);
  });

  it('tolerates typos within the distance bound', () => {
    expect(mentions('what did jasy say about chips')).toEqual([['jasy', 'andrew-jassy', 'surname', 1]]);
    expect(mentions('olsavski on margins')).toEqual([['olsavski', 'brian-olsavsky', 'surname', 1]]);
    expect(mentions('mahany question')).toEqual([['mahany', 'mark-stephen-mahaney', 'surname', 1]]);
    // Two edits on a long surname is fine, three is not.
    expect(mentions('olsafski')).toEqual([['olsafski', 'brian-olsavsky', 'surname', 2]]);
    expect(mentions('olzafzki')).toEqual([]);
    // Short surname: one edit only.
    expect(mentions('jsy')).toEqual([]);
    expect(mentions('jasyy')).toEqual([['jasyy', 'andrew-jassy', 'surname', 1]]);
    expect(mentions('jaassyy')).toEqual([]);
    // A different first letter is not a typo of the name: "handler" is not "Sandler".
    expect(mentions('the event handler')).toEqual([]);
    // An English word typed in lowercase is that word, not a typo of a name or firm ("evermore" is no Evercore)…
    expect(mentions('evermore cloud demand')).toEqual([]);
    // …while typed as a name it may still be one.
    expect(mentions('what did Evermore ask about ads').map((m) => m[1])).toEqual(['mark-stephen-mahaney']);
  });

  it('does not treat the company, or ordinary words, as speakers', () => {
    expect(mentions('How did Amazon grow revenue at Amazon.com and AMZN?')).toEqual([]);
    expect(mentions('revenue rose; a brain trust; an epic quarter; the boss')).toEqual([]);
    expect(mentions('did they mark down inventory, and will margins improve')).toEqual([]);
  });

  it('a first name, a typo or a firm word inside another proper name names nobody', () => {
    // "Brian Sun" is someone else; "Jasy" after an article or beside another name is no typo of Jassy.
    expect(mentions('What did Brian Sun say about Macau?')).toEqual([]);
    expect(mentions('How are sales in Hong Jasy Kong?')).toEqual([]);
    expect(mentions('what about the Olsavski 737 program')).toEqual([]);
    expect(mentions('anything on Red Goldman projects')).toEqual([]);
    // Alone, or after a question word or a company's possessive, they still name their people.
    expect(mentions("What did Amazon's Brian say?").map((m) => m[1])).toEqual(['brian-olsavsky', 'brian-nowak']);
    expect(mentions('Did Olsavski mention capex?')).toEqual([['Olsavski', 'brian-olsavsky', 'surname', 1]]);
  });

  it('requires capitals for a name that is also an ordinary word', () => {
    expect(mentions('what did Mark ask')).toEqual([['Mark', 'mark-stephen-mahaney', 'first', 0]]);
    expect(mentions('what did mark ask')).toEqual([]);
    // Unambiguous names need no capitals.
    expect(mentions('what did andy say')).toEqual([['andy', 'andrew-jassy', 'nickname', 0]]);
  });
});

describe('alias derivation helpers', () => {
  it('derives firm keys by dropping legal and organisational suffixes', () => {
    expect(firmAliases('Goldman Sachs Group, Inc.')).toEqual(expect.arrayContaining(['goldman sachs', 'goldman']));
    expect(firmAliases('Barclays Bank PLC')).toEqual(expect.arrayContaining(['barclays']));
    expect(firmAliases('Evercore ISI Institutional Equities')).toEqual(expect.arrayContaining(['evercore isi', 'evercore']));
    expect(firmAliases('JPMorgan Chase & Co')).toEqual(expect.arrayContaining(['jpmorgan chase', 'jpmorgan', 'jp morgan']));
    expect(firmAliases('JP Morgan')).toEqual(expect.arrayContaining(['jp morgan', 'jpmorgan']));
    expect(firmAliases('RBC Capital Markets')).toEqual(expect.arrayContaining(['rbc capital markets', 'rbc']));
    expect(firmAliases('MoffettNathanson LLC')).toEqual(expect.arrayContaining(['moffettnathanson', 'moffett nathanson', 'moffett']));
    // Firms not in this call.
    expect(firmAliases('Wells Fargo Securities, LLC')).toEqual(expect.arrayContaining(['wells fargo', 'wells']));
    expect(firmAliases('Bank of America Securities')).toEqual(expect.arrayContaining(['bank of america']));
    expect(firmAliases('Bank of America Securities')).not.toContain('bank');
    expect(firmAliases('Morgan Stanley')).not.toContain('stanley');
  });

  it('derives roles from titles', () => {
    expect(roleAliases('President, CEO & Director')).toEqual(expect.arrayContaining(['president', 'ceo', 'chief executive']));
    expect(roleAliases('Senior VP & CFO')).toEqual(expect.arrayContaining(['cfo', 'chief financial officer']));
    expect(roleAliases('Senior VP & CFO')).not.toContain('president');
    expect(roleAliases('Vice President of Investor Relations')).toEqual(expect.arrayContaining(['ir', 'investor relations']));
    expect(roleAliases('Vice President of Investor Relations')).not.toContain('president');
    expect(roleAliases('Chief Operating Officer')).toEqual(expect.arrayContaining(['coo']));
  });

  it('reads nicknames in both directions', () => {
    expect(nicknamesOf('Andrew')).toEqual(expect.arrayContaining(['andy', 'drew']));
    expect(nicknamesOf('Doug')).toEqual(['douglas']);
    expect(nicknamesOf('Eric')).toEqual([]);
  });

  it('computes optimal-string-alignment distance', () => {
    expect(editDistance('jassy', 'jassy')).toBe(0);
    expect(editDistance('jasy', 'jassy')).toBe(1);
    expect(editDistance('brain', 'brian')).toBe(1); // one transposition
    expect(editDistance('olsavski', 'olsavsky')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3); // capped at max + 1
  });
});

describe('alias tables for another call', () => {
  it('never lets the company name a speaker, even when an analyst shares it', () => {
    const ford = parseTranscript(
      renderTranscript({
        title: 'Ford Motor Company (F) Q1 2025 Earnings Call April 28, 2025 5:00 PM ET',
        analysts: ['Adam Ford - Example Securities'],
        presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Hello.'] }],
        qa: [
          { speaker: 'Adam Ford', title: 'Example Securities', paragraphs: ['Question?'] },
          { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Answer.'] },
        ],
      }),
    );
    const t = tableOf(ford);
    expect(findSpeakerMentions(t, 'what did Ford say about trucks')).toEqual([]);
    expect(resolveSpeaker(t, 'Adam Ford').map((p) => p.id)).toEqual(['adam-ford']);
  });

  it('treats words the call writes in lowercase as ordinary words', () => {
    const c = parseTranscript(
      renderTranscript({
        analysts: ['Robert Gross - Example Securities'],
        presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Our gross margin improved.'] }],
        qa: [
          { speaker: 'Robert Gross', title: 'Example Securities', paragraphs: ['Question?'] },
          { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Answer.'] },
        ],
      }),
    );
    const t = tableOf(c);
    expect(findSpeakerMentions(t, 'what was gross margin').map((m) => m.person.id)).toEqual([]);
    expect(findSpeakerMentions(t, 'what did Gross ask').map((m) => m.person.id)).toEqual(['robert-gross']);
  });

  it('a firm word the calls write in lowercase is that word, unless an analyst follows; an initial is no surname', () => {
    const c = parseTranscript(
      renderTranscript({
        company: ['Jane Roe - Chief Executive Officer', 'Suzanne S. - Investor Relations'],
        analysts: ['Ryan Tully - Auto Research'],
        presentation: [{ speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Our auto parts plants ran well.'] }],
        qa: [
          { speaker: 'Ryan Tully', title: 'Auto Research', paragraphs: ['Question?'] },
          { speaker: 'Jane Roe', title: 'Chief Executive Officer', paragraphs: ['Answer.'] },
        ],
      }),
    );
    const t = tableOf(c);
    const found = (q: string) => findSpeakerMentions(t, q).map((m) => m.person.id);
    expect(found('absenteeism at auto parts plants')).toEqual([]);
    expect(found('what did the auto analyst ask')).toEqual(['ryan-tully']);
    expect(found('what did Auto Research ask')).toEqual(['ryan-tully']);
    expect(found('tax rate for IS&S')).toEqual([]);
    expect(found('What did Suzanne say?')).toEqual(['suzanne-s']);
  });

  it('derives everything from that call’s participants', () => {
    const other = parseTranscript(
      renderTranscript({
        company: ['William Gates - Chairman & CEO', 'Patricia Chu - Chief Financial Officer'],
        analysts: ['Robert Young - Wells Fargo Securities, LLC, Research Division'],
        presentation: [{ speaker: 'William Gates', title: 'Chairman & CEO', paragraphs: ['Hello.'] }],
        qa: [
          { speaker: 'Robert Young', title: 'Wells Fargo Securities, LLC, Research Division', paragraphs: ['Question?'] },
          { speaker: 'Patricia Chu', title: 'Chief Financial Officer', paragraphs: ['Answer.'] },
        ],
      }),
    );
    const t = tableOf(other);
    const r = (phrase: string): string[] => resolveSpeaker(t, phrase).map((p) => p.id);
    expect(r('Bill')).toEqual(['william-gates']);
    expect(r('chairman')).toEqual(['william-gates']);
    expect(r('CFO')).toEqual(['patricia-chu']);
    expect(r('Bob Young')).toEqual(['robert-young']);
    expect(r('Wells Fargo')).toEqual(['robert-young']);
    expect(r('Widget')).toEqual([]);
    expect(r('Jassy')).toEqual([]);
    // "young" and "will" are ordinary words: only capitalised forms name someone in free text.
    expect(findSpeakerMentions(t, 'young companies will grow').map((m) => m.person.id)).toEqual([]);
    expect(findSpeakerMentions(t, 'what did Young ask Will').map((m) => m.person.id)).toEqual(['robert-young', 'william-gates']);
  });
});

describe('numbered speakers (speech-recognition datasets)', () => {
  it('are named only in full: "speaker" alone names nobody', () => {
    const c = parseTranscript(['Acme Corp (ACME) Q1 2025 Earnings Call', '', 'Speaker 1: Hello.', '', 'Speaker 2: Hi there.', '', 'Speaker 1: Bye.'].join('\n'));
    const t = tableOf(c);
    expect(findSpeakerMentions(t, 'which speaker mentioned pricing')).toEqual([]);
    expect(resolveSpeaker(t, 'Speaker 2').map((p) => p.name)).toEqual(['Speaker 2']);
  });
});

describe('one person across a company\'s calls', () => {
  const quarter = (title: string, ceo: string, cfo: string) =>
    parseTranscript(
      renderTranscript({
        title,
        company: [`${ceo} - Chief Executive Officer`, `${cfo} - Chief Financial Officer`],
        analysts: ['Robert Young - Wells Fargo Securities'],
        presentation: [{ speaker: ceo, title: 'Chief Executive Officer', paragraphs: ['Hello.'] }],
        qa: [
          { speaker: 'Robert Young', title: 'Wells Fargo Securities', paragraphs: ['Question?'] },
          { speaker: cfo, title: 'Chief Financial Officer', paragraphs: ['Answer.'] },
        ],
      }),
    );
  const q1 = quarter('Gatesway Corp. (GTW) Q1 2024 Earnings Call Apr 25, 2024', 'William Gates', 'Patricia Chu');
  const q2 = quarter('Gatesway Corp. (GTW) Q2 2024 Earnings Call Jul 25, 2024', 'Bill Gates', 'Pat Chu');
  // Another company: a namesake there stays another person.
  const other = quarter('Harrow Mills Inc. (HRW) Q2 2024 Earnings Call Jul 30, 2024', 'Bill Gates', 'Melinda Chu');

  it('a nickname on one call and the full name on another are one person, with both calls', () => {
    const t = tableOf(q1, q2, other);
    const gates = resolveSpeaker(t, 'William Gates').filter((p) => p.company.name.startsWith('Gatesway'));
    expect(gates).toHaveLength(1);
    expect(gates[0]!.refs.map((r) => r.callId).sort()).toEqual([q1.meta.id, q2.meta.id].sort());
    expect(resolveSpeaker(t, 'Pat Chu').filter((p) => p.company.name.startsWith('Gatesway')).map((p) => p.refs.length)).toEqual([2]);
  });

  it('different first names, or the same name at another company, stay different people', () => {
    const t = tableOf(q1, q2, other);
    const chus = resolveSpeaker(t, 'Chu');
    expect(new Set(chus.map((p) => p.key)).size).toBe(2);
    const bills = resolveSpeaker(t, 'Bill Gates');
    expect(new Set(bills.map((p) => p.company.key)).size).toBe(2);
  });
});

describe('courtesy titles in participant names', () => {
  // Invented call; speech-recognition metadata often names people "Dr. …" or "Mr. …".
  const titled = parseTranscript(
    [
      'Lakeview Bio (LKVB) Q1 2024 Earnings Call',
      '',
      'Operator: Welcome. I will be your operator today.',
      '',
      'Dr. Ana Ruiz: Thank you. Enrolment in the trial is complete.',
      '',
      'Mr. Ben Ode: Cash was $80 million at quarter end.',
    ].join('\n'),
  );
  const t = tableOf(titled);

  it('are no first name: "Mr. Ode" is Ben Ode, and "Dr." alone names nobody', () => {
    // The participant is "Ben Ode": a courtesy title before a full name is no part of it (src/transcript/courtesy-titles.ts).
    expect(resolveSpeaker(t, 'Mr. Ode').map((p) => p.name)).toEqual(['Ben Ode']);
    expect(resolveSpeaker(t, 'Ana Ruiz').map((p) => p.name)).toEqual(['Dr. Ana Ruiz']);
    expect(resolveSpeaker(t, 'Ana').map((p) => p.name)).toEqual(['Dr. Ana Ruiz']);
    expect(findSpeakerMentions(t, 'What did Mr. Ruiz say?').map((m) => m.person.name)).toEqual(['Dr. Ana Ruiz']);
    expect(resolveSpeaker(t, 'Mr')).toEqual([]);
  });
});
