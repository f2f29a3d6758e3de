// `import { Cinnabar } from 'cinnabar'`: the engine in this Node process, with an optional real
// RESP server over the same data.
import { CinnabarCore, ReplyError, type Arg, type JsReply, type OpenOptions } from '../../src/api.ts';
import { Engine } from '../../src/engine.ts';
import { RespServer, type ListenOptions } from '../../server/resp-server.ts';
import { nodeHost } from './host.ts';

export { ReplyError };
export type { Arg, JsReply, OpenOptions };

export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

export class Cinnabar extends CinnabarCore {
  private readonly servers = new Set<RespServer>();

  /** Opens an engine in this process. No socket is opened until listen(). */
  static async open(options: OpenOptions = {}): Promise<Cinnabar> {
    return new Cinnabar(new Engine({ ...options, host: options.host ?? nodeHost() }));
  }

  /** A RESP server over this engine's data: `port: 0` picks a free port. Binds loopback by default. */
  async listen(opts: Partial<ListenOptions> = {}): Promise<Listener> {
    const server = new RespServer(this.engine);
    const { port } = await server.listen({ port: opts.port ?? 0, bind: opts.bind ?? ['127.0.0.1'] });
    this.servers.add(server);
    return {
      port,
      close: async () => {
        this.servers.delete(server);
        await server.close();
      },
    };
  }

  override async close(): Promise<void> {
    await Promise.all([...this.servers].map((s) => s.close()));
    this.servers.clear();
    await super.close();
  }
}
