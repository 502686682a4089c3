// The current Route, following the hash (back/forward buttons, a typed address).
import { useCallback, useEffect, useState } from 'react';
import { hashOf, parseRoute, type Route } from './route';

export function useRoute(): { route: Route; go(route: Route, options?: { replace?: boolean }): void } {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  const go = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const url = `${window.location.pathname}${window.location.search}${hashOf(next)}`;
    // pushState/replaceState fire no hashchange: update the state here.
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setRoute(next);
  }, []);
  return { route, go };
}
