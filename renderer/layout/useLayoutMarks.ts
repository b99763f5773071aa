import { useLayoutEffect } from 'react';
import type { LayoutState } from '../../shared/view/viewChannel';

/**
 * After the commit that puts a layout on screen: `<body data-layout data-layout-mode
 * data-layout-revision>`, which end-to-end tests and people in devtools read.
 */
export function useLayoutMarks(state: LayoutState | null): void {
  useLayoutEffect(() => {
    if (!state) return;
    const body = document.body.dataset;
    body.layout = state.layout.id;
    body.layoutMode = state.mode;
    body.layoutRevision = String(state.revision);
  }, [state]);
}
