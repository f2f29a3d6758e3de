// The geo family (GEOADD, GEOSEARCH...): being built.
import type { CommandSpec } from './spec.ts';

export const geoCommands: CommandSpec[] = [];
