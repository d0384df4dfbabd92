// Some unit tests render whole reports: seconds of CPU when CI runs four jest workers on two cores,
// where jest's 5 s default failed them. A hung test still fails, after 30 s.
/* global jest */
jest.setTimeout(30_000);
