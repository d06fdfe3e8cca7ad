import { describe, expect, it } from 'vitest';
import { interpretQuery } from '../../../src/search/interpret/interpret-query.js';
import { LibraryDirectory } from '../../../src/search/interpret/library-directory.js';
import { UnknownSpeakerError } from '../../../src/search/interpret/query-plan.js';
import { bundledCall } from '../../helpers/call.js';

const directory = new LibraryDirectory([bundledCall()]);
const plan = (q: string, filters = {}) => interpretQuery(q, directory, filters);
const names = (q: string) => plan(q).speakers.map((s) => s.person.name);

describe('interpretQuery: who is named', () => {
  it.each([
    ['what did Jassy say about Trainium', ['Andrew Jassy']],
    ['What did Andy say about quick commerce in India?', ['Andrew Jassy']],
    ['andrew jassy on satellites', ['Andrew Jassy']],
    ['what did Olsavsky say about free cash flow', ['Brian Olsavsky']],
    ['What did the CFO say about international margins?', ['Brian Olsavsky']],
    ['what did the CEO say about robotics', ['Andrew Jassy']],
    ['what did investor relations say about non-GAAP measures', ['Dave Fildes']],
    ['what did Doug Anmuth ask about capex', ['Douglas Anmuth']],
    ['Mark Mahaney question', ['Mark Stephen Mahaney']],
    ['What did the Goldman Sachs analyst ask?', ['Eric Sheridan']],
    ['what did the JPMorgan analyst ask', ['Douglas Anmuth']],
    ['Morgan Stanley question on robotics', ['Brian Nowak']],
    ['what did brian say about free cash flow', ['Brian Olsavsky', 'Brian Nowak']],
    // typos
    ['wat did jasy say abt tranium', ['Andrew Jassy']],
    ['olsavski on fulfillment costs', ['Brian Olsavsky']],
    // A question headed by whom it asks.
    ['Jassy: what about Trainium?', ['Andrew Jassy']],
    ['CFO - how much will capex be in 2026?', ['Brian Olsavsky']],
    ['what did mahany ask', ['Mark Stephen Mahaney']],
  ])('%s → %j', (q, expected) => {
    expect(names(q)).toEqual(expected);
  });

  it('names nobody in topic-only questions, and never the company itself', () => {
    for (const q of ['aws backlog', 'How fast did AWS grow?', 'What is Amazon Haul?', 'severance', 'what will capex be in 2026']) {
      expect(names(q), q).toEqual([]);
    }
  });
});

