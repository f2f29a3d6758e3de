import type { CommandSpec } from './spec.ts';

export const scriptingCommands: CommandSpec[] = [];
