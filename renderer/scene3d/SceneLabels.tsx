import type { LabelAnchor, LabelBoard } from './labelBoard';

/**
 * The area names over the whole cell (both displays' parts): spans the label board moves each
 * frame. Hidden until the first frame places them.
 */
export function SceneLabels({ anchors, board }: { anchors: readonly LabelAnchor[]; board: LabelBoard }) {
  return (
    <div className="scene3d__labels" aria-hidden="true">
      {anchors.map((anchor) => (
        <span key={anchor.id} className="scene3d__label" data-area-label={anchor.id} ref={(element) => board.attach(anchor.id, element)} style={{ visibility: 'hidden' }}>
          {anchor.text}
        </span>
      ))}
    </div>
  );
}
