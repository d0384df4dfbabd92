import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * With a gateway executor, Apollo Server lets a request whose `operationName` names no
 * operation of the document (or is "") reach execution, which then fails as a 500. Such a
 * request is the client's mistake: answer 400 OPERATION_RESOLUTION_FAILURE, as Apollo Server
 * does without a gateway.
 */
export function operationResolutionPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const name = request.operationName;
          throw new GraphQLError(
            name ? `Unknown operation named "${name}".` : 'Name the operation to run: operationName must match one in the document.',
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
