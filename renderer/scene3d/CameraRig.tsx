import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import type { PerspectiveCamera } from 'three';
import { placeCamera } from './cameraPose';
import { isFlying, poseAt, type CameraFlight } from './cameraFlight';
import type { LabelBoard } from './labelBoard';
import { applyViewSlice, type ViewSlice } from './viewSlice';

/** Before every other frame callback (buildings' detail, markers), which read the camera placed here. */
const CAMERA_FIRST = -1;

export interface CameraRigProps {
  /** The shared camera state, evaluated against the clock every frame. */
  flight: RefObject<CameraFlight | null>;
  /** Grows whenever `flight` is replaced: wakes the demand frame loop. */
  flightVersion: number;
  view: ViewSlice;
  labels: LabelBoard;
  /** Called after every frame is prepared (a counter for tests and the screenshot script). */
  onFrame?: () => void;
}

/**
 * Places this window's camera each frame: the pose the flight gives for now, with the whole
 * picture's aspect and this window's part of its frustum (setViewOffset); then the labels. While
 * a flight is under way it asks for the next frame; otherwise the scene sleeps until something
 * changes (frameloop="demand").
 */
export function CameraRig({ flight, flightVersion, view, labels, onFrame }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    labels.setPicture(view.fullWidth, view.fullHeight);
    invalidate();
  }, [view, labels, flightVersion, invalidate]);

  useFrame(() => {
    const current = flight.current;
    if (!current) return;
    const now = Date.now();
    const pose = poseAt(current, now);
    applyViewSlice(camera, view);
    placeCamera(camera, pose);
    labels.project(pose);
    onFrame?.();
    if (isFlying(current, now)) invalidate();
  }, CAMERA_FIRST);
  return null;
}
