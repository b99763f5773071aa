import { useCallback, useMemo } from 'react';
import { CameraList } from '../../../shared/protocol/cameras';
import { useBridge } from '../../bridge/BridgeContext';
import { selectLayout } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { useHubQuery } from '../useHubQuery';
import { cameraMarkerPoints } from './catalogPoints';
import { MarkerLayer } from './MarkerLayer';
import { openCameraOnWall } from './openCamera';
import { useSceneNotice } from './sceneNotice';

export interface PointLayerProps {
  /** The unit shown: its subtree's markers are drawn. */
  unit: string;
  visible: boolean;
  /** Icon size in metres. */
  scale: number;
  elevation?: number;
}

/** The unit's cameras; a click opens the camera in the wall's first camera cell (openCamera.ts). */
export function CameraMarkers({ unit, visible, scale, elevation }: PointLayerProps) {
  const bridge = useBridge();
  const answer = useHubQuery(visible ? { kind: 'cameras', unit } : null, CameraList);
  const statuses = useWallStore((s) => s.wall.cameras);
  const cameras = answer?.status === 'ready' ? answer.value : null;
  const points = useMemo(() => (cameras ? cameraMarkerPoints(cameras, statuses) : []), [cameras, statuses]);
  const open = useCallback(
    (cameraId: string) => {
      const notice = useSceneNotice.getState();
      void openCameraOnWall(bridge, selectLayout(useWallStore.getState()), cameraId).then((result) => {
        const name = cameras?.find((c) => c.id === cameraId)?.name ?? cameraId;
        if (result.ok) notice.show('cameraOpened', { name });
        else if (result.reason === 'noCameraCell') notice.show('noCameraCell', { name });
        else notice.show('cameraRefused', { name, message: result.message });
      });
    },
    [bridge, cameras],
  );
  return <MarkerLayer renderOrder={12} name="camera-markers" points={points} visible={visible} scale={scale} elevation={elevation} onPick={open} />;
}
