import { expect, it } from 'vitest';
import { openCatalog } from './open-catalog';
import { manualClock, tempDir } from './test-support';

it('sync state records success, errors and revocation, and survives reopening', () => {
  const dir = tempDir();
  const clock = manualClock();
  const catalog = openCatalog(dir, clock);
  expect(catalog.syncState.get()).toEqual({
    serverUrl: null,
    cursor: 0,
    lastSuccessAt: null,
    lastError: null,
    revokedAt: null,
    deviceId: null,
  });
  catalog.syncState.bindServer('http://127.0.0.1:4810');
  catalog.syncState.recordError('The server cannot be reached.');
  catalog.syncState.setRevoked(true);
  expect(catalog.syncState.get()).toMatchObject({ lastError: 'The server cannot be reached.', revokedAt: clock.now().toISOString() });
  catalog.syncState.recordSuccess();
  catalog.close();
  const again = openCatalog(dir, clock);
  expect(again.syncState.get()).toEqual({
    serverUrl: 'http://127.0.0.1:4810',
    cursor: 0,
    lastSuccessAt: clock.now().toISOString(),
    lastError: null,
    revokedAt: null,
    deviceId: null,
  });
  again.syncState.bindServer('http://127.0.0.1:4810', 'dev-1');
  expect(again.syncState.get()).toMatchObject({ deviceId: 'dev-1', cursor: 0 });
  again.close();
});
