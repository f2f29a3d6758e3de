// Keyspace notifications as the command families raise them: the class letter of
// notify-keyspace-events ('g' generic, '$' string, 'l' list, 's' set, 'h' hash, 'z' zset...),
// the event name and the key, in the client's database.
import type { Bin } from '../bytes.ts';
import type { Client } from '../client.ts';
import type { KeyspaceHooks } from '../keyspace/database.ts';

export function notify(c: Client, cls: string, event: string, key: Bin): void {
  (c.engine as KeyspaceHooks).notify(cls, event, key, c.db.id);
}
