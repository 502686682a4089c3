// Components and stores reach the API through this module so tests can swap the client.
import type { ApiClient } from './client';
import { api as defaultApi } from './index';

let current: ApiClient | null = defaultApi;

export function getApi(): ApiClient {
  if (!current) throw new Error('Proofdesk API is not connected');
  return current;
}

export function hasApi(): boolean {
  return current !== null;
}

/** For component tests: run against a client built on a test bridge. */
export function setApiForTests(client: ApiClient | null) {
  current = client;
}
