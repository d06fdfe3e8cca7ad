import { comparisonBasis, factQuestionOf } from '../../src/search/interpret/fact-question.js';
import { figureTermsOf } from '../../src/search/interpret/figure-question.js';
import { describe, expect, it } from 'vitest';
import { partOfMetric, qualifiedByAnotherPart, sentenceFacts, statesMarginAsShare, statesMetric } from '../../src/search/sentences/sentence-facts.js';

const revenue = [['revenu']];
describe('statesMetric: the figure is the metric’s own value', () => {
  it.each([
    ['Revenue was $35.6 billion and growth accelerated to 24% year-over-year.', 'money', true],
    ["We're reporting $213.4 billion in revenue, up 12% year-over-year.", 'money', true],
    ['generating $21.3 billion of revenue in the quarter', 'money', true],
    // The part of the metric a clause picks out is not the metric.
    ['Perhaps $3 million of revenue that slipped from March into April went with the delay.', 'money', false],
    ['AWS now has an annualized revenue run rate of $142 billion.', 'money', false],
    ['We added $2.6 billion in quarter-over-quarter revenue.', 'money', false],
    ['we added over $12 billion of incremental revenue in 2025 alone', 'money', false],
    ['Advertising revenue grew 22% in the fourth quarter.', 'money', false],
    ['Advertising revenue grew 22% in the fourth quarter.', 'percent', true],
    // A period between the metric and its figure is still a plain statement.
    ['Revenue for the third quarter was $48.2 million, up 11%.', 'money', true],
    ['Revenue in fiscal 2024 reached $1.3 billion.', 'money', true],
    ['Revenue for our lighting partners was boosted by $4 million of rebates.', 'money', false],
    // The period's end spelt out is part of the period.
    ['Consolidated revenue for the second quarter ended March 28th was $64 million.', 'money', true],
    ['Revenue for the first half ended June 30, 2021 was $88 million.', 'money', true],
    // By how much it changed is not what it was, unless a change is asked.
    ['Currency swings cut revenue by $2.2 million.', 'money', false],
    ['Revenue increased by $2 million to $40 million.', 'money', true],
    ['Revenues for the second quarter of fiscal 2020 were $21.7 million.', 'money', true],
    ['Revenue grew by 12% in the quarter.', 'percent', true],
    // A figure, then the metric with a word or two of its own between: the metric's figure.
    ['We are guiding for 3% to 7% organic wholesale revenue this year.', 'percent', true],
    ['We grew volumes 7% while revenue in Europe fell.', 'percent', false],
    ['It was a $4 million Harbor revenue shortfall.', 'money', false],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(statesMetric(sentenceFacts(text), revenue, kind)).toBe(expected);
  });
});

