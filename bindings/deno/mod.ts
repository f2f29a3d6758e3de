// `import { Cinnabar } from '.../bindings/deno/mod.ts'`: the engine in a Deno program, loaded
// from the TypeScript sources themselves (no build step; the WASM module is embedded in
// src/wasm/generated, which `node build/wasm.mjs` writes).
import { CinnabarCore, ReplyError, type Arg, type JsReply, type OpenOptions } from '../../src/api.ts';
import { Engine } from '../../src/engine.ts';
import { initWasm } from '../../src/wasm/index.ts';
import { denoHost } from './host.ts';

export { ReplyError, denoHost };
export type { Arg, JsReply, OpenOptions };

let wasmReady: Promise<unknown> | undefined;

export class Cinnabar extends CinnabarCore {
  /** Opens an engine in this process; its data lives as long as the process does. */
  static async open(options: OpenOptions = {}): Promise<Cinnabar> {
    await (wasmReady ??= initWasm());
    return new Cinnabar(new Engine({ ...options, host: options.host ?? denoHost() }));
  }
}
