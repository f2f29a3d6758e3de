// The bitmap family (SETBIT, BITCOUNT, BITOP, BITFIELD...): being built.
import type { CommandSpec } from './spec.ts';

export const bitmapCommands: CommandSpec[] = [];
