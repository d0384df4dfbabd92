import { WS_CLOSE } from '@perfanalysis/contract';
import { AuthRejectedError } from '../src/errors/AuthRejectedError.js';
import { RetryableError } from '../src/errors/RetryableError.js';
import { classifyChannelError } from '../src/transport/channelTransport.js';

/** A close event as graphql-ws hands it to `error` and `shouldRetry`. */
const closed = (code: number, reason = '') => ({ code, reason, wasClean: true });

describe('the channel reads the close codes of the wire contract (docs/errors.md)', () => {
  it('takes refused credentials as final', () => {
    for (const code of [WS_CLOSE.unauthorized, WS_CLOSE.forbidden]) {
      expect(classifyChannelError(closed(code, 'Unauthorized'))).toBeInstanceOf(AuthRejectedError);
    }
  });

  it('rides out every other close as an outage', () => {
    for (const code of [WS_CLOSE.tryAgainLater, WS_CLOSE.internalError, WS_CLOSE.policyViolation, WS_CLOSE.requestTimeout, 1006]) {
      expect(classifyChannelError(closed(code))).toBeInstanceOf(RetryableError);
    }
  });
});
