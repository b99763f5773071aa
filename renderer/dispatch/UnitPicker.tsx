import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { levelOfCode } from '../../shared/domain/units';
import { UnitList, type Unit, type UnitRef } from '../../shared/protocol/units';
import { parseAtEdge } from '../../shared/validation';
import { useBridge } from '../bridge/BridgeContext';
import { errorCodeOf } from '../console/refusal';
import { lookUpUnitNames } from '../stores/connectUnitNames';
import { useWallStore } from '../stores/wallStore';

interface UnitPickerProps {
  /** Where the drill-down starts: the console's own unit (only units below it are offered). */
  root: UnitRef;
  /** One-click choices shown first: the incident's own units below `root`. */
  quick: readonly string[];
  /** The unit currently chosen (marked pressed), if the picker keeps a choice. */
  selected?: string | null;
  /** Units that cannot be picked here (already the lead, already cooperating). */
  disabled?: readonly string[];
  label: string;
  onPick(unit: UnitRef): void;
  /** Esc: leave the picker without a choice. */
  onCancel?(): void;
}

type Children = { status: 'loading' } | { status: 'ready'; units: Unit[] } | { status: 'failed'; code: string; message: string };

/**
 * Pick a unit below the console's own: the incident's units as one-click choices, then the
 * children of the unit in view, each with a way further down. Every option is a button carrying
 * `data-unit-code`, each code shown once (an incident unit in the list in view is marked there).
 */
export function UnitPicker({ root, quick, selected, disabled = [], label, onPick, onCancel }: UnitPickerProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const headingId = useId();
  const [path, setPath] = useState<UnitRef[]>([root]);
  const [children, setChildren] = useState<Children>({ status: 'loading' });
  const current = path[path.length - 1]!;

  useEffect(() => {
    lookUpUnitNames(bridge, useWallStore, quick);
  }, [bridge, quick]);

  useEffect(() => {
    let live = true;
    setChildren({ status: 'loading' });
    bridge
      .query({ kind: 'children', code: current.code })
      .then((raw) => {
        if (!live) return;
        const parsed = parseAtEdge(UnitList, raw);
        if (!parsed.ok) return setChildren({ status: 'failed', code: 'invalid', message: parsed.message });
        for (const unit of parsed.value) useWallStore.getState().rememberUnitName(unit.code, unit.name);
        setChildren({ status: 'ready', units: parsed.value });
      })
      .catch((error: unknown) => {
        if (live) setChildren({ status: 'failed', code: errorCodeOf(error) ?? 'unavailable', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [bridge, current.code]);

  const listed = useMemo(() => new Set(children.status === 'ready' ? children.units.map((u) => u.code) : []), [children]);
  const quickShown = quick.filter((code) => !listed.has(code));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && onCancel) {
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className="unit-picker" role="group" aria-labelledby={headingId} onKeyDown={onKeyDown} data-unit-picker>
      <p className="unit-picker__label" id={headingId}>
        {label}
      </p>
      {quickShown.length > 0 && (
        <div className="unit-picker__quick">
          <span className="unit-picker__caption">{t('dispatch.picker.quick')}</span>
          {quickShown.map((code) => (
            <QuickOption key={code} code={code} selected={selected === undefined ? undefined : selected === code} disabled={disabled.includes(code)} onPick={onPick} />
          ))}
        </div>
      )}
      <nav className="unit-picker__path" aria-label={t('dispatch.picker.path')}>
        {path.map((unit, i) =>
          i === path.length - 1 ? (
            <span key={unit.code} aria-current="location">
              {unit.name}
            </span>
          ) : (
            <button key={unit.code} type="button" className="link-button" onClick={() => setPath(path.slice(0, i + 1))}>
              {unit.name}
            </button>
          ),
        )}
      </nav>
      {children.status === 'loading' && <p className="unit-picker__note">{t('dispatch.picker.loading')}</p>}
      {children.status === 'failed' && (
        <p className="unit-picker__note unit-picker__note--error" role="alert">
          {t('dispatch.picker.failed', { code: children.code, message: children.message })}
        </p>
      )}
      {children.status === 'ready' &&
        (children.units.length === 0 ? (
          <p className="unit-picker__note">{t('dispatch.picker.none')}</p>
        ) : (
          <ul className="unit-picker__list">
            {children.units.map((unit) => (
              <li key={unit.code}>
                <button
                  type="button"
                  className="unit-option"
                  data-unit-code={unit.code}
                  aria-pressed={selected === undefined ? undefined : selected === unit.code}
                  disabled={disabled.includes(unit.code)}
                  onClick={() => onPick({ code: unit.code, level: unit.level, name: unit.name })}
                >
                  <span className="unit-option__name">{unit.name}</span>
                  <span className="unit-option__level">{t(`dispatch.level.${unit.level}`)}</span>
                  {quick.includes(unit.code) && <span className="tag tag--on-wall">{t('dispatch.picker.incidentUnit')}</span>}
                </button>
                {unit.level !== 'grid' && (
                  <button
                    type="button"
                    className="button button--small button--ghost unit-picker__drill"
                    aria-label={t('dispatch.picker.drill', { unit: unit.name })}
                    onClick={() => setPath([...path, { code: unit.code, level: unit.level, name: unit.name }])}
                  >
                    ›
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {onCancel && (
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          {t('dispatch.picker.close')}
        </button>
      )}
    </div>
  );
}

function QuickOption({ code, selected, disabled, onPick }: { code: string; selected: boolean | undefined; disabled: boolean; onPick(unit: UnitRef): void }) {
  const { t } = useTranslation();
  const name = useWallStore((s) => s.unitNames[code]) ?? code;
  const level = levelOfCode(code);
  return (
    <button type="button" className="unit-option unit-option--quick" data-unit-code={code} aria-pressed={selected} disabled={disabled} onClick={() => onPick({ code, level, name })}>
      <span className="unit-option__name">{name}</span>
      <span className="unit-option__level">{t(`dispatch.level.${level}`)}</span>
    </button>
  );
}
