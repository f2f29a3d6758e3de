// The stream family without consumer groups against real Redis 7.0: the command pages'
// examples, every error text in its check order, ID parsing edge cases (incomplete, exclusive,
// `<ms>-*`, strtoull forms, the 2^64-1 limits), trimming exactness (`=`, `~` and LIMIT, with
// entry sizes that make the byte limit matter, under changed stream-node-max-entries/-bytes),
// `*` IDs (checked for form and order), blocking XREAD with several clients, and seeded random
// sequences mixing every command with wrong types and syntax errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespClient, show, type Arg, type RespValue } from '../support/resp-client.ts';
import { Compat, Rng, replyText, type Step } from './harness.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function nodeConfig(entries: number, bytes: number): Promise<void> {
  await h.check(['CONFIG', 'SET', 'stream-node-max-entries', String(entries)]);
  await h.check(['CONFIG', 'SET', 'stream-node-max-bytes', String(bytes)]);
}

describe('the command pages', () => {
  it('XADD, XLEN, XRANGE, XREVRANGE, XDEL, XTRIM examples', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 'mystream', '1526919030474-55', 'name', 'Sara', 'surname', 'OConnor'],
      ['XADD', 'mystream', '1526919030474-*', 'field1', 'value1', 'field2', 'value2', 'field3', 'value3'],
      ['XLEN', 'mystream'],
      ['XRANGE', 'mystream', '-', '+'],
      ['XRANGE', 'mystream', '-', '+', 'COUNT', '1'],
      ['XRANGE', 'mystream', '(1526919030474-55', '+'],
      ['XREVRANGE', 'mystream', '+', '-', 'COUNT', '1'],
      ['XADD', 'writers', '1-0', 'name', 'Virginia', 'surname', 'Woolf'],
      ['XADD', 'writers', '2-0', 'name', 'Jane', 'surname', 'Austen'],
      ['XADD', 'writers', '3-0', 'name', 'Toni', 'surname', 'Morrison'],
      ['XADD', 'writers', '4-0', 'name', 'Agatha', 'surname', 'Christie'],
      ['XADD', 'writers', '5-0', 'name', 'Ngozi', 'surname', 'Adichie'],
      ['XLEN', 'writers'],
      ['XRANGE', 'writers', '-', '+', 'COUNT', '2'],
      ['XRANGE', 'writers', '(2-0', '+', 'COUNT', '2'],
      ['XREVRANGE', 'writers', '+', '-', 'COUNT', '1'],
      ['XREVRANGE', 'writers', '(4-0', '(1-0'],
      ['XRANGE', 'writers', '2', '4'],
      ['XRANGE', 'writers', '4', '2'],
      ['XDEL', 'writers', '2-0', '3-0', '99-0'],
      ['XRANGE', 'writers', '-', '+'],
      ['XTRIM', 'writers', 'MAXLEN', '1'],
      ['XRANGE', 'writers', '-', '+'],
      ['XADD', 'writers', '6-0', 'a', '1'],
      ['XTRIM', 'writers', 'MINID', '6'],
      ['XLEN', 'writers'],
      ['XADD', 'writers', 'MAXLEN', '=', '0', '7-0', 'a', '1'],
      ['XLEN', 'writers'],
      ['EXISTS', 'writers'],
      ['TYPE', 'writers'],
      ['OBJECT', 'ENCODING', 'writers'],
      ['XRANGE', 'writers', '-', '+'],
      ['XREAD', 'COUNT', '2', 'STREAMS', 'mystream', 'writers', '0-0', '0-0'],
      ['XREAD', 'STREAMS', 'mystream', '1526919030474-55'],
      ['XREAD', 'STREAMS', 'mystream', '$'],
      ['XREAD', 'STREAMS', 'mystream', 'nokey', '0', '0'],
    ]);
  });

  it('errors, in Redis order', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'str', 'x'],
      ['XADD', 's', 'MAXLEN', '1', 'MINID', '1', '*', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '-1', '*', 'f', 'v'],
      ['XADD', 's', 'LIMIT', '-1', '*', 'f', 'v'],
      ['XADD', 's', 'LIMIT', 'x', '*', 'f', 'v'],
      ['XADD', 's', 'LIMIT', '5', '*', 'f', 'v'],
      ['XADD', 's', 'LIMIT', '0', '*', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '5', 'LIMIT', '5', '*', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '=', '5', 'LIMIT', '5', '*', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '~', '*', 'f', 'v'],
      ['XADD', 's', 'MAXLEN', '~', 'x', '*', 'f', 'v'],
      ['XADD', 's', 'MINID', '~', '+', '*', 'f', 'v'],
      ['XADD', 's', 'MINID', '-', '*', 'f', 'v'],
      ['XADD', 's', 'maxlen', '1', 'minid', '1', 'x', 'f', 'v'],
      ['XADD', 's', '*', 'f'],
      ['XADD', 's', '1-1', 'f', 'v', 'g'],
      ['XADD', 's', 'foo', 'f', 'v'],
      ['XADD', 's', '-', 'f', 'v'],
      ['XADD', 's', '+', 'f', 'v'],
      ['XADD', 's', '0-0', 'f', 'v'],
      ['XADD', 's', '0', 'f', 'v'],
      ['XADD', 's', '0-*', 'f', 'v'],
      ['XADD', 's', '0-*', 'f', 'v'],
      ['XADD', 's', '0-1', 'f', 'v'],
      ['XADD', 's', '0-0', 'f', 'v'],
      ['XADD', 'str', '1-1', 'f', 'v'],
      ['XADD', 'str', '0-0', 'f', 'v'],
      ['XADD', 'str', 'NOMKSTREAM', '1-1', 'f', 'v'],
      ['XADD', 'none', 'NOMKSTREAM', '1-1', 'f', 'v'],
      ['XADD', 'none', 'NOMKSTREAM', 'MAXLEN', '0', '*', 'f', 'v'],
      ['EXISTS', 'none'],
      ['XTRIM', 's', 'LIMIT', '5'],
      ['XTRIM', 's', 'LIMIT', '5', 'MAXLEN', '1'],
      ['XTRIM', 's', 'MAXLEN', '~', '1', 'LIMIT', '5'],
      ['XTRIM', 's', 'MINID', '0-0', 'LIMIT', '0'],
      ['XTRIM', 's', 'MINID', '~', '0-0', 'foo'],
      ['XTRIM', 's', 'NOMKSTREAM', 'MAXLEN', '1'],
      ['XTRIM', 's', 'foo', 'bar'],
      ['XTRIM', 's', 'MAXLEN', '1', 'MAXLEN', '2'],
      ['XTRIM', 'str', 'MAXLEN', '1'],
      ['XTRIM', 'none', 'MAXLEN', '1'],
      ['XTRIM', 'none', 'MAXLEN', 'x'],
      ['XRANGE', 's', '(-', '+'],
      ['XRANGE', 's', '-', '(0-0'],
      ['XRANGE', 's', '-', '(0'],
      ['XRANGE', 's', '(18446744073709551615-18446744073709551615', '+'],
      ['XRANGE', 's', '(18446744073709551615', '+'],
      ['XRANGE', 's', '-', '+', 'COUNT'],
      ['XRANGE', 's', '-', '+', 'COUNT', 'x'],
      ['XRANGE', 's', '-', '+', 'LIMIT', '1'],
      ['XRANGE', 's', 'abc', '+'],
      ['XRANGE', 's', '-', '+', 'COUNT', '0'],
      ['XRANGE', 's', '-', '+', 'COUNT', '-5'],
      ['XREVRANGE', 's', '+', '-', 'COUNT', '0'],
      ['XRANGE', 'none', '-', '+', 'COUNT', '0'],
      ['XRANGE', 'str', '-', '+'],
      ['XRANGE', 'str', 'bad', '+'],
      ['XREVRANGE', 's', '(+', '-'],
      ['XREVRANGE', 's', '+', '(-'],
      ['XLEN', 'str'],
      ['XLEN', 'none'],
      ['XDEL', 's', '1-1', 'abc'],
      ['XDEL', 'none', 'abc'],
      ['XDEL', 'str', 'abc'],
      ['XDEL', 's', '-'],
      ['XREAD', 'STREAMS', 's', 't', '0'],
      ['XREAD', 'GROUP', 'g', 'c', 'STREAMS', 's', '0'],
      ['XREAD', 'NOACK', 'STREAMS', 's', '0'],
      ['XREAD', 'COUNT', '1', 'foo', 'STREAMS', 's', '0'],
      ['XREAD', 'COUNT', 'x', 'STREAMS', 's', '0'],
      ['XREAD', 'COUNT', '-1', 'STREAMS', 's', '0'],
      ['XREAD', 'COUNT', '1', 'BLOCK', 'x', 'STREAMS', 's', '0'],
      ['XREAD', 'BLOCK', '-1', 'STREAMS', 's', '0'],
      ['XREAD', 'BLOCK', '1.5', 'STREAMS', 's', '0'],
      ['XREAD', 'STREAMS', 's', '>'],
      ['XREAD', 'STREAMS', 's', '+'],
      ['XREAD', 'STREAMS', 's', '-'],
      ['XREAD', 'STREAMS', 'str', 'bad'],
      ['XREAD', 'STREAMS', 's', 'str', 'bad', '0'],
      ['XREAD', 'STREAMS', 's', 't', '0', '1', '2', '3'],
      ['XREAD', 'COUNT', '1', 'COUNT', '2', 'STREAMS', 's', '0'],
      ['XREAD', 'STREAMS', 'STREAMS', 's', '0', '0'],
      ['XSETID', 'none', '1-1'],
      ['XSETID', 'none', '1-1', 'foo'],
      ['XSETID', 's', '1-1', 'ENTRIESADDED', '-1'],
      ['XSETID', 's', '1-1', 'ENTRIESADDED', 'x'],
      ['XSETID', 's', '5', 'MAXDELETEDID', '6'],
      ['XSETID', 's', '5', 'MAXDELETEDID', 'x'],
      ['XSETID', 's', '5', 'foo'],
      ['XSETID', 's', '-'],
      ['XSETID', 's', '+'],
      ['XSETID', 'str', '5'],
      ['XSETID', 's', '0-0'],
      ['XSETID', 's', '0-1', 'ENTRIESADDED', '1'],
      ['XSETID', 's', '9', 'MAXDELETEDID', '8', 'ENTRIESADDED', '5'],
      ['XSETID', 's', '10', 'ENTRIESADDED', '0'],
      ['XADD', 's', '9-5', 'f', 'v'],
      ['XADD', 's', '9-*', 'f', 'v'],
      ['XADD', 's', '10-*', 'f', 'v'],
      ['XRANGE', 's', '-', '+'],
    ]);
  });

  it('ID forms: incomplete, strtoull spellings, 2^64-1, <ms>-* and its overflow', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 's', ' 7-+3', 'f', 'v'],
      ['XADD', 's', '8--01', 'f', 'v'],
      ['XADD', 's', '00009-0', 'f', 'v'],
      ['XADD', 's', '10-\x00junk', 'f', 'v'],
      ['XADD', 's', '11-1x', 'f', 'v'],
      ['XADD', 's', '11-', 'f', 'v'],
      ['XADD', 's', '-11', 'f', 'v'],
      ['XADD', 's', '12-18446744073709551616', 'f', 'v'],
      ['XADD', 's', '12-18446744073709551615', 'f', 'v'],
      ['XADD', 's', '12-*', 'f', 'v'],
      ['XADD', 's', '13-*', 'f', 'v'],
      ['XADD', 's', '13-*', 'f', 'v'],
      ['XADD', 's', '\t14', 'f', 'v'],
      ['XADD', 's', '15-9223372036854775808', 'f', 'v'],
      ['XADD', 's', '16--9223372036854775809', 'f', 'v'],
      ['XRANGE', 's', '-', '+'],
      ['XRANGE', 's', '12', '12'],
      ['XRANGE', 's', '(12', '13'],
      ['XRANGE', 's', '(12-18446744073709551614', '(13-1'],
      ['XREVRANGE', 's', '13', '12'],
      ['XREVRANGE', 's', '(13', '(8'],
      ['XDEL', 's', '12-18446744073709551615', '8-18446744073709551615', '8-18446744073709551615'],
      ['XRANGE', 's', '-', '+', 'COUNT', '3'],
      ['XREAD', 'STREAMS', 's', '12'],
      ['XREAD', 'COUNT', '1', 'STREAMS', 's', '0-18446744073709551615'],
      ['XADD', 'm', '18446744073709551615-18446744073709551614', 'f', 'v'],
      ['XADD', 'm', '18446744073709551615-*', 'f', 'v'],
      ['XADD', 'm', '*', 'f', 'v'],
      ['XADD', 'm', '18446744073709551615-*', 'f', 'v'],
      ['XRANGE', 'm', '-', '+'],
      ['XREVRANGE', 'm', '+', '-', 'COUNT', '1'],
      ['XRANGE', 'm', '(18446744073709551615-18446744073709551614', '+'],
      ['XREAD', 'STREAMS', 'm', '18446744073709551615-18446744073709551614'],
      ['XADD', 'n', '5-18446744073709551615', 'f', 'v'],
      ['XADD', 'n', '5-*', 'f', 'v'],
      ['XADD', 'n', '6-*', 'f', 'v'],
      ['XLEN', 'n'],
    ]);
  });

  it('values as listpack stores them: integers of every width, strings, empty values, same and different fields', async () => {
    await h.reset();
    const values = ['0', '-1', '127', '128', '-4096', '4095', '4096', '-32769', '8388608', '-2147483649', '9223372036854775807', '-9223372036854775808',
      '9223372036854775808', '01', '-0', '+1', '1.5', '', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(4095), 'w'.repeat(4096), '\x00\xff\x80'];
    let ms = 1;
    for (const v of values) {
      await h.check(['XADD', 'v', `${ms++}-0`, 'f', v]);
      await h.check(['XADD', 'v', `${ms++}-0`, v, v, 'f', v]);
    }
    await h.check(['XRANGE', 'v', '-', '+']);
    await h.check(['XREVRANGE', 'v', '+', '-']);
    await h.check(['XADD', 'v', '1000-5', '-7', '1', '12', '-3']);
    await h.check(['XADD', 'v', '1001-0', '-7', '2', '12', '-4']);
    await h.check(['XADD', 'v', '1001-3', 'f', 'x']);
    await h.check(['XRANGE', 'v', '1000', '+']);
  });
});

