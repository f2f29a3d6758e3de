// The seed course's geospatial recipes (shared/seed/redis-mastery.md, "Geospatial"), written as an
// application would with ioredis, run against cinnabar-server and against the real redis-server:
// both must give the same results, and the results a user of the recipe expects.
import { describe, expect, it } from 'vitest';
import { recipeServers } from '../support/recipes.ts';

const { sameOnBoth } = recipeServers();

describe('the seed geospatial recipes with ioredis', () => {
  it('cities: GEOADD, GEODIST in km and mi, GEORADIUS WITHDIST WITHCOORD, GEORADIUSBYMEMBER, GEOPOS, GEOHASH', async () => {
    const r = await sameOnBoth(async (db) => {
      const added = [
        await db.geoadd('cities', -122.4194, 37.7749, 'San Francisco', -74.0059, 40.7128, 'New York'),
        await db.geoadd('cities', -0.1276, 51.5074, 'London', 2.3522, 48.8566, 'Paris'),
      ];
      return {
        added,
        sfToNy: await db.geodist('cities', 'San Francisco', 'New York', 'KM'),
        londonToParis: await db.geodist('cities', 'London', 'Paris', 'MI'),
        nearSf: await db.georadius('cities', -122.4194, 37.7749, 1000, 'km', 'WITHDIST', 'WITHCOORD'),
        nearLondon: await db.georadiusbymember('cities', 'London', 500, 'km'),
        pos: await db.geopos('cities', 'San Francisco', 'London'),
        hash: await db.geohash('cities', 'New York'),
      };
    });
    expect(r.added).toEqual([2, 2]);
    expect(r.sfToNy).toBe('4130.2597');
    expect(Number(r.londonToParis)).toBeCloseTo(213.5, 0);
    expect(r.nearSf).toEqual([['San Francisco', '0.0001', [expect.any(String), expect.any(String)]]]);
    // Without ASC the order is the geohash boxes' scan order, as Redis has it.
    expect(r.nearLondon).toEqual(['London', 'Paris']);
    expect(Number(r.pos[0]![0])).toBeCloseTo(-122.4194, 4);
    expect(r.hash).toEqual(['dr5regw91x0']);
  });

  it('restaurant finder: the nearest first, with their distance, within a radius', async () => {
    const r = await sameOnBoth(async (db) => {
      await db.geoadd('restaurants', -122.4194, 37.7749, 'Pizza Place', -122.4094, 37.7849, 'Burger Joint');
      await db.geoadd('restaurants', -122.4, 37.79, 'Taqueria', -122.2711, 37.8044, 'Oakland Diner', -122.4144, 37.7802, 'Noodle Bar');
      // The seed's GEORADIUS, then the same question as GEOSEARCH: nearest first, at most 3.
      const legacy = await db.georadius('restaurants', -122.4144, 37.7799, 1, 'km', 'WITHDIST');
      const nearest = await db.geosearch('restaurants', 'FROMLONLAT', -122.4144, 37.7799, 'BYRADIUS', 2, 'km', 'WITHDIST', 'ASC', 'COUNT', 3);
      const farthestFirst = await db.geosearch('restaurants', 'FROMLONLAT', -122.4144, 37.7799, 'BYRADIUS', 20, 'km', 'DESC');
      const scores = await db.zrange('restaurants', 0, -1, 'WITHSCORES');
      return { legacy, nearest, farthestFirst, scores };
    });
    expect(r.nearest).toEqual([
      ['Noodle Bar', '0.0334'],
      ['Burger Joint', '0.7087'],
      ['Pizza Place', '0.7090'],
    ]);
    expect(r.farthestFirst[0]).toBe('Oakland Diner');
    expect(r.scores.length).toBe(10);
  });

  it('delivery drivers: who is near a driver, within a box, how far, where', async () => {
    const r = await sameOnBoth(async (db) => {
      await db.geoadd('drivers', 2.3522, 48.8566, 'driver:123', 2.3622, 48.8666, 'driver:456');
      await db.geoadd('drivers', 2.2945, 48.8584, 'driver:789', 2.4, 48.9, 'driver:999');
      // A driver moves: GEOADD XX CH updates the position and counts it.
      const moved = await db.geoadd('drivers', 'XX', 'CH', 2.3533, 48.8570, 'driver:123');
      return {
        moved,
        seed: await db.georadiusbymember('drivers', 'driver:123', 5, 'km'),
        nearby: await db.geosearch('drivers', 'FROMMEMBER', 'driver:123', 'BYRADIUS', 5, 'km', 'WITHDIST', 'ASC'),
        inBox: await db.geosearch('drivers', 'FROMMEMBER', 'driver:123', 'BYBOX', 6, 4, 'km', 'ASC'),
        dist: await db.geodist('drivers', 'driver:123', 'driver:456', 'M'),
        pos: await db.geopos('drivers', 'driver:456', 'driver:000'),
        stored: await db.geosearchstore('drivers:near', 'drivers', 'FROMMEMBER', 'driver:123', 'BYRADIUS', 5, 'km', 'STOREDIST'),
        storedDistances: await db.zrange('drivers:near', 0, -1),
      };
    });
    expect(r.moved).toBe(1);
    expect(r.nearby.map((x) => (x as string[])[0])).toEqual(['driver:123', 'driver:456', 'driver:789']);
    // 6 km wide, 4 km high: driver:789 (4.3 km west) is outside the box.
    expect(r.inBox).toEqual(['driver:123', 'driver:456']);
    expect(Number(r.dist)).toBeGreaterThan(1200);
    expect(Number(r.dist)).toBeLessThan(1400);
    expect(r.pos[1]).toBeNull();
    expect(r.stored).toBe(3);
    expect(r.storedDistances).toEqual(['driver:123', 'driver:456', 'driver:789']);
  });

  it('store locator: GEORADIUS WITHCOORD around coordinates', async () => {
    const r = await sameOnBoth(async (db) => {
      await db.geoadd('stores', -74.0059, 40.7128, 'store:nyc', -118.2437, 34.0522, 'store:la');
      return db.georadius('stores', -74.0, 40.7, 50, 'km', 'WITHCOORD');
    });
    expect(r).toEqual([['store:nyc', ['-74.00589913129806519', '40.71279898695150479']]]);
  });
});
