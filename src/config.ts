// Server configuration: Redis 7.0's parameters with their names, types, defaults and validation.
// Each value is kept in the canonical text CONFIG GET shows; typed reads go through get*().
// The parameter table itself lives in config-params.ts.
import { PARAMS, type ParamDef } from './config-params.ts';
import { globMatch } from './util/glob.ts';

export type { ParamDef } from './config-params.ts';

/** A name CONFIG GET/SET accepts: a parameter's own name or one of its aliases. */
interface Entry {
  def: ParamDef;
  /** This entry's name (an alias is reported under its own name, as Redis does). */
  name: string;
}

export class Config {
  private readonly values = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Map<string, ((value: string) => void)[]>();

  constructor(overrides: Record<string, string> = {}) {
    for (const def of PARAMS) {
      this.entries.set(def.name, { def, name: def.name });
      for (const alias of def.aliases ?? []) this.entries.set(alias, { def, name: alias });
      this.values.set(def.name, def.default);
    }
    for (const [k, v] of Object.entries(overrides)) {
      const e = this.set(k, v, true);
      if (e) throw new Error(e);
    }
  }

  def(name: string): ParamDef | undefined {
    return this.entries.get(name.toLowerCase())?.def;
  }

  /** Every parameter definition once (aliases excluded). */
  allDefs(): readonly ParamDef[] {
    return PARAMS;
  }

  get(name: string): string {
    const def = this.def(name);
    if (!def) throw new Error(`unknown config parameter ${name}`);
    return this.values.get(def.name)!;
  }

  /** Parsed numbers by name as asked for, dropped when a value changes (hot paths ask often). */
  private readonly numbers = new Map<string, number>();

  getNumber(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = Number(this.get(name));
      this.numbers.set(name, n);
    }
    return n;
  }

  getBool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /**
   * Validates and stores a value; returns an error text (without the CONFIG SET framing) or
   * null. `startup` allows immutable parameters (command line and config file).
   */
  set(name: string, raw: string, startup = false): string | null {
    const def = this.def(name);
    if (!def) return `Unknown option or number of arguments for CONFIG SET - '${name}'`;
    if (!startup && def.immutable) return "can't set immutable config";
    const parsed = def.parse(raw, this.values.get(def.name)!);
    if (typeof parsed === 'object') return parsed.error;
    this.store(def, parsed);
    return null;
  }

  /**
   * CONFIG SET with any number of name/value pairs, all or nothing, checked in Redis's order:
   * unknown names, immutable or protected ones and duplicates first (the first such problem
   * is reported), then each value in turn. Returns Redis's whole error message, or null.
   */
  setMany(pairs: [name: string, value: string][], protectedAllowed: boolean): string | null {
    const entries: Entry[] = [];
    for (const [name] of pairs) {
      const entry = this.entries.get(name.toLowerCase());
      if (!entry) return `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`;
      if (entry.def.immutable || (entry.def.protected && !protectedAllowed)) {
        const why = entry.def.immutable ? "can't set immutable config" : "can't set protected config";
        return `ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`;
      }
      // The same name twice (an alias and its parameter are separate entries, as in Redis).
      if (entries.includes(entry)) return `ERR CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`;
      entries.push(entry);
    }
    // Values are parsed against the values set before them in this same command.
    const staged = new Map<ParamDef, string>();
    for (let i = 0; i < pairs.length; i++) {
      const def = entries[i].def;
      const parsed = def.parse(pairs[i][1], staged.get(def) ?? this.values.get(def.name)!);
      if (typeof parsed === 'object') return `ERR CONFIG SET failed (possibly related to argument '${entries[i].name}') - ${parsed.error}`;
      staged.set(def, parsed);
    }
    for (let i = 0; i < pairs.length; i++) {
      const e = entries[i].def.apply?.(staged.get(entries[i].def)!);
      if (e) return `ERR CONFIG SET failed (possibly related to argument '${entries[i].name}') - ${e}`;
    }
    for (const [def, value] of staged) this.store(def, value);
    return null;
  }

  /**
   * CONFIG GET: the (name, value) pairs for any number of names and glob patterns. A name
   * without glob characters is looked up as typed (hidden parameters included) and reported
   * as typed; a pattern matches the visible names, case-insensitively. Each name once.
   */
  lookup(patterns: string[]): [name: string, value: string][] {
    const out: [string, string][] = [];
    const seen = new Set<string>();
    const add = (name: string, def: ParamDef) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      out.push([name, this.values.get(def.name)!]);
    };
    for (const p of patterns) {
      if (!/[[*?]/.test(p)) {
        const entry = this.entries.get(p.toLowerCase());
        if (entry) add(p, entry.def);
        continue;
      }
      for (const [name, entry] of this.entries) {
        if (!entry.def.hidden && globMatch(p, name, true)) add(name, entry.def);
      }
    }
    return out;
  }

  private store(def: ParamDef, value: string): void {
    const changed = this.values.get(def.name) !== value;
    this.values.set(def.name, value);
    if (changed) this.numbers.clear();
    if (changed) for (const fn of this.listeners.get(def.name) ?? []) fn(value);
  }

  /** Called with the new canonical value whenever `name` changes. */
  onChange(name: string, fn: (value: string) => void): void {
    const def = this.def(name)!;
    const list = this.listeners.get(def.name) ?? [];
    list.push(fn);
    this.listeners.set(def.name, list);
  }
}
