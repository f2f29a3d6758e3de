// The in-place form of string values (types/byte-string.ts over strings.wasm) and how the
// database switches a key between it and the plain binary string.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cinnabar } from '../../bindings/node/index.ts';
import { META_RAW, type Database } from '../../src/keyspace/database.ts';
import { ByteString } from '../../src/types/byte-string.ts';
import { StringsWasm, compileStringsWasm } from '../../src/wasm/strings.ts';

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

describe('ByteString', () => {
  it('round-trips every byte value', () => {
    const b = ByteString.fromBin(ALL_BYTES);
    expect(b.length).toBe(256);
    expect(Array.from(b.bytes())).toEqual(Array.from({ length: 256 }, (_, i) => i));
    b.changed();
    expect(b.toBin()).toBe(ALL_BYTES);
    b.free();
  });

  it('grows with zero bytes, keeps its contents across moves and memory growth', () => {
    const m = new StringsWasm(compileStringsWasm());
    const b = ByteString.fromBin('abc', m);
    const others: ByteString[] = [];
    for (let size = 4; size <= 1 << 22; size *= 4) {
      others.push(ByteString.zeroed(size, m)); // forces moves and memory.grow
      b.grow(b.length + size);
      b.bytes()[b.length - 1] = 0x7f;
      b.changed();
    }
    const s = b.toBin();
    expect(s.slice(0, 3)).toBe('abc');
    let nonZero = 0;
    for (let i = 3; i < s.length; i++) if (s.charCodeAt(i) !== 0) nonZero++;
    expect(nonZero).toBe(others.length);
    for (const o of others) o.free();
    b.free();
    expect(m.allocatedBytes()).toBe(0);
  });

  it('assign() shrinks with the tail zeroed, so a later grow reads zeros', () => {
    const b = ByteString.fromBin('\xff'.repeat(100));
    b.assign(new Uint8Array([1, 2]));
    expect(b.toBin()).toBe('\x01\x02');
    b.grow(10);
    expect(b.toBin()).toBe('\x01\x02' + '\0'.repeat(8));
    b.free();
  });

  it('clone() shares nothing; free() releases the block', () => {
    const m = new StringsWasm(compileStringsWasm());
    const a = ByteString.fromBin('hello', m);
    const b = a.clone();
    a.bytes()[0] = 0x4a;
    a.changed();
    expect(a.toBin()).toBe('Jello');
    expect(b.toBin()).toBe('hello');
    a.free();
    b.free();
    expect(m.allocatedBytes()).toBe(0);
    expect(() => a.bytes()).toThrow(/after free/);
  });
});

describe('the database and the in-place form', () => {
  let db: Cinnabar;
  let keyspace: Database;
  beforeEach(async () => {
    db = await Cinnabar.open();
    keyspace = db.engine.dbs[0];
  });
  afterEach(async () => {
    await db.close();
  });

  it('hands the bytes out only to the in-place lookups and settles back for everything else', async () => {
    await db.call('SET', 'k', 'abc');
    const v = keyspace.lookupWriteBytes('k');
    expect(v).toBeInstanceOf(ByteString);
    const b = v as ByteString;
    b.grow(4);
    b.bytes()[3] = 0x21;
    b.changed();
    keyspace.stringEdited('k');
    expect(keyspace.dict.get('k')).toBe(b);
    expect(await db.call('GET', 'k')).toBe('abc!');
    expect(typeof keyspace.dict.get('k')).toBe('string');
    expect(await db.call('OBJECT', 'ENCODING', 'k')).toBe('raw');
    expect(await db.call('TYPE', 'k')).toBe('string');
    expect(keyspace.stringRepr('k') & META_RAW).toBe(META_RAW);
  });

  it('a read in place changes nothing Redis would report', async () => {
    await db.call('SET', 'n', '12345');
    expect(keyspace.lookupReadBytes('n')).toBeInstanceOf(ByteString);
    expect(await db.call('OBJECT', 'ENCODING', 'n')).toBe('int');
    expect(await db.call('INCR', 'n')).toBe(12346);
  });

  it('frees the block when the key goes, and copies it for COPY', async () => {
    await db.call('SET', 'k', 'xyz');
    const b = keyspace.lookupWriteBytes('k') as ByteString;
    const copied = await db.call('COPY', 'k', 'k2');
    expect(copied).toBe(1);
    expect(await db.call('DEL', 'k')).toBe(1);
    expect(await db.call('GET', 'k2')).toBe('xyz');
    expect(() => b.bytes()).toThrow(/after free/); // settled by COPY's lookup, then freed
  });

  it('other types pass through the in-place lookups untouched', async () => {
    await db.call('RPUSH', 'l', 'a');
    expect(keyspace.lookupReadBytes('l')?.type).toBe('list');
    expect(keyspace.lookupWriteBytes('missing')).toBeUndefined();
  });
});
