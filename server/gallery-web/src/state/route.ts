// Where in the gallery the client is, kept in the URL hash so the browser's back button and a
// reload both work and an order page can be reopened: /g/<slug>#order=<id>.

export type Route = { kind: 'gallery' } | { kind: 'checkout' } | { kind: 'order'; orderId: string };

export function parseRoute(hash: string): Route {
  const value = hash.replace(/^#/, '');
  if (value === 'checkout') return { kind: 'checkout' };
  const order = /^order=([A-Za-z0-9._:-]{1,100})$/.exec(value);
  if (order?.[1]) return { kind: 'order', orderId: order[1] };
  return { kind: 'gallery' };
}

export function hashOf(route: Route): string {
  if (route.kind === 'checkout') return '#checkout';
  if (route.kind === 'order') return `#order=${route.orderId}`;
  return '';
}

/** The slug is the path segment after /g/; null when the link is cut short. */
export function slugOf(pathname: string): string | null {
  const match = /^\/g\/([a-z0-9][a-z0-9-]{2,63})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
