import type { Corpus } from '@ratchet/corpus';
import { RuntimeError } from '@ratchet/runtime';
import { Hono } from 'hono';
import type { z } from 'zod';
import { cellPage } from './api/cell-page';
import { comparePage } from './api/compare-page';
import { NotFoundError } from './api/not-found-error';
import { optimizationPage, optimizationsList } from './api/optimizations-page';
import { pageQuery } from './api/page-query';
import { runGrid } from './api/run-grid';
import { RunReader } from './api/run-page';
import { runsList, runsQuerySchema } from './api/runs-list';
import { TraceBlobs } from './api/trace-events';
import { AppAssets, defaultAppDir } from './app-assets';

export interface ViewerAppOptions {
  /** The folder of the built browser app (default: this package's `dist/app`). */
  appDir?: string;
}

const notBuilt = `<!doctype html><meta charset="utf-8"><title>Ratchet viewer</title>
<p>The viewer's browser app is not built. From the repository, run <code>npm run build</code>; the JSON API
answers under <a href="/api/runs">/api/runs</a> meanwhile.</p>`;

class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`);
  throw new BadRequestError(issues.join('; '));
}

const gridQuery = pageQuery(50);
const cellQuery = pageQuery(20);
const eventsQuery = pageQuery(100);
const compareQuery = pageQuery(100);

/**
 * The viewer as a Hono app: a read-only JSON API over the corpus under `/api`, the built browser app's
 * files under `/assets`, and `index.html` for every other path, so each page's address is a deep link.
 * Test it with `app.request('/api/runs')`; serve it with `serveViewer`.
 *
 * @example
 * const app = createViewerApp(await openCorpus('sqlite:.ratchet/corpus.db'));
 * await (await app.request('/api/runs?limit=5')).json();
 * // => { runs: [{ runId: 'dsl-…', cells: { recorded: 24, planned: 24, … }, … }], hasMore: false, … }
 */
export function createViewerApp(corpus: Corpus, options: ViewerAppOptions = {}) {
  const runs = new RunReader(corpus);
  const blobs = new TraceBlobs(corpus);
  const assets = new AppAssets(options.appDir ?? defaultAppDir());

  const app = new Hono()
    .get('/api/runs', async (c) => c.json(await runsList(corpus, parse(runsQuerySchema, c.req.query()))))
    .get('/api/runs/:runId', async (c) => c.json(await runs.page(c.req.param('runId'))))
    .get('/api/runs/:runId/primary', async (c) => c.json(await runs.primary(c.req.param('runId'))))
    .get('/api/runs/:runId/grid', async (c) => {
      const manifest = await runs.manifest(c.req.param('runId'));
      const arms = manifest.arms.map((arm) => arm.armId);
      return c.json(await runGrid(corpus, arms, manifest.runId, parse(gridQuery, c.req.query())));
    })
    .get('/api/cells/:cellId', async (c) =>
      c.json(await cellPage(corpus, blobs, c.req.param('cellId'), parse(cellQuery, c.req.query()))),
    )
    .get('/api/blobs/:sha256/events', async (c) => {
      const sha256 = c.req.param('sha256');
      const page = parse(eventsQuery, c.req.query());
      const events = await blobs.events(sha256);
      if (!events) throw new NotFoundError('trace blob', sha256, corpus.url);
      return c.json({
        events: events.slice(page.offset, page.offset + page.limit),
        total: events.length,
        offset: page.offset,
        limit: page.limit,
      });
    })
    .get('/api/blobs/:sha256', async (c) => {
      const sha256 = c.req.param('sha256');
      const blob = await corpus.blob(sha256);
      if (!blob) throw new NotFoundError('blob', sha256, corpus.url);
      // Served as text or bytes, never as a page of this origin: a recorded output must not run as script here.
      const textual = /^(text\/|application\/json)/.test(blob.ref.mediaType);
      return c.body(new Uint8Array(blob.data), 200, {
        'content-type': textual ? 'text/plain; charset=utf-8' : 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      });
    })
    .get('/api/compare/:baseline/:candidate', async (c) =>
      c.json(
        await comparePage(
          corpus,
          c.req.param('baseline'),
          c.req.param('candidate'),
          parse(compareQuery, c.req.query()),
        ),
      ),
    )
    .get('/api/optimizations', async (c) => c.json(await optimizationsList(corpus)))
    .get('/api/optimizations/:optimizationId', async (c) =>
      c.json(await optimizationPage(corpus, c.req.param('optimizationId'))),
    )
    .get('/api/*', (c) => c.json({ error: `no API route ${c.req.path}` }, 404))
    .get('/assets/:name', async (c) => {
      const file = await assets.asset(c.req.param('name'));
      if (!file) return c.text('not found', 404);
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
      });
    })
    .get('*', async (c) => c.html((await assets.indexHtml()) ?? notBuilt));

  app.onError((error, c) => {
    if (NotFoundError.isInstance(error)) return c.json({ error: error.message }, 404);
    // A runtime refusal is about what was asked (two runs that share no arm), not a fault of the server.
    if (error instanceof BadRequestError || RuntimeError.isInstance(error))
      return c.json({ error: error.message }, 400);
    return c.json({ error: error instanceof Error ? error.message : String(error) }, 500);
  });
  return app;
}

/** The viewer's Hono app type. */
export type ViewerApp = ReturnType<typeof createViewerApp>;
