// The seed course's order pipeline (shared/seed/redis-mastery.md, "Streams - Event Sourcing &
// Message Queues"), written as an application would with ioredis, run against cinnabar-server
// and against the real redis-server: orders XADDed to a stream, one consumer group per service
// (payment, inventory, shipping), workers reading with XREADGROUP (blocking for new orders) and
// acknowledging with XACK, a worker that dies with orders in hand, found with XPENDING and taken
// over with XCLAIM. Entry IDs come from the clock (`*`), so results name orders, not IDs. Both
// servers must give the same results, and the results a user of the recipe expects.
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { recipeServers } from '../support/recipes.ts';

const { sameOnBoth } = recipeServers();

type StreamEntries = [id: string, fields: string[]][];
type ReadReply = [key: string, entries: StreamEntries][] | null;

/** The field values of an entry by name. */
function fieldsOf(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 2) out[fields[i]] = fields[i + 1];
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the seed stream recipes with ioredis', () => {
  it('order pipeline: one group per service, workers XREADGROUP and XACK, a dead worker\'s orders found with XPENDING and XCLAIMed', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const shop = open();
      const placeOrder = (orderId: number, customerId: number, items: { id: number; qty: number }[]) =>
        shop.xadd('orders', '*', 'order_id', String(orderId), 'customer_id', String(customerId), 'status', 'pending', 'items', JSON.stringify(items));

      const orderIdOf = new Map<string, string>();
      for (let i = 0; i < 6; i++) {
        const id = (await placeOrder(12345 + i, 678 + (i % 3), [{ id: 1 + i, qty: 2 }]))!;
        orderIdOf.set(id, String(12345 + i));
      }
      const services = ['payment_processor', 'inventory_manager', 'shipping_handler'];
      for (const group of services) await shop.xgroup('CREATE', 'orders', group, '0');

      // A worker of a service: reads a batch, handles it, acknowledges what it finished.
      const log: string[] = [];
      const work = async (r: Redis, group: string, worker: string, count: number, ack: boolean) => {
        const reply = (await r.xreadgroup('GROUP', group, worker, 'COUNT', count, 'STREAMS', 'orders', '>')) as ReadReply;
        const entries = reply?.[0][1] ?? [];
        for (const [id, fields] of entries) {
          log.push(`${group}/${worker} took ${fieldsOf(fields).order_id}`);
          if (ack) await r.xack('orders', group, id);
        }
        return entries.map(([id]) => orderIdOf.get(id));
      };

      const payments = open();
      await work(payments, 'payment_processor', 'worker1', 5, true);
      await work(payments, 'payment_processor', 'worker2', 5, true);
      const inventory = open();
      await work(inventory, 'inventory_manager', 'worker1', 2, true);
      // This worker dies: its two orders stay pending.
      const lost = await work(inventory, 'inventory_manager', 'worker2', 2, false);
      const shipping = open();
      await work(shipping, 'shipping_handler', 'worker1', 10, true);

      const pendingSummary = (await inventory.xpending('orders', 'inventory_manager')) as [number, string, string, [string, string][]];
      const pendingCount = pendingSummary[0];
      const pendingOwners = pendingSummary[3];
      const pendingDetail = (await inventory.xpending('orders', 'inventory_manager', '-', '+', 10, 'worker2')) as [string, string, number, number][];

      // worker3 takes over what has been pending for a while (the course uses an hour; 200 ms here).
      await sleep(250);
      const stale = pendingDetail.map(([id]) => id);
      const claimed = (await inventory.xclaim('orders', 'inventory_manager', 'worker3', 200, ...stale)) as StreamEntries;
      const claimedOrders = claimed.map(([, fields]) => fieldsOf(fields).order_id);
      const afterClaim = (await inventory.xpending('orders', 'inventory_manager', '-', '+', 10)) as [string, string, number, number][];
      for (const [id] of claimed) await inventory.xack('orders', 'inventory_manager', id);
      const rest = await work(inventory, 'inventory_manager', 'worker3', 10, true);

      // A payment worker blocks for the next order; the shop places it.
      const waiter = open();
      const blocked = waiter.xreadgroup('GROUP', 'payment_processor', 'worker1', 'BLOCK', 5000, 'STREAMS', 'orders', '>') as Promise<ReadReply>;
      await sleep(100);
      const lateId = (await placeOrder(99999, 1, [{ id: 42, qty: 1 }]))!;
      orderIdOf.set(lateId, '99999');
      const woken = (await blocked)!;
      const wokenOrders = woken[0][1].map(([, fields]) => fieldsOf(fields).order_id);
      await waiter.xack('orders', 'payment_processor', woken[0][1][0][0]);

      const groups = ((await shop.xinfo('GROUPS', 'orders')) as (string | number | null)[][]).map((g) => {
        const info: Record<string, string | number | null> = {};
        for (let i = 0; i < g.length; i += 2) info[String(g[i])] = g[i + 1];
        return { name: info.name, consumers: info.consumers, pending: info.pending, entriesRead: info['entries-read'], lag: info.lag };
      });
      return {
        log,
        lost,
        pendingCount,
        pendingOwners,
        pendingDeliveries: pendingDetail.map(([id, consumer, , deliveries]) => [orderIdOf.get(id), consumer, deliveries]),
        claimedOrders,
        afterClaim: afterClaim.map(([id, consumer, , deliveries]) => [orderIdOf.get(id), consumer, deliveries]),
        rest,
        wokenOrders,
        groups,
      };
    });
    expect(result.lost).toEqual(['12347', '12348']);
    expect(result.pendingCount).toBe(2);
    expect(result.pendingOwners).toEqual([['worker2', '2']]);
    expect(result.claimedOrders).toEqual(['12347', '12348']);
    expect(result.afterClaim).toEqual([
      ['12347', 'worker3', 2],
      ['12348', 'worker3', 2],
    ]);
    expect(result.rest).toEqual(['12349', '12350']);
    expect(result.wokenOrders).toEqual(['99999']);
    expect(result.groups).toEqual([
      { name: 'inventory_manager', consumers: 3, pending: 0, entriesRead: 6, lag: 1 },
      { name: 'payment_processor', consumers: 2, pending: 0, entriesRead: 7, lag: 0 },
      { name: 'shipping_handler', consumers: 1, pending: 0, entriesRead: 6, lag: 1 },
    ]);
  });

  it('task queue: workers share a group with COUNT 5, XPENDING per consumer, XAUTOCLAIM sweeps a dead worker\'s tasks', async () => {
    const result = await sameOnBoth(async (_db, open) => {
      const r = open();
      for (let i = 1; i <= 12; i++) await r.xadd('tasks', `${i}-0`, 'task', `t${i}`);
      await r.xgroup('CREATE', 'tasks', 'processors', '0');
      const one = (await r.xreadgroup('GROUP', 'processors', 'worker1', 'COUNT', 5, 'STREAMS', 'tasks', '>')) as ReadReply;
      const two = (await r.xreadgroup('GROUP', 'processors', 'worker2', 'COUNT', 5, 'STREAMS', 'tasks', '>')) as ReadReply;
      for (const [id] of one![0][1]) await r.xack('tasks', 'processors', id);
      const perConsumer = await r.xpending('tasks', 'processors');
      await sleep(150);
      const swept = await r.xautoclaim('tasks', 'processors', 'worker3', 100, '0-0', 'COUNT', 3, 'JUSTID');
      const sweptRest = await r.xautoclaim('tasks', 'processors', 'worker3', 100, (swept as string[])[0], 'COUNT', 3, 'JUSTID');
      return { two: two![0][1].map(([id]) => id), perConsumer, swept, sweptRest };
    });
    expect(result.two).toEqual(['6-0', '7-0', '8-0', '9-0', '10-0']);
    expect(result.perConsumer).toEqual([5, '6-0', '10-0', [['worker2', '5']]]);
    expect(result.swept).toEqual(['9-0', ['6-0', '7-0', '8-0'], []]);
    expect(result.sweptRest).toEqual(['0-0', ['9-0', '10-0'], []]);
  });
});