describe('partOfMetric: a part\'s figure, though no "segment" is named', () => {
  it.each([
    ['Domestic revenue for the quarter was $92.8 million.', true],
    ['Access and aggregation revenue was $85.4 million.', true],
    ['Looking at our revenues geographically, international revenue was $40.3 million.', true],
    ['AWS revenue grew 20%.', true],
    // The whole company's: a period, a total, its name in the possessive, a change, or a verb before it.
    ["As Tom said, Lumenco's third quarter revenue came in at $141.7 million.", false],
    ['Total net revenue was $1.2 billion.', false],
    ['Q3 revenue was $48 million.', false],
    ['Record revenue of $2 billion.', false],
    ['For the third quarter, we achieved revenues of $31.4 million.', false],
    ['We expect to invest about $200 billion in capital expenditures.', false],
    ['At the midpoint, that would put sales near $230 million.', false],
    ['Our revenue was $700 million.', false],
    // Another wording of the metric before it qualifies nothing ("top line, revenues").
    ['First the top line, revenues for the third quarter of 2019 were $48.3 million.', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(partOfMetric(sentenceFacts(text), [...revenue, ['top', 'line']])).toBe(expected);
  });
});

describe('a margin stated as its profit\'s share of revenue; another part\'s figure', () => {
  const gross = [['gross', 'margin']];
  it.each([
    ['Gross profit for the quarter was $740 million or 52.4% of revenue.', true],
    ['Gross profit was $40 million, or 38% of net sales.', true],
    ['Versus last year, gross profit margin rose 210 basis points.', false],
    ['Operating profit was $1.9 billion, or 41% of revenue.', false],
    ['Gross profit rose 12% to $3.1 billion.', false],
    // The share named first, then its figure.
    ['Q2 gross profit as a percentage of revenue fell year-over-year to 41%.', true],
    ['Gross profit as a percentage of sales was flat.', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(statesMarginAsShare(sentenceFacts(text), gross)).toBe(expected);
  });

  it('asked what a margin was, a move in points states no level; asked how it moved, it does', () => {
    const bps = sentenceFacts('Gross margin increased 120 basis points on lower freight costs.');
    expect(statesMetric(bps, gross, 'percent', true)).toBe(false);
    expect(statesMetric(bps, gross, 'percent', false)).toBe(true);
    expect(statesMetric(sentenceFacts('Gross margin was 41.5%, up 120 basis points.'), gross, 'percent', true)).toBe(true);
    expect(factQuestionOf('What was gross margin in the quarter?')?.change).toBe(false);
    expect(factQuestionOf('How much did gross margin fall in the quarter?')?.change).toBe(true);
  });

  it('the metric qualified by a part other than the one asked', () => {
    const automotive = [['automot']];
    expect(qualifiedByAnotherPart(sentenceFacts('Sensor revenue grew 17% and software grew 9%.'), revenue, automotive)).toBe(true);
    expect(qualifiedByAnotherPart(sentenceFacts('Automotive revenue grew 30% from a year ago.'), revenue, automotive)).toBe(false);
    expect(qualifiedByAnotherPart(sentenceFacts('Third quarter revenue was $3.9 billion, up 17%.'), revenue, automotive)).toBe(false);
    expect(qualifiedByAnotherPart(sentenceFacts('Sensor revenue grew 17%.'), revenue, [])).toBe(false);
  });
});

describe('sentenceFacts', () => {
  it('reads figures by kind; a year is a period, not a figure', () => {
    const f = sentenceFacts('In Q4, worldwide revenue was $213.4 billion, up 12%, and we shipped 180 satellites in 2025.');
    expect(f.figures).toEqual(['money', 'percent', 'count']);
    expect([...f.quarters]).toEqual([4]);
    expect([...f.years]).toEqual([2025]);
    expect(f.total).toBe(true);
    // "of total revenues" is a share's denominator, not the total's figure.
    expect(sentenceFacts('Gas revenues fell 31% to $12.4 million, about 64% of total revenues.').total).toBe(false);
  });
  it('figures said in words, as speech-recognition transcripts write them', () => {
    expect(sentenceFacts('We estimate fee revenue between five and eight million dollars.').figures).toEqual(['money', 'money']);
    expect(sentenceFacts('Margins rose twelve percent, and two thirds of our customers shopped online.').figures).toEqual(['percent', 'percent']);
    expect(sentenceFacts('We added twenty-five thousand members and more than half a million new online customers.').figures).toEqual(['count', 'count']);
    // A number word alone is no figure.
    expect(sentenceFacts('One of the two reasons is that three of our plants were shut.').figures).toEqual([]);
    // And it states the metric as a figure in digits would.
    const revenue = [['revenu']];
    expect(statesMetric(sentenceFacts('For the fourth quarter, we expect service revenue to be between four and seven million dollars.'), revenue, 'money')).toBe(true);
  });
  it('outlook, segment and questions', () => {
    expect(sentenceFacts('Q1 operating income is expected to be between $16.5 billion and $21.5 billion.').forward).toBe(true);
    expect(sentenceFacts('International segment revenue was $50.7 billion.').segment).toBe(true);
    // A sentence that opens on a part of the business speaks for that part.
    expect(sentenceFacts('Moving to our retail business, sales decreased approximately 40% to $9 million.').segment).toBe(true);
    expect(sentenceFacts('In the wholesale channel, orders rose 12%.').segment).toBe(true);
    expect(sentenceFacts('In the quarter, sales decreased 4% to $9 million.').segment).toBe(false);
    expect(sentenceFacts('Can you talk about capex?').question).toBe(true);
    // Only an outlook: a projection without anything reported.
    expect(sentenceFacts('At the midpoint, this would put sales at about $61 million.').outlookOnly).toBe(true);
    expect(sentenceFacts('We expect revenue of $70 million next quarter.').outlookOnly).toBe(true);
    expect(sentenceFacts('Sales were $58 million, and we expect $61 million next quarter.').outlookOnly).toBe(false);
    expect(sentenceFacts('Sales were $58 million, up 9%.').outlookOnly).toBe(false);
    expect(sentenceFacts('Could you give us more color on margins').question).toBe(true);
  });
  it('a span of time: a duration or how far something runs, not a date alone', () => {
    expect(sentenceFacts('We had a one-week delay before the plant reopened.').span).toBe(true);
    // Any number said in words, as the figures read them: "ninety days", "forty-five days".
    expect(sentenceFacts('Customers now pay us within ninety days of delivery.').span).toBe(true);
    expect(sentenceFacts('The backlog clears in forty-five days at this pace.').time).toBe(true);
    expect(sentenceFacts('This cash will fund operations into the first half of 2027.').span).toBe(true);
    expect(sentenceFacts('The plant reopened at the end of the third quarter.').span).toBe(false);
    expect(sentenceFacts('The plant reopened at the end of the third quarter.').time).toBe(true);
  });
});

describe('comparison basis', () => {
  it('reads "sequentially" and "year over year" in questions, each wording of them in sentences', () => {
    expect(comparisonBasis('How much did revenue grow sequentially?')).toBe('sequential');
    expect(comparisonBasis('How much did orders grow from the prior quarter?')).toBe('sequential');
    expect(comparisonBasis('What was revenue growth year over year?')).toBe('annual');
    expect(comparisonBasis('How did margins compare with a year ago?')).toBe('annual');
    expect(comparisonBasis('How much did revenue grow?')).toBeNull();
    const both = sentenceFacts('Revenue rose $2 billion quarter-over-quarter and $7 billion year-over-year.');
    expect([both.sequential, both.annual]).toEqual([true, true]);
    const annual = sentenceFacts('Compared with the prior year, orders were up 15%.');
    expect([annual.sequential, annual.annual]).toEqual([false, true]);
    expect(sentenceFacts('Orders grew 6% sequentially.').sequential).toBe(true);
  });
});

describe('metrics that contain one another', () => {
  it('"EBITDA margin" is a percentage, "EBIT" is not EBITDA', () => {
    expect(factQuestionOf('What was the EBITDA margin?')?.quantity).toBe('percent');
    expect(factQuestionOf('What was group EBITDA?')?.metric).toEqual([['ebitda']]);
    expect(factQuestionOf('What was group EBIT for the half year?')?.metric).toEqual([['ebit']]);
  });
});

describe('a modifier that makes the metric another figure', () => {
  it('"underlying combined ratio" is asked as such: the plain combined ratio does not state it', () => {
    const fact = factQuestionOf('Harbor Mutual underlying combined ratio in Q2 2021')!;
    expect(fact.metric).toEqual([['underli', 'combin', 'ratio']]);
    expect(statesMetric(sentenceFacts('Its underlying combined ratio for the quarter was 88.2%, an improvement of 3 points.'), fact.metric, fact.quantity)).toBe(true);
    expect(statesMetric(sentenceFacts('In personal lines, the combined ratio came to 104.6%, helped by a lower underlying combined ratio.'), fact.metric, fact.quantity)).toBe(false);
    expect(factQuestionOf('What was adjusted EBITDA?')?.metric).toEqual([['adjust', 'ebitda']]);
    // Without one, the metric is the plain one, and its modified forms state it too.
    const plain = factQuestionOf('What was EBITDA in the quarter?')!;
    expect(statesMetric(sentenceFacts('Adjusted EBITDA was $40 million.'), plain.metric, plain.quantity)).toBe(true);
  });
});

describe('a multiple', () => {
  it('leverage is stated as a multiple ("2.4x", "two times"), debt as money', () => {
    const fact = factQuestionOf("What was Harbor's net leverage at quarter end?")!;
    expect(fact.quantity).toBe('multiple');
    expect(statesMetric(sentenceFacts('Net leverage was 2.4x at the end of the quarter, down from 2.9x.'), fact.metric, fact.quantity)).toBe(true);
    expect(statesMetric(sentenceFacts('Leverage is expected to be about two times by year end.'), fact.metric, fact.quantity)).toBe(true);
    expect(statesMetric(sentenceFacts('Net leverage rose as net debt reached $1.2 billion.'), fact.metric, fact.quantity)).toBe(false);
    expect(sentenceFacts('Net debt to EBITDA was 2.4 times, and three turns a year ago.').figures).toEqual(['multiple', 'multiple']);
    expect(factQuestionOf('How much debt did Harbor repay?')?.quantity).toBe('money');
  });
});

describe('how a figure moved is no part of the business', () => {
  it('"how much did outfitters sales drop" narrows to outfitters, not to "drop"', () => {
    expect(factQuestionOf('How much did outfitters sales drop in the third quarter?')?.qualifiers.map((alts) => alts[0])).toEqual(['outfitt']);
    expect(factQuestionOf('How much did wholesale revenue fall last year?')?.qualifiers.map((alts) => alts[0])).toEqual(['wholesal']);
  });
});

describe('the company named in a fact question', () => {
  it('is never a qualifier, possessive apostrophe or not ("Brenner Technologies\' sales")', () => {
    const names = new Set(['brenner', 'technologies']);
    for (const q of ["What were Brenner Technologies' consolidated sales?", "What were Brenner Technologies's consolidated sales?", 'What were Brenner Technologies consolidated sales?']) {
      const fact = factQuestionOf(q, names);
      expect(fact?.qualifiers, q).toEqual([]);
      expect(fact?.namesPart, q).toBe(false);
    }
  });
});

describe('unfinished sentences', () => {
  it('a sentence breaking off on a conjunction, an article or a dash is unfinished; a preposition may end one', () => {
    expect(sentenceFacts('In times like these we keep a close eye on the order book and.').unfinished).toBe(true);
    expect(sentenceFacts('Well, it mostly comes down to-').unfinished).toBe(true);
    expect(sentenceFacts('We expect margins to improve because of the.').unfinished).toBe(true);
    expect(sentenceFacts('That is the market we compete in.').unfinished).toBe(false);
    expect(sentenceFacts('Liquidity at quarter end was $661 million.').unfinished).toBe(false);
  });
});

describe('how-many questions', () => {
  it('count the head noun and are narrowed by the words before it ("new Harbor Point stores")', () => {
    const q = 'How many new Harbor Point stores are planned?';
    const fact = factQuestionOf(q, new Set(), figureTermsOf(q));
    expect(fact?.metric.at(-1)).toEqual(['store']);
    expect(fact?.qualifiers.map((alts) => alts[0])).toEqual(expect.arrayContaining(['harbor', 'point']));
    expect(fact?.namesPart).toBe(true);
  });
});

describe('signposts', () => {
  it('a short sentence announcing the next topic is a signpost; one that goes on to say something is not', () => {
    expect(sentenceFacts('Please let me start with Marine Lighting first.').signpost).toBe(true);
    expect(sentenceFacts('Turning now to the Marine segment.').signpost).toBe(true);
    expect(sentenceFacts("And now I'd like to turn to our outlook.").signpost).toBe(true);
    expect(sentenceFacts('Turning to Marine, revenue was $150 million.').signpost).toBe(false);
    expect(sentenceFacts('Let me start by saying that demand for our lanterns has never been stronger in any port we serve.').signpost).toBe(false);
    // Several adverbs, other verbs of announcing, and a pointer to a slide whose number is no figure.
    expect(sentenceFacts('Let me just quickly address pricing and then take the next question.').signpost).toBe(true);
    expect(sentenceFacts('Here on slide 9, you can see how lantern quality held up in each region.').signpost).toBe(true);
    expect(sentenceFacts('Here on slide 9, you can see how lantern quality held up in each region.').figures).toEqual([]);
    expect(sentenceFacts('On slide 9, you can see that lantern orders rose 15% in every region.').signpost).toBe(false);
  });
});

describe('analysts asking', () => {
  it('a request opened with filler or an imperative is a question, a statement is not', () => {
    expect(sentenceFacts('So could you give us a little more insight into the returns.').question).toBe(true);
    expect(sentenceFacts('And maybe also talk about the minimum cash levels you want.').question).toBe(true);
    expect(sentenceFacts('Just help us get to your level of confidence.').question).toBe(true);
    expect(sentenceFacts('We could talk about margins all day.').question).toBe(false);
    expect(sentenceFacts('Revenue was $5 billion.').question).toBe(false);
  });
});

describe('sentenceFacts: time and future tense', () => {
  it('reads points and spans of time', () => {
    for (const s of [
      'This cash will fund operations into the second half of 2026.',
      'We expect the plant to break even by year-end.',
      'The program should run another 18 months.',
      'It normally takes 90 days.',
      'We hope to finish it in the coming months.',
      'Shipments begin next spring.',
      'It opened in March.',
    ]) expect(sentenceFacts(s).time, s).toBe(true);
    for (const s of ['Demand remains strong across the board.', 'We may add a shift if orders hold.']) expect(sentenceFacts(s).time, s).toBe(false);
  });

  it('future is any future tense; a report of the past is not', () => {
    expect(sentenceFacts('This cash will fund operations into 2026.').future).toBe(true);
    expect(sentenceFacts('We are on track to open it early next year.').future).toBe(true);
    expect(sentenceFacts('Cash used in the quarter was $8 million.').future).toBe(false);
  });
});

describe('sentenceFacts: past', () => {
  it('a report or a past event is past; a time said without a verb is not', () => {
    expect(sentenceFacts('Cash used in the quarter was $8 million.').past).toBe(true);
    expect(sentenceFacts('We opened the plant in March of last year.').past).toBe(true);
    expect(sentenceFacts('And then by the end of 2027 just the one new kiln.').past).toBe(false);
  });
});

describe("sentenceFacts: an outside party's outlook", () => {
  it('an agency, the consensus or the industry expecting is not the company expecting', () => {
    expect(sentenceFacts('The USDA expects production to grow 0.9% next year.').othersOutlook).toBe(true);
    expect(sentenceFacts('Consensus forecasts margins of 12%.').othersOutlook).toBe(true);
    expect(sentenceFacts('We expect to grow in line with what the USDA expects, a little under 1%.').othersOutlook).toBe(false);
    expect(sentenceFacts('We expect volume to grow 3%.').othersOutlook).toBe(false);
  });
});

describe('percentages said in words; a share of a metric', () => {
  it('"mid-single digit", "double-digit", "high-teens" are percentages', () => {
    for (const s of ['Revenue should grow around mid-single digit.', 'Orders grew double-digit again.', 'Margins should reach the high-teens.', 'Sales rose in the high teens.']) {
      expect(sentenceFacts(s).figures, s).toContain('percent');
    }
    expect(sentenceFacts('The digits on the unit are high.').figures).toEqual([]);
  });

  it('"25% of revenues" is another figure\'s share of revenue, not revenue\'s percentage; "$21 billion of revenue" is revenue', () => {
    const revenue = [['revenu']];
    expect(statesMetric(sentenceFacts('Capital expenditure is expected at around 25% of revenues.'), revenue, 'percent')).toBe(false);
    expect(statesMetric(sentenceFacts('Revenue grew mid-single digit in the quarter.'), revenue, 'percent')).toBe(true);
    expect(statesMetric(sentenceFacts('Ads brought $21.3 billion of revenue in the quarter.'), revenue, 'money')).toBe(true);
  });
});