describe('COPY', () => {
  it('copies entries, node structure and counters; the copy and the original then differ', async () => {
    await h.reset();
    const adds: Arg[][] = [];
    for (let i = 1; i <= 230; i++) adds.push(['XADD', 's', `${i}-0`, 'f', String(i)]);
    await h.checkAll([
      ...adds,
      ['XDEL', 's', '5-0', '150-0'],
      ['XSETID', 's', '300-0', 'ENTRIESADDED', '400', 'MAXDELETEDID', '200-0'],
      ['COPY', 's', 'c'],
      ['XADD', 's', '301-0', 'f', 'x'],
      ['XTRIM', 'c', 'MAXLEN', '~', '100'],
      ['XINFO', 'STREAM', 's'],
      ['XINFO', 'STREAM', 'c'],
      ['XRANGE', 'c', '-', '+', 'COUNT', '3'],
      ['XREVRANGE', 's', '+', '-', 'COUNT', '2'],
      // With consumer groups: the copy has its own groups, PELs and consumers.
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '3', 'STREAMS', 's', '>'],
      ['COPY', 's', 'd'],
      ['XACK', 's', 'g', '1-0'],
      ['XREADGROUP', 'GROUP', 'g', 'bob', 'COUNT', '1', 'STREAMS', 'd', '>'],
      ['XINFO', 'GROUPS', 's'],
      ['XINFO', 'GROUPS', 'd'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 'd', 'g'],
    ]);
  });
});

