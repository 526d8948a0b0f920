import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Fetches JSON from the viewer's API, again whenever the URL changes; errors carry the API's message. */
export function useJson<T>(url: string | null): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (url === null) return;
    let current = true;
    setLoaded({ state: 'loading' });
    fetch(url)
      .then(async (response) => {
        const body = await response.json().catch(() => null);
        if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
        return body as T;
      })
      .then(
        (data) => current && setLoaded({ state: 'ready', data }),
        (error: Error) => current && setLoaded({ state: 'error', message: error.message }),
      );
    return () => {
      current = false;
    };
  }, [url]);
  return loaded;
}
