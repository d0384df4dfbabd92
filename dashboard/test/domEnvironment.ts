import { JSDOM } from 'jsdom';

const GLOBALS = [
  'window',
  'document',
  'Node',
  'Element',
  'HTMLElement',
  'SVGElement',
  'Event',
  'CustomEvent',
  'DOMException',
  'CSS',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'navigator',
] as const;

/** A jsdom window as the test's globals (the unit project runs in Node); returns the cleanup. */
export function installDom(url = 'http://127.0.0.1/'): { window: JSDOM['window']; restore(): void } {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url, pretendToBeVisual: true });
  const target = globalThis as unknown as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const name of GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const value = (dom.window as unknown as Record<string, unknown>)[name];
    if (value === undefined) continue;
    Object.defineProperty(globalThis, name, {
      value: typeof value === 'function' && name.endsWith('AnimationFrame') ? value.bind(dom.window) : value,
      configurable: true,
      writable: true,
    });
  }
  return {
    window: dom.window,
    restore() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete target[name];
      }
      dom.window.close();
    },
  };
}
