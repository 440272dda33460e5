import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkUapiCompileArgs, interpretAbidiff, STUB_SOURCE, type IncumbentTools } from '../incumbent';
import type { HeaderOutcome } from './header-outcome';
import { gccIncludeDirs, type TreePair } from './header-trees';
import { skipIfExempt } from './kernel-header-test';
import { mapConcurrent, spawnAsync } from './spawn-async';

const firstLine = (s: string): string => s.trim().split('\n')[0] ?? '';

/**
 * check-uapi.sh's `compare_abi` on one header: gcc compiles the old version against the old tree and
 * the new version against the new tree (as the script does, one after the other), then abidiff
 * compares the two objects and the script's rule gives the verdict. A compile that fails, or an
 * abidiff that does not run properly, fails the header (the script counts it as not compatible); a
 * compile that fails on a header the kernel's header test exempts skips it, as for uapi (the script
 * itself leaves those out of a whole-tree run before compiling).
 */
async function checkHeader(pair: TreePair, rel: string, tools: IncumbentTools, work: string): Promise<HeaderOutcome> {
  const dir = fs.mkdtempSync(path.join(work, 'h-'));
  try {
    const objects: string[] = [];
    for (const [side, tree] of [['old', pair.oldDir], ['new', pair.newDir]] as const) {
      const object = path.join(dir, `${side}.so`);
      const r = await spawnAsync(tools.cc, checkUapiCompileArgs(path.join(tree, rel), object, gccIncludeDirs(tree)), STUB_SOURCE);
      if (r.status !== 0) {
        const failed: HeaderOutcome = { path: rel, status: 'failed', reason: `${side}: gcc: ${r.error ?? firstLine(r.stderr.replace(/^.*?error: /s, ''))}` };
        return skipIfExempt(failed, r.error === undefined);
      }
      objects.push(object);
    }
    const d = await spawnAsync(tools.abidiff, ['--non-reachable-types', ...objects]);
    const v = interpretAbidiff(d.status, d.signal, d.stdout, d.stderr);
    if (v.outcome === undefined) return { path: rel, status: 'failed', reason: v.issues[0]?.message ?? 'abidiff failed' };
    return { path: rel, status: 'compared', breaking: v.outcome.verdict === 'breaking' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** check-uapi.sh's loop over a tree's headers, `jobs` at a time (the script's `-j`, default nproc). */
export async function runIncumbentOnTree(pair: TreePair, headers: readonly string[], tools: IncumbentTools, jobs: number): Promise<HeaderOutcome[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-abidiff-'));
  try {
    return await mapConcurrent(headers, jobs, (rel) => checkHeader(pair, rel, tools, work));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
