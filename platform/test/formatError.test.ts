import { GraphQLError } from 'graphql';
import { createFormatError } from '../src/errors/formatError.js';
import { RateLimitedError } from '../src/errors/RateLimitedError.js';
import { createLogger } from '../src/logging/logger.js';

const logger = createLogger('test', 'silent');

describe('createFormatError', () => {
  it('masks unknown errors in production: code and a safe message only', () => {
    const format = createFormatError({ production: true, logger });
    const error = new GraphQLError('relation "tenant_x.secret" does not exist', {
      extensions: { serviceName: 'metrics', stacktrace: ['at x'] },
    });
    expect(format(error.toJSON(), error)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps typed errors and their details, never the HTTP head, stack or (in production) subgraph name', () => {
    const format = createFormatError({ production: true, logger });
    const typed = new RateLimitedError(7);
    expect(format(typed.toJSON(), typed)).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: 7 } });
    const passed = new GraphQLError('Not allowed.', {
      extensions: { code: 'FORBIDDEN', serviceName: 'tenancy', stacktrace: ['at y'], http: { status: 403 } },
    });
    expect(format(passed.toJSON(), passed).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('shows internal messages in development (still without stack traces)', () => {
    const format = createFormatError({ production: false, logger });
    const error = new Error('boom');
    expect(format({ message: 'boom', extensions: { stacktrace: ['at z'] } }, error)).toEqual({
      message: 'boom',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
