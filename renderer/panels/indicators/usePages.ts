import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** How long a page of tiles stays on the wall before the next one. */
export const PAGE_MS = 20_000;

/**
 * The page a band shows: advances every `intervalMs`, wrapping; holds while a pointer is over
 * `hold` (an operator reading). A page turn is a React render every 20 s: rare by design.
 */
export function usePages(pages: number, hold: RefObject<HTMLElement | null>, intervalMs = PAGE_MS): [number, (page: number) => void] {
  const [page, setPage] = useState(0);
  useEffect(() => {
    const element = hold.current;
    let held = false;
    const onEnter = () => (held = true);
    const onLeave = () => (held = false);
    element?.addEventListener('pointerenter', onEnter);
    element?.addEventListener('pointerleave', onLeave);
    const timer = setInterval(() => {
      if (!held) setPage((p) => (p + 1) % Math.max(1, pages));
    }, intervalMs);
    return () => {
      clearInterval(timer);
      element?.removeEventListener('pointerenter', onEnter);
      element?.removeEventListener('pointerleave', onLeave);
    };
  }, [pages, hold, intervalMs]);
  return [page % Math.max(1, pages), setPage];
}

/** The content-box size of an element, as React state (changes only on resize). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
