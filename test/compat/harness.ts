// The differential harness: the same command sequences against a real redis-server (the
// oracle) and against Cinnabar, replies compared on type and bytes.
//
//   const h = await Compat.start();
//   await h.check(['SET', 'k', 'v']);                 // one command on both, must match
//   await h.sequences('strings', 200, genStrings);    // seeded random sequences
//   await h.stop();
//
// A failure names the seed, the step, the command and both replies; rerun one seed with
// COMPAT_SEED=<seed>.
import { Cinnabar, type Listener } from '../../bindings/node/index.ts';
import { startRedis, type RealRedis } from '../support/redis-server.ts';
import { RespClient, show, type Arg, type RespValue } from '../support/resp-client.ts';
import { seededRandom } from '../support/seeded-random.ts';

/** How two replies are compared. */
export type Comparison =
  | 'exact'
  /** An array whose order Redis leaves undefined (SMEMBERS, KEYS): compared as a multiset. */
  | 'unordered'
  /** An array of field/value pairs in undefined order (HGETALL). */
  | 'pairs'
  /** Only the reply type must match (values that depend on time or randomness). */
  | 'type'
  /** A custom check: null when acceptable, else what differs. */
  | ((redis: RespValue, cinnabar: RespValue) => string | null);

export interface Step {
  args: Arg[];
  compare?: Comparison;
  /** Which connection of the sequence sends it (0 by default): for multi-client sequences. */
  client?: number;
  /** Sleep this many ms before the step (expiry). */
  sleepBefore?: number;
}

export type Generator = (rng: Rng) => Step[];

/** Small seeded PRNG (mulberry32), so any failing sequence can be replayed from its seed. */
export class Rng {
  /** Uniform in [0, 1): the same sequence per seed as ever. */
  readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = seededRandom(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A keyword as clients may spell it: as given, lower case, or capitalized. */
  caseOf(word: string): string {
    const r = this.next();
    if (r < 0.6) return word;
    if (r < 0.8) return word.toLowerCase();
    return word.charAt(0) + word.slice(1).toLowerCase();
  }
}

/** A bulk reply's bytes as a latin1 string; any other reply as show() prints it. */
export function replyText(r: RespValue): string {
  return r.t === '$' && r.v !== null ? r.v.toString('latin1') : show(r);
}

export interface Pair {
  redis: RespClient;
  cinnabar: RespClient;
}

function sortKey(r: RespValue): string {
  return show(r);
}

function normalize(r: RespValue, how: Comparison): RespValue {
  if (how === 'unordered' && (r.t === '*' || r.t === '~') && r.v) {
    return { t: r.t, v: [...r.v].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)) };
  }
  if (how === 'pairs' && r.t === '*' && r.v) {
    const pairs: RespValue[][] = [];
    for (let i = 0; i < r.v.length; i += 2) pairs.push([r.v[i], r.v[i + 1]]);
    pairs.sort((a, b) => (sortKey(a[0]) < sortKey(b[0]) ? -1 : 1));
    return { t: '*', v: pairs.flat() };
  }
  return r;
}

/** null when the two replies agree under `how`, else a description of the difference. */
export function compareReplies(redis: RespValue, cinnabar: RespValue, how: Comparison = 'exact'): string | null {
  if (typeof how === 'function') return how(redis, cinnabar);
  if (how === 'type') return redis.t === cinnabar.t ? null : `type ${redis.t} vs ${cinnabar.t}`;
  const a = show(normalize(redis, how));
  const b = show(normalize(cinnabar, how));
  return a === b ? null : `redis:    ${a}\ncinnabar: ${b}`;
}

export interface CompatOptions {
  /** Extra redis-server arguments and the matching Cinnabar config. */
  config?: Record<string, string>;
}

export class Compat {
  private constructor(
    private readonly real: RealRedis,
    readonly db: Cinnabar,
    private readonly listener: Listener,
    private readonly open: RespClient[],
  ) {}

