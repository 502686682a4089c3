// Picks the transport: Electron's preload bridge when present, else the browser host.
import type { ProofdeskBridge } from '../../../shared/contract';
import { HOST_TOKEN_PARAM } from '../../../shared/host-protocol';
import { type ApiClient, createApiClient } from './client';
import { createHostBridge } from './host-bridge';

declare global {
  interface Window {
    proofdesk?: ProofdeskBridge;
  }
}

const TOKEN_KEY = 'proofdesk.hostToken';

/** The host passes its token in the URL fragment once; keep it for reloads, then hide it. */
function hostToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get(HOST_TOKEN_PARAM);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createDefaultClient(): ApiClient | null {
  if (window.proofdesk) return createApiClient(window.proofdesk);
  const token = hostToken();
  return token ? createApiClient(createHostBridge(window.location.origin, token)) : null;
}

export const api: ApiClient | null = createDefaultClient();
export type { ApiClient };

/** URL of a variant file (thumbnail, web preview) served from the library's cache. In Electron
 * the page is app://proofdesk/, in the browser host the token must ride along. */
export function mediaUrl(relPath: string): string {
  const encoded = relPath.split('/').map(encodeURIComponent).join('/');
  if (window.proofdesk) return `/media/${encoded}`;
  return `/media/${encoded}?${HOST_TOKEN_PARAM}=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
}
