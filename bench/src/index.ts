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
for (const { name, create } of families()) {
  console.log(`\nRunning the ${name} family: 5 arms × 100 tasks…\n`);
  const family = create();
  try {
    console.log(
      await benchFamily(family, (message) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
      }),
    );
  } finally {
    await family.close();
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
