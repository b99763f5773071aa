import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { WallBridge } from '../../shared/view/bridge';
import type { HubQuery } from '../../shared/view/viewChannel';
import { parseAtEdge } from '../../shared/validation';
import { useBridge } from '../bridge/BridgeContext';

/*
 * The scene's catalog reads (areas, buildings, cameras, risk points, teams), through main's
 * `hub:query`, validated, and kept per window for a while: going back up a drill-down is
 * instant, and a catalog changed at the hub (buildings imported, cameras added) shows within
 * KEEP_MS. A failure is not kept, so the next ask tries again.
 */

export const KEEP_MS = 10 * 60_000;

const answers = new WeakMap<WallBridge, Map<string, { answer: Promise<unknown>; at: number }>>();

export function queryOnce<T>(bridge: WallBridge, query: HubQuery, schema: z.ZodType<T>, now: number = Date.now()): Promise<T> {
  let cache = answers.get(bridge);
  if (!cache) answers.set(bridge, (cache = new Map()));
  const key = JSON.stringify(query);
  const known = cache.get(key);
  if (known && now - known.at < KEEP_MS) return known.answer as Promise<T>;
  const asked = bridge.query(query).then((raw) => {
    const parsed = parseAtEdge(schema, raw);
    if (!parsed.ok) throw new Error(`${query.kind}: rejected ${parsed.message}`);
    return parsed.value;
  });
  const entry = { answer: asked, at: now };
  cache.set(key, entry);
  asked.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return asked;
}

export type QueryResult<T> = { key: string; status: 'loading' } | { key: string; status: 'ready'; value: T } | { key: string; status: 'failed'; error: string };

/** The answer to `query` (null: ask nothing), re-asked when the query changes. */
export function useHubQuery<T>(query: HubQuery | null, schema: z.ZodType<T>): QueryResult<T> | null {
  const bridge = useBridge();
  const key = query ? JSON.stringify(query) : '';
  const [result, setResult] = useState<QueryResult<T> | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    setResult({ key, status: 'loading' });
    queryOnce(bridge, JSON.parse(key) as HubQuery, schema).then(
      (value) => live && setResult({ key, status: 'ready', value }),
      (error: unknown) => live && setResult({ key, status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [bridge, key, schema]);
  return result && result.key === key ? result : key ? { key, status: 'loading' } : null;
}