describe('WATCH', () => {
  it('sees XADD and the XDEL/XTRIM that remove something; not XSETID, nor a no-op XDEL/XTRIM/NOMKSTREAM', async () => {
    await h.reset();
    const watched = (...write: Arg[]): Arg[][] => [['WATCH', 's'], write, ['MULTI'], ['PING'], ['EXEC']];
    await h.checkAll([
      ['XADD', 's', '1-0', 'f', 'v'],
      ['XADD', 's', '2-0', 'f', 'v'],
      ...watched('XSETID', 's', '5-0'),
      ...watched('XTRIM', 's', 'MAXLEN', '5'),
      ...watched('XDEL', 's', '9-9'),
      ...watched('XADD', 'none', 'NOMKSTREAM', '1-1', 'f', 'v'),
      ...watched('XADD', 's', '6-0', 'f', 'v'),
      ...watched('XDEL', 's', '6-0'),
      ...watched('XTRIM', 's', 'MAXLEN', '1'),
      ...watched('XTRIM', 's', 'MINID', '~', '9'),
      ...watched('XREAD', 'STREAMS', 's', '0'),
    ]);
  });
});

describe('`*` IDs', () => {
  it('are <now ms>-<seq>, increasing, and the same form as Redis gives', async () => {
    await h.reset();
    const idForm = (r: RespValue, c: RespValue) => {
      const a = replyText(r);
      const b = replyText(c);
      if (!/^\d+-\d+$/.test(a) || !/^\d+-\d+$/.test(b)) return `not IDs: ${a} / ${b}`;
      return Math.abs(Number(a.split('-')[0]) - Number(b.split('-')[0])) < 5000 ? null : `times apart: ${a} / ${b}`;
    };
    const seen: bigint[] = [];
    const p = await h.pair();
    for (let i = 0; i < 200; i++) {
      const r = await h.check(['XADD', 'auto', '*', 'i', String(i)], idForm, p);
      expect(r.t).toBe('$');
      const mine = await p.cinnabar.call('XREVRANGE', 'auto', '+', '-', 'COUNT', '1');
      const id = show(mine).match(/"(\d+)-(\d+)"/)!;
      seen.push((BigInt(id[1]) << 64n) | BigInt(id[2]));
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i] > seen[i - 1]).toBe(true);
    await h.check(['XLEN', 'auto'], 'exact', p);
    // After an explicit ID far in the future, `*` continues its sequence.
    await h.check(['XADD', 'auto', '99999999999999-5', 'f', 'v'], 'exact', p);
    await h.check(['XADD', 'auto', '*', 'f', 'v'], 'exact', p);
    await h.check(['XADD', 'auto', 'MAXLEN', '2', '*', 'f', 'v'], 'exact', p);
    await h.check(['XRANGE', 'auto', '-', '+'], 'exact', p);
  });
});

