import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../shared/protocol/cameras';
import type { TileManager } from '../../video/tileManager';
import { useTileHealth } from '../../video/useTileHealth';
import { HealthBadge } from './HealthBadge';

interface CameraTileProps {
  manager: TileManager;
  tileId: string;
  camera: Camera | undefined;
  /** The id asked for, shown when the directory does not know it. */
  cameraId: string | undefined;
  enlarged: boolean;
  hidden: boolean;
  onToggleEnlarged(): void;
}

/**
 * One video tile. The manager owns its player; this component only hands over the <video>
 * element and the source, and re-renders when the manager reports a health change.
 */
export function CameraTile({ manager, tileId, camera, cameraId, enlarged, hidden, onToggleEnlarged }: CameraTileProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const health = useTileHealth(manager, tileId);
  const url = camera?.hls;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    manager.attach(tileId, video);
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => manager.resized(tileId));
    resize?.observe(video);
    return () => {
      resize?.disconnect();
      manager.detach(tileId);
    };
  }, [manager, tileId]);

  useEffect(() => {
    manager.setSource(tileId, camera && url ? { cameraId: camera.id, url } : null);
  }, [manager, tileId, camera, url]);

  useEffect(() => manager.setEnlarged(tileId, enlarged), [manager, tileId, enlarged]);

  const name = camera?.name ?? (cameraId ? t('cameras.unknown', { id: cameraId }) : t('cameras.empty'));
  return (
    <figure
      className={`camera-tile${enlarged ? ' camera-tile--enlarged' : ''}${hidden ? ' camera-tile--hidden' : ''}`}
      data-tile={tileId}
      data-camera={camera?.id ?? ''}
      data-health={camera ? health.state : 'empty'}
      onDoubleClick={camera ? onToggleEnlarged : undefined}
      title={camera ? t('cameras.enlargeHint') : undefined}
    >
      <video ref={videoRef} className="camera-tile__video" muted playsInline disablePictureInPicture />
      <figcaption className="camera-tile__caption">
        <span className="camera-tile__name">{name}</span>
        {camera && <HealthBadge health={health} />}
      </figcaption>
    </figure>
  );
}
