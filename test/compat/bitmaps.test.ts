// The bitmap family against real Redis 7.0: the command pages' examples, the error texts and
// the order of the checks (BITCOUNT looks the key up before parsing its range, BITPOS after its
// bit), negative and BIT ranges, BITPOS's explicit-end rule for 0 bits, BITFIELD's widths,
// '#' offsets and overflow modes, the raw bytes GET sees after bit edits mixed with the string
// commands, OBJECT ENCODING, and seeded random sequences mixing every command.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Compat, Rng, type Step } from './harness.ts';
import type { Arg } from '../support/resp-client.ts';

let h: Compat;
beforeAll(async () => {
  h = await Compat.start();
});
afterAll(async () => {
  await h?.stop();
});

const bytes = (...b: number[]) => Buffer.from(b);

describe('the command pages', () => {
  it('SETBIT and GETBIT', async () => {
    await h.reset();
    await h.checkAll([
      ['SETBIT', 'mykey', '7', '1'],
      ['SETBIT', 'mykey', '7', '0'],
      ['GET', 'mykey'],
      ['SETBIT', 'mykey', '7', '1'],
      ['GETBIT', 'mykey', '0'],
      ['GETBIT', 'mykey', '7'],
      ['GETBIT', 'mykey', '100'],
      ['SETBIT', 'mykey', '100', '1'],
      ['GET', 'mykey'],
      ['STRLEN', 'mykey'],
      ['OBJECT', 'ENCODING', 'mykey'],
      ['GETBIT', 'nokey', '3'],
      ['SET', 'num', '12'],
      ['GETBIT', 'num', '2'],
      ['GETBIT', 'num', '3'],
      ['OBJECT', 'ENCODING', 'num'],
      ['SETBIT', 'num', '6', '1'],
      ['GET', 'num'],
      ['OBJECT', 'ENCODING', 'num'],
      ['SET', 'e', 'abc'],
      ['SETBIT', 'e', '1', '1'],
      ['OBJECT', 'ENCODING', 'e'],
    ]);
  });

  it('SETBIT and GETBIT errors', async () => {
    await h.reset();
    await h.checkAll([
      ['SETBIT', 'k', '-1', '1'],
      ['SETBIT', 'k', 'x', '1'],
      ['SETBIT', 'k', '4294967296', '1'],
      ['SETBIT', 'k', '9223372036854775807', '1'],
      ['SETBIT', 'k', '9223372036854775808', '1'],
      ['SETBIT', 'k', ' 1', '1'],
      ['SETBIT', 'k', '1', '2'],
      ['SETBIT', 'k', '1', '-1'],
      ['SETBIT', 'k', '1', 'x'],
      ['SETBIT', 'k', 'x', 'x'],
      ['SETBIT', 'k', '#1', '1'],
      ['SETBIT', 'k', '1'],
      ['GETBIT', 'k', '-1'],
      ['GETBIT', 'k', '4294967296'],
      ['GETBIT', 'k', '4294967295'],
      ['GETBIT', 'k'],
      ['EXISTS', 'k'],
      ['LPUSH', 'l', 'a'],
      ['SETBIT', 'l', '1', '1'],
      ['SETBIT', 'l', '1', '2'],
      ['SETBIT', 'l', '-1', '1'],
      ['GETBIT', 'l', '1'],
      ['GETBIT', 'l', 'x'],
    ]);
  });

  it('BITCOUNT with byte and bit ranges', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', 'foobar'],
      ['BITCOUNT', 'mykey'],
      ['BITCOUNT', 'mykey', '0', '0'],
      ['BITCOUNT', 'mykey', '1', '1'],
      ['BITCOUNT', 'mykey', '1', '1', 'BYTE'],
      ['BITCOUNT', 'mykey', '5', '30', 'BIT'],
      ['BITCOUNT', 'mykey', '-1', '-1'],
      ['BITCOUNT', 'mykey', '-2', '-1', 'bit'],
      ['BITCOUNT', 'mykey', '-1', '-2'],
      ['BITCOUNT', 'mykey', '-1', '-2', 'foo'],
      ['BITCOUNT', 'mykey', '-2', '-1', 'foo'],
      ['BITCOUNT', 'mykey', '2', '1'],
      ['BITCOUNT', 'mykey', '-100', '100'],
      ['BITCOUNT', 'mykey', '-100', '100', 'BIT'],
      ['BITCOUNT', 'mykey', '0', '-100'],
      ['BITCOUNT', 'mykey', '3', '3', 'BIT'],
      ['BITCOUNT', 'mykey', '9', '12', 'BIT'],
      ['BITCOUNT', 'mykey', '47', '47', 'BIT'],
      ['BITCOUNT', 'mykey', '48', '100', 'BIT'],
      ['BITCOUNT', 'mykey', '-9223372036854775808', '9223372036854775807'],
      ['BITCOUNT', 'mykey', '-9223372036854775808', '-9223372036854775807'],
      ['BITCOUNT', 'mykey', '-9007199254740992', '-9007199254740993'],
      ['BITCOUNT', 'mykey', '-9223372036854775807', '-9223372036854775808', 'BIT'],
      ['BITCOUNT', 'mykey', '1'],
      ['BITCOUNT', 'mykey', '0', 'x'],
      ['BITCOUNT', 'mykey', 'x', '0', 'foo'],
      ['BITCOUNT', 'mykey', '0', '1', 'foo'],
      ['BITCOUNT', 'mykey', '0', '1', 'BIT', 'x'],
      ['BITCOUNT', 'nokey', '1'],
      ['BITCOUNT', 'nokey', '0', 'x'],
      ['BITCOUNT', 'nokey', '0', '1', 'foo'],
      ['SET', 'empty', ''],
      ['BITCOUNT', 'empty'],
      ['BITCOUNT', 'empty', '0', '0', 'foo'],
      ['BITCOUNT', 'empty', '0', '-1', 'BIT'],
      ['SET', 'int', '-123456'],
      ['BITCOUNT', 'int'],
      ['BITCOUNT', 'int', '1', '3'],
      ['LPUSH', 'l', 'a'],
      ['BITCOUNT', 'l'],
      ['BITCOUNT', 'l', '0', 'x'],
      ['BITCOUNT', 'l', '1'],
    ]);
  });

  it('BITPOS, with and without an explicit end', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'mykey', bytes(0xff, 0xf0, 0x00)],
      ['BITPOS', 'mykey', '0'],
      ['SET', 'mykey', bytes(0x00, 0xff, 0xf0)],
      ['BITPOS', 'mykey', '1', '0'],
      ['BITPOS', 'mykey', '1', '2'],
      ['BITPOS', 'mykey', '1', '2', '-1', 'BYTE'],
      ['BITPOS', 'mykey', '1', '7', '15', 'BIT'],
      ['SET', 'mykey', bytes(0x00, 0x00, 0x00)],
      ['BITPOS', 'mykey', '1'],
      ['BITPOS', 'mykey', '1', '7', '-3', 'BIT'],
      ['SET', 'ones', bytes(0xff, 0xff, 0xff)],
      ['BITPOS', 'ones', '0'],
      ['BITPOS', 'ones', '0', '0'],
      ['BITPOS', 'ones', '0', '0', '-1'],
      ['BITPOS', 'ones', '0', '1', '2'],
      ['BITPOS', 'ones', '0', '3', '20', 'BIT'],
      ['BITPOS', 'ones', '0', '3', '23', 'BIT'],
      ['BITPOS', 'ones', '1', '3', '5', 'BIT'],
      ['BITPOS', 'ones', '0', '-3'],
      ['BITPOS', 'ones', '0', '5'],
      ['BITPOS', 'ones', '0', '2', '1'],
      ['SET', 'mixed', bytes(0xf0, 0x0f, 0xaa, 0x55, 0xff, 0x00)],
      ['BITPOS', 'mixed', '0', '2', '3', 'BIT'],
      ['BITPOS', 'mixed', '1', '4', '11', 'BIT'],
      ['BITPOS', 'mixed', '0', '12', '15', 'BIT'],
      ['BITPOS', 'mixed', '1', '8', '11', 'BIT'],
      ['BITPOS', 'mixed', '0', '33', '39', 'BIT'],
      ['BITPOS', 'mixed', '0', '33', '40', 'BIT'],
      ['BITPOS', 'mixed', '1', '40', '47', 'BIT'],
      ['BITPOS', 'mixed', '1', '-10', '-1', 'BIT'],
      ['BITPOS', 'mixed', '0', '-100', '100', 'BIT'],
      ['BITPOS', 'mixed', '1', '5', '2', 'BIT'],
      ['BITPOS', 'mixed', '0', '3', '3', 'BYTE'],
      ['BITPOS', 'nokey', '0'],
      ['BITPOS', 'nokey', '1'],
      ['BITPOS', 'nokey', '1', 'x'],
      ['BITPOS', 'nokey', '2'],
      ['BITPOS', 'nokey', 'x'],
      ['BITPOS', 'mixed', '2'],
      ['BITPOS', 'mixed', '-1'],
      ['BITPOS', 'mixed', '1', 'x'],
      ['BITPOS', 'mixed', '1', '0', 'x'],
      ['BITPOS', 'mixed', '1', '0', 'x', 'foo'],
      ['BITPOS', 'mixed', '1', 'x', '1', 'foo'],
      ['BITPOS', 'mixed', '1', '0', '1', 'foo'],
      ['BITPOS', 'mixed', '1', '0', '1', 'BIT', 'x'],
      ['SET', 'empty', ''],
      ['BITPOS', 'empty', '0'],
      ['BITPOS', 'empty', '1'],
      ['BITPOS', 'empty', '0', '0', '-1'],
      ['LPUSH', 'l', 'a'],
      ['BITPOS', 'l', 'x'],
      ['BITPOS', 'l', '1', 'x'],
      ['BITPOS', 'l', '3'],
    ]);
  });

  it('BITOP AND, OR, XOR, NOT', async () => {
    await h.reset();
    await h.checkAll([
      ['SET', 'key1', 'foobar'],
      ['SET', 'key2', 'abcdef'],
      ['BITOP', 'AND', 'dest', 'key1', 'key2'],
      ['GET', 'dest'],
      ['OBJECT', 'ENCODING', 'dest'],
      ['SET', 'short', 'ab'],
      ['BITOP', 'OR', 'dest', 'key1', 'short', 'nokey'],
      ['GET', 'dest'],
      ['BITOP', 'AND', 'dest', 'key1', 'short'],
      ['GET', 'dest'],
      ['BITOP', 'XOR', 'dest', 'key1', 'key2', 'short'],
      ['GET', 'dest'],
      ['BITOP', 'NOT', 'dest', 'key1'],
      ['GET', 'dest'],
      ['BITOP', 'not', 'dest', 'dest'],
      ['GET', 'dest'],
      ['BITOP', 'xor', 'key1', 'key1'],
      ['GET', 'key1'],
      ['BITOP', 'NOT', 'dest', 'key1', 'key2'],
      ['BITOP', 'NAND', 'dest', 'key1'],
      ['BITOP', 'AND', 'dest'],
      ['EXPIRE', 'dest', '100'],
      ['BITOP', 'OR', 'dest', 'key2'],
      ['TTL', 'dest'],
      ['BITOP', 'AND', 'dest', 'nokey', 'nokey2'],
      ['EXISTS', 'dest'],
      ['BITOP', 'AND', 'dest', 'nokey'],
      ['SET', 'empty', ''],
      ['BITOP', 'OR', 'dest', 'empty'],
      ['EXISTS', 'dest'],
      ['SET', 'n', '7'],
      ['BITOP', 'OR', 'dest', 'n', 'short'],
      ['GET', 'dest'],
      ['LPUSH', 'l', 'a'],
      ['BITOP', 'OR', 'dest', 'key2', 'l'],
      ['BITOP', 'OR', 'l', 'key2'],
      ['TYPE', 'l'],
      ['BITOP', 'NOT', 'dest', 'l'],
    ]);
  });

  it('BITOP over long strings (the word loops and the byte tails)', async () => {
    await h.reset();
    const rng = new Rng(7);
    const blob = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
    await h.checkAll([
      ['SET', 'a', blob(1000)],
      ['SET', 'b', blob(777)],
      ['SET', 'c', blob(1003)],
      ['BITOP', 'AND', 'd', 'a', 'b', 'c'],
      ['GET', 'd'],
      ['BITOP', 'OR', 'd', 'a', 'b', 'c'],
      ['GET', 'd'],
      ['BITOP', 'XOR', 'd', 'a', 'b', 'c', 'a'],
      ['GET', 'd'],
      ['BITOP', 'NOT', 'd', 'c'],
      ['GET', 'd'],
      ['BITCOUNT', 'd'],
      ['BITCOUNT', 'd', '3', '-5'],
      ['BITCOUNT', 'd', '13', '-37', 'BIT'],
      ['BITPOS', 'd', '1', '100'],
      ['BITPOS', 'd', '0', '100'],
      ['SET', 'z', Buffer.alloc(900)],
      ['SETBIT', 'z', '7000', '1'],
      ['BITPOS', 'z', '1'],
      ['BITPOS', 'z', '1', '3'],
      ['BITPOS', 'z', '1', '3', '-1', 'BIT'],
      ['SET', 'f', Buffer.alloc(900, 0xff)],
      ['SETBIT', 'f', '6999', '0'],
      ['BITPOS', 'f', '0'],
      ['BITPOS', 'f', '0', '875'],
      ['BITPOS', 'f', '0', '875', '-1'],
      ['BITPOS', 'f', '0', '7000', '-1', 'BIT'],
    ]);
  });

  it('megabyte bitmaps: counts and positions at odd offsets, BITOP of unequal lengths', async () => {
    await h.reset();
    const rng = new Rng(11);
    const big = (n: number, density: number) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++) if (rng.chance(density)) b[i] = rng.int(0, 255);
      return b;
    };
    const cmds: Arg[][] = [
      ['SET', 'x', big(2_000_003, 0.5)],
      ['SET', 'y', big(1_500_001, 0.5)],
      ['SET', 'sparse', big(1_200_000, 0.00001)],
      ['SETBIT', 'ones', String(8 * 1_000_000 - 1), '1'],
      ['BITOP', 'NOT', 'ones', 'ones'],
      ['SETBIT', 'ones', '7777777', '0'],
      ['BITOP', 'AND', 'and', 'x', 'y'],
      ['BITOP', 'OR', 'or', 'x', 'y', 'sparse'],
      ['BITOP', 'XOR', 'xor', 'y', 'x', 'sparse'],
    ];
    for (const k of ['x', 'y', 'sparse', 'ones', 'and', 'or', 'xor']) {
      cmds.push(['BITCOUNT', k], ['BITPOS', k, '1'], ['BITPOS', k, '0'], ['STRLEN', k]);
      for (let i = 0; i < 6; i++) {
        const a = rng.int(-2_100_000, 2_100_000);
        const b = rng.int(-2_100_000, 2_100_000);
        cmds.push(['BITCOUNT', k, String(a), String(b)], ['BITPOS', k, String(i & 1), String(a), String(b)]);
        cmds.push(['BITCOUNT', k, String(a * 8 + 3), String(b * 8 + 5), 'BIT'], ['BITPOS', k, String(i & 1), String(a * 8 + 1), String(b * 8 + 6), 'BIT']);
      }
    }
    cmds.push(['GET', 'and'], ['GET', 'or'], ['GET', 'xor'], ['GET', 'ones']);
    await h.checkAll(cmds);
  });

  it('BITFIELD: the page examples, overflow modes and BITFIELD_RO', async () => {
    await h.reset();
    await h.checkAll([
      ['BITFIELD', 'mykey', 'INCRBY', 'i5', '100', '1', 'GET', 'u4', '0'],
      ['BITFIELD', 'mykey', 'incrby', 'u2', '100', '1', 'OVERFLOW', 'SAT', 'incrby', 'u2', '102', '1'],
      ['BITFIELD', 'mykey', 'incrby', 'u2', '100', '1', 'OVERFLOW', 'SAT', 'incrby', 'u2', '102', '1'],
      ['BITFIELD', 'mykey', 'incrby', 'u2', '100', '1', 'OVERFLOW', 'SAT', 'incrby', 'u2', '102', '1'],
      ['BITFIELD', 'mykey', 'incrby', 'u2', '100', '1', 'OVERFLOW', 'SAT', 'incrby', 'u2', '102', '1'],
      ['BITFIELD', 'mykey', 'OVERFLOW', 'FAIL', 'incrby', 'u2', '102', '1'],
      ['GET', 'mykey'],
      ['SET', 'hello', 'Hello World'],
      ['BITFIELD_RO', 'hello', 'GET', 'i8', '16'],
      ['BITFIELD_RO', 'hello', 'GET', 'i8', '16', 'GET', 'u7', '#3', 'GET', 'i64', '3', 'GET', 'u63', '#1'],
      ['BITFIELD_RO', 'hello', 'SET', 'i8', '16', '1'],
      ['BITFIELD_RO', 'hello', 'GET', 'i8', '16', 'INCRBY', 'i8', '16', '1'],
      ['BITFIELD_RO', 'hello'],
      ['BITFIELD', 'hello'],
      ['BITFIELD', 'nokey'],
      ['BITFIELD', 'nokey', 'GET', 'u8', '0'],
      ['EXISTS', 'nokey'],
      ['BITFIELD', 'nokey', 'OVERFLOW', 'FAIL', 'SET', 'i8', '0', '200'],
      ['GET', 'nokey'],
      ['BITFIELD', 'b', 'SET', 'i8', '0', '-100', 'GET', 'u8', '0', 'SET', 'u8', '4', '255', 'GET', 'i8', '4', 'GET', 'u16', '#1'],
      ['BITFIELD', 'b', 'SET', 'u8', '0', '-1', 'SET', 'u8', '8', '256', 'GET', 'u16', '0'],
      ['BITFIELD', 'b', 'OVERFLOW', 'SAT', 'SET', 'u8', '0', '-1', 'SET', 'u8', '8', '256', 'SET', 'i8', '16', '-129', 'SET', 'i8', '24', '128', 'GET', 'u32', '0'],
      ['BITFIELD', 'b', 'OVERFLOW', 'FAIL', 'SET', 'u8', '0', '-1', 'SET', 'u8', '8', '255', 'SET', 'i8', '16', '-129', 'SET', 'i8', '24', '127'],
      ['BITFIELD', 'b', 'OVERFLOW', 'WRAP', 'INCRBY', 'i8', '24', '1', 'INCRBY', 'u8', '8', '1', 'INCRBY', 'u8', '8', '-2', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '24', '-1000', 'INCRBY', 'u8', '8', '-1000'],
      ['BITFIELD', 'c', 'SET', 'i64', '0', '9223372036854775807', 'INCRBY', 'i64', '0', '1', 'GET', 'i64', '0', 'INCRBY', 'i64', '0', '-1'],
      ['BITFIELD', 'c', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', '-9223372036854775808', 'INCRBY', 'i64', '0', '9223372036854775807', 'INCRBY', 'i64', '0', '1'],
      ['BITFIELD', 'c', 'OVERFLOW', 'FAIL', 'INCRBY', 'i64', '0', '1', 'INCRBY', 'i64', '0', '-9223372036854775808', 'GET', 'u63', '1'],
      ['BITFIELD', 'c', 'SET', 'u63', '3', '9223372036854775807', 'GET', 'u63', '3', 'INCRBY', 'u63', '3', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'u63', '3', '-9223372036854775808'],
      ['BITFIELD', 'c', 'OVERFLOW', 'SAT', 'SET', 'i8', '0', '-9223372036854775808', 'SET', 'i8', '8', '9223372036854775807', 'SET', 'u8', '16', '-9223372036854775808', 'SET', 'i1', '24', '1', 'GET', 'i1', '24'],
      ['BITFIELD', 'c', 'OVERFLOW', 'WRAP', 'SET', 'i8', '0', '-9223372036854775808', 'SET', 'i8', '8', '9223372036854775807', 'SET', 'i13', '5', '-5000', 'GET', 'i13', '5', 'GET', 'u1', '0'],
      ['GET', 'c'],
      ['BITFIELD', 'd', 'SET', 'i16', '#2', '1000', 'GET', 'i16', '#2', 'GET', 'i16', '32', 'SET', 'u5', '#3', '31', 'GET', 'u5', '15'],
      ['GET', 'd'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SET', 'e', '1234'],
      ['BITFIELD', 'e', 'GET', 'u8', '0'],
      ['OBJECT', 'ENCODING', 'e'],
      ['BITFIELD', 'e', 'OVERFLOW', 'FAIL', 'SET', 'i8', '0', '1000'],
      ['OBJECT', 'ENCODING', 'e'],
    ]);
  });

  it('BITFIELD errors and their order', async () => {
    await h.reset();
    await h.checkAll([
      ['BITFIELD', 'k', 'GET', 'u64', '0'],
      ['BITFIELD', 'k', 'GET', 'i65', '0'],
      ['BITFIELD', 'k', 'GET', 'i0', '0'],
      ['BITFIELD', 'k', 'GET', 'I8', '0'],
      ['BITFIELD', 'k', 'GET', 'x8', '0'],
      ['BITFIELD', 'k', 'GET', '', '0'],
      ['BITFIELD', 'k', 'GET', 'i', '0'],
      ['BITFIELD', 'k', 'GET', 'i08', '0'],
      ['BITFIELD', 'k', 'GET', 'i-8', '0'],
      ['BITFIELD', 'k', 'GET', 'i8\x00junk', '0'],
      ['BITFIELD', 'k', 'GET', 'u8', '-1'],
      ['BITFIELD', 'k', 'GET', 'u8', '#'],
      ['BITFIELD', 'k', 'GET', 'u8', '#-1'],
      ['BITFIELD', 'k', 'GET', 'u8', '#x'],
      ['BITFIELD', 'k', 'GET', 'u8', '##1'],
      ['BITFIELD', 'k', 'GET', 'u8', '4294967296'],
      ['BITFIELD', 'k', 'GET', 'u8', '4294967295'],
      ['BITFIELD', 'k', 'GET', 'i64', '#67108863'],
      ['BITFIELD', 'k', 'GET', 'i64', '#67108864'],
      ['BITFIELD', 'k', 'GET', 'i64', '#288230376151711744'],
      ['BITFIELD', 'k', 'GET', 'i64', '#288230376151711745'],
      ['BITFIELD', 'k', 'GET', 'i64', '#144115188075855872'],
      ['BITFIELD', 'k', 'GET', 'u8'],
      ['BITFIELD', 'k', 'SET', 'u8', '0'],
      ['BITFIELD', 'k', 'SET', 'u8', '0', 'x'],
      ['BITFIELD', 'k', 'SET', 'u8', 'x', 'x'],
      ['BITFIELD', 'k', 'SET', 'u64', 'x', 'x'],
      ['BITFIELD', 'k', 'INCRBY', 'u8', '0', '9223372036854775808'],
      ['BITFIELD', 'k', 'OVERFLOW'],
      ['BITFIELD', 'k', 'OVERFLOW', 'SATURATE'],
      ['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'GET', 'u64', '0'],
      ['BITFIELD', 'k', 'FOO', 'u8', '0'],
      ['BITFIELD', 'k', 'GET', 'u8', '0', 'SET', 'u8', '0', '1', 'GET', 'u64', '0'],
      ['EXISTS', 'k'],
      ['LPUSH', 'l', 'a'],
      ['BITFIELD', 'l', 'GET', 'u8', '0'],
      ['BITFIELD', 'l', 'SET', 'u8', '0', '1'],
      ['BITFIELD', 'l'],
      ['BITFIELD', 'l', 'GET', 'u64', '0'],
      ['BITFIELD_RO', 'l', 'GET', 'u8', '0'],
      ['BITFIELD_RO', 'l', 'SET', 'u8', '0', '1'],
      ['BITFIELD_RO', 'k', 'OVERFLOW', 'SAT', 'GET', 'u8', '0'],
      ['BITFIELD_RO', 'k', 'OVERFLOW', 'SAT'],
      ['BITFIELD_RO', 'k', 'OVERFLOW', 'BAD'],
    ]);
  });

  it('bitmaps are the strings GET, APPEND, SETRANGE, GETRANGE and INCR see', async () => {
    await h.reset();
    await h.checkAll([
      ['SETBIT', 's', '10', '1'],
      ['APPEND', 's', 'xyz'],
      ['GET', 's'],
      ['SETBIT', 's', '47', '1'],
      ['GETRANGE', 's', '0', '-1'],
      ['SETRANGE', 's', '1', 'AB'],
      ['BITCOUNT', 's'],
      ['GETBIT', 's', '9'],
      ['STRLEN', 's'],
      ['SET', 'n', '100'],
      ['SETBIT', 'n', '15', '1'],
      ['GET', 'n'],
      ['INCR', 'n'],
      ['OBJECT', 'ENCODING', 'n'],
      ['SETBIT', 'n', '15', '1'],
      ['OBJECT', 'ENCODING', 'n'],
      ['GET', 'n'],
      ['BITFIELD', 'n', 'INCRBY', 'u8', '16', '1'],
      ['GET', 'n'],
      ['INCR', 'n'],
      ['BITOP', 'NOT', 'm', 'n'],
      ['BITOP', 'NOT', 'm', 'm'],
      ['GET', 'm'],
      ['INCRBY', 'm', '5'],
      ['SETBIT', 'm', '0', '0'],
      ['GET', 'm'],
      ['APPEND', 'm', 'tail'],
      ['BITCOUNT', 'm'],
      ['BITPOS', 'm', '1', '3'],
      ['COPY', 'm', 'm2'],
      ['SETBIT', 'm2', '1', '1'],
      ['GET', 'm'],
      ['GET', 'm2'],
      ['RENAME', 'm2', 'm3'],
      ['SETBIT', 'm3', '2', '1'],
      ['GET', 'm3'],
      ['SET', 'm3', 'plain'],
      ['BITCOUNT', 'm3'],
      ['OBJECT', 'ENCODING', 'm3'],
      ['GETBIT', 'm3', '1'],
      ['OBJECT', 'ENCODING', 'm3'],
      ['DEL', 'm3'],
      ['SETBIT', 'm3', '0', '0'],
      ['GET', 'm3'],
      ['OBJECT', 'ENCODING', 'm3'],
    ]);
  });

  it('short strings (rebuilt by SETBIT) across the 64-byte line, with TTLs and encodings', async () => {
    await h.reset();
    await h.checkAll([
      ['SETBIT', 'b', '511', '1'],
      ['STRLEN', 'b'],
      ['OBJECT', 'ENCODING', 'b'],
      ['SETBIT', 'b', '511', '1'],
      ['SETBIT', 'b', '512', '1'],
      ['STRLEN', 'b'],
      ['GET', 'b'],
      ['SETBIT', 'b', '0', '1'],
      ['GETBIT', 'b', '0'],
      ['GETBIT', 'b', '512'],
      ['GETBIT', 'b', '4294967295'],
      ['SET', 'e', 'x', 'EX', '100'],
      ['OBJECT', 'ENCODING', 'e'],
      ['SETBIT', 'e', '0', '0'],
      ['OBJECT', 'ENCODING', 'e'],
      ['TTL', 'e'],
      ['SETBIT', 'e', '100', '1'],
      ['TTL', 'e'],
      ['GET', 'e'],
      ['SET', 'n', '12345'],
      ['GETBIT', 'n', '2'],
      ['OBJECT', 'ENCODING', 'n'],
      ['SETBIT', 'n', '2', '1'],
      ['OBJECT', 'ENCODING', 'n'],
      ['GET', 'n'],
      ['SETBIT', 'n', '1000', '0'],
      ['STRLEN', 'n'],
      ['SET', 'h', 'y'.repeat(64)],
      ['SETBIT', 'h', '7', '0'],
      ['SETBIT', 'h', '600', '1'],
      ['BITCOUNT', 'h'],
      ['GET', 'h'],
      ['LPUSH', 'l', 'a'],
      ['SETBIT', 'l', '1', '1'],
      ['GETBIT', 'l', '1'],
    ]);
  });

  it('WATCH sees SETBIT and BITFIELD writes, not reads nor unchanged bits', async () => {
    await h.reset();
    const p = await h.pair();
    const other = await h.pair();
    await h.check(['SETBIT', 'w', '3', '1'], 'exact', p);
    // EXEC answers null where the other client's command touched the key.
    const others: Arg[][] = [
      ['GETBIT', 'w', '3'],
      ['BITCOUNT', 'w'],
      ['BITPOS', 'w', '1'],
      ['BITFIELD', 'w', 'GET', 'u8', '0'],
      ['BITFIELD_RO', 'w', 'GET', 'u8', '0'],
      ['SETBIT', 'w', '3', '1'],
      ['SETBIT', 'w', '4', '1'],
      ['SETBIT', 'w', '40', '0'],
      ['BITFIELD', 'w', 'SET', 'u8', '0', '1'],
      ['BITFIELD', 'w', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1000'],
      ['BITFIELD', 'w', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '800', '1000'],
      ['BITFIELD', 'fresh', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1000'],
      ['BITOP', 'NOT', 'w', 'w'],
      ['BITOP', 'AND', 'x', 'w'],
    ];
    for (const cmd of others) {
      await h.checkAll([['WATCH', 'w'], ['MULTI'], ['GET', 'w']], 'exact', p);
      await h.check(cmd, 'exact', other);
      await h.check(['EXEC'], 'exact', p);
    }
  });
});

describe('inside transactions', () => {
  it('MULTI/EXEC gives the same replies, nulls of refused writes included', async () => {
    await h.reset();
    await h.checkAll([
      ['MULTI'],
      ['SETBIT', 'k', '5', '1'],
      ['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u4', '0', '100', 'GET', 'u8', '0'],
      ['BITCOUNT', 'k'],
      ['BITOP', 'NOT', 'k2', 'k'],
      ['BITOP', 'NOT', 'k2', 'k', 'k'],
      ['EXEC'],
      ['GET', 'k'],
    ]);
  });
});

describe('limits and side effects', () => {
  it('offsets are bounded by proto-max-bulk-len', async () => {
    await h.reset();
    await h.checkAll([
      ['CONFIG', 'SET', 'proto-max-bulk-len', '1048576'],
      ['SETBIT', 'k', '8388608', '1'],
      ['SETBIT', 'k', '8388607', '1'],
      ['STRLEN', 'k'],
      ['GETBIT', 'k', '8388608'],
      ['BITFIELD', 'k', 'GET', 'u8', '8388600', 'GET', 'u8', '8388608'],
      ['BITFIELD', 'k', 'SET', 'u16', '#524287', '1'],
      ['BITFIELD', 'k', 'SET', 'u16', '#524288', '1'],
      ['BITFIELD', 'k', 'SET', 'u16', '8388600', '65535', 'GET', 'u16', '8388600'],
      ['STRLEN', 'k'],
      ['BITCOUNT', 'k'],
      ['BITPOS', 'k', '1', '1000'],
      ['BITPOS', 'k', '1', '-1', '-1', 'BIT'],
      ['CONFIG', 'SET', 'proto-max-bulk-len', '536870912'],
      ['SETBIT', 'k', '8388608', '1'],
      ['STRLEN', 'k'],
    ]);
  });

  it('SETBIT, BITFIELD and BITOP keep or drop TTLs as Redis does', async () => {
    await h.reset();
    await h.checkAll([
      ['SETBIT', 't', '1', '1'],
      ['EXPIRE', 't', '1000'],
      ['SETBIT', 't', '100', '1'],
      ['TTL', 't'],
      ['BITFIELD', 't', 'INCRBY', 'u8', '200', '1'],
      ['TTL', 't'],
      ['BITOP', 'NOT', 't', 't'],
      ['TTL', 't'],
      ['SET', 'gone', 'x', 'PX', '1'],
    ]);
    await new Promise((r) => setTimeout(r, 10));
    await h.checkAll([
      ['GETBIT', 'gone', '1'],
      ['SETBIT', 'gone', '9', '1'],
      ['GET', 'gone'],
      ['TTL', 'gone'],
    ]);
  });
});

// ---- seeded random sequences ----

const KEYS = ['a', 'b', 'c', 'k'];
const INT64_EDGES = ['9223372036854775807', '-9223372036854775808', '9223372036854775808', '-9223372036854775809'];

function int64(rng: Rng): string {
  const r = rng.next();
  if (r < 0.3) return String(rng.int(-5, 5));
  if (r < 0.55) return String(rng.int(-300, 300));
  if (r < 0.75) return String(rng.int(-70000, 70000));
  if (r < 0.9) {
    const hi = BigInt(rng.int(0, 0xffffffff));
    const lo = BigInt(rng.int(0, 0xffffffff));
    return String(BigInt.asIntN(64, (hi << 32n) | lo));
  }
  if (r < 0.97) return rng.pick(INT64_EDGES.slice(0, 2));
  return rng.pick([...INT64_EDGES.slice(2), 'x', '', '1.5', ' 1']);
}

function genBitmaps(rng: Rng): Step[] {
  const steps: Step[] = [];
  const push = (...args: Arg[]) => steps.push({ args });
  const key = () => (rng.chance(0.05) ? 'list' : rng.pick(KEYS));
  // Most bitmaps stay within a few hundred bytes; some reach tens of KB (the word loops).
  const bitOffset = (): string => {
    const r = rng.next();
    if (r < 0.45) return String(rng.int(0, 130));
    if (r < 0.75) return String(rng.int(0, 2000));
    if (r < 0.87) return String(rng.int(0, 300_000));
    if (r < 0.9) return String(rng.int(0, 3_000_000));
    return rng.pick(['-1', 'x', '4294967296', '9223372036854775807', '#3', '', '1 ', '0']);
  };
  const index = (): string => {
    const r = rng.next();
    if (r < 0.4) return String(rng.int(-20, 20));
    if (r < 0.7) return String(rng.int(-400, 400));
    if (r < 0.9) return String(rng.int(-40000, 40000));
    return rng.pick(['9223372036854775807', '-9223372036854775808', 'x', '0', '-1', '1.0']);
  };
  const unit = () => (rng.chance(0.92) ? rng.caseOf(rng.pick(['BIT', 'BYTE'])) : rng.pick(['BITS', 'x', '']));
  const fieldType = (): string => {
    const r = rng.next();
    if (r < 0.45) return `i${rng.int(1, 64)}`;
    if (r < 0.9) return `u${rng.int(1, 63)}`;
    if (r < 0.95) return rng.pick(['i8', 'u8', 'i64', 'u63', 'i1', 'u1']);
    return rng.pick(['u64', 'i65', 'i0', 'x8', 'I8', '', 'i']);
  };
  const fieldOffset = (): string => {
    const r = rng.next();
    if (r < 0.5) return String(rng.int(0, 200));
    if (r < 0.75) return `#${rng.int(0, 30)}`;
    if (r < 0.92) return String(rng.int(0, 5000));
    return rng.pick(['-1', '#-1', '#', 'x', '4294967296', '#4294967296']);
  };
  const stringValue = (): Arg => {
    const r = rng.next();
    if (r < 0.3) return String(rng.int(-1000, 100000));
    if (r < 0.6) return rng.pick(['foobar', 'abc', '', 'Hello World', '\x00\xff']);
    return Buffer.from(Array.from({ length: rng.int(0, 80) }, () => rng.int(0, 255)));
  };

  // Most sequences start from dense bitmaps (random bytes), so that counts, positions and GETBIT
  // see set and clear bits alike; the others grow theirs from nothing with SETBIT and BITFIELD.
  for (const k of KEYS) {
    if (rng.chance(0.55)) push('SET', k, Buffer.from(Array.from({ length: rng.int(1, 400) }, () => rng.int(0, 255))));
  }
  const n = rng.int(15, 40);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.16) {
      push(rng.caseOf('SETBIT'), key(), bitOffset(), rng.chance(0.93) ? String(rng.int(0, 1)) : rng.pick(['2', '-1', 'x']));
    } else if (r < 0.24) {
      push(rng.caseOf('GETBIT'), key(), rng.chance(0.6) ? String(rng.int(0, 3300)) : bitOffset());
    } else if (r < 0.34) {
      const args: Arg[] = [rng.caseOf('BITCOUNT'), key()];
      const m = rng.next();
      if (m < 0.75) args.push(index(), index());
      if (m < 0.45) args.push(unit());
      if (m > 0.95) args.push(index());
      push(...args);
    } else if (r < 0.46) {
      const args: Arg[] = [rng.caseOf('BITPOS'), key(), rng.chance(0.95) ? String(rng.int(0, 1)) : rng.pick(['2', '-1', 'x'])];
      const m = rng.next();
      if (m < 0.8) args.push(index());
      if (m < 0.6) args.push(index());
      if (m < 0.4) args.push(unit());
      if (m < 0.02) args.push('x');
      push(...args);
    } else if (r < 0.56) {
      const op = rng.chance(0.95) ? rng.caseOf(rng.pick(['AND', 'OR', 'XOR', 'NOT'])) : rng.pick(['NAND', 'ANDX', '']);
      const count = op.toUpperCase() === 'NOT' && rng.chance(0.9) ? 1 : rng.int(1, 4);
      push(rng.caseOf('BITOP'), op, key(), ...Array.from({ length: count }, () => (rng.chance(0.1) ? 'missing' : key())));
    } else if (r < 0.72) {
      const ro = rng.chance(0.2);
      const args: Arg[] = [ro ? rng.caseOf('BITFIELD_RO') : rng.caseOf('BITFIELD'), key()];
      const m = rng.int(0, 4);
      for (let j = 0; j < m; j++) {
        const s = rng.next();
        if (s < 0.35 || (ro && s < 0.9)) args.push(rng.caseOf('GET'), fieldType(), fieldOffset());
        else if (s < 0.6) args.push(rng.caseOf('SET'), fieldType(), fieldOffset(), int64(rng));
        else if (s < 0.85) args.push(rng.caseOf('INCRBY'), fieldType(), fieldOffset(), int64(rng));
        else if (s < 0.98) args.push(rng.caseOf('OVERFLOW'), rng.chance(0.95) ? rng.caseOf(rng.pick(['WRAP', 'SAT', 'FAIL'])) : 'BAD');
        else args.push(rng.pick(['GET', 'SET', 'FOO']), fieldType());
      }
      push(...args);
    } else if (r < 0.8) {
      const which = rng.int(0, 6);
      if (which === 0) push('SET', key(), stringValue());
      else if (which === 1) push('APPEND', key(), stringValue());
      else if (which === 2) push('SETRANGE', key(), String(rng.int(0, 300)), stringValue());
      else if (which === 3) push('INCR', key());
      else if (which === 4) push('GETRANGE', key(), index(), index());
      else if (which === 5) push('DEL', key());
      else push('RPUSH', 'list', 'x');
    } else if (r < 0.9) {
      push('GET', key());
    } else if (r < 0.95) {
      push('STRLEN', key());
    } else {
      push('OBJECT', 'ENCODING', key());
    }
  }
  for (const k of KEYS) {
    push('GET', k);
    push('OBJECT', 'ENCODING', k);
  }
  return steps;
}

describe('random sequences', () => {
  it('600 seeded sequences mixing every bitmap command with the string commands', async () => {
    await h.sequences('bitmaps', Number(process.env.BITMAP_SEQUENCES ?? 600), genBitmaps);
  }, 300_000);

  it('100 more in RESP3 (refused BITFIELD writes as nulls)', async () => {
    await h.sequences('bitmaps-resp3', Number(process.env.BITMAP_SEQUENCES_RESP3 ?? 100), (rng) => [{ args: ['HELLO', '3'], compare: 'type' }, ...genBitmaps(rng)]);
  }, 300_000);
});
