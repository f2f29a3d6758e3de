// Server configuration: Redis 7.0's parameters with their names, types, defaults and validation.
// Each value is kept in the canonical text CONFIG GET shows; typed reads go through get*().
// The parameter table itself lives in config-params.ts.
import { PARAMS, type ParamDef } from './config-params.ts';

export type { ParamDef } from './config-params.ts';

export class Config {
  private readonly values = new Map<string, string>();
  private readonly defs = new Map<string, ParamDef>();
  private readonly listeners = new Map<string, ((value: string) => void)[]>();

  constructor(overrides: Record<string, string> = {}) {
    for (const def of PARAMS) {
      this.defs.set(def.name, def);
      for (const alias of def.aliases ?? []) this.defs.set(alias, def);
      this.values.set(def.name, def.default);
    }
    for (const [k, v] of Object.entries(overrides)) {
      const e = this.set(k, v, true);
      if (e) throw new Error(e);
    }
  }

  def(name: string): ParamDef | undefined {
    return this.defs.get(name.toLowerCase());
  }

  /** Every parameter definition once (aliases excluded). */
  allDefs(): readonly ParamDef[] {
    return PARAMS;
  }

  get(name: string): string {
    const def = this.defs.get(name.toLowerCase());
    if (!def) throw new Error(`unknown config parameter ${name}`);
    return this.values.get(def.name)!;
  }

  getNumber(name: string): number {
    return Number(this.get(name));
  }

  getBool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /**
   * Validates and stores a value; returns an error text (without the CONFIG SET framing) or
   * null. `startup` allows immutable parameters (command line and config file).
   */
  set(name: string, raw: string, startup = false): string | null {
    const def = this.defs.get(name.toLowerCase());
    if (!def) return `Unknown option or number of arguments for CONFIG SET - '${name}'`;
    if (!startup && def.immutable) return "can't set immutable config";
    const parsed = def.parse(raw, this);
    if (typeof parsed === 'object') return parsed.error;
    this.values.set(def.name, parsed);
    for (const fn of this.listeners.get(def.name) ?? []) fn(parsed);
    return null;
  }

  /** Called with the new canonical value whenever `name` changes (and not at startup). */
  onChange(name: string, fn: (value: string) => void): void {
    const def = this.defs.get(name)!;
    const list = this.listeners.get(def.name) ?? [];
    list.push(fn);
    this.listeners.set(def.name, list);
  }
}