/** A deterministic value of `size` bytes: digits, letters or an integer, so both encodings show. */
function valueOf(rng: Rng, size: number): string {
  const r = rng.next();
  if (r < 0.25) return String(rng.int(-100000, 100000));
  if (r < 0.3) return String(rng.int(0, 2 ** 31) * 2 ** 20);
  let s = '';
  for (let i = 0; i < size; i++) s += String.fromCharCode(97 + ((i * 7 + size) % 26));
  return s;
}

describe('trimming exactness: where listpack nodes end', () => {
  const configs: [number, number][] = [
    [100, 4096],
    [7, 4096],
    [100, 300],
    [1000, 65536],
    [0, 2048],
    [5, 0],
    [1, 1],
  ];
  it.each(configs)('stream-node-max-entries %i, stream-node-max-bytes %i: XADD/XTRIM ~ and = leave what Redis leaves', async (entries, bytes) => {
    await h.reset();
    await nodeConfig(entries, bytes);
    const rng = new Rng(entries * 1000 + bytes);
    const p = await h.pair();
    let ms = 1;
    for (let i = 0; i < 700; i++) {
      const size = rng.pick([1, 3, 10, 40, 70, 200, 900, 3000]);
      const args: Arg[] = ['XADD', 't', `${ms}-${rng.int(0, 3)}`];
      ms += rng.int(1, 3);
      if (rng.chance(0.6)) args.push('f', valueOf(rng, size));
      else if (rng.chance(0.5)) args.push('f', valueOf(rng, size), 'g', valueOf(rng, 5));
      else args.push('other' + rng.int(0, 2), valueOf(rng, size));
      await h.check(args, 'exact', p);
      if (i % 50 === 49) {
        await h.check(['XINFO', 'STREAM', 't'], 'exact', p);
        await h.check(['XTRIM', 't', 'MAXLEN', '~', String(rng.int(100, 600))], 'exact', p);
        await h.check(['XLEN', 't'], 'exact', p);
        await h.check(['XRANGE', 't', '-', '+', 'COUNT', '1'], 'exact', p);
      }
      if (i % 97 === 3) {
        await h.check(['XDEL', 't', `${ms - rng.int(1, 40)}-${rng.int(0, 3)}`, `${ms - rng.int(1, 40)}-0`], 'exact', p);
      }
    }
    await h.check(['XTRIM', 't', 'MAXLEN', '~', '300', 'LIMIT', String(rng.int(1, 300))], 'exact', p);
    await h.check(['XLEN', 't'], 'exact', p);
    await h.check(['XTRIM', 't', 'MINID', '~', `${Math.floor(ms * 0.6)}`], 'exact', p);
    await h.check(['XLEN', 't'], 'exact', p);
    await h.check(['XTRIM', 't', 'MINID', '~', `${Math.floor(ms * 0.7)}`, 'LIMIT', '150'], 'exact', p);
    await h.check(['XLEN', 't'], 'exact', p);
    await h.check(['XTRIM', 't', 'MINID', `${Math.floor(ms * 0.75)}`], 'exact', p);
    await h.check(['XADD', 't', 'MAXLEN', '~', '50', `${ms + 1}-0`, 'f', 'v'], 'exact', p);
    await h.check(['XLEN', 't'], 'exact', p);
    await h.check(['XADD', 't', 'MINID', '~', `${ms - 5}`, 'LIMIT', '10', `${ms + 2}-0`, 'f', 'v'], 'exact', p);
    await h.check(['XLEN', 't'], 'exact', p);
    await h.check(['XTRIM', 't', 'MAXLEN', '=', '20'], 'exact', p);
    await h.check(['XRANGE', 't', '-', '+'], 'exact', p);
    await h.check(['XINFO', 'STREAM', 't'], 'exact', p);
    await nodeConfig(100, 4096);
  });

  it('big values: 12-bit and 32-bit string lengths, 2- to 4-byte backlens, where a 5 MB node closes', async () => {
    await h.reset();
    await nodeConfig(0, 5_000_000);
    const p = await h.pair();
    const sizes = [4095, 4096, 16377, 16378, 16379, 70000, 2097140, 2097146, 2097147, 300000, 2000];
    let ms = 1;
    for (const size of sizes) {
      await h.check(['XADD', 'big', `${ms++}-0`, 'f', 'x'.repeat(size)], 'exact', p);
      await h.check(['XINFO', 'STREAM', 'big'], (r, c) => (show(r).slice(0, 200) === show(c).slice(0, 200) ? null : `${show(r).slice(0, 200)}\n${show(c).slice(0, 200)}`), p);
    }
    // Fill up to the byte limit with small entries: the node closes where Redis's does.
    for (let i = 0; i < 400; i++) await h.check(['XADD', 'big', `${ms++}-0`, 'f', 'y'.repeat(1000 + i)], 'exact', p);
    await h.check(['XLEN', 'big'], 'exact', p);
    await h.check(['XTRIM', 'big', 'MAXLEN', '~', '1'], 'exact', p);
    await h.check(['XLEN', 'big'], 'exact', p);
    await h.check(['XRANGE', 'big', '-', '+', 'COUNT', '1'], 'exact', p);
    await nodeConfig(100, 4096);
  });

  it('a MINID trim that leaves only tombstones in a node keeps the node, as Redis does', async () => {
    await h.reset();
    await nodeConfig(5, 4096);
    const cmds: Arg[][] = [];
    for (let i = 1; i <= 12; i++) cmds.push(['XADD', 'k', `${i}-0`, 'f', String(i)]);
    await h.checkAll([
      ...cmds,
      ['XDEL', 'k', '5-0'],
      ['XTRIM', 'k', 'MINID', '5'],
      ['XLEN', 'k'],
      ['XTRIM', 'k', 'MAXLEN', '~', '7'],
      ['XLEN', 'k'],
      ['XTRIM', 'k', 'MAXLEN', '~', '2'],
      ['XLEN', 'k'],
      ['XRANGE', 'k', '-', '+'],
      ['XDEL', 'k', '11-0', '12-0'],
      ['XADD', 'k', '13-0', 'f', 'x'],
      ['XTRIM', 'k', 'MAXLEN', '~', '0'],
      ['XLEN', 'k'],
      ['XRANGE', 'k', '-', '+'],
    ]);
    await nodeConfig(100, 4096);
  });

  it('an entry added below a tombstone node (XSETID back on an emptied stream) is found as Redis finds it', async () => {
    await h.reset();
    await h.checkAll([
      ['XADD', 'k', '10-0', 'f', 'v'],
      ['XADD', 'k', '11-0', 'f', 'v'],
      ['XDEL', 'k', '11-0'],
      ['XTRIM', 'k', 'MINID', '11'],
      ['XLEN', 'k'],
      ['XINFO', 'STREAM', 'k'],
      ['XSETID', 'k', '5-0'],
      ['XADD', 'k', '6-0', 'f', 'v'],
      ['XADD', 'k', '7-0', 'g', 'w'],
      ['XRANGE', 'k', '-', '+'],
      ['XREVRANGE', 'k', '+', '-'],
      ['XRANGE', 'k', '6', '6'],
      ['XRANGE', 'k', '7', '+'],
      ['XREVRANGE', 'k', '6', '-'],
      ['XREVRANGE', 'k', '7', '7'],
      ['XREAD', 'STREAMS', 'k', '0'],
      ['XREAD', 'STREAMS', 'k', '6'],
      ['XDEL', 'k', '7-0'],
      ['XRANGE', 'k', '-', '+'],
      ['XDEL', 'k', '6-0'],
      ['XLEN', 'k'],
      ['XINFO', 'STREAM', 'k'],
    ]);
  });

  it('the default LIMIT of ~ is 100 nodes (clamped when stream-node-max-entries is 0 or huge)', async () => {
    for (const entries of [2, 0, 20000]) {
      await h.reset();
      await nodeConfig(entries, 0);
      const p = await h.pair();
      for (let i = 1; i <= 1200; i++) await h.check(['XADD', 'k', `${i}-0`, 'f', 'v'], 'exact', p);
      await h.check(['XTRIM', 'k', 'MAXLEN', '~', '0'], 'exact', p);
      await h.check(['XLEN', 'k'], 'exact', p);
      await h.check(['XTRIM', 'k', 'MINID', '~', '1100'], 'exact', p);
      await h.check(['XLEN', 'k'], 'exact', p);
    }
    await nodeConfig(100, 4096);
  });
});

