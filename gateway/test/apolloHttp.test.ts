import { searchOf } from '../src/http/apolloHttp.js';

describe('searchOf (the query string Apollo Server reads a GET operation from)', () => {
  it.each([
    ['/graphql', ''],
    ['/graphql?', '?'],
    ['/graphql?query=%7Bme%7D&x=1', '?query=%7Bme%7D&x=1'],
    ['/graphql?a=1#frag', '?a=1'],
    ['/graphql#frag?a=1', ''],
  ])('%s → %s', (target, search) => expect(searchOf(target)).toBe(search));
});