  static async start(opts: CompatOptions = {}): Promise<Compat> {
    const config = { 'enable-debug-command': 'yes', ...opts.config };
    const args = Object.entries(config).flatMap(([k, v]) => [`--${k}`, v]);
    const real = await startRedis(args);
    const db = await Cinnabar.open({ config });
    const listener = await db.listen({ port: 0 });
    return new Compat(real, db, listener, []);
  }

  get redisPort(): number {
    return this.real.port;
  }

  get cinnabarPort(): number {
    return this.listener.port;
  }

  /** A new connection to each server. */
  async pair(): Promise<Pair> {
    const [redis, cinnabar] = await Promise.all([RespClient.connect(this.real.port), RespClient.connect(this.listener.port)]);
    this.open.push(redis, cinnabar);
    return { redis, cinnabar };
  }

  private defaultPair: Pair | null = null;

  /** Runs one command on both servers (on a shared default connection unless `pair` is given). */
  async check(args: Arg[], compare: Comparison = 'exact', pair?: Pair): Promise<RespValue> {
    const p = pair ?? (this.defaultPair ??= await this.pair());
    const [r, c] = await Promise.all([p.redis.call(...args), p.cinnabar.call(...args)]);
    const diff = compareReplies(r, c, compare);
    if (diff) throw new Error(`mismatch on ${fmt(args)}\n${diff}`);
    return r;
  }

  /** check() for each command in turn. */
  async checkAll(commands: Arg[][], compare: Comparison = 'exact', pair?: Pair): Promise<void> {
    for (const args of commands) await this.check(args, compare, pair);
  }

  /** Empties both servers (FLUSHALL on the default connection). */
  async reset(): Promise<void> {
    await this.check(['FLUSHALL']);
  }

  /**
   * Runs `count` random sequences from `gen`, each on fresh connections after FLUSHALL, and
   * throws on the first mismatch with its seed. COMPAT_SEED reruns a single seed.
   */
  async sequences(family: string, count: number, gen: Generator, clients = 1): Promise<void> {
    const only = process.env.COMPAT_SEED;
    const base = hashString(family) ^ (Number(process.env.COMPAT_BASE_SEED ?? 0) >>> 0);
    const seeds = only ? [Number(only)] : Array.from({ length: count }, (_, i) => (base + i * 2654435761) >>> 0);
    for (const seed of seeds) await this.sequence(family, seed, gen, clients);
  }

  async sequence(family: string, seed: number, gen: Generator, clients = 1): Promise<void> {
    await this.reset();
    const steps = gen(new Rng(seed));
    const pairs: Pair[] = [];
    for (let i = 0; i < clients; i++) pairs.push(await this.pair());
    try {
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        if (step.sleepBefore) await new Promise((r) => setTimeout(r, step.sleepBefore));
        const p = pairs[step.client ?? 0];
        const [r, c] = await Promise.all([p.redis.call(...step.args), p.cinnabar.call(...step.args)]);
        const diff = compareReplies(r, c, step.compare);
        if (diff) {
          const history = steps
            .slice(Math.max(0, i - 15), i + 1)
            .map((s, j) => `  ${Math.max(0, i - 15) + j}: [c${s.client ?? 0}] ${fmt(s.args)}`)
            .join('\n');
          throw new Error(`compat mismatch: family=${family} seed=${seed} step=${i} (rerun: COMPAT_SEED=${seed})\n${history}\n${diff}`);
        }
      }
    } finally {
      for (const p of pairs) {
        p.redis.close();
        p.cinnabar.close();
      }
    }
  }

  async stop(): Promise<void> {
    for (const c of this.open) c.close();
    await this.listener.close();
    await this.db.close();
    await this.real.stop();
  }
}

function fmt(args: Arg[]): string {
  return args.map((a) => JSON.stringify(Buffer.isBuffer(a) ? a.toString('latin1') : String(a))).join(' ');
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
