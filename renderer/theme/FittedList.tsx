import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rowsThatFit } from './fitRows';
import './fittedList.css';

/** The class of a row FittedList holds back. */
export const HELD_ROW_CLASS = 'fitted-list__held';

interface FittedListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** `held`: the row does not fit whole; it keeps its place (so measuring stays stable) but carries `HELD_ROW_CLASS`, which hides it. */
  renderItem: (item: T, held: boolean) => ReactNode;
  className: string;
  ordered?: boolean;
}

/**
 * A wall list at the readable text size: it fills the room its panel gives it and shows only the
 * rows that fit whole, newest first; the rest are counted on a "+N more" line in the last row's
 * place, never cut in half by the panel's edge.
 */
export function FittedList<T>({ items, itemKey, renderItem, className, ordered = true }: FittedListProps<T>) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null);
  const moreRef = useRef<HTMLParagraphElement>(null);
  const [shown, setShown] = useState(items.length);
  // The "+N more" line sits right under the last row shown, where the next one would have started.
  const [moreTop, setMoreTop] = useState(0);

  // Layout sizes (offset*), not client rects: the wall slice may be scaled to its window.
  const measure = useRef(() => {
    const list = listRef.current;
    if (!list) return;
    const bottoms = [...list.children].map((row) => (row instanceof HTMLElement ? row.offsetTop + row.offsetHeight : 0));
    const fitting = rowsThatFit(bottoms, list.clientHeight, moreRef.current?.offsetHeight ?? 0);
    setShown(fitting);
    setMoreTop(fitting > 0 ? bottoms[fitting - 1]! : 0);
  }).current;

  // Every render may have added, removed or rewrapped rows.
  useLayoutEffect(measure);

  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    void document.fonts?.ready.then(measure); // the CJK font changes every row's height when it arrives
    return () => observer.disconnect();
  }, [measure]);

  const held = Math.max(0, items.length - shown);
  const List = ordered ? 'ol' : 'ul';
  return (
    <div className="fitted-list">
      <List ref={listRef} className={`fitted-list__rows ${className}`}>
        {items.map((item, index) => (
          <Fragment key={itemKey(item)}>{renderItem(item, index >= shown)}</Fragment>
        ))}
      </List>
      <p ref={moreRef} className="fitted-list__more" style={{ top: moreTop }} aria-hidden={held === 0 || undefined} data-held={held}>
        {t('common.moreRows', { count: held })}
      </p>
    </div>
  );
}
