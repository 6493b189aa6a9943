/** The error a promise rejects with: as the tests of net/ read it (its message and code), or of a given class. */
import { expect } from '@jest/globals';

/** The error `promise` rejects with; the test fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  // Node's own errors come from another realm than jest's Error: check the shape.
  expect(error).toHaveProperty('message');
  return error as Error & { code?: string };
}

/** The error `promise` rejects with, which must be a `type`; the test fails if it resolves. */
export async function rejectionOf<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}
