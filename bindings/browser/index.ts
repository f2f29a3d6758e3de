// `import { Cinnabar } from 'cinnabar/browser'`: the engine in a web page.
import { CinnabarCore, ReplyError, type Arg, type JsReply, type OpenOptions } from '../../src/api.ts';
import { Engine } from '../../src/engine.ts';
import { genericHost } from '../../src/host.ts';

export { ReplyError };
export type { Arg, JsReply, OpenOptions };

export class Cinnabar extends CinnabarCore {
  static async open(options: OpenOptions = {}): Promise<Cinnabar> {
    return new Cinnabar(new Engine({ ...options, host: options.host ?? genericHost() }));
  }
}
