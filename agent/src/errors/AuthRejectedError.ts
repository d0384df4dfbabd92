import { FatalError } from './FatalError.js';

/** The server refused the API key (UNAUTHENTICATED). Exit code 3: fix PCC_APIKEY, then restart. */
export class AuthRejectedError extends FatalError {
  constructor(detail = 'the server rejected the API key', options?: ErrorOptions) {
    super(`${detail}; check PCC_APIKEY (unsent points stay in the spool and are sent after a restart)`, 3, options);
    this.name = 'AuthRejectedError';
  }
}
