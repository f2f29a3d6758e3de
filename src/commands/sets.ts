// Set commands (Redis 7.0). Being built; see issue 3.
import type { CommandSpec } from './spec.ts';

export const setCommands: CommandSpec[] = [];
