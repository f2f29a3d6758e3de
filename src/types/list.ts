// The list type: a growable circular buffer of binary strings. Pushes and pops at either end
// are O(1) amortized, index access is O(1) (Redis's quicklist walks nodes for it), and a range
// is a straight copy, which is what LRANGE, LINDEX, LSET and the pops need. Redis 7.0 reports
// every list as a quicklist, whatever its size.
import type { Bin } from '../bytes.ts';
import type { RedisObject } from './value.ts';

/** The smallest buffer; capacities are powers of two so that wrapping is a mask. */
const MIN_CAPACITY = 8;

export class ListValue implements RedisObject {
  readonly type = 'list' as const;
  /** Slots [head, head + size) modulo the capacity hold the elements, head first. */
  private items: Bin[];
  private mask: number;
  private head = 0;
  private size = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.items = new Array<Bin>(cap).fill('');
    this.mask = cap - 1;
  }

  /** A list holding `elements` in order. */
  static from(elements: readonly Bin[]): ListValue {
    const list = new ListValue(elements.length);
    for (let i = 0; i < elements.length; i++) list.items[i] = elements[i];
    list.size = elements.length;
    return list;
  }

  encoding(): string {
    return 'quicklist';
  }

  clone(): ListValue {
    return ListValue.from(this.range(0, this.size - 1));
  }

  get length(): number {
    return this.size;
  }

  pushHead(value: Bin): void {
    if (this.size === this.items.length) this.resize(this.items.length * 2);
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = value;
    this.size++;
  }

  pushTail(value: Bin): void {
    if (this.size === this.items.length) this.resize(this.items.length * 2);
    this.items[(this.head + this.size) & this.mask] = value;
    this.size++;
  }

  /** Removes and returns the first element; the list must not be empty. */
  popHead(): Bin {
    const v = this.items[this.head];
    this.items[this.head] = '';
    this.head = (this.head + 1) & this.mask;
    this.size--;
    this.maybeShrink();
    return v;
  }

  /** Removes and returns the last element; the list must not be empty. */
  popTail(): Bin {
    const slot = (this.head + this.size - 1) & this.mask;
    const v = this.items[slot];
    this.items[slot] = '';
    this.size--;
    this.maybeShrink();
    return v;
  }

  /** The element at a 0-based index from the head; the index must be in range. */
  at(index: number): Bin {
    return this.items[(this.head + index) & this.mask];
  }

  /** Replaces the element at a 0-based index; the index must be in range. */
  set(index: number, value: Bin): void {
    this.items[(this.head + index) & this.mask] = value;
  }

  /** Elements start..end inclusive (both in range, start <= end + 1), head to tail. */
  range(start: number, end: number): Bin[] {
    const n = end - start + 1;
    const out = new Array<Bin>(n);
    const items = this.items;
    const mask = this.mask;
    const slot = this.head + start;
    for (let i = 0; i < n; i++) out[i] = items[(slot + i) & mask];
    return out;
  }

  /** Elements end..start inclusive, tail to head: the order RPOP with a count replies in. */
  rangeReversed(start: number, end: number): Bin[] {
    const n = end - start + 1;
    const out = new Array<Bin>(n);
    for (let i = 0; i < n; i++) out[i] = this.items[(this.head + end - i) & this.mask];
    return out;
  }

  /** Drops `front` elements from the head and `back` from the tail (LTRIM, counted pops). */
  trim(front: number, back: number): void {
    if (front + back >= this.size) {
      this.items = new Array<Bin>(MIN_CAPACITY).fill('');
      this.mask = MIN_CAPACITY - 1;
      this.head = 0;
      this.size = 0;
      return;
    }
    for (let i = 0; i < front; i++) this.items[(this.head + i) & this.mask] = '';
    for (let i = 1; i <= back; i++) this.items[(this.head + this.size - i) & this.mask] = '';
    this.head = (this.head + front) & this.mask;
    this.size -= front + back;
    this.maybeShrink();
  }

  /** Inserts `value` so that it ends up at `index` (0..length), moving the shorter side. */
  insert(index: number, value: Bin): void {
    if (this.size === this.items.length) this.resize(this.items.length * 2);
    const items = this.items;
    const mask = this.mask;
    if (index < this.size - index) {
      // Shift the first `index` elements one slot towards the head.
      this.head = (this.head - 1) & mask;
      for (let i = 0; i < index; i++) items[(this.head + i) & mask] = items[(this.head + i + 1) & mask];
    } else {
      for (let i = this.size; i > index; i--) items[(this.head + i) & mask] = items[(this.head + i - 1) & mask];
    }
    items[(this.head + index) & mask] = value;
    this.size++;
  }

  /** The index of the first element equal to `value` from the head, or -1. */
  indexOf(value: Bin): number {
    for (let i = 0; i < this.size; i++) if (this.items[(this.head + i) & this.mask] === value) return i;
    return -1;
  }

  /**
   * Removes up to `limit` elements equal to `value` (every one when limit is 0), scanning from
   * the head, or from the tail when `fromTail`. Returns how many went.
   */
  remove(value: Bin, limit: number, fromTail: boolean): number {
    let budget = limit === 0 ? Infinity : limit;
    const kept: Bin[] = [];
    for (let k = 0; k < this.size; k++) {
      const v = this.at(fromTail ? this.size - 1 - k : k);
      if (budget > 0 && v === value) budget--;
      else kept.push(v);
    }
    const removed = this.size - kept.length;
    if (removed === 0) return 0;
    if (fromTail) kept.reverse();
    this.items.fill('');
    this.head = 0;
    this.size = kept.length;
    for (let i = 0; i < kept.length; i++) this.items[i] = kept[i];
    this.maybeShrink();
    return removed;
  }

  /** Halves the buffer (as often as it takes) while it is less than a quarter full. */
  private maybeShrink(): void {
    let cap = this.items.length;
    if (cap === MIN_CAPACITY || this.size >= cap / 4) return;
    while (cap > MIN_CAPACITY && this.size < cap / 4) cap /= 2;
    this.resize(cap);
  }

  /** Moves the elements to a new buffer of `cap` slots (a power of two >= size), head at 0. */
  private resize(cap: number): void {
    const next = new Array<Bin>(cap).fill('');
    for (let i = 0; i < this.size; i++) next[i] = this.items[(this.head + i) & this.mask];
    this.items = next;
    this.mask = cap - 1;
    this.head = 0;
  }
}
