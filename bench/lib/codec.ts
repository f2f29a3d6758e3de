// The byte codec a micro benchmark runs with: Node's native latin1 one, as cinnabar-server
// uses (installed by importing the Node host), or with --js-codec the plain JS one that the
// browser and Deno builds use.
import { jsCodec, setByteCodec } from '../../src/bytes.ts';
import '../../bindings/node/host.ts';

/** Applies --js-codec if given; returns which codec is in use. */
export function chooseByteCodec(argv: readonly string[] = process.argv): 'node' | 'js' {
  if (!argv.includes('--js-codec')) return 'node';
  setByteCodec(jsCodec);
  return 'js';
}
