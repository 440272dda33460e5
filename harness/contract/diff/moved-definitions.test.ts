import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { multiarchFolderOf } from '../../frontend/clang/target-includes';
import { formatIssue } from '../../core/diagnostics/format';
import { ABIS, DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { loadUapi } from '../load/load-uapi';
import type { Change, DiffResult, Level } from './change';
import { diffSpecs, type DiffSide } from './diff-specs';

/**
 * Definitions that moved into a header the uAPI header includes, retired ioctls and `#ifndef`
 * defaults an architecture's header overrides (kvm.h 6.1 -> 6.12 -> 7.2): each case is a pair of
 * small real C header trees compiled by clang, with per-ABI asm/ folders as linux-libc-dev lays them out.
 */
const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/** One side: its files by path under the side's include folder; `asm/*.h` entries go to every ABI's folder unless `arch` says otherwise. */
interface Tree {
  readonly files: Readonly<Record<string, string>>;
  /** asm/ files per ABI name, overriding `files` for that ABI. */
  readonly arch?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const guarded = (name: string, body: string): string => `#ifndef ${name}\n#define ${name}\n#include <linux/types.h>\n#include <linux/ioctl.h>\n${body}\n#endif\n`;

function writeTree(root: string, tree: Tree): void {
  const put = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  for (const [rel, text] of Object.entries(tree.files)) {
    if (!rel.startsWith('asm/')) put(path.join(root, rel), text);
    else for (const a of abis) put(path.join(root, multiarchFolderOf(a.name) as string, rel), text);
  }
  for (const [abi, files] of Object.entries(tree.arch ?? {})) {
    for (const [rel, text] of Object.entries(files)) put(path.join(root, multiarchFolderOf(abi) as string, rel), text);
  }
}

async function diffTrees(oldTree: Tree, newTree: Tree): Promise<DiffResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-moved-'));
  try {
    const sides: DiffSide[] = [];
    for (const [label, tree] of [['old', oldTree], ['new', newTree]] as const) {
      writeTree(path.join(work, label), tree);
      const r = await loadUapi(path.join(label, 'linux', 't.h'), { cwd: work, includeDirs: [label] });
      if (r.uapi === undefined) throw new Error(r.issues.map(formatIssue).join('\n'));
      const u = r.uapi;
      sides.push({ spec: u.spec, label, headerMode: true, ...(u.variants !== undefined ? { variants: u.variants } : {}), ...(u.facts !== undefined ? { facts: u.facts } : {}) });
    }
    return diffSpecs(sides[0] as DiffSide, sides[1] as DiffSide, { abis });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const found = (d: DiffResult, rule: string, subject: string): Change[] => d.changes.filter((c) => c.rule === rule && c.subject === subject);

function expectChange(t: { true: (v: boolean, m?: string) => void; deepEqual: (a: unknown, b: unknown, m?: string) => void }, d: DiffResult, rule: string, subject: string, level: Level, onAbis?: readonly string[]): void {
  const cs = found(d, rule, subject);
  const seen = d.changes.map((c) => `${c.rule} ${c.subject} [${c.abis.join(',')}]`).join('\n');
  t.true(cs.length > 0, `${rule} ${subject} missing; got:\n${seen}`);
  for (const c of cs) t.deepEqual(c.level, level);
  if (onAbis !== undefined) t.deepEqual(cs.flatMap((c) => c.abis).sort(), [...onAbis].sort(), `${rule} ${subject} ABIs`);
}

const MOVED = `enum x_cmd { X_CMD_A = 1, X_CMD_B = 2 };
#define X_FLAG_A 0x1
#define X_FLAG_B 0x2
#define X_BIT (1ULL << 3)
struct x_moved { __u32 a; __u32 b; };`;

test('definitions moved into a header the uAPI header includes are not removals (kvm.h 6.12 sev_cmd_id)', async (t) => {
  const d = await diffTrees(
    { files: { 'linux/t.h': guarded('T_H', MOVED) } },
    { files: { 'linux/t.h': guarded('T_H', '#include <linux/t_common.h>'), 'linux/t_common.h': guarded('T_COMMON_H', MOVED) } },
  );
  expectChange(t, d, 'DEFINITION_MOVED', 'enum x_cmd.X_CMD_B', 'compatible');
  expectChange(t, d, 'DEFINITION_MOVED', 'enum x_cmd', 'compatible');
  expectChange(t, d, 'DEFINITION_MOVED', 'constant X_FLAG_B', 'compatible');
  // No identifier in `(1ULL << 3)`: the same text is the same value wherever it is defined.
  expectChange(t, d, 'DEFINITION_MOVED', 'constant X_BIT', 'compatible');
  expectChange(t, d, 'DEFINITION_MOVED', 'struct x_moved', 'compatible');
  for (const gone of ['ENUMERATOR_REMOVED', 'FLAG_REMOVED', 'CONSTANT_REMOVED', 'TYPE_REMOVED', 'ENUM_REMOVED']) t.false(d.changes.some((c) => c.rule === gone), gone);
  t.is(d.verdict, 'compatible');
});

test('a moved definition with another value is that value change; one the import cannot evaluate is a hazard', async (t) => {
  const d = await diffTrees(
    { files: { 'linux/t.h': guarded('T_H', '#define X_FLAG_A 0x1\n#define X_FLAG_B 0x2\n#define X_SHIFTED (1 << 4)') } },
    { files: { 'linux/t.h': guarded('T_H', '#include <linux/t_common.h>'), 'linux/t_common.h': guarded('T_COMMON_H', '#include <linux/const.h>\n#define X_FLAG_A 0x1\n#define X_FLAG_B 0x4\n#define X_SHIFTED _BITUL(4)') } },
  );
  expectChange(t, d, 'FLAG_VALUE_CHANGED', 'constant X_FLAG_B', 'value-break');
  expectChange(t, d, 'DEFINITION_MOVED', 'constant X_FLAG_A', 'compatible');
  expectChange(t, d, 'DEFINITION_MOVED_UNCOMPARED', 'constant X_SHIFTED', 'hazard');
  t.is(d.verdict, 'breaking');
});

test("a definition moved into one architecture's asm/ header moved there and became architecture-specific elsewhere (kvm.h 6.12 pv_cmd_id)", async (t) => {
  const pv = 'enum x_pv_cmd { X_PV_ENABLE, X_PV_DISABLE };\n#define X_PGM_FLAGS_ILC_VALID 0x01\n#define X_PGM_FLAGS_ILC_0 0x02';
  const d = await diffTrees(
    { files: { 'linux/t.h': guarded('T_H', `#include <asm/t.h>\n${pv}`), 'asm/t.h': guarded('ASM_T_H', '#define X_ARCH 1') } },
    {
      files: { 'linux/t.h': guarded('T_H', '#include <asm/t.h>'), 'asm/t.h': guarded('ASM_T_H', '#define X_ARCH 1') },
      arch: { s390x: { 'asm/t.h': guarded('ASM_T_H', `#define X_ARCH 1\n${pv}`) } },
    },
  );
  const others = DEFAULT_ABI_NAMES.filter((a) => a !== 's390x');
  expectChange(t, d, 'DEFINITION_MOVED', 'enum x_pv_cmd.X_PV_DISABLE', 'compatible', ['s390x']);
  expectChange(t, d, 'DEFINITION_NOW_ARCH_SPECIFIC', 'enum x_pv_cmd.X_PV_DISABLE', 'hazard', others);
  expectChange(t, d, 'DEFINITION_MOVED', 'constant X_PGM_FLAGS_ILC_0', 'compatible', ['s390x']);
  expectChange(t, d, 'DEFINITION_NOW_ARCH_SPECIFIC', 'constant X_PGM_FLAGS_ILC_0', 'hazard', others);
  t.false(d.changes.some((c) => c.rule === 'ENUMERATOR_REMOVED' || c.rule === 'FLAG_REMOVED'));
  t.not(d.verdict, 'breaking');
});

test("an #ifndef default of the header that an architecture's header now defines is a hazard there; a changed default stays a value change (kvm.h KVM_DIRTY_LOG_PAGE_OFFSET)", async (t) => {
  const main = (fallback: number): string => guarded('T_H', `#include <asm/t.h>\n#ifndef X_RING_OFFSET\n#define X_RING_OFFSET ${fallback}\n#endif\n#ifndef X_OTHER_DEFAULT\n#define X_OTHER_DEFAULT ${fallback}\n#endif`);
  const d = await diffTrees(
    { files: { 'linux/t.h': main(0), 'asm/t.h': guarded('ASM_T_H', '#define X_ARCH 1') }, arch: { x86_64: { 'asm/t.h': guarded('ASM_T_H', '#define X_RING_OFFSET 64') } } },
    {
      files: { 'linux/t.h': main(1), 'asm/t.h': guarded('ASM_T_H', '#define X_ARCH 1') },
      arch: { x86_64: { 'asm/t.h': guarded('ASM_T_H', '#define X_RING_OFFSET 64') }, aarch64: { 'asm/t.h': guarded('ASM_T_H', '#define X_RING_OFFSET 64') } },
    },
  );
  expectChange(t, d, 'CONSTANT_DEFAULT_OVERRIDDEN', 'constant X_RING_OFFSET', 'hazard', ['aarch64']);
  // The other ABIs still take the header's default, which changed 0 -> 1 itself: a value change.
  expectChange(t, d, 'CONSTANT_VALUE_CHANGED', 'constant X_RING_OFFSET', 'value-break', DEFAULT_ABI_NAMES.filter((a) => a !== 'aarch64' && a !== 'x86_64'));
  expectChange(t, d, 'CONSTANT_VALUE_CHANGED', 'constant X_OTHER_DEFAULT', 'value-break');
  t.is(d.verdict, 'breaking');
});

test('an ioctl the old header marked retired is a hazard when removed; one without such evidence is still removed (kvm.h 6.1 KVM_TRACE_*, KVM_SET_MEMORY_ALIAS)', async (t) => {
  const old = `#define __X_DEPRECATED_MAIN_0x01 _IO('X', 0x01)
#define X_TRACE_ENABLE __X_DEPRECATED_MAIN_0x01
/* X_SET_ALIAS is obsolete: */
#define X_SET_ALIAS _IOW('X', 0x02, __u32)
#define X_DEBUG _IOW('X', 0x03, __u32) /* no longer supported, use X_SET_DEBUG */
#define X_ASSIGN _IOW('X', 0x04, __u32)
#define X_KEPT _IOW('X', 0x05, __u32)`;
  const d = await diffTrees({ files: { 'linux/t.h': guarded('T_H', old) } }, { files: { 'linux/t.h': guarded('T_H', "#define X_KEPT _IOW('X', 0x05, __u32)") } });
  expectChange(t, d, 'IOCTL_REMOVED_RETIRED', 'ioctl X_TRACE_ENABLE', 'hazard');
  expectChange(t, d, 'IOCTL_REMOVED_RETIRED', 'ioctl X_SET_ALIAS', 'hazard');
  expectChange(t, d, 'IOCTL_REMOVED_RETIRED', 'ioctl X_DEBUG', 'hazard');
  expectChange(t, d, 'IOCTL_REMOVED', 'ioctl X_ASSIGN', 'value-break');
  t.is(d.verdict, 'breaking');
});
