// SORT and SORT_RO against real Redis: lists, sets (intset and hashtable) and sorted sets,
// numeric and ALPHA, BY weights from strings and hash fields, GET patterns, LIMIT, DESC, STORE,
// and the errors. Random sequences build the data with the families' own commands first.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Compat, Rng, type Comparison, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

describe('SORT edge cases', () => {
  it('numbers, strings, weights and errors', async () => {
    await h.reset();
    for (const cmd of [
      ['RPUSH', 'l', '3', '1', '2', '10', '-1', '2.5', '1e2', '0x10', '', 'inf', '-inf'],
      ['SORT', 'l'],
      ['SORT', 'l', 'DESC'],
      ['SORT', 'l', 'ALPHA'],
      ['SORT', 'l', 'ALPHA', 'DESC', 'LIMIT', '2', '3'],
      ['SORT', 'l', 'LIMIT', '0', '0'],
      ['SORT', 'l', 'LIMIT', '-5', '2'],
      ['SORT', 'l', 'LIMIT', '100', '2'],
      ['SORT', 'l', 'LIMIT', '3', '-1'],
      ['SORT', 'l', 'LIMIT', 'x', '1'],
      ['SORT', 'l', 'LIMIT', '1'],
      ['SORT', 'l', 'BY'],
      ['SORT', 'l', 'GET'],
      ['SORT', 'l', 'NOPE'],
      ['SORT_RO', 'l', 'STORE', 'dst'],
      ['SORT', 'missing'],
      ['SORT', 'missing', 'STORE', 'dst'],
      ['EXISTS', 'dst'],
      ['SET', 'str', 'x'],
      ['SORT', 'str'],
      ['RPUSH', 'bad', '1', 'x', ' 2', '3 ', 'nan'],
      ['SORT', 'bad'],
      ['SORT', 'bad', 'ALPHA'],
      ['RPUSH', 'w', 'a', 'b', 'c', 'd'],
      ['MSET', 'weight_a', '3', 'weight_b', '1', 'weight_c', '2', 'obj_a', 'A', 'obj_b', 'B'],
      ['SORT', 'w', 'BY', 'weight_*'],
      ['SORT', 'w', 'BY', 'weight_*', 'DESC'],
      ['SORT', 'w', 'BY', 'weight_*', 'GET', '#', 'GET', 'obj_*'],
      ['SORT', 'w', 'BY', 'nosort', 'GET', 'obj_*', 'GET', '#'],
      ['SORT', 'w', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2'],
      ['SORT', 'w', 'BY', 'weight_*', 'ALPHA'],
      ['SORT', 'w', 'GET', 'fixed'],
      ['SORT', 'w', 'BY', 'weight_*', 'STORE', 'dst'],
      ['LRANGE', 'dst', '0', '-1'],
      ['SORT', 'w', 'BY', 'weight_*', 'GET', 'obj_*', 'STORE', 'dst'],
      ['LRANGE', 'dst', '0', '-1'],
      ['TYPE', 'dst'],
      ['OBJECT', 'ENCODING', 'dst'],
      ['SORT', 'w', 'BY', 'weight_*', 'LIMIT', '5', '1', 'STORE', 'dst'],
      ['EXISTS', 'dst'],
      ['SORT', 'w', 'STORE', 'a', 'STORE', 'b'],
      ['EXISTS', 'a', 'b'],
      ['COMMAND', 'GETKEYS', 'SORT', 'w', 'STORE', 'a', 'BY', 'x', 'STORE', 'b'],
      ['COMMAND', 'GETKEYS', 'SORT', 'w', 'LIMIT', 'STORE', 'x', 'GET', 'STORE'],
      ['COMMAND', 'GETKEYS', 'SORT_RO', 'w', 'BY', 'x'],
    ]) {
      await h.check(cmd);
    }
  });

  it('hash fields as weights and values (key->field)', async () => {
    await h.reset();
    for (const cmd of [
      ['RPUSH', 'ids', '1', '2', '3'],
      ['HSET', 'user:1', 'age', '30', 'name', 'ann'],
      ['HSET', 'user:2', 'age', '20', 'name', 'bob'],
      ['HSET', 'user:3', 'age', '25'],
      ['SORT', 'ids', 'BY', 'user:*->age', 'GET', 'user:*->name', 'GET', '#'],
      ['SORT', 'ids', 'BY', 'user:*->name', 'ALPHA', 'GET', 'user:*->age'],
      ['SORT', 'ids', 'BY', 'user:*->', 'GET', 'user:*->'],
      ['SORT', 'ids', 'GET', 'user:->*'],
      ['SET', 'user:2', 'not-a-hash'],
      ['SORT', 'ids', 'BY', 'user:*->age', 'GET', 'user:*->name'],
    ]) {
      await h.check(cmd);
    }
  });

  it('sets and sorted sets', async () => {
    await h.reset();
    for (const cmd of [
      ['SADD', 'ints', '5', '3', '9', '1'],
      ['SORT', 'ints'],
      ['SORT', 'ints', 'BY', 'nosort'],
      ['SORT', 'ints', 'BY', 'nosort', 'STORE', 'd'],
      ['LRANGE', 'd', '0', '-1'],
      ['SADD', 'words', 'pear', 'apple', 'fig', '10'],
      ['SORT', 'words', 'ALPHA'],
      ['SORT', 'words'],
      ['SORT', 'words', 'BY', 'nosort', 'STORE', 'd'],
      ['LRANGE', 'd', '0', '-1'],
      ['ZADD', 'z', '3', 'c', '1', 'a', '2', 'b', '2', 'bb'],
      ['SORT', 'z', 'ALPHA'],
      ['SORT', 'z', 'BY', 'nosort'],
      ['SORT', 'z', 'BY', 'nosort', 'DESC'],
      ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '1', '2'],
      ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2'],
      ['SORT', 'z', 'BY', 'nosort', 'STORE', 'd'],
      ['LRANGE', 'd', '0', '-1'],
      ['SORT', 'z'],
    ]) {
      await h.check(cmd);
    }
  });
});

