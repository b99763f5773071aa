import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_PRESETS } from '../../shared/wall/presets';
import { MAX_LAYOUT_TEXT } from '../../shared/view/viewChannel';
import { useBridge } from '../bridge/BridgeContext';
import { useWallStore } from '../stores/wallStore';
import { describeRefusal, errorCodeOf, isCurrent } from '../console/refusal';
import { useLayoutMarks } from './useLayoutMarks';
import './presetBar.css';

/** `whileControl`: a refusal naming a holder, shown while control is unchanged. */
type Notice = { kind: 'error' | 'info'; text: string; whileControl?: number } | null;

/**
 * The console's layout bar: one button per preset (the active one pressed), back-to-previous
 * while an alarm has the wall in focus, and export/import of layout files.
 */
export function PresetBar() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const layout = useWallStore((s) => s.layout);
  const control = useWallStore((s) => s.control);
  const focusTitle = useWallStore((s) => (layout?.focusIncidentId ? s.wall.incidents[layout.focusIncidentId]?.title : undefined));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useLayoutMarks(layout);

  if (!layout) return null;

  async function run(action: () => Promise<unknown>, failureKey: string): Promise<void> {
    setBusy(true);
    try {
      await action();
      return;
    } catch (error) {
      const revision = useWallStore.getState().control?.revision;
      if (errorCodeOf(error) === 'conflict') setNotice({ kind: 'error', text: conflictText(error), ...(revision !== undefined ? { whileControl: revision } : {}) });
      else setNotice({ kind: 'error', text: t(failureKey, { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  // A preset, a revert or an import changes every display: any other desk's hold refuses it.
  function conflictText(error: unknown): string {
    const { control, session } = useWallStore.getState();
    return describeRefusal(error, { t, control, viewId: session?.viewId, displayIds: layout?.canvas.slices.map((s) => s.displayId) ?? [] });
  }

  const apply = (presetId: string) =>
    run(async () => {
      setNotice(null);
      await bridge.applyPreset(presetId);
    }, 'layout.bar.applyFailed');

  const exportLayout = () =>
    run(async () => {
      const file = await bridge.exportLayout();
      const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }, 'layout.bar.exportFailed');

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be chosen again after fixing it
    if (!file) return;
    void run(async () => {
      if (file.size > MAX_LAYOUT_TEXT) throw new Error(`${file.name}: larger than ${MAX_LAYOUT_TEXT} bytes`);
      const state = await bridge.importLayout(await file.text());
      setNotice({ kind: 'info', text: t('layout.bar.imported', { name: t(state.layout.name, { defaultValue: state.layout.name }) }) });
    }, 'layout.bar.importFailed');
  };

  const custom = layout.mode === 'preset' && layout.presetId === undefined;
  return (
    <nav className="preset-bar" aria-label={t('layout.bar.label')}>
      <span className="preset-bar__label">{t('layout.bar.label')}</span>
      <div className="preset-bar__presets" role="group" aria-label={t('layout.bar.label')}>
        {BUILT_IN_PRESETS.map((preset) => {
          const active = layout.mode === 'preset' && layout.presetId === preset.id;
          return (
            <button
              key={preset.id}
              type="button"
              className={`preset-bar__preset ${active ? 'preset-bar__preset--active' : ''}`}
              aria-pressed={active}
              data-preset={preset.id}
              disabled={busy}
              onClick={() => void apply(preset.id)}
            >
              {t(preset.name)}
            </button>
          );
        })}
      </div>
      {layout.mode === 'focus' && (
        <div className="preset-bar__focus">
          <span className="preset-bar__focus-label" role="status">
            {t('layout.bar.focusOn', { title: focusTitle ?? layout.focusIncidentId ?? '' })}
          </span>
          <button type="button" className="preset-bar__revert" data-action="revert" disabled={busy} onClick={() => void run(() => bridge.revertLayout(), 'layout.bar.applyFailed')}>
            {t('layout.bar.revert')}
          </button>
        </div>
      )}
      {custom && <span className="preset-bar__custom">{t('layout.bar.custom', { name: t(layout.layout.name, { defaultValue: layout.layout.name }) })}</span>}
      <div className="preset-bar__files">
        <button type="button" data-action="export" disabled={busy} onClick={() => void exportLayout()}>
          {t('layout.bar.export')}
        </button>
        <button type="button" data-action="import" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('layout.bar.import')}
        </button>
        <input ref={fileInput} className="preset-bar__file" type="file" accept=".json,application/json" tabIndex={-1} aria-hidden="true" onChange={importFile} data-testid="layout-import-file" />
      </div>
      {notice && isCurrent(notice, control) && (
        <p className={`preset-bar__notice preset-bar__notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="layout-notice">
          {notice.text}
        </p>
      )}
    </nav>
  );
}
