import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'calls' }
  | { view: 'missed' }
  | { view: 'settings' }
  | { view: 'session'; id: string }
  /** The incoming-call window (its own small BrowserWindow). */
  | { view: 'incoming' };

/** `#/calls`, `#/missed`, `#/settings`, `#/sessions/<id>`; anything else shows the calls. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/missed') return { view: 'missed' };
  if (path === '/settings') return { view: 'settings' };
  if (path === '/incoming') return { view: 'incoming' };
  const session = /^\/sessions\/(.+)$/.exec(path);
  if (session?.[1]) {
    try {
      return { view: 'session', id: decodeURIComponent(session[1]) };
    } catch {
      return { view: 'calls' };
    }
  }
  return { view: 'calls' };
}

export function routeHref(route: Route): string {
  return route.view === 'session' ? sessionHref(route.id) : `#/${route.view}`;
}

export function sessionHref(id: string): string {
  return `#/sessions/${encodeURIComponent(id)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
