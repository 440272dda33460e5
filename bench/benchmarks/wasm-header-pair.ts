import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issue } from '../../harness/core/diagnostics/issue';
import { habanalabsPair } from '../header-pair';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { childrenCpuSeconds } from '../scale/children-cpu';

const UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');

const COLD_S = 'wasm.header_pair_cold_s';
const CPU_S = 'wasm.header_pair_cold_cpu_s';

/**
 * The WebAssembly path, as `npm install` alone gives it: `UAPI_CLANG=wasm node bin/uapi.js diff` of
 * habanalabs 6.1 -> 6.12 (each side against its own tree, every ABI) with an empty import cache, once;
 * wall seconds and CPU seconds (user + system). The module cache of @yowasp/clang is kept, as a second
 * run on the same machine has it.
 */
export const wasmHeaderPair: Measurement = {
  name: 'wasm',
  figures: [COLD_S, CPU_S],
  description: 'cold `uapi diff` of habanalabs 6.1 -> 6.12 with the WebAssembly clang',
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const found = habanalabsPair();
    if (found.pair === undefined) return { results: [], notes: [], missing: found.issues, failures: [] };
    const { old, new: now } = found.pair;
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-cache-'));
    ctx.progress('wasm: uapi diff with UAPI_CLANG=wasm');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, UAPI_HARNESS_CACHE_DIR: cacheDir, UAPI_CLANG: 'wasm' };
      delete env['UAPI_HARNESS_CACHE'];
      const cpu0 = childrenCpuSeconds();
      const started = performance.now();
      const r = spawnSync(process.execPath, [UAPI_BIN, 'diff', old.file, now.file, '--old-include', old.tree, '--new-include', now.tree], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const seconds = (performance.now() - started) / 1000;
      const cpu1 = childrenCpuSeconds();
      // The pair is a breaking change (the accel move renumbered ioctls): exit 1 with a report is a proper run.
      if (r.status !== 1 || !/breaking/.test(r.stdout)) {
        return { results: [], notes: [], missing: [], failures: [issue('BENCH_RUN', 'uapi diff (wasm)', `exit ${r.status ?? r.signal ?? '?'}: ${r.error?.message ?? r.stderr.trim().split('\n')[0] ?? ''}`)] };
      }
      const s = Math.round(seconds * 100) / 100;
      const cpu = cpu0 !== undefined && cpu1 !== undefined ? Math.round((cpu1 - cpu0) * 100) / 100 : undefined;
      return {
        results: [{ name: COLD_S, value: s, unit: 's' }, ...(cpu !== undefined ? [{ name: CPU_S, value: cpu, unit: 's' }] : [])],
        notes: [`wasm: \`UAPI_CLANG=wasm node bin/uapi.js diff\` ${old.label} -> ${now.label}, empty import cache: ${s} s wall${cpu !== undefined ? `, ${cpu} s CPU` : ''} (target ≤ 10 s on an idle 2-core machine: ${s <= 10 ? 'met' : 'not met'}).`],
        missing: [],
        failures: [],
      };
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  },
};
