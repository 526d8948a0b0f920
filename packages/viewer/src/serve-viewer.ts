import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Corpus } from '@ratchet/corpus';
import { createViewerApp, type ViewerAppOptions } from './create-viewer-app';

export interface ServeViewerOptions extends ViewerAppOptions {
  corpus: Corpus;
  /** 0 (the default) lets the system pick a free port; the URL says which. */
  port?: number;
  /** Default 127.0.0.1: the corpus holds prompts and outputs, so it is not served to the network unless asked. */
  host?: string;
  /** Aborting it closes the server (Ctrl+C in `ratchet view`). */
  signal?: AbortSignal;
}

export interface ServedViewer {
  /** Where the viewer answers, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  /** Stops accepting connections, ends open ones, and resolves once the server is closed. */
  close(): Promise<void>;
  /** Resolves when the server has closed, by `close()` or by the signal. */
  closed: Promise<void>;
}

/**
 * Serves the viewer over HTTP with Node's server (`@hono/node-server`). Resolves once it listens.
 *
 * @throws when the port cannot be bound (e.g. `EADDRINUSE`), as Node's `listen` error.
 * @example
 * const viewer = await serveViewer({ corpus, port: 0 });
 * viewer.url; // => 'http://127.0.0.1:41735/'
 * await viewer.close();
 */
export async function serveViewer(options: ServeViewerOptions): Promise<ServedViewer> {
  const app = createViewerApp(options.corpus, options.appDir === undefined ? {} : { appDir: options.appDir });
  const host = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    }).then(resolveClosed);
    return closing;
  };
  if (options.signal?.aborted) await close();
  else options.signal?.addEventListener('abort', () => void close(), { once: true });
  return { url: `http://${shownHost}:${port}/`, close, closed };
}
