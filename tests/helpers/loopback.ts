// Tests that fake a platform with local servers must never reach the internet: this blocks every
// host but 127.0.0.1 for the calling file's tests.
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';

/** Registers hooks that allow only loopback connections while this file's tests run. */
export function loopbackOnly(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
