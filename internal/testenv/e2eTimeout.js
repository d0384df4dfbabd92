// End-to-end tests start whole platforms; jest's per-project testTimeout is not honoured, this is.
/* global jest */
jest.setTimeout(60_000);
