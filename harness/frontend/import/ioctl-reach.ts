import type { FileMemo } from '../clang/file-memo';
import { kernelInternalFallbacks } from '../clang/kernel-internal-macros';
import { IOC_MACROS } from './import-probe';
import type { MacroCandidate } from './macro-candidates';

// The shape line of a candidate (`typedef __typeof__(M) __uapi_kN;`, import-probe.ts) gives an ioctl
// only when M's expansion reaches one of the `_IO*` macros the probe redefines: nothing else can name
// the probe's marker structs. Most candidates of a big header are plain constants whose shape clang
// would dump, expression tree and all, for nothing (half the dump of linux/videodev2.h). A candidate
// is asked for its shape unless no definition of any macro it may expand to, in any file the probe
// may include, mentions an `_IO*` macro: every `#define` of every name counts (conditions and
// `#undef` are not evaluated), and a body that pastes tokens (`##`) may build any name, so it counts
// as reaching one. Leaving a shape out is then exactly what clang would have said: no shape.

const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(.*)$/;
const IDENT = /[A-Za-z_]\w*/g;

/** Every `#define` of a text as name → identifiers of its body (continuation lines joined), into `into`. */
function addDefinitions(text: string, into: Map<string, Set<string>>, pasting: Set<string>): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = DEFINE.exec(lines[i] as string);
    if (m === null) continue;
    let body = m[2] as string;
    while (body.endsWith('\\') && i + 1 < lines.length) body = body.slice(0, -1) + ' ' + (lines[++i] as string);
    const name = m[1] as string;
    if (body.includes('##')) pasting.add(name);
    let ids = into.get(name);
    if (ids === undefined) into.set(name, (ids = new Set()));
    for (const id of body.match(IDENT) ?? []) ids.add(id);
  }
}

/**
 * The indexes of the candidates whose expansion may reach an `_IO*` macro, given the header's text
 * and the files its probe may include (`hostFiles`, read through `memo`).
 */
export function candidatesReachingIoctl(candidates: readonly MacroCandidate[], headerText: string, hostFiles: readonly string[], memo: FileMemo): number[] {
  const bodies = new Map<string, Set<string>>();
  const pasting = new Set<string>();
  addDefinitions(headerText, bodies, pasting);
  addDefinitions(kernelInternalFallbacks(), bodies, pasting);
  for (const f of hostFiles) addDefinitions(memo.text(f), bodies, pasting);
  // Backwards from the `_IO*` macros and the pasting ones: who mentions a name that reaches them.
  const mentionedBy = new Map<string, string[]>();
  for (const [name, ids] of bodies) {
    for (const id of ids) {
      const by = mentionedBy.get(id);
      if (by === undefined) mentionedBy.set(id, [name]);
      else by.push(name);
    }
  }
  const reaching = new Set<string>([...IOC_MACROS, ...pasting]);
  const queue = [...reaching];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const by of mentionedBy.get(name) ?? []) {
      if (reaching.has(by)) continue;
      reaching.add(by);
      queue.push(by);
    }
  }
  return candidates.flatMap((c, i) => (reaching.has(c.name) ? [i] : []));
}