describe('interpretQuery: intent and topic', () => {
  it.each([
    ['what did Jassy say about Trainium', 'speaker_topic', 'Trainium'],
    ['What did the CFO say about international margins?', 'speaker_topic', 'international margins'],
    ["Jassy's comments on Zoox", 'speaker_topic', 'Zoox'],
    ['Who asked about return on invested capital?', 'who_asked', 'return on invested capital'],
    ['Which analyst asked about robotics?', 'who_asked', 'robotics'],
    ['What did analysts ask about AI?', 'who_asked', 'AI'],
    ['What did the JPMorgan analyst ask?', 'speaker_question', ''],
    ['What did Eric Sheridan ask Jassy about?', 'speaker_question', ''],
    ['what did Doug Anmuth ask about capex', 'speaker_question', 'capex'],
    ['What did the JPMorgan analyst want to know about capex?', 'speaker_question', 'capex'],
    ['what did doug anmuth want to know', 'speaker_question', ''],
    ['What was asked about robotics?', 'who_asked', 'robotics'],
    ['aws backlog', 'topic', 'aws backlog'],
    ['who askd abuot agents', 'who_asked', 'agents'],
    // Someone asking, named by what they are: the words go, the frame stays.
    ['a private investor asking about buybacks at half of book', 'who_asked', 'buybacks at half of book'],
    ['shareholder asks about the dividend', 'who_asked', 'dividend'],
    // …or by how they asked: the analyst's turn is wanted, not management's reply.
    ['analyst pushing Jassy on capex discipline', 'who_asked', 'capex discipline'],
    ['an analyst noting that advertising grew faster than AWS', 'who_asked', 'advertising grew faster than AWS'],
    ['analysts challenging the Kuiper spending', 'who_asked', 'Kuiper spending'],
    ['investor day plans', 'topic', 'investor day plans'],
    ['How fast did AWS grow?', 'topic', 'How fast did AWS grow'],
    // "how does X see Y": the view asked for is of Y.
    ['How does Jassy see agentic commerce?', 'speaker_topic', 'agentic commerce'],
    ['Jassy: what about Trainium?', 'speaker_topic', 'Trainium'],
  ])('%s → %s, topic %j', (q, intent, topic) => {
    const p = plan(q);
    expect(p.intent).toBe(intent);
    expect(p.topic).toBe(topic);
  });

  it('who-asked restricts to analysts’ questions in Q&A', () => {
    const p = plan('Who asked about return on invested capital?');
    expect(p).toMatchObject({ side: 'analyst', section: 'qa', questionsOnly: true, speakerKeys: null });
  });

  it('embeds the topic alone when speaker words were removed, the whole query otherwise', () => {
    expect(plan('what did Jassy say about Trainium').matchText).toBe('Trainium');
    expect(plan('How fast did AWS grow?').matchText).toBe('How fast did AWS grow?');
  });

  it('reads groups and sections', () => {
    expect(plan('What did management say about tariffs').side).toBe('company');
    expect(plan('what came up in the Q&A about Leo').section).toBe('qa');
    expect(plan('prepared remarks on grocery').section).toBe('prepared_remarks');
  });

  it('marks where constraints came from', () => {
    expect(plan('aws backlog').source).toBe('none');
    expect(plan('what did Jassy say about AI').source).toBe('query');
    expect(plan('aws backlog', { side: 'company' }).source).toBe('request');
  });
});

describe('interpretQuery: explicit filters override inference', () => {
  it('speaker filter replaces the speaker named in the query', () => {
    const p = plan('what did Jassy say about free cash flow', { speaker: 'Olsavsky' });
    expect(p.speakers.map((s) => s.person.name)).toEqual(['Brian Olsavsky']);
    expect(p.source).toBe('request');
  });

  it('accepts participant ids, roles and firms as filter values', () => {
    expect(plan('capex', { speaker: 'andrew-jassy' }).speakers[0]?.person.name).toBe('Andrew Jassy');
    expect(plan('capex', { speaker: 'CFO' }).speakers[0]?.person.name).toBe('Brian Olsavsky');
    expect(plan('capex', { speaker: 'Barclays' }).speakers[0]?.person.name).toBe('Ross Sandler');
  });

  it('side and section filters win', () => {
    const p = plan('Who asked about Trainium?', { side: 'company', section: 'prepared_remarks' });
    expect(p.side).toBe('company');
    expect(p.section).toBe('prepared_remarks');
  });

  it('"any" lifts what the query implied, and says the request did it', () => {
    const p = plan('what did Jassy say about Trainium', { speaker: 'any' });
    expect(p.speakers).toEqual([]);
    expect(p.speakerKeys).toBeNull();
    expect(p.intent).toBe('topic');
    expect(p.matchText).toBe('Trainium');
    expect(p.sources).toEqual({ speaker: 'request', side: 'none', section: 'none', company: 'none', period: 'none', call: 'none' });
    const who = plan('Who asked about robotics?', { side: 'any', section: 'any' });
    expect(who).toMatchObject({ side: null, section: null, questionsOnly: false, intent: 'topic' });
  });

  it('reports the source of each constraint separately', () => {
    expect(plan('what did Jassy say about AI in the Q&A', { side: 'company' }).sources).toEqual({ speaker: 'query', side: 'request', section: 'query', company: 'none', period: 'none', call: 'none' });
  });

  it('an unknown speaker filter is an error, not a silent empty result', () => {
    expect(() => plan('capex', { speaker: 'Warren Buffett' })).toThrow(UnknownSpeakerError);
  });
});
