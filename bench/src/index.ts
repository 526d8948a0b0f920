import { solverPool } from '@ratchet/environments';
import { benchBootstrap } from './bootstrap-speed';
import { benchCorpus } from './corpus-throughput';
import { families } from './families';
import { benchFamily } from './family-solve-rates';
import { benchHarness } from './harness-overhead';
import { benchCalibration } from './promotion-calibration';

const started = performance.now();
console.log(`Ratchet benchmarks · Node ${process.version} · ${new Date().toISOString()}\n`);
console.log(await benchBootstrap());
console.log('\nSimulating the promotion gate (16,000 seeded holdouts, about half a minute)…\n');
const table = benchCalibration((done, total) => {
  if (process.stderr.isTTY) process.stderr.write(`\rcalibration: ${done}/${total} simulated holdouts`);
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
console.log(table);
console.log('\nMeasuring the corpus (writes about 1,000,000 records to a temporary folder; a minute or two)…\n');
console.log(
  await benchCorpus((message) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
  }),
);
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
console.log('');
console.log(await benchHarness());
const runner = solverPool();
for (const family of families(runner)) {
  console.log(`\nRunning the ${family.name} family: 4 arms × 100 tasks…\n`);
  console.log(
    await benchFamily(family, (message) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
    }),
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
await runner.close();
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
