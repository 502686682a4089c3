// Trades a pairing code for this device's token (POST /v1/devices/pair). Every failure is an
// AppError with a sentence the pairing dialog can show as it is.
import { z } from 'zod';
import { AppError, type ErrorCode, errorCodes } from '../../../shared/errors';
import { serverMessage } from './answers';
import { createApiClient, type FetchLike, NetworkError } from './api-client';
import type { DeviceCredentials } from './device-credentials';

const pairedSchema = z.object({
  token: z.string().min(1),
  device: z.object({ id: z.string(), name: z.string() }),
  studio: z.object({ id: z.string(), name: z.string() }),
});

export async function pairDevice(fetch: FetchLike, serverUrl: string, code: string, deviceName: string): Promise<DeviceCredentials> {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new AppError('invalid_input', `"${serverUrl}" is not a server address. Enter it like https://proofs.example.com.`, {
      serverUrl: 'Not a web address',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('invalid_input', 'The server address must start with https:// (or http:// on this computer).', {
      serverUrl: 'Use https://',
    });
  }
  const api = createApiClient(fetch, serverUrl);
  let answer: Awaited<ReturnType<typeof api.request>>;
  try {
    answer = await api.request('POST', '/v1/devices/pair', { json: { code: code.trim(), deviceName: deviceName.trim() } });
  } catch (error) {
    if (error instanceof NetworkError)
      throw new AppError('offline', `${error.message} Check the address and your connection, then try again.`);
    throw error;
  }
  if (answer.status === 429) throw new AppError('rate_limited', serverMessage(answer));
  if (answer.status >= 500) throw new AppError('internal', `${serverMessage(answer)} Try pairing again in a moment.`);
  if (answer.status < 200 || answer.status >= 300) throw new AppError(serverCode(answer.body), serverMessage(answer));
  const paired = pairedSchema.safeParse(answer.body);
  if (!paired.success) throw new AppError('unsupported', `${api.baseUrl} answered, but not like a Proofdesk server. Check the address.`);
  return {
    serverUrl: api.baseUrl,
    token: paired.data.token,
    deviceId: paired.data.device.id,
    deviceName: paired.data.device.name,
    studio: { id: paired.data.studio.id, name: paired.data.studio.name },
  };
}

/** The server's own error code when it is one the app knows (a wrong code is 'unauthorized'). */
function serverCode(body: unknown): ErrorCode {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return errorCodes.includes(code as ErrorCode) ? (code as ErrorCode) : 'invalid_input';
}
