import { describe, expect, it } from 'vitest';
import { leadingRun, learnedOrder, ORDER_DEPTH, ORDER_KEYS, ORDER_MODEL, orderScore, type OrderFeatures } from '../../src/search/answer/result-order.js';

const plain: OrderFeatures = { position: 0.5, answer: 0.4, passage: 0.4, coverage: 0.5, lexical: 0.2, words: 0.7, asks: 0, reply: 0 };
interface Item {
  id: string;
  label: string;
  f: Partial<OrderFeatures>;
}
const item = (id: string, f: Partial<OrderFeatures> = {}, label = 'strong'): Item => ({ id, label, f });
const order = (items: Item[]) => learnedOrder(items, (x) => ({ ...plain, ...x.f }), (a, b) => a.label === b.label).map((x) => x.id);

describe('result order model', () => {
  it('is linear in its features', () => {
    const a = orderScore(plain);
    const more = orderScore({ ...plain, answer: plain.answer + 0.1 });
    expect(more - a).toBeCloseTo(0.1 * ORDER_MODEL.answer, 10);
    expect(orderScore(Object.fromEntries(ORDER_KEYS.map((k) => [k, 0])) as unknown as OrderFeatures)).toBe(0);
  });

  it('prefers a stated answer and management over an analyst restating the topic', () => {
    expect(ORDER_MODEL.answer).toBeGreaterThan(0);
    expect(ORDER_MODEL.asks).toBeLessThan(0);
    expect(order([item('question', { asks: 1 }), item('reply', { reply: 1 })])).toEqual(['reply', 'question']);
    expect(order([item('vague', { answer: 0.3 }), item('states', { answer: 0.7 })])).toEqual(['states', 'vague']);
  });

  it('orders only the leading run of one label, and keeps ties in their order', () => {
    const items = [item('a'), item('b'), item('c', { answer: 0.9 }, 'related'), item('d', { answer: 0.9 })];
    expect(leadingRun(items, (x, y) => x.label === y.label)).toBe(2);
    // c is better but another label: it stays third, and d after it, whatever their scores.
    expect(order(items)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves everything past ORDER_DEPTH where it was', () => {
    const items = Array.from({ length: ORDER_DEPTH + 2 }, (_, i) => item(`p${i}`));
    items[ORDER_DEPTH + 1] = item('late', { answer: 2 });
    expect(order(items).at(-1)).toBe('late');
    items[ORDER_DEPTH - 1] = item('within', { answer: 2 });
    expect(order(items)[0]).toBe('within');
  });
});
