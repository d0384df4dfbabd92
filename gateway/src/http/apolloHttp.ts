import { type ApolloServer, type BaseContext, type ContextFunction, HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo Server on an Express route, as `@as-integrations/express5` does it, but the answer is
 * written with `res.end`: Express's `res.send` hashed every GraphQL answer for an ETag and
 * re-parsed its Content-Type, a tenth of the gateway's CPU per query in the overhead bench's
 * profile (docs/gateway-cost.md). A POSTed GraphQL answer is never revalidated, so no ETag is lost.
 */
/** The query string of a request target, as `url.parse(target).search` read it ('' when none). */
export function searchOf(target: string): string {
  const hash = target.indexOf('#');
  const path = hash >= 0 ? target.slice(0, hash) : target;
  const query = path.indexOf('?');
  return query >= 0 ? path.slice(query) : '';
}

export function apolloHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ContextFunction<[{ req: Request; res: Response }], TContext>,
): RequestHandler {
  server.assertStarted('apolloHandler()');
  return async (req, res) => {
    if (!('body' in req)) {
      res.status(500).end('`req.body` is not set: the JSON parser must run before Apollo Server.');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
