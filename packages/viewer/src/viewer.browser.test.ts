import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedViewer, serveViewer } from './serve-viewer';
import { fixture, writeViewerFixture } from './test/viewer-fixture';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const chromiumPath = process.env.RATCHET_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = join(packageDir, '.vitest', 'browser');

let corpus: Corpus;
let viewer: ServedViewer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `the viewer's browser test needs Debian's chromium at ${chromiumPath}; install it with \`sudo apt-get install -y chromium\` (as root, without sudo), or point RATCHET_CHROMIUM at a Chromium binary`,
    );
  }
  // The app as users get it: built by Vite from its sources, into a folder of the test's own.
  const appDir = join(artifacts, 'app');
  await build({ configFile: join(packageDir, 'vite.config.ts'), build: { outDir: appDir }, logLevel: 'error' });
  corpus = await openCorpus('sqlite::memory:');
  await writeViewerFixture(corpus);
  viewer = await serveViewer({ corpus, port: 0, appDir });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await corpus?.close();
});

/** Runs the steps; on failure saves a screenshot of the page under .vitest/browser before rethrowing. */
async function withScreenshot(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw new Error(`${(error as Error).message}\n(screenshot: ${file})`, { cause: error });
  }
}

describe('the viewer in a real browser', () => {
  it('goes from the runs list to a run, to a cell, to an attempt, showing its steer, output and write-only verdict', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await withScreenshot(page, 'runs-to-attempt', async () => {
      await page.goto(viewer.url);
      await page.getByRole('link', { name: fixture.runId, exact: true }).click();
      await page.getByRole('heading', { name: `Run ${fixture.runId}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/runs/${fixture.runId}`);
      await page.getByRole('heading', { name: 'Contrasts' }).waitFor();
      expect(await page.locator('svg.forest').count()).toBe(1);

      const square = page.locator(
        `a.square[href="/runs/${fixture.runId}/cells/${encodeURIComponent(fixture.cellId)}"]`,
      );
      await square.click();
      await page.getByRole('heading', { name: `Cell ${fixture.cellId}` }).waitFor();
      const chosen = page.locator('details.attempt', { hasText: 'Attempt 3' });
      await chosen.locator('summary').click();
      await expect.poll(() => chosen.locator('pre.steer').textContent()).toBe(fixture.steerText);
      expect(await chosen.locator('.origin').textContent()).toContain('through the firewall');
      expect(await chosen.locator('pre.output').textContent()).toBe(fixture.finalOutput);
      const verdict = chosen.locator('aside.verdict');
      expect(await verdict.locator('.write-only').textContent()).toBe('write-only');
      expect(await verdict.textContent()).toContain('never shown to the worker, the strategy or the controller');
      expect(await verdict.textContent()).toContain('resolved by judge test-judge');

      const failed = page.locator('details.attempt', { hasText: 'Attempt 1' });
      await failed.locator('summary').click();
      expect(await failed.locator('pre.stderr').first().textContent()).toBe(fixture.stderrHead);

      // A deep link opens the same page on a fresh load.
      await page.goto(new URL(`/runs/${fixture.runId}/cells/${encodeURIComponent(fixture.cellId)}`, viewer.url).href);
      await page.getByRole('heading', { name: 'Attempts, in order' }).waitFor();
      expect(errors).toEqual([]);
    });
    await page.close();
  });

  it("shows a sequential gate's stop and e-value path on the optimization page, a fixed-n one as before", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await withScreenshot(page, 'sequential-gate', async () => {
      await page.goto(new URL('/optimizations/opt-1', viewer.url).href);
      await page.getByRole('heading', { name: 'Gate decisions (holdout ledger)' }).waitFor();
      const decisions = page.locator('table').last().locator('tbody tr td:nth-child(4)');
      expect(await decisions.allTextContents()).toEqual([
        'promoted: promoted',
        'promoted: promoted · stopped by evidence after 8 of 40 items',
      ]);
      const gate = page.locator('section.sequential-gate');
      expect(await gate.count()).toBe(1);
      expect(await gate.locator('p.stop').textContent()).toBe(
        'stopped by evidence after 8 of at most 40 items (10 items evaluated in 2 batch runs) · e-value 56.8, promotes at 1/α = 40.0 · plug-in cross-check 15.2',
      );
      expect(await gate.locator('svg.e-value circle').count()).toBe(8);
      expect(await gate.locator('svg.e-value .barrier text').textContent()).toBe('1/α = 40.0: promotes');
      expect(errors).toEqual([]);
    });
    await page.close();
  });
});
