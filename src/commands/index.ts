// The command table: every family's specs, in one list. A family is one file exporting its
// CommandSpec array; adding a family means adding it here.
import { commandCommands } from './command.ts';
import { configCommands } from './config.ts';
import { connectionCommands } from './connection.ts';
import { infoCommands } from './info.ts';
import { keyCommands } from './keys.ts';
import { serverCommands } from './server.ts';
import { stringCommands } from './strings.ts';
import { transactionCommands } from './transactions.ts';
import { scriptingCommands } from './scripting.ts';
import { hashCommands } from './hashes.ts';
import { listCommands } from './lists.ts';
import { setCommands } from './sets.ts';
import { sortedSetCommands } from './zsets.ts';
import { sortCommands } from './sort.ts';
import { bitmapCommands } from './bitmaps.ts';
import { hyperLogLogCommands } from './hyperloglog.ts';
import { geoCommands } from './geo.ts';
import { streamCommands } from './streams.ts';
import { streamGroupCommands } from './stream-groups.ts';
import type { CommandSpec } from './spec.ts';

export const ALL_COMMANDS: readonly CommandSpec[] = [
  ...connectionCommands,
  ...keyCommands,
  ...serverCommands,
  ...stringCommands,
  ...listCommands,
  ...hashCommands,
  ...setCommands,
  ...sortedSetCommands,
  ...sortCommands,
  ...bitmapCommands,
  ...hyperLogLogCommands,
  ...geoCommands,
  ...streamCommands,
  ...streamGroupCommands,
  ...transactionCommands,
  ...scriptingCommands,
  ...infoCommands,
  ...configCommands,
  ...commandCommands,
];