// ---------------------------------------------------------------------------------------------
// Blocking XREAD with several clients.

type Send = (i: number, label: string, ...args: Arg[]) => Promise<void>;

async function scenario(port: number, script: (c: RespClient[], send: Send, blocked: (n: number) => Promise<void>) => Promise<void>): Promise<string[]> {
  const c = await Promise.all(Array.from({ length: 5 }, () => RespClient.connect(port)));
  const log = new Map<string, string[]>();
  const send: Send = (i, label, ...args) =>
    c[i].call(...args).then((r) => {
      log.set(label, [...(log.get(label) ?? []), show(r)]);
    });
  const blocked = async (n: number) => {
    for (let tries = 0; tries < 400; tries++) {
      const r = await c[4].call('INFO', 'clients');
      if (r.t === '$' && r.v !== null && r.v.toString().includes(`blocked_clients:${n}\r`)) return;
      await sleep(5);
    }
    throw new Error(`never saw ${n} blocked clients`);
  };
  try {
    await c[4].call('FLUSHALL');
    await script(c, send, blocked);
  } finally {
    for (const x of c) x.close();
  }
  return [...log].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}: ${v.join(' | ')}`);
}

async function bothServers(script: Parameters<typeof scenario>[1]): Promise<string[]> {
  const redis = await scenario(h.redisPort, script);
  const cinnabar = await scenario(h.cinnabarPort, script);
  expect(cinnabar).toEqual(redis);
  return redis;
}

describe('XREAD BLOCK', () => {
  it('serves every client blocked on `$` with the new entry, in order, even when the key exists', async () => {
    const log = await bothServers(async (c, send, blocked) => {
      await send(3, 'setup', 'XADD', 's', '1-0', 'f', 'old');
      const w = [send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'), send(1, 'c1', 'XREAD', 'BLOCK', '0', 'COUNT', '5', 'STREAMS', 's', '$')];
      await blocked(2);
      await send(3, 'add', 'XADD', 's', '2-0', 'f', 'new');
      await Promise.all(w);
      await send(3, 'len', 'XLEN', 's');
    });
    expect(log).toContain('c0: *[*["s", *[*["2-0", *["f", "new"]]]]]');
  });

  it('a client blocked on several keys is served from the first one to get an entry', async () => {
    await bothServers(async (c, send, blocked) => {
      await send(3, 'setup', 'XADD', 'b', '5-0', 'f', 'v');
      const w = send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 'a', 'b', 'c', '0', '$', '0');
      await blocked(1);
      await send(3, 'add', 'XADD', 'b', '6-0', 'f', 'w');
      await w;
    });
  });

  it('times out with a null array; BLOCK with entries already there answers at once', async () => {
    await bothServers(async (c, send) => {
      const t0 = Date.now();
      await send(0, 'timeout', 'XREAD', 'BLOCK', '50', 'STREAMS', 'none', '$');
      await send(0, 'waited', String(Date.now() - t0 >= 40));
      await send(1, 'setup', 'XADD', 's', '1-0', 'f', 'v');
      await send(0, 'now', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '0');
      await send(0, 'multi', 'MULTI');
      await send(0, 'multi', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
      await send(0, 'multi', 'EXEC');
    });
  });

  it('a key deleted, or set to another type, keeps the client waiting; a new stream serves it', async () => {
    await bothServers(async (c, send, blocked) => {
      await send(3, 'setup', 'XADD', 's', '5-0', 'f', 'v');
      const w = send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
      await blocked(1);
      await send(3, 'del', 'DEL', 's');
      await send(3, 'set', 'SET', 's', 'x');
      await send(3, 'lpush', 'DEL', 's');
      await send(3, 'lpush', 'LPUSH', 's', 'x');
      await sleep(20);
      await blocked(1);
      await send(3, 'del', 'DEL', 's');
      await send(3, 'add', 'XADD', 's', '3-0', 'f', 'lower');
      await sleep(20);
      await blocked(1);
      await send(3, 'add', 'XADD', 's', '6-0', 'f', 'higher');
      await w;
    });
  });

  it('served after a whole MULTI/EXEC; entries deleted before the wake-up still wake it; blocked count defaults to 1000', async () => {
    await bothServers(async (c, send, blocked) => {
      const w = send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '0-0');
      const w2 = send(1, 'c1', 'XREAD', 'BLOCK', '0', 'STREAMS', 't', '$');
      await blocked(2);
      await send(3, 'm', 'MULTI');
      for (let i = 1; i <= 1002; i++) await send(3, 'm', 'XADD', 's', `${i}-0`, 'i', String(i));
      await send(3, 'm', 'XADD', 't', '1-0', 'f', 'v');
      await send(3, 'm', 'XDEL', 't', '1-0');
      await send(3, 'e', 'EXEC');
      await Promise.all([w, w2]);
    });
  });

  it('a key named twice waits past its first ID; RENAME onto a waited key serves; RESP3 gets a map', async () => {
    await bothServers(async (c, send, blocked) => {
      const w0 = send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', 's', '5', '0');
      await blocked(1);
      await send(3, 'a', 'XADD', 's', '3-0', 'f', 'v');
      await sleep(20);
      await blocked(1);
      await send(3, 'b', 'XADD', 's', '6-0', 'f', 'v');
      await w0;
      await c[1].call('HELLO', '3');
      const w1 = send(1, 'c1', 'XREAD', 'BLOCK', '0', 'STREAMS', 'dst', '$');
      await blocked(1);
      await send(3, 'c', 'XADD', 'src', '1-0', 'f', 'v');
      await send(3, 'c', 'RENAME', 'src', 'dst');
      await w1;
      await send(1, 'c1', 'XREAD', 'STREAMS', 'dst', 'nokey', '0', '0');
    });
  });

  it('a blocked client that disconnects is forgotten; the next one waiting is served', async () => {
    await bothServers(async (c, send, blocked) => {
      void c[0].call('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$').catch(() => undefined);
      await blocked(1);
      const w1 = send(1, 'c1', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
      await blocked(2);
      c[0].close();
      await blocked(1);
      await send(3, 'add', 'XADD', 's', '1-0', 'f', 'v');
      await w1;
    });
  });

  it('several clients with different IDs: only those with entries past their ID are served', async () => {
    await bothServers(async (c, send, blocked) => {
      await send(3, 'setup', 'XADD', 's', '10-0', 'f', 'v');
      const w0 = send(0, 'c0', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '20');
      const w1 = send(1, 'c1', 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '12');
      const w2 = send(2, 'c2', 'XREAD', 'BLOCK', '0', 'COUNT', '1', 'STREAMS', 's', '$');
      await blocked(3);
      await send(3, 'a', 'XADD', 's', '15-0', 'f', 'v');
      await Promise.all([w1, w2]);
      await blocked(1);
      await send(3, 'b', 'XADD', 's', '25-0', 'f', 'v');
      await w0;
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Random sequences.

const KEYS = ['s1', 's2', 'str'];
const FIELDS = ['f', 'g', 'name', '1', '-5'];

/**
 * Random stream steps; every ms part is `base` plus a small offset (a base past 2^53 or near 2^64
 * takes IDs, deltas and trims through their exact 64-bit paths).
 */
function genStreams(rng: Rng, base = 0n): Step[] {
  const at = (offset: number): string => String(base + BigInt(Math.max(0, offset)));
  const steps: Step[] = [];
  const push = (...args: Arg[]) => steps.push({ args });
  const nodeEntries = rng.pick(['100', '3', '10', '0', '1']);
  const nodeBytes = rng.pick(['4096', '200', '1000', '0', '60']);
  push('CONFIG', 'SET', 'stream-node-max-entries', nodeEntries);
  push('CONFIG', 'SET', 'stream-node-max-bytes', nodeBytes);
  push('SET', 'str', 'x');
  let ms = rng.int(0, 3);
  const added: string[] = [];
  const id = (): string => {
    const r = rng.next();
    if (r < 0.6 && added.length > 0) return rng.pick(added);
    if (r < 0.8) return `${at(rng.int(0, ms + 2))}-${rng.int(0, 3)}`;
    if (r < 0.9) return at(rng.int(0, ms + 2));
    return rng.pick(['-', '+', '0-0', 'x', '18446744073709551615-18446744073709551615', '5-', '(3', '1-*']);
  };
  const bound = (): string => {
    const r = rng.next();
    if (r < 0.2) return rng.pick(['-', '+']);
    if (r < 0.35) return '(' + id();
    return id();
  };
  const trim = (): Arg[] => {
    const out: Arg[] = [rng.caseOf(rng.pick(['MAXLEN', 'MAXLEN', 'MINID']))];
    const op = rng.pick(['', '=', '~', '~']);
    if (op) out.push(op);
    out.push(out[0].toString().toUpperCase() === 'MAXLEN' ? String(rng.int(rng.chance(0.05) ? -1 : 0, 30)) : `${at(rng.int(0, ms))}-${rng.int(0, 2)}`);
    if (rng.chance(0.2)) out.push(rng.caseOf('LIMIT'), String(rng.int(rng.chance(0.05) ? -1 : 0, 40)));
    return out;
  };
  const n = rng.int(20, 60);
  for (let i = 0; i < n; i++) {
    const key = rng.chance(0.05) ? 'str' : rng.chance(0.03) ? 'none' : rng.pick(KEYS.slice(0, 2));
    const r = rng.next();
    if (r < 0.4) {
      const args: Arg[] = ['XADD', key];
      if (rng.chance(0.1)) args.push(rng.caseOf('NOMKSTREAM'));
      if (rng.chance(0.25)) args.push(...trim());
      ms += rng.int(0, 2);
      const idr = rng.next();
      let newId: string;
      if (idr < 0.75) newId = `${at(ms)}-${rng.int(0, 5)}`;
      else if (idr < 0.85) newId = `${at(ms)}-*`;
      else if (idr < 0.9) newId = at(ms);
      else newId = id();
      args.push(newId);
      const nf = rng.chance(0.05) ? 0 : rng.int(1, 3);
      const fields = rng.chance(0.7) ? FIELDS.slice(0, nf) : Array.from({ length: nf }, () => rng.pick(FIELDS));
      for (const f of fields) args.push(f, valueOf(rng, rng.pick([0, 1, 5, 30, 70, 150])));
      if (rng.chance(0.03)) args.push('dangling');
      steps.push({ args });
      if (/^\d+-\d+$/.test(newId)) added.push(newId);
    } else if (r < 0.5) {
      const rev = rng.chance(0.4);
      const args: Arg[] = [rev ? 'XREVRANGE' : 'XRANGE', key, bound(), bound()];
      if (rng.chance(0.4)) args.push(rng.caseOf('COUNT'), String(rng.int(-1, 6)));
      if (rng.chance(0.03)) args.push('junk');
      push(...args);
    } else if (r < 0.6) {
      const args: Arg[] = ['XDEL', key];
      const k = rng.int(1, 3);
      for (let j = 0; j < k; j++) args.push(id());
      push(...args);
    } else if (r < 0.68) {
      push('XTRIM', key, ...trim());
    } else if (r < 0.8) {
      const args: Arg[] = ['XREAD'];
      if (rng.chance(0.4)) args.push(rng.caseOf('COUNT'), String(rng.int(-1, 4)));
      if (rng.chance(0.1)) args.push('BLOCK', rng.pick(['1', '-1', 'x']));
      args.push(rng.caseOf('STREAMS'));
      const k = rng.int(1, 2);
      const keys = Array.from({ length: k }, () => (rng.chance(0.1) ? 'str' : rng.pick(['s1', 's2', 'none'])));
      args.push(...keys);
      for (let j = 0; j < k; j++) args.push(rng.chance(0.2) ? '$' : rng.chance(0.05) ? '>' : id());
      if (rng.chance(0.03)) args.pop();
      push(...args);
    } else if (r < 0.86) {
      push('XLEN', key);
    } else if (r < 0.9) {
      const args: Arg[] = ['XSETID', key, rng.chance(0.7) ? `${at(ms + rng.int(-2, 3))}-${rng.int(0, 3)}` : id()];
      if (rng.chance(0.3)) args.push('ENTRIESADDED', String(rng.int(-1, 60)));
      if (rng.chance(0.3)) args.push('MAXDELETEDID', `${at(rng.int(0, ms))}-0`);
      if (rng.chance(0.05)) args.push('junk');
      push(...args);
      ms += 3;
    } else if (r < 0.93) {
      push('DEL', key);
    } else if (r < 0.96) {
      push(rng.pick(['LPUSH', 'SADD']), key, 'x');
    } else {
      const probe = rng.pick(['TYPE', 'EXISTS', 'OBJECT']);
      push(probe, ...(probe === 'OBJECT' ? ['ENCODING', key] : [key]));
    }
  }
  for (const key of KEYS.slice(0, 2)) {
    push('XLEN', key);
    push('XRANGE', key, '-', '+');
    // The node structure itself: radix-tree-keys/-nodes, first/last IDs, counters.
    push('XINFO', 'STREAM', key);
  }
  return steps;
}

describe('random sequences', () => {
  it('500 seeded sequences mixing every stream command (RESP2)', async () => {
    await h.sequences('streams', Number(process.env.STREAM_SEQUENCES ?? 500), genStreams);
    await nodeConfig(100, 4096);
  }, 240_000);

  it('150 seeded sequences with IDs past 2^53 and near 2^64', async () => {
    const bases = [9007199254740990n, 18446744073709551500n, 9223372036854775800n];
    await h.sequences('streams-64bit', Number(process.env.STREAM_SEQUENCES_64 ?? 150), (rng) => genStreams(rng, rng.pick(bases)));
    await nodeConfig(100, 4096);
  }, 120_000);

  it('100 seeded sequences in RESP3', async () => {
    await h.sequences('streams-resp3', Number(process.env.STREAM_SEQUENCES_RESP3 ?? 100), (rng) => [{ args: ['HELLO', '3'], compare: 'type' }, ...genStreams(rng)]);
    await nodeConfig(100, 4096);
  }, 120_000);
});
