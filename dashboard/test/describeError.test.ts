import { GraphQLRequestError } from '@perfanalysis/sdk';
import { describeError, describeGraphQLErrors } from '../src/api/describeError.js';

describe('errors in plain words', () => {
  it('lists the missing and found columns of INVALID_CSV_FORMAT', () => {
    const error = new GraphQLRequestError(
      [
        {
          message: 'The CSV lacks required columns.',
          extensions: { code: 'INVALID_CSV_FORMAT', found: ['timestamp', 'cpu'], missing: ['cpu_user', 'cpu_idle'] },
        },
      ],
      400,
    );
    expect(describeError(error)).toEqual({
      title: 'The CSV lacks required columns.',
      details: ['Missing columns: cpu_user, cpu_idle', 'Columns found: timestamp, cpu'],
      code: 'INVALID_CSV_FORMAT',
    });
  });

  it('points at the row, column and value of INVALID_VALUE', () => {
    const d = describeGraphQLErrors([
      { message: 'Not a number.', extensions: { code: 'INVALID_VALUE', row: 17, column: 'cpu_user', value: 'abc' } },
    ]);
    expect(d.details).toEqual(['At row 17, column “cpu_user”: value “abc”']);
  });

  it('passes the server message of other codes through, with what helps', () => {
    expect(describeGraphQLErrors([{ message: 'Wrong e-mail or password.', extensions: { code: 'UNAUTHENTICATED' } }])).toEqual({
      title: 'Wrong e-mail or password.',
      details: [],
      code: 'UNAUTHENTICATED',
    });
    expect(
      describeGraphQLErrors([{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }]).details,
    ).toEqual(['Try again in 30 s.']);
    expect(describeGraphQLErrors([{ message: 'Too big.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }]).title).toBe('Too big.');
  });

  it('mentions every further error', () => {
    expect(describeGraphQLErrors([{ message: 'a' }, { message: 'b' }]).details).toEqual(['b']);
    expect(describeGraphQLErrors([]).title).toBe('The request failed.');
  });

  it('words network failures and timeouts', () => {
    expect(describeError(new TypeError('Failed to fetch')).title).toMatch(/could not be reached/);
    expect(describeError(new DOMException('timed out', 'TimeoutError')).title).toMatch(/too long/);
    expect(describeError('weird').title).toBe('Something went wrong.');
  });
});
