import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The checked-in supergraph, produced by `npm run compose`; the gateway never introspects. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '../../schema/supergraph.graphql');

export function readSupergraph(file = SUPERGRAPH_PATH): string {
  return readFileSync(file, 'utf8');
}
