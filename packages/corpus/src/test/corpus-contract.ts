import { describe } from 'vitest';
import type { Corpus } from '../corpus';
import { appendContract } from './contract/append-contract';
import { blobContract } from './contract/blob-contract';
import { deleteRunContract } from './contract/delete-run-contract';
import { flywheelContract } from './contract/flywheel-contract';
import { interchangeContract } from './contract/interchange-contract';
import { libraryContract } from './contract/library-contract';
import { manifestContract } from './contract/manifest-contract';
import { optimizerContract } from './contract/optimizer-contract';
import { optimizerQueryContract } from './contract/optimizer-query-contract';
import { pageContract } from './contract/page-contract';
import { pairsContract } from './contract/pairs-contract';
import { queryContract } from './contract/query-contract';
import { statsContract } from './contract/stats-contract';
import { useStores } from './contract/stores';
import { supersedeContract } from './contract/supersede-contract';

/**
 * The behaviour every `Corpus` store must have, as a vitest suite: manifests (freeze, lifecycle, run
 * order), idempotent append (duplicates, conflicts, key order, all-or-nothing batches), write-once
 * verdicts, record and cell queries with their filters and order, the paged and counted queries of a viewer, pairs, blobs, stats with the
 * attempt counts, a JSON Lines round trip (including old exports), and the optimizer's records
 * (optimization lifecycle, idempotent candidate/iteration/gate/library/flywheel appends, the holdout
 * ledger's refusal of a second decision, a flywheel's refusal of a second decision on a generation,
 * their queries and their interchange, a library's cell-id blob included); a later try replacing an
 * infra cell (never an ok one); deleting a run without touching the holdout ledger. Call it from a store's test
 * file; `open` must return a new, empty store on every call (the round trip opens two).
 *
 * @example
 * // packages/corpus-postgres/src/postgres-corpus.test.ts
 * import { corpusContract } from '@ratchet/corpus/test';
 * corpusContract('PostgreSQL', () => openCorpus(`postgres://localhost/test_${randomUUID()}`));
 */
export function corpusContract(name: string, open: () => Promise<Corpus>): void {
  describe(`Corpus contract: ${name}`, () => {
    const stores = useStores(open);
    manifestContract(stores);
    appendContract(stores);
    supersedeContract(stores);
    queryContract(stores);
    pageContract(stores);
    pairsContract(stores);
    blobContract(stores);
    statsContract(stores);
    interchangeContract(stores);
    optimizerContract(stores);
    optimizerQueryContract(stores);
    libraryContract(stores);
    flywheelContract(stores);
    deleteRunContract(stores);
  });
}
