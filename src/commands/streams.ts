// The stream family (XADD, XRANGE, XREAD...): being built.
import type { CommandSpec } from './spec.ts';

export const streamCommands: CommandSpec[] = [];
