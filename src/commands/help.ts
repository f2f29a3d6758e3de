// The replies every container command shares: `<CMD> HELP` (addReplyHelp) and the syntax error
// of a command that parses its own subcommands (addReplySubcommandSyntaxError).
import type { Bin } from '../bytes.ts';
import { err, SimpleString, type ErrorReply, type Reply } from '../reply.ts';

/** `<CMD> HELP`: a header, the given lines, the HELP entry; each a simple string. */
export function helpReply(command: string, lines: readonly string[]): Reply {
  const all = [`${command.toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`, ...lines, 'HELP', '    Prints this help.'];
  return all.map((l) => new SimpleString(l));
}

/** A subcommand a command does not know (or with the wrong number of arguments). */
export function subcommandSyntaxError(argv: Bin[]): ErrorReply {
  const sub = argv[1].length > 128 ? argv[1].slice(0, 128) : argv[1];
  return err(`ERR unknown subcommand or wrong number of arguments for '${sub}'. Try ${argv[0].toUpperCase()} HELP.`);
}
