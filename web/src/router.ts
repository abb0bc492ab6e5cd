import { useEffect, useState } from 'preact/hooks';

/** Paths under /app/ are the app's own; the gateway answers any of them with index.html. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return path;
}

/** Follows same-app links without reloading the page. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const url = new URL(anchor.href, location.href);
  if (url.origin === location.origin && url.pathname.startsWith('/app/')) {
    event.preventDefault();
    navigate(url.pathname + url.search);
  }
}
