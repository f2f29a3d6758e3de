// ListValue, the circular buffer behind lists, against a plain array over random operations:
// pushes and pops at both ends (wrapping, growing and shrinking the buffer), index access,
// ranges both ways, trims, inserts on either side of the middle, and removals from each end.
import { describe, expect, it } from 'vitest';
import { ListValue } from '../../src/types/list.ts';
import { seededRandom as rng } from '../support/seeded-random.ts';

function contents(list: ListValue): string[] {
  return list.length === 0 ? [] : list.range(0, list.length - 1);
}

describe('ListValue', () => {
  it('matches an array over 200k random operations', () => {
    const random = rng(12345);
    const int = (n: number) => Math.floor(random() * n);
    const list = new ListValue();
    let model: string[] = [];
    for (let step = 0; step < 200_000; step++) {
      // Drift between growing and draining phases so the buffer both grows and shrinks.
      const growing = Math.floor(step / 5000) % 2 === 0;
      const op = int(10);
      const v = String.fromCharCode(97 + int(4)) + (random() < 0.5 ? '' : String(int(3)));
      if (op < 3 && (growing || random() < 0.4)) {
        if (op === 0) {
          list.pushHead(v);
          model.unshift(v);
        } else {
          list.pushTail(v);
          model.push(v);
        }
      } else if (op < 6 && model.length > 0) {
        if (op % 2 === 0) expect(list.popHead()).toBe(model.shift());
        else expect(list.popTail()).toBe(model.pop());
      } else if (op === 6 && model.length > 0) {
        const i = int(model.length);
        expect(list.at(i)).toBe(model[i]);
        list.set(i, v);
        model[i] = v;
      } else if (op === 7) {
        const i = int(model.length + 1);
        list.insert(i, v);
        model.splice(i, 0, v);
        expect(list.indexOf(v)).toBe(model.indexOf(v));
      } else if (op === 8 && model.length > 0) {
        const limit = int(3);
        const fromTail = random() < 0.5;
        let budget = limit === 0 ? Infinity : limit;
        const order = model.map((_, i) => i);
        if (fromTail) order.reverse();
        const drop = new Set<number>();
        for (const i of order) if (budget > 0 && model[i] === v) (drop.add(i), budget--);
        expect(list.remove(v, limit, fromTail)).toBe(drop.size);
        model = model.filter((_, i) => !drop.has(i));
      } else if (op === 9 && model.length > 0 && random() < 0.1) {
        const front = int(3);
        const back = int(3);
        list.trim(front, back);
        model = front + back >= model.length ? [] : model.slice(front, model.length - back);
      }
      expect(list.length).toBe(model.length);
      if (step % 97 === 0) {
        expect(contents(list)).toEqual(model);
        if (model.length > 0) {
          const a = int(model.length);
          const b = a + int(model.length - a);
          expect(list.rangeReversed(a, b)).toEqual(model.slice(a, b + 1).reverse());
        }
      }
    }
  });

  it('clones deeply, reports quicklist, and builds from an array', () => {
    const list = ListValue.from(['a', 'b', 'c']);
    const copy = list.clone();
    list.popHead();
    expect(contents(copy)).toEqual(['a', 'b', 'c']);
    expect(contents(list)).toEqual(['b', 'c']);
    expect(copy.encoding()).toBe('quicklist');
    expect(copy.type).toBe('list');
    expect(contents(ListValue.from([]))).toEqual([]);
    expect(contents(ListValue.from(Array.from({ length: 100 }, (_, i) => String(i)))).length).toBe(100);
  });
});
