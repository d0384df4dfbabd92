import { JSDOM } from 'jsdom';

let cached: Document | undefined;

/**
 * A jsdom document for rendering in node, created once per process: charts are detached
 * elements that serialise to strings, so one document serves every render and the ~50 ms
 * a new JSDOM costs is paid once.
 */
export function defaultDocument(): Document {
  cached ??= new JSDOM('<!doctype html><html><head></head><body></body></html>').window.document;
  return cached;
}
