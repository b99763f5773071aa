import type { DragEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlacement } from './placement';
import { sameItem, writeWallItem, type WallItem } from './wallItem';

/**
 * A source of drags: HTML5 draggable for the mouse; for the keyboard, Enter or Space picks it
 * and focus moves to the miniature, where Enter places it. `aria-pressed` marks the picked one.
 */
export function usePickable(item: WallItem, name: string) {
  const { t } = useTranslation();
  const picked = usePlacement((s) => s.picked !== null && sameItem(s.picked, item));
  return {
    picked,
    props: {
      draggable: true,
      'aria-pressed': picked,
      onDragStart(event: DragEvent<HTMLElement>) {
        writeWallItem(event.dataTransfer, item);
      },
      // Enter and Space click a button: the keyboard's pick (a mouse click picks too).
      onClick(event: MouseEvent<HTMLElement>) {
        const placement = usePlacement.getState();
        placement.pick(item, event.currentTarget);
        placement.announce(t(item.type === 'camera' ? 'console.place.pickedCamera' : 'console.place.picked', { item: name }));
        focusFirstTarget(item.type);
      },
    },
  };
}

/** Moves focus to the miniature's first place the picked item can go (a slot for a camera, a cell for a panel). */
export function focusFirstTarget(type: WallItem['type']): void {
  // After the render that makes slots tabbable; not if the pick was dropped meanwhile.
  setTimeout(() => {
    if (usePlacement.getState().picked === null) return;
    const selector = type === 'camera' ? '[data-miniature] [data-drop-target="slot"]' : '[data-miniature] [data-drop-target="cell"]';
    document.querySelector<HTMLElement>(selector)?.focus();
  }, 0);
}
