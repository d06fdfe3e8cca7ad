/** The name a call keeps saying for a company its source gives only as a ticker (ticker-name.ts). Invented text. */
import { describe, expect, it } from 'vitest';
import { tickerSpelledName } from '../../src/transcript/ticker-name.js';

const remarks = [
  'Good morning. Thank you for joining the results call of Velomar for the first half.',
  'Revenue at Velomar grew 12%, and Velomar Mobility added 9,000 scooters.',
  'The board of Velomar approved the dividend, and Velomar\'s balance sheet stays strong.',
].join(' ');

describe('tickerSpelledName', () => {
  it('reads the proper noun said most often mid-sentence that starts as the ticker does and is said as a company', () => {
    expect(tickerSpelledName(remarks, 'VLMRF', ['Lucia Prado'])).toBe('Velomar');
    // Its letters in capitals, shared with the ticker, count more than a longer run of mentions of another.
    const capitals = 'We present the results of KGHM today. Output at KGHM rose, and the board of KGHM met. Kiruna and Kiruna and Kiruna and Kiruna and Kiruna.';
    expect(tickerSpelledName(capitals, 'KGHPF', [])).toBe('KGHM');
  });

  it('not a country, a nationality or a product said often but never as a company', () => {
    const places = 'Sales in Colombia rose. Demand in Colombia held, and in Colombia prices rose. Cement in Colombia too.';
    expect(tickerSpelledName(places, 'CMTOY', [])).toBeNull();
    const product = 'Demand for SSD stayed firm, SSD prices fell, and our SSD share grew; the new SSD line ships.';
    expect(tickerSpelledName(product, 'SSNLF', [])).toBeNull();
  });

  it('not an English word, a month, a person on the call, or a word only at the start of sentences', () => {
    expect(tickerSpelledName('We saw that Now was better. It is Now or never at Now Group, and Now Group grew.', 'NOWGF', [])).toBeNull();
    expect(tickerSpelledName('In November we grew. Sales of November rose and November of last year was weak at November Holdings.', 'NVMBF', [])).toBeNull();
    expect(tickerSpelledName('Thank you, Nakamura. As Nakamura said, the view of Nakamura is clear, and Nakamura Holdings agrees.', 'NJDCY', ['Kenji Nakamura'])).toBeNull();
    expect(tickerSpelledName('Velomar grew. Velomar sold more. Velomar hired.', 'VLMRF', [])).toBeNull();
  });

  it('a name of two capitals and a word ("KV Lumina"), said as a company, whose first word alone is too short to read', () => {
    const twoWords = "Welcome to the results of KV Lumina. This is KV Lumina's CFO. Panels at KV Lumina sold well, and KV Lumina grew.";
    expect(tickerSpelledName(twoWords, 'KVLMF', [])).toBe('KV Lumina');
  });

  it('a name the ticker spells, said once as a company, is enough ("of the QTX Corporation"); "of the" makes no company of other words', () => {
    expect(tickerSpelledName('This is the briefing of the QTX Corporation for the third quarter.', 'QQTXY', [])).toBe('QTX');
    expect(tickerSpelledName('Sales of the Chilean market rose. Prices of the Chilean market held, and volumes of the Chilean market grew.', 'CCU', [])).toBeNull();
  });

  it('nothing for a company whose ticker is not letters, or a name said fewer than three times', () => {
    expect(tickerSpelledName(remarks, '7791', [])).toBeNull();
    expect(tickerSpelledName('The results of Velomar and the board of Velomar.', 'VLMRF', [])).toBeNull();
  });
});
