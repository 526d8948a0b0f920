// Regenerates ratchet.config.schema.json from the zod schema: `pnpm --filter @ratchet/bench schema`.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '@ratchet/config';

writeFileSync(new URL('../ratchet.config.schema.json', import.meta.url), configJsonSchema());
