// The Content-Security-Policy of the app window. No remote scripts, no inline scripts,
// no eval; network only to the origins the caller lists (the hosted API, the host socket).
export interface CspOptions {
  /** Extra origins the renderer may fetch from / open sockets to, e.g. "ws://127.0.0.1:5123". */
  connect?: string[];
}

export function contentSecurityPolicy({ connect = [] }: CspOptions = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // React writes styles through the CSSOM, which CSP allows; no inline <style> is needed.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connect],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
