import { solverPool } from '@ratchet/environments';
import { families } from './families';
import { benchFamily } from './family-solve-rates';

const runner = solverPool();
for (const family of families(runner)) console.log(await benchFamily(family, () => {}));
await runner.close();
