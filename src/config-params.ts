// The table of Redis 7.0 configuration parameters: name, aliases, type, default, limits, and
// whether the feature behind it is in effect yet (the README lists those that are not).
import type { Config } from './config.ts';

export interface ParamDef {
  name: string;
  aliases?: string[];
  /** Canonical text of the default, as CONFIG GET shows it. */
  default: string;
  immutable?: boolean;
  /** False while the feature behind the parameter is not built: stored and reported only. */
  inEffect: boolean;
  /** Validates and canonicalizes a value: the text CONFIG GET will show, or an error. */
  parse(raw: string, config: Config): string | { error: string };
}

type Common = Pick<ParamDef, 'name' | 'aliases' | 'immutable' | 'inEffect'>;

export function boolParam(p: Common & { default: boolean }): ParamDef {
  return {
    ...p,
    default: p.default ? 'yes' : 'no',
    parse(raw) {
      const v = raw.toLowerCase();
      if (v === 'yes' || v === 'no') return v;
      return { error: "argument must be 'yes' or 'no'" };
    },
  };
}

export function intParam(p: Common & { default: number; min: number; max: number }): ParamDef {
  return {
    ...p,
    default: String(p.default),
    parse(raw) {
      if (!/^-?\d+$/.test(raw)) return { error: "argument couldn't be parsed into an integer" };
      const n = Number(raw);
      if (n < p.min || n > p.max) return { error: `argument must be between ${p.min} and ${p.max} inclusive` };
      return String(n);
    },
  };
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1024,
  m: 1000 * 1000,
  mb: 1024 * 1024,
  g: 1000 * 1000 * 1000,
  gb: 1024 * 1024 * 1024,
};

/** Redis's memtoull: a number with an optional k/kb/m/mb/g/gb unit, case-insensitive. */
export function parseMemory(raw: string): number | null {
  const m = /^(-?\d+)([a-z]*)$/i.exec(raw);
  if (!m) return null;
  const unit = UNITS[m[2].toLowerCase()];
  if (unit === undefined) return null;
  return Number(m[1]) * unit;
}

export function memoryParam(p: Common & { default: number; min: number; max: number }): ParamDef {
  return {
    ...p,
    default: String(p.default),
    parse(raw) {
      const n = parseMemory(raw);
      if (n === null) return { error: 'argument must be a memory value' };
      if (n < p.min || n > p.max) return { error: `argument must be between ${p.min} and ${p.max} inclusive` };
      return String(n);
    },
  };
}

export function enumParam(p: Common & { default: string; values: string[] }): ParamDef {
  return {
    ...p,
    parse(raw) {
      const v = raw.toLowerCase();
      if (p.values.includes(v)) return v;
      return { error: `argument(s) must be one of the following: ${p.values.join(', ')}` };
    },
  };
}

export function stringParam(p: Common & { default: string; validate?: (raw: string) => string | null }): ParamDef {
  return {
    ...p,
    parse(raw) {
      const e = p.validate?.(raw);
      return e ? { error: e } : raw;
    },
  };
}

const INT_MAX = 2147483647;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

export const PARAMS: ParamDef[] = [
  intParam({ name: 'port', default: 6379, min: 0, max: 65535, inEffect: true, immutable: false }),
  stringParam({ name: 'bind', default: '* -::*', inEffect: true }),
  boolParam({ name: 'protected-mode', default: true, inEffect: true }),
  intParam({ name: 'databases', default: 16, min: 1, max: INT_MAX, inEffect: true, immutable: true }),
  intParam({ name: 'hz', default: 10, min: 0, max: INT_MAX, inEffect: true }),
  intParam({ name: 'maxclients', default: 10000, min: 1, max: INT_MAX, inEffect: true }),
  intParam({ name: 'timeout', default: 0, min: 0, max: INT_MAX, inEffect: true }),
  memoryParam({ name: 'proto-max-bulk-len', default: 512 * 1024 * 1024, min: 1024 * 1024, max: LONG_MAX, inEffect: true }),
  memoryParam({ name: 'client-query-buffer-limit', default: 1024 * 1024 * 1024, min: 1024 * 1024, max: LONG_MAX, inEffect: true }),
  stringParam({ name: 'requirepass', default: '', inEffect: true }),
  enumParam({ name: 'enable-debug-command', default: 'no', values: ['no', 'yes', 'local'], inEffect: true, immutable: true }),
  stringParam({ name: 'dir', default: '.', inEffect: false }),
  stringParam({ name: 'save', default: '3600 1 300 100 60 10000', inEffect: false }),
  boolParam({ name: 'appendonly', default: false, inEffect: false }),
  enumParam({ name: 'loglevel', default: 'notice', values: ['debug', 'verbose', 'notice', 'warning'], inEffect: true }),
  stringParam({ name: 'logfile', default: '', inEffect: true, immutable: true }),
];
