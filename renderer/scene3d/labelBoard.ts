import { PerspectiveCamera, Vector3 } from 'three';
import { WALL_TEXT_PX } from '../theme/readability';
import { placeCamera, type CameraPose } from './cameraPose';
import { labelBox, placeLabels, type LabelCandidate } from './labelLayout';

/** A label's text and where it stands in the scene (metres). */
export interface LabelAnchor {
  id: string;
  text: string;
  point: [number, number, number];
  /** Higher wins a collision. */
  priority: number;
}

/**
 * The area labels, as DOM text over the scene (the hall's CJK fonts, no font atlas): the scene's
 * frame loop calls `project` after placing its camera, and the board moves the label elements
 * directly, never through React. Labels are placed in the whole picture's pixels with a camera
 * that has no view offset, so every window decides the same and a label on the bezel continues
 * across it.
 */
export class LabelBoard {
  private anchors: LabelAnchor[] = [];
  private readonly elements = new Map<string, HTMLElement>();
  private readonly camera = new PerspectiveCamera();
  private readonly point = new Vector3();
  private picture = { width: 1, height: 1 };

  constructor(private readonly fontPx: number = WALL_TEXT_PX) {}

  setAnchors(anchors: LabelAnchor[]): void {
    this.anchors = anchors;
  }

  /** The whole picture's size in canvas pixels (the cell across every display it spans). */
  setPicture(width: number, height: number): void {
    this.picture = { width, height };
  }

  attach(id: string, element: HTMLElement | null): void {
    if (element) this.elements.set(id, element);
    else this.elements.delete(id);
  }

  /** Places the labels for the camera at `pose`; returns the ids shown. */
  project(pose: CameraPose): Set<string> {
    const { width, height } = this.picture;
    this.camera.aspect = width / height;
    placeCamera(this.camera, pose);
    const candidates: LabelCandidate[] = [];
    const at = new Map<string, [number, number]>();
    for (const anchor of this.anchors) {
      this.point.set(anchor.point[0], anchor.point[1], anchor.point[2]).project(this.camera);
      if (this.point.z > 1 || this.point.z < -1) continue;
      const x = ((this.point.x + 1) / 2) * width;
      const y = ((1 - this.point.y) / 2) * height;
      at.set(anchor.id, [x, y]);
      candidates.push({ id: anchor.id, x, y, priority: anchor.priority, ...labelBox(anchor.text, this.fontPx) });
    }
    const shown = placeLabels(candidates, this.picture);
    for (const [id, element] of this.elements) {
      const xy = at.get(id);
      // Every label keeps its place, shown or not: a hidden one still tells a test (or the screenshot script) where its area is.
      if (xy) element.style.transform = `translate(${xy[0].toFixed(1)}px, ${xy[1].toFixed(1)}px) translate(-50%, -50%)`;
      element.style.visibility = xy && shown.has(id) ? 'visible' : 'hidden';
    }
    return shown;
  }
}
