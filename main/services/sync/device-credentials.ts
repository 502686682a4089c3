// The device token and what it belongs to, kept in the SecretStore (design §3), never in
// settings or the catalog. One entry per app install: every library syncs as this device.
import type { SecretStore } from '../secrets';

export const DEVICE_SECRET = 'proofdesk.device';

export interface DeviceCredentials {
  serverUrl: string;
  token: string;
  deviceId: string;
  deviceName: string;
  studio: { id: string; name: string };
}

export async function readCredentials(secrets: SecretStore): Promise<DeviceCredentials | null> {
  const raw = await secrets.get(DEVICE_SECRET);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as DeviceCredentials;
    return typeof value.token === 'string' && typeof value.serverUrl === 'string' ? value : null;
  } catch {
    return null;
  }
}

export const saveCredentials = (secrets: SecretStore, credentials: DeviceCredentials) =>
  secrets.set(DEVICE_SECRET, JSON.stringify(credentials));

export const forgetCredentials = (secrets: SecretStore) => secrets.delete(DEVICE_SECRET);

/** Server URLs compare without a trailing slash, so "http://host/" and "http://host" are one server. */
export const normaliseServerUrl = (url: string) => url.trim().replace(/\/+$/, '');
