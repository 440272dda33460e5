import { enableSpawnHelper, stopSpawnHelper } from '../../harness/frontend/clang/spawner';
import { ABIS, DEFAULT_ABI_NAMES } from '../../harness/core/layout/abi';
import type { HeaderOutcome } from './header-outcome';
import type { TreePair } from './header-trees';
import { checkHeadersWithUapi } from './uapi-tree';

/** Parent → worker: check these headers of the pair. */
export interface WorkerRequest {
  readonly pair: TreePair;
  readonly headers: readonly string[];
}

/** Worker → parent: one outcome per requested header, in order. */
export interface WorkerReply {
  readonly outcomes: readonly HeaderOutcome[];
}

const DEFAULT_ABIS = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  return { outcomes: await checkHeadersWithUapi(request.pair, request.headers, DEFAULT_ABIS) };
}

// A worker process of the whole-tree benchmark: it answers requests until its parent disconnects.
if (require.main === module && process.send !== undefined) {
  enableSpawnHelper();
  process.on('message', (m: WorkerRequest) => {
    void handle(m).then((reply) => process.send?.(reply));
  });
  // The clang processes a large worker starts through the spawn helper count with the worker's CPU
  // time only if the helper has ended (and been waited for) before the worker does.
  process.on('disconnect', () => {
    void stopSpawnHelper();
  });
}
