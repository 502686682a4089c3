import { expect, it } from 'vitest';
import { pairDevice } from './pair-device';
import { apiError, scriptedFetch } from './test-support/scripted-fetch';

it('pairing failures are AppErrors a dialog can show as they are', async () => {
  const ok = scriptedFetch(() => ({ status: 201, body: { token: 't', device: { id: 'd', name: 'L' }, studio: { id: 's', name: 'S' } } }));
  await expect(pairDevice(ok, 'proofs.example.com', 'C', 'L')).rejects.toMatchObject({
    code: 'invalid_input',
    message: expect.stringMatching(/not a server address/),
  });
  await expect(pairDevice(ok, 'ftp://proofs.example.com', 'C', 'L')).rejects.toMatchObject({ code: 'invalid_input' });
  expect(await pairDevice(ok, 'https://proofs.example.com/', ' CODE ', ' Laptop ')).toMatchObject({
    serverUrl: 'https://proofs.example.com',
    token: 't',
  });
  expect(ok.seen.at(-1)?.body).toEqual({ code: 'CODE', deviceName: 'Laptop' });
  await expect(
    pairDevice(
      scriptedFetch(() => 'network-error'),
      'http://127.0.0.1:9',
      'C',
      'L',
    ),
  ).rejects.toMatchObject({
    code: 'offline',
    message: expect.stringMatching(/cannot be reached \(ECONNREFUSED\)\. Check the address/),
  });
  await expect(
    pairDevice(
      scriptedFetch(() => apiError(429, 'Too many pairing attempts.', 'rate_limited')),
      'http://s',
      'C',
      'L',
    ),
  ).rejects.toMatchObject({
    code: 'rate_limited',
  });
  await expect(
    pairDevice(
      scriptedFetch(() => ({ status: 200, body: '<html>' })),
      'http://s',
      'C',
      'L',
    ),
  ).rejects.toMatchObject({ code: 'unsupported' });
});
