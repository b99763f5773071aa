import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraList, type Camera } from '../../shared/protocol/cameras';
import { UnitList, type Unit } from '../../shared/protocol/units';
import type { HubQuery } from '../../shared/view/viewChannel';
import { parseAtEdge } from '../../shared/validation';
import { useBridge } from '../bridge/BridgeContext';
import { Panel } from '../components/Panel';
import { lookUpUnitNames } from '../stores/connectUnitNames';
import { selectSession, useLatestIncidents, useUnitName } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { distanceMetres, parseLngLat } from './geo';
import { usePickable } from './pickable';

/** Results shown per search: enough to choose from, few enough to scan. */
export const SEARCH_LIMIT = 50;
const TYPED_POINT = 'typed';

interface Found {
  cameras: Camera[];
  /** The point searched near, when there was one: the list then shows distances. */
  near?: [number, number];
}

/** What the search form holds; `buildCameraQuery` turns it into the hub query. */
export interface CameraSearchForm {
  name: string;
  district: string;
  street: string;
  /** '' (anywhere), an incident id, or `typed`. */
  near: string;
  typedPoint: string;
}

/**
 * The hub query for a filled form: name (`q`), the narrowest unit picked, and the point to sort
 * by distance from (an incident's location, or a typed "lng,lat"). An unreadable typed point
 * is an error, not a silent "anywhere".
 */
export function buildCameraQuery(form: CameraSearchForm, incidentLocation: (id: string) => [number, number] | undefined): { ok: true; query: Extract<HubQuery, { kind: 'cameras' }>; near?: [number, number] } | { ok: false } {
  let near: [number, number] | undefined;
  if (form.near === TYPED_POINT) {
    const point = parseLngLat(form.typedPoint);
    if (!point) return { ok: false };
    near = point;
  } else if (form.near !== '') {
    near = incidentLocation(form.near);
  }
  const unit = form.street || form.district || undefined;
  const name = form.name.trim();
  return {
    ok: true,
    query: { kind: 'cameras', limit: SEARCH_LIMIT, ...(name ? { q: name.slice(0, 64) } : {}), ...(unit ? { unit } : {}), ...(near ? { near } : {}) },
    ...(near ? { near } : {}),
  };
}

