import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { WallBridge } from '../../shared/view/bridge';
import { BridgeProvider } from '../bridge/BridgeContext';

/*
 * Component tests in jsdom (`// @vitest-environment jsdom`): mount with the real React client,
 * then act as a user would. Only for tests.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom has no ResizeObserver: a fixed-size one, so measured components lay out at `width`. */
export function stubResizeObserver(width: number): void {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

export async function mount(node: ReactNode, bridge: WallBridge): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<BridgeProvider value={bridge}>{node}</BridgeProvider>));
  return {
    container,
    root,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Runs `fn` inside act and lets promises and timers of zero settle (bridge answers, focus moves). */
export async function settle(fn: () => void = () => {}): Promise<void> {
  await act(async () => {
    fn();
    await new Promise((r) => setTimeout(r, 5));
  });
}

/** A DataTransfer for synthetic drags (jsdom has none). */
export function dataTransfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (format: string, value: string) => void data.set(format, value),
    getData: (format: string) => data.get(format) ?? '',
    dropEffect: 'none',
    effectAllowed: 'all',
  } as unknown as DataTransfer;
}

/** Dispatches a drag event carrying `transfer`, as a browser does during HTML5 drag and drop. */
export function drag(element: Element, type: 'dragstart' | 'dragover' | 'drop' | 'dragleave', transfer: DataTransfer): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: transfer });
  act(() => void element.dispatchEvent(event));
  return event;
}

export function key(element: Element | Document, name: string): void {
  element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

export function byText<T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string, text: string): T {
  const found = [...root.querySelectorAll<T>(selector)].find((el) => el.textContent?.includes(text));
  if (!found) throw new Error(`no ${selector} with "${text}"`);
  return found;
}
