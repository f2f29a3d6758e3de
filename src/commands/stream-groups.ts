// Stream consumer groups (XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM...): being built.
import type { CommandSpec } from './spec.ts';

export const streamGroupCommands: CommandSpec[] = [];