/** Cameras by name, by unit (district, then street), or nearest a point; each result can be dragged or picked onto a camera slot. */
export function CameraSearch() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const session = useWallStore(selectSession);
  const incidents = useLatestIncidents({ limit: 30 });
  const ids = { name: useId(), district: useId(), street: useId(), near: useId(), point: useId(), results: useId() };
  const [form, setForm] = useState<CameraSearchForm>({ name: '', district: '', street: '', near: '', typedPoint: '' });
  const districts = useUnitChildren(session?.unit?.code);
  const streets = useUnitChildren(form.district || undefined);
  const [found, setFound] = useState<Found | null>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'searching' } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const set = (patch: Partial<CameraSearchForm>) => setForm((f) => ({ ...f, ...patch }));

  async function search(event: FormEvent) {
    event.preventDefault();
    const built = buildCameraQuery(form, (id) => incidents.find((i) => i.incidentId === id)?.location);
    if (!built.ok) {
      setStatus({ kind: 'error', text: t('console.search.badPoint') });
      return;
    }
    setStatus({ kind: 'searching' });
    try {
      const parsed = parseAtEdge(CameraList, await bridge.query(built.query));
      if (!parsed.ok) throw new Error(parsed.message);
      setFound({ cameras: parsed.value, ...(built.near ? { near: built.near } : {}) });
      setStatus({ kind: 'idle' });
      lookUpUnitNames(bridge, useWallStore, parsed.value.map((c) => c.unit));
    } catch (error) {
      setStatus({ kind: 'error', text: t('console.search.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  return (
    <Panel title={t('console.search.title')} className="panel--camera-search">
      <form className="camera-search" role="search" aria-label={t('console.search.title')} onSubmit={(e) => void search(e)}>
        <label htmlFor={ids.name}>{t('console.search.name')}</label>
        <input id={ids.name} type="search" value={form.name} placeholder={t('console.search.namePlaceholder')} maxLength={64} onChange={(e) => set({ name: e.target.value })} data-testid="camera-search-name" />
        <label htmlFor={ids.district}>{t('console.search.district')}</label>
        <select id={ids.district} value={form.district} onChange={(e) => set({ district: e.target.value, street: '' })} data-testid="camera-search-district">
          <option value="">{t('console.search.anyUnit')}</option>
          {districts.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.street}>{t('console.search.street')}</label>
        <select id={ids.street} value={form.street} disabled={!form.district} onChange={(e) => set({ street: e.target.value })} data-testid="camera-search-street">
          <option value="">{t('console.search.anyUnit')}</option>
          {streets.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.near}>{t('console.search.near')}</label>
        <select id={ids.near} value={form.near} onChange={(e) => set({ near: e.target.value })} data-testid="camera-search-near">
          <option value="">{t('console.search.nearNone')}</option>
          {incidents.map((incident) => (
            <option key={incident.incidentId} value={incident.incidentId}>
              {t('console.search.nearIncident', { title: incident.title })}
            </option>
          ))}
          <option value={TYPED_POINT}>{t('console.search.nearTyped')}</option>
        </select>
        {form.near === TYPED_POINT && (
          <>
            <label htmlFor={ids.point}>{t('console.search.point')}</label>
            <input id={ids.point} value={form.typedPoint} placeholder="106.55,29.56" inputMode="decimal" onChange={(e) => set({ typedPoint: e.target.value })} data-testid="camera-search-point" />
          </>
        )}
        <div className="camera-search__actions">
          <button type="submit" className="button button--primary" disabled={status.kind === 'searching'} data-testid="camera-search-submit">
            {status.kind === 'searching' ? t('console.search.searching') : t('console.search.submit')}
          </button>
        </div>
      </form>
      {status.kind === 'error' && (
        <p className="console-notice console-notice--error" role="alert">
          {status.text}
        </p>
      )}
      {found && <SearchResults found={found} labelId={ids.results} />}
    </Panel>
  );
}

function SearchResults({ found, labelId }: { found: Found; labelId: string }) {
  const { t } = useTranslation();
  return (
    <div className="camera-results">
      <p className="camera-results__count" id={labelId} role="status">
        {found.cameras.length === 0 ? t('console.search.none') : t('console.search.count', { count: found.cameras.length })}
      </p>
      {found.cameras.length > 0 && (
        <ul className="camera-results__list" aria-labelledby={labelId}>
          {found.cameras.map((camera) => (
            <li key={camera.id}>
              <CameraResult camera={camera} metres={found.near ? distanceMetres(found.near, camera.location) : undefined} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CameraResult({ camera, metres }: { camera: Camera; metres: number | undefined }) {
  const { t } = useTranslation();
  const unitName = useUnitName(camera.unit);
  const pickable = usePickable({ type: 'camera', cameraId: camera.id, name: camera.name }, camera.name);
  const distance = metres === undefined ? null : metres < 1000 ? t('console.search.metres', { count: Math.round(metres) }) : t('console.search.kilometres', { count: Number((metres / 1000).toFixed(1)) });
  return (
    <button type="button" className={`camera-result ${pickable.picked ? 'is-picked' : ''}`} data-camera-result={camera.id} {...pickable.props}>
      <span className="camera-result__name">{camera.name}</span>
      <span className="camera-result__meta">
        {unitName}
        {distance && <span className="camera-result__distance"> · {distance}</span>}
      </span>
    </button>
  );
}

/** The children of a unit (districts of the city, streets of a district), fetched when the unit changes. */
function useUnitChildren(code: string | undefined): Unit[] {
  const bridge = useBridge();
  const [children, setChildren] = useState<{ code: string; units: Unit[] } | null>(null);
  useEffect(() => {
    if (code === undefined) return;
    let current = true;
    bridge
      .query({ kind: 'children', code })
      .then((raw) => {
        const parsed = parseAtEdge(UnitList, raw);
        if (!parsed.ok) throw new Error(parsed.message);
        if (current) setChildren({ code, units: parsed.value });
      })
      .catch((error: unknown) => console.warn(`[camera-search] children of ${code}: ${String(error)}`));
    return () => {
      current = false;
    };
  }, [bridge, code]);
  return useMemo(() => (children && children.code === code ? children.units : []), [children, code]);
}
