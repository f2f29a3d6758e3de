// `import { Cinnabar } from 'cinnabar/browser'`: the engine in a web page, the same command layer
// as every other host. The WASM module travels inside the bundle (base64) and is compiled
// asynchronously by open(): Chrome refuses synchronous compiles of large modules on the main
// thread.
import { CinnabarCore, ReplyError, type Arg, type JsReply, type OpenOptions } from '../../src/api.ts';
import { Engine } from '../../src/engine.ts';
import { initWasm } from '../../src/wasm/index.ts';
import { browserHost } from './host.ts';

export { ReplyError, browserHost };
export type { Arg, JsReply, OpenOptions };

let wasmReady: Promise<unknown> | undefined;

export class Cinnabar extends CinnabarCore {
  /** Opens an engine in this page; its data lives as long as the page does. */
  static async open(options: OpenOptions = {}): Promise<Cinnabar> {
    await (wasmReady ??= initWasm());
    return new Cinnabar(new Engine({ ...options, host: options.host ?? browserHost() }));
  }
}