const ELEMENTS = ['1', '2', '3', '10', '-5', '2.5', '07', '1e1', 'a', 'b', 'B', 'ab', '', ' 1', 'x\x00y', '\xff', '0x1A'];
const NUMERIC = ['1', '2', '3', '10', '-5', '2.5', '07', '1e1', '0', '-0', '100', '0x1A', ' 4'];

function genSort(rng: Rng): Step[] {
  const steps: Step[] = [];
  const numericOnly = rng.chance(0.6);
  const pool = numericOnly ? NUMERIC : ELEMENTS;
  const n = rng.int(0, 12);
  const els = Array.from({ length: n }, () => rng.pick(pool));
  const kind = rng.pick(['list', 'list', 'set', 'zset']);
  if (n > 0) {
    if (kind === 'list') steps.push({ args: ['RPUSH', 'src', ...els] });
    else if (kind === 'set') steps.push({ args: ['SADD', 'src', ...els] });
    else steps.push({ args: ['ZADD', 'src', ...els.flatMap((e) => [String(rng.int(-3, 3)), e])] });
  }
  // Weights and values for some elements, in strings and hash fields.
  for (const e of new Set(els)) {
    if (rng.chance(0.7)) steps.push({ args: ['SET', `w_${e}`, rng.chance(0.9) ? String(rng.int(-20, 20)) : rng.pick(['x', '1.5', ''])] });
    if (rng.chance(0.5)) steps.push({ args: ['HSET', `h_${e}`, 'f', String(rng.int(0, 9)), 'name', `n${rng.int(0, 5)}`] });
  }
  for (let i = 0; i < 6; i++) {
    const args: string[] = [rng.chance(0.2) ? 'SORT_RO' : 'SORT', rng.chance(0.9) ? 'src' : 'nokey'];
    let alpha = !numericOnly || rng.chance(0.3);
    let by: string | null = null;
    if (rng.chance(0.4)) {
      by = rng.pick(['w_*', 'h_*->f', 'nosort', 'h_*->name']);
      if (by === 'h_*->name') alpha = true;
      args.push('BY', by);
    }
    if (alpha) args.push('ALPHA');
    if (rng.chance(0.4)) args.push(rng.pick(['ASC', 'DESC']));
    if (rng.chance(0.3)) args.push('LIMIT', String(rng.int(-1, 5)), String(rng.int(-1, 5)));
    const getCount = rng.chance(0.4) ? rng.int(1, 2) : 0;
    for (let g = 0; g < getCount; g++) args.push('GET', rng.pick(['#', 'w_*', 'h_*->name', 'h_*->f']));
    const storing = args[0] === 'SORT' && rng.chance(0.3);
    if (storing) args.push('STORE', 'dst');
    // Ties Redis leaves to its sort algorithm: ALPHA by a weight, where weights repeat or are
    // missing; a hashtable set (or any set with elements of equal weight) iterated unsorted.
    let compare: Comparison = 'exact';
    const unordered = (alpha && by !== null && by !== 'nosort') || (kind === 'set' && by === 'nosort' && !storing);
    if (unordered) compare = 'unordered';
    if (unordered && args.includes('LIMIT')) continue;
    if (storing) {
      steps.push({ args });
      steps.push({ args: ['LRANGE', 'dst', '0', '-1'], compare: unordered ? 'unordered' : 'exact' });
    } else {
      steps.push({ args, compare });
    }
  }
  return steps;
}

describe('SORT random sequences', () => {
  it('matches real Redis over 300 seeded sequences', async () => {
    await h.sequences('sort', 300, genSort);
  });
});

// Last, because of a Redis quirk: SORT reads weights with strtod and then tests errno for
// ERANGE without clearing it first, so after one out-of-range weight (1e400) Redis refuses
// every later SORT of a set or of non-integer elements until some failing system call happens
// to overwrite errno. Cinnabar refuses only the SORT that meets the bad weight.
describe('SORT with an out-of-range weight', () => {
  it('is refused', async () => {
    await h.reset();
    await h.check(['RPUSH', 'huge', '1', '1e400', '2']);
    await h.check(['SORT', 'huge']);
    await h.check(['SORT', 'huge', 'ALPHA']);
  });
});
