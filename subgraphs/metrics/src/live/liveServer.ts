import { createSubgraphLiveServer, type Runtime, type SubgraphLiveServer } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { closeLiveHub } from './liveHub.js';
import { resumeFromOf } from './subscribeLivePoints.js';

/**
 * The metrics subgraph's graphql-ws server: every `next` payload says where to resume from,
 * and stopping ends the live views with a resumable error before the sockets close.
 */
export function createLiveServer(schema: GraphQLSchema, runtime: Runtime): SubgraphLiveServer {
  return createSubgraphLiveServer(schema, runtime, {
    subgraph: 'metrics',
    extensionsOf: (contextValue) => {
      const resumeFrom = resumeFromOf(contextValue);
      return resumeFrom ? { resumeFrom } : undefined;
    },
    beforeClose: () => closeLiveHub(runtime),
  });
}
