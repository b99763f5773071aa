// PROTOCOL.md: addresses, authentication, units, cameras and indicators over HTTP.
import { describe, expect, it } from 'vitest';
import { LoginResponse } from '../../shared/protocol/auth';
import { CameraList } from '../../shared/protocol/cameras';
import { BOARDS, ErrorResponse } from '../../shared/protocol/common';
import { IndicatorList } from '../../shared/protocol/indicators';
import { Unit, UnitList } from '../../shared/protocol/units';
import { isInSubtree } from '../../shared/domain/units';
import { describeEachBackend, useHub } from '../support/backends';
import { http } from '../support/hub';

/** Every /api/v1 path other than login: each must demand a bearer token. */
const PROTECTED_PATHS = [
  '/api/v1/me',
  '/api/v1/map/risk-points',
  '/api/v1/map/rescue-teams',
  '/api/v1/units/500000',
  '/api/v1/units/500000/children',
  '/api/v1/events?since=0',
  '/api/v1/events?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z',
  `/api/v1/snapshot?at=${new Date().toISOString()}`,
  '/api/v1/cameras',
  '/api/v1/indicators',
];

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]!);
      }
    }),
  );
  return results;
}

/** Ground distance in metres (haversine). */
function distance(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Nearest first, allowing 2% for the hub's flat-earth approximation. */
function expectNearestFirst(distances: number[]): void {
  for (let i = 1; i < distances.length; i++) expect(distances[i - 1]!, `camera ${i - 1} vs ${i}`).toBeLessThanOrEqual(distances[i]! * 1.02 + 1);
}

describeEachBackend('HTTP surface', (backend) => {
  const fx = useHub(backend);

  it('answers /healthz with {"ok":true}', async () => {
    const res = await http(fx.hub.url, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  describe('login', () => {
    it('returns a token, the user with roles and the unit', async () => {
      const res = await http(fx.hub.url, '/api/v1/login', { json: { username: 'city-duty', password: 'demo' } });
      expect(res.status).toBe(200);
      const body = LoginResponse.parse(res.body);
      expect(body.user).toMatchObject({ username: 'city-duty', roles: expect.arrayContaining(['duty']) });
      expect(body.unit).toEqual({ code: '500000', level: 'city', name: '重庆市' });
      const community = LoginResponse.parse((await http(fx.hub.url, '/api/v1/login', { json: { username: 'c500103001003-duty', password: 'demo' } })).body);
      expect(community.unit).toEqual({ code: '500103001003', level: 'community', name: '华一坡社区' });
    });

    it.each([
      ['a wrong password', { username: 'city-duty', password: 'nope' }],
      ['an unknown user', { username: 'nobody', password: 'demo' }],
    ])('refuses %s with 401 and the error envelope', async (_what, credentials) => {
      const res = await http(fx.hub.url, '/api/v1/login', { json: credentials });
      expect(res.status).toBe(401);
      expect(ErrorResponse.parse(res.body).error.code).toBe('unauthorized');
    });
  });

  describe('bearer token', () => {
    it.each(PROTECTED_PATHS)('is required on %s', async (path) => {
      for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic Y2l0eS1kdXR5OmRlbW8=' }, { authorization: 'Bearer ' }]) {
        const res = await http(fx.hub.url, path, { headers });
        expect(res.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(ErrorResponse.parse(res.body).error.code).toBe('unauthorized');
      }
      const ok = await http(fx.hub.url, path, { token: await fx.token('city-duty') });
      expect(ok.status, `${path} with a good token`).toBe(200);
    });

    it('is required to POST /api/v1/commands', async () => {
      const body = { id: crypto.randomUUID(), type: 'task.accept', taskId: 'no-such-task' };
      for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer not-a-token' }]) {
        const res = await http(fx.hub.url, '/api/v1/commands', { json: body, headers });
        expect(res.status).toBe(401);
        expect(ErrorResponse.parse(res.body).error.code).toBe('unauthorized');
      }
    });
  });

  describe('units', () => {
    it('describes the city', async () => {
      const res = await http(fx.hub.url, '/api/v1/units/500000', { token: await fx.token('city-duty') });
      expect(res.status).toBe(200);
      expect(Unit.parse(res.body)).toMatchObject({ code: '500000', level: 'city', name: '重庆市', parent: null });
    });

    it('has 40 district centres, 1,031 streets and 11,270 communities below the city', async () => {
      const token = await fx.token('city-duty');
      const childrenOf = async (code: string) => {
        const res = await http(fx.hub.url, `/api/v1/units/${code}/children`, { token });
        expect(res.status, code).toBe(200);
        const units = UnitList.parse(res.body);
        for (const unit of units) expect(unit.parent).toBe(code);
        return units;
      };
      const districts = await childrenOf('500000');
      expect(districts).toHaveLength(40);
      expect(districts.every((d) => d.level === 'district')).toBe(true);
      expect(districts.map((d) => d.name)).toEqual(expect.arrayContaining(['渝中区', '两江新区', '西部科学城重庆高新区']));
      const streets = (await mapLimit(districts, 8, (d) => childrenOf(d.code))).flat();
      expect(streets).toHaveLength(1031);
      expect(streets.every((s) => s.level === 'street')).toBe(true);
      const communities = (await mapLimit(streets, 16, (s) => childrenOf(s.code))).flat();
      expect(communities).toHaveLength(11270);
      expect(communities.every((c) => c.level === 'community')).toBe(true);
    }, 30_000);

    it('goes down to grids that extend their community code', async () => {
      const res = await http(fx.hub.url, '/api/v1/units/500103001003/children', { token: await fx.token('city-duty') });
      const grids = UnitList.parse(res.body);
      expect(grids.length).toBeGreaterThan(0);
      for (const grid of grids) expect(grid).toMatchObject({ level: 'grid', parent: '500103001003', code: expect.stringMatching(/^500103001003\d{3}$/) });
    });

    it.each(['/api/v1/units/999999', '/api/v1/units/500103999999', '/api/v1/units/999999/children'])('answers 404 not_found for %s', async (path) => {
      const res = await http(fx.hub.url, path, { token: await fx.token('city-duty') });
      expect(res.status).toBe(404);
      expect(ErrorResponse.parse(res.body).error.code).toBe('not_found');
    });
  });

  describe('cameras', () => {
    it('lists cameras with an HLS master playlist URL', async () => {
      const res = await http(fx.hub.url, '/api/v1/cameras?limit=50', { token: await fx.token('city-duty') });
      expect(res.status).toBe(200);
      const cameras = CameraList.parse(res.body);
      expect(cameras.length).toBeGreaterThan(0);
      expect(cameras.length).toBeLessThanOrEqual(50);
      for (const camera of cameras) expect(() => new URL(camera.hls, fx.hub.url)).not.toThrow();
      expect(new Set(cameras.map((c) => c.id)).size).toBe(cameras.length);
    });

    it('filters by unit subtree, nearness and limit', async () => {
      const token = await fx.token('city-duty');
      const inDistrict = CameraList.parse((await http(fx.hub.url, '/api/v1/cameras?unit=500103', { token })).body);
      expect(inDistrict.length).toBeGreaterThan(0);
      for (const camera of inDistrict) expect(isInSubtree(camera.unit, '500103'), camera.unit).toBe(true);

      const limited = CameraList.parse((await http(fx.hub.url, '/api/v1/cameras?unit=500103&limit=3', { token })).body);
      expect(limited).toHaveLength(Math.min(3, inDistrict.length));

      const here: [number, number] = [106.5708, 29.5558];
      const near = CameraList.parse((await http(fx.hub.url, `/api/v1/cameras?near=${here[0]},${here[1]}&limit=5`, { token })).body);
      expect(near).toHaveLength(5);
      const distances = near.map((c) => distance(c.location, here));
      expectNearestFirst(distances);
      // No camera of the district around the point is nearer than the nearest one returned.
      const nearestInDistrict = Math.min(...inDistrict.map((c) => distance(c.location, here)));
      expect(distances[0]).toBeLessThanOrEqual(nearestInDistrict * 1.02 + 1);
    });

    it('finds cameras by part of their name or id, in any case, with unit, near and limit', async () => {
      const token = await fx.token('city-duty');
      const list = async (query: string) => {
        const res = await http(fx.hub.url, `/api/v1/cameras?${query}`, { token });
        expect(res.status, query).toBe(200);
        return CameraList.parse(res.body);
      };
      const all = await list('');
      const sample = all.find((c) => c.unit.startsWith('500103'))!;
      // a word of a real camera's name, and the same text in another case for an id
      const word = [...sample.name.replace(/\s+/g, '')].slice(0, 3).join('');
      const byName = await list(`q=${encodeURIComponent(`  ${word} `)}`);
      expect(byName.map((c) => c.id)).toContain(sample.id);
      expect(byName.every((c) => c.name.includes(word) || c.id.includes(word))).toBe(true);
      expect(byName.map((c) => c.id)).toEqual(all.filter((c) => c.name.includes(word) || c.id.includes(word)).map((c) => c.id));
      expect((await list(`q=${encodeURIComponent(sample.id.toUpperCase())}`)).map((c) => c.id)).toEqual([sample.id]);

      const inDistrict = await list(`q=${encodeURIComponent(word)}&unit=500103`);
      expect(inDistrict.length).toBeGreaterThan(0);
      expect(inDistrict.every((c) => isInSubtree(c.unit, '500103') && c.name.includes(word))).toBe(true);
      expect(await list(`q=${encodeURIComponent(word)}&unit=500103&limit=1`)).toEqual(inDistrict.slice(0, 1));

      // nearest first among the matches only: the nearest match, wherever the nearest camera is
      const here: [number, number] = [106.5708, 29.5558];
      const near = await list(`q=${encodeURIComponent(word)}&near=${here[0]},${here[1]}&limit=5`);
      expect(near.length).toBe(Math.min(5, byName.length));
      expect(near.every((c) => c.name.includes(word) || c.id.includes(word))).toBe(true);
      expectNearestFirst(near.map((c) => distance(c.location, here)));
      const nearestMatch = Math.min(...byName.map((c) => distance(c.location, here)));
      expect(distance(near[0]!.location, here)).toBeLessThanOrEqual(nearestMatch * 1.02 + 1);

      expect(await list('q=no-camera-is-called-this')).toEqual([]);
      // a district officer finds nothing outside the district, however it searches
      const district = CameraList.parse((await http(fx.hub.url, '/api/v1/cameras?q=cam-', { token: await fx.token('d500103-duty') })).body);
      expect(district.length).toBeGreaterThan(0);
      expect(district.every((c) => isInSubtree(c.unit, '500103'))).toBe(true);
    });

    it.each([
      ['empty', 'q='],
      ['only spaces', 'q=%20%20%20'],
      ['longer than 64 characters', `q=${'a'.repeat(65)}`],
      ['given twice', 'q=a&q=b'],
    ])('refuses a q that is %s with invalid naming q', async (_what, query) => {
      const res = await http(fx.hub.url, `/api/v1/cameras?${query}`, { token: await fx.token('city-duty') });
      expect(res.status).toBe(400);
      const { error } = ErrorResponse.parse(res.body);
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/^q: /);
    });

    it('serves the HLS URL as a playlist', async () => {
      const [camera] = CameraList.parse((await http(fx.hub.url, '/api/v1/cameras?unit=500103&limit=1', { token: await fx.token('city-duty') })).body);
      // Until the loop clips are encoded the hub answers 503 with Retry-After; players retry.
      let playlist = await fetch(new URL(camera!.hls, fx.hub.url));
      for (let tries = 0; playlist.status === 503 && tries < 120; tries++) {
        expect(playlist.headers.get('retry-after')).toBeTruthy();
        await new Promise((r) => setTimeout(r, 1_000));
        playlist = await fetch(new URL(camera!.hls, fx.hub.url));
      }
      expect(playlist.status).toBe(200);
      expect((await playlist.text()).startsWith('#EXTM3U')).toBe(true);
    }, 150_000);
  });

  describe('indicators', () => {
    it('lists the 1,500 vital-sign indicators, each with thresholds, across the six boards', async () => {
      const res = await http(fx.hub.url, '/api/v1/indicators', { token: await fx.token('city-duty') });
      expect(res.status).toBe(200);
      const indicators = IndicatorList.parse(res.body);
      expect(indicators).toHaveLength(1500);
      expect(new Set(indicators.map((i) => i.id)).size).toBe(1500);
      expect(new Set(indicators.map((i) => i.board))).toEqual(new Set(BOARDS));
      for (const { thresholds: t, id } of indicators) {
        // warn comes before alarm in the direction that is worse
        if (t.direction === 'above') expect(t.warn, id).toBeLessThanOrEqual(t.alarm);
        else expect(t.warn, id).toBeGreaterThanOrEqual(t.alarm);
      }
    });
  });
});
