import { render } from 'preact';
import { CellPageView } from './pages/cell-page';
import { ComparePageView } from './pages/compare-page';
import { OptimizationPageView } from './pages/optimization-page';
import { OptimizationsPageView } from './pages/optimizations-page';
import { RunPageView } from './pages/run-page';
import { RunsPageView } from './pages/runs-page';
import { Link, segments, useLocation } from './router';
import './styles.css';

/** Picks the page from the address: every page is a deep link (`/runs/:runId/cells/:cellId`, …). */
function Page() {
  const { path, query } = useLocation();
  const parts = segments(path);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0 || (first === 'runs' && parts.length === 1)) return <RunsPageView query={query} />;
  if (first === 'runs' && second !== undefined && parts.length === 2)
    return <RunPageView runId={second} query={query} />;
  if (first === 'runs' && second !== undefined && third === 'cells' && fourth !== undefined) {
    return <CellPageView runId={second} cellId={fourth} query={query} />;
  }
  if (first === 'compare' && second !== undefined && third !== undefined) {
    return <ComparePageView baseline={second} candidate={third} query={query} />;
  }
  if (first === 'optimizations' && parts.length === 1) return <OptimizationsPageView />;
  if (first === 'optimizations' && second !== undefined) return <OptimizationPageView optimizationId={second} />;
  return <p class="error">No page at {path}.</p>;
}

function App() {
  return (
    <>
      <header class="top">
        <Link href="/runs" class="brand">
          Ratchet
        </Link>
        <nav>
          <Link href="/runs">Runs</Link>
          <Link href="/optimizations">Optimizations</Link>
        </nav>
      </header>
      <main>
        <Page />
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
