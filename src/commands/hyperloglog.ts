// The HyperLogLog family (PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST): being built.
import type { CommandSpec } from './spec.ts';

export const hyperLogLogCommands: CommandSpec[] = [];
