import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../bridge/BridgeContext';
import { lookUpUnitNames } from '../stores/connectUnitNames';
import { useWallStore } from '../stores/wallStore';

export interface SceneBreadcrumbProps {
  chain: readonly string[];
  onOpen(code: string): void;
  /** When an officer moved the camera: the current level becomes a button framing it again. */
  onReframe?: () => void;
  focusTitle: string | null;
  onClearFocus(): void;
}

/**
 * Where the scene is (重庆市 › 渝中区 › 解放碑街道), each level a button back up to it, and the
 * focused incident with a button to let it go.
 */
export function SceneBreadcrumb({ chain, onOpen, onReframe, focusTitle, onClearFocus }: SceneBreadcrumbProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const names = useWallStore((s) => s.unitNames);
  const key = chain.join(',');
  useEffect(() => {
    lookUpUnitNames(bridge, useWallStore, key.split(','));
  }, [bridge, key]);
  const nameOf = (code: string) => names[code] ?? code;
  const current = chain[chain.length - 1];
  return (
    <nav className="scene3d__crumbs" aria-label={t('scene.breadcrumb')}>
      {chain.length > 1 && (
        <button type="button" className="scene3d__back" onClick={() => onOpen(chain[chain.length - 2]!)} data-scene-back="">
          {t('scene.back')}
        </button>
      )}
      <ol>
        {chain.map((code) => (
          <li key={code}>
            {code === current && onReframe ? (
              <button type="button" aria-current="location" onClick={onReframe} title={t('scene.reframe')} data-scene-crumb={code}>
                {nameOf(code)}
              </button>
            ) : code === current ? (
              <span aria-current="location" data-scene-crumb={code}>
                {nameOf(code)}
              </span>
            ) : (
              <button type="button" onClick={() => onOpen(code)} data-scene-crumb={code}>
                {nameOf(code)}
              </button>
            )}
          </li>
        ))}
      </ol>
      {focusTitle !== null && (
        <span className="scene3d__focus">
          <span>{t('scene.focus', { title: focusTitle })}</span>
          <button type="button" onClick={onClearFocus} aria-label={t('scene.clearFocus')} data-scene-clear-focus="">
            ✕
          </button>
        </span>
      )}
    </nav>
  );
}
