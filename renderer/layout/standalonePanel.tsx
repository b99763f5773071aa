import type { ReactNode } from 'react';
import { parseAtEdge } from '../../shared/validation';
import { PANEL_KINDS, PANEL_SETTINGS, type PanelKind, type PanelSpec } from '../../shared/wall/panels';
import { panelComponent, type PanelProps } from '../panels/registry';
import { PanelBoundary } from './PanelBoundary';

/**
 * `?role=wall&panel=<kind>&settings=<URL-encoded JSON>`: one panel filling the window, its
 * settings validated like a layout cell's. Null when the URL asks for no panel; a bad kind or
 * settings returns the reason instead.
 */
export function readStandalonePanel(search: string): { ok: true; panel: PanelSpec } | { ok: false; reason: string } | null {
  const params = new URLSearchParams(search);
  const kind = params.get('panel');
  const settingsText = params.get('settings');
  if (kind === null || settingsText === null) return null;
  if (!(PANEL_KINDS as string[]).includes(kind)) return { ok: false, reason: `panel: unknown kind ${kind}` };
  let raw: unknown;
  try {
    raw = JSON.parse(settingsText);
  } catch {
    return { ok: false, reason: 'settings: not JSON' };
  }
  const parsed = parseAtEdge<unknown>(PANEL_SETTINGS[kind as PanelKind], raw);
  if (!parsed.ok) return { ok: false, reason: `settings.${parsed.message}` };
  return { ok: true, panel: { kind, settings: parsed.value } as PanelSpec };
}

export function StandalonePanel({ request }: { request: NonNullable<ReturnType<typeof readStandalonePanel>> }) {
  if (!request.ok) return <p className="layout-cell__failed">{request.reason}</p>;
  const Panel = panelComponent(request.panel.kind) as (props: PanelProps<PanelKind>) => ReactNode;
  return (
    <main className="standalone-panel" data-panel-kind={request.panel.kind}>
      <PanelBoundary fallback={(message) => <p className="layout-cell__failed">{message}</p>}>
        <Panel settings={request.panel.settings} cellId="standalone" />
      </PanelBoundary>
    </main>
  );
}
