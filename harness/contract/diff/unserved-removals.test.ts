import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { directoryReferences, revisionReferences, type SourceReferences } from '../../frontend/tree/source-references';
import type { Change } from './change';
import { unservedRemovals } from './unserved-removals';

/** A removal; its request is made from the name, so different names are different requests unless `old` says otherwise. */
const removed = (name: string, rule = 'IOCTL_REMOVED', level: Change['level'] = 'value-break'): Change =>
  ({ rule, level, subject: `ioctl ${name}`, abis: ['x86_64'], old: `request of ${name}`, new: null, message: `${name} was removed: old binaries get ENOTTY` });
const other: Change = { rule: 'CONSTANT_ADDED', level: 'compatible', subject: 'constant X_NEW', abis: ['x86_64'], old: null, new: 1, message: 'added' };
const fake = (refs: Record<string, readonly string[]>, files: Record<string, string> = {}): SourceReferences => ({
  label: 'the tree /src',
  find: (names) => new Map(names.flatMap((n) => (refs[n] !== undefined ? [[n, refs[n] as readonly string[]]] : []))),
  text: (file) => files[file],
});

test('a removed ioctl the old sources name nowhere, while they name the header\'s other ioctls, is compatible', (t) => {
  const out = unservedRemovals([removed('X_ASSIGN'), removed('X_TRACE', 'IOCTL_REMOVED_RETIRED', 'hazard'), removed('X_STILL'), other], ['X_ASSIGN', 'X_TRACE', 'X_STILL', 'X_KEPT'], fake({ X_KEPT: ['virt/x.c:10'], X_STILL: ['virt/x.c:20', 'virt/y.c:1'] }));
  t.like(out[0], { rule: 'IOCTL_REMOVED_UNSERVED', level: 'compatible' });
  t.regex(out[0]?.message ?? '', /names it \(and any other name of the same request\) nowhere .* \(X_KEPT at virt\/x\.c:10\)/);
  t.like(out[1], { rule: 'IOCTL_REMOVED_UNSERVED', level: 'compatible' });
  // Still named: the rule stays, and the message says where (a handler may only reject it).
  t.like(out[2], { rule: 'IOCTL_REMOVED', level: 'value-break' });
  t.regex(out[2]?.message ?? '', /still names it at virt\/x\.c:20/);
  t.is(out[3], other);
});

test('a removed __-internal ioctl and its removed alias of the same request are served if the sources name either', (t) => {
  const internal = (name: string, old: string): Change => ({ ...removed(name, 'INTERNAL_NAME_REMOVED', 'hazard'), old });
  const aliasOf = (name: string, old: string): Change => ({ ...removed(name, 'IOCTL_REMOVED_RETIRED', 'hazard'), old });
  const out = unservedRemovals([internal('__X_DEPRECATED_0x06', '0x6'), aliasOf('X_TRACE', '0x6'), internal('__X_DEPRECATED_0x70', '0x70'), aliasOf('X_OLD_IRQ', '0x70')], ['X_KEPT'], fake({ X_KEPT: ['virt/x.c:10'], X_TRACE: ['virt/x.c:99'] }));
  t.deepEqual(out.map((c) => [c.rule, c.subject]), [
    ['INTERNAL_NAME_REMOVED', 'ioctl __X_DEPRECATED_0x06'],
    ['IOCTL_REMOVED_RETIRED', 'ioctl X_TRACE'],
    ['IOCTL_REMOVED_UNSERVED', 'ioctl __X_DEPRECATED_0x70'],
    ['IOCTL_REMOVED_UNSERVED', 'ioctl X_OLD_IRQ'],
  ]);
  t.regex(out[0]?.message ?? '', /still names X_TRACE, the same request, at virt\/x\.c:99/);
});

test('a removed ioctl the old kernel names only as a case answering an error (and its aliases likewise) was refused already', (t) => {
  const main = 'switch (ioctl) {\ncase X_KEPT:\n\tr = run();\n\tbreak;\ncase X_TRACE_ON:\ncase X_TRACE_OFF:\n\t/* gone */\n\tr = -EOPNOTSUPP;\n\tbreak;\ncase X_BUSY:\n\treturn -EBUSY;\ncase X_HALF:\n\tr = -EINVAL;\n\tif (x) r = 0;\n}\n';
  const refs = { X_KEPT: ['virt/x.c:2'], X_TRACE_ON: ['virt/x.c:5'], X_TRACE_OFF: ['virt/x.c:6'], X_BUSY: ['virt/x.c:10'], X_HALF: ['virt/x.c:12'], X_MIXED: ['virt/x.c:5', 'virt/y.c:1'] };
  const internal: Change = { ...removed('__X_DEPRECATED_0x06', 'INTERNAL_NAME_REMOVED', 'hazard'), old: 'request of X_TRACE_ON' };
  const out = unservedRemovals([removed('X_TRACE_ON', 'IOCTL_REMOVED_RETIRED', 'hazard'), internal, removed('X_BUSY'), removed('X_HALF'), removed('X_MIXED')], ['X_KEPT'], fake(refs, { 'virt/x.c': main, 'virt/y.c': 'x = X_MIXED;\n' }));
  t.deepEqual(out.map((c) => [c.rule, c.subject]), [
    ['IOCTL_REMOVED_REJECTED', 'ioctl X_TRACE_ON'],
    ['IOCTL_REMOVED_REJECTED', 'ioctl __X_DEPRECATED_0x06'],
    ['IOCTL_REMOVED_REJECTED', 'ioctl X_BUSY'],
    // A body that does more than answer an error, or a reference that is no case label, is a handler.
    ['IOCTL_REMOVED', 'ioctl X_HALF'],
    ['IOCTL_REMOVED', 'ioctl X_MIXED'],
  ]);
  t.regex(out[0]?.message ?? '', /only as a case that answers an error \(virt\/x\.c:5: r = -EOPNOTSUPP; break;\)/);
  t.regex(out[1]?.message ?? '', /\(or X_TRACE_ON, the same request\)/);
});

test('sources that name none of the header\'s ioctls say nothing: the removal stays, and says why', (t) => {
  const out = unservedRemovals([removed('X_ASSIGN')], ['X_ASSIGN', 'X_KEPT'], fake({}));
  t.like(out[0], { rule: 'IOCTL_REMOVED', level: 'value-break' });
  t.regex(out[0]?.message ?? '', /names none of this header's ioctls/);
  const failed = unservedRemovals([removed('X_ASSIGN')], ['X_ASSIGN', 'X_KEPT'], { label: 'revision v1', find: () => 'bad revision', text: () => undefined });
  t.like(failed[0], { rule: 'IOCTL_REMOVED' });
  t.regex(failed[0]?.message ?? '', /revision v1 could not be searched: bad revision/);
  t.deepEqual(unservedRemovals([removed('X_ASSIGN')], ['X_ASSIGN'], undefined), [removed('X_ASSIGN')]);
});

test('a name now defined only for other architectures: compatible on the ABIs whose arch/ never used it, a hazard where it did', (t) => {
  const arch = (name: string, abis: readonly string[]): Change => ({ rule: 'DEFINITION_NOW_ARCH_SPECIFIC', level: 'hazard', subject: `ioctl ${name}`, abis, old: '0x1', new: null, message: `${name} is no longer defined` });
  const sources = fake({ X_KEPT: ['virt/x.c:10'], X_XEN: ['arch/x86/kvm/x86.c:7'], X_PPC: ['arch/arm64/kvm/a.c:3', 'arch/powerpc/kvm/p.c:5'], X_SHARED: ['arch/x86/k.c:1', 'virt/x.c:30'] });
  const out = unservedRemovals([arch('X_XEN', ['aarch64', 'arm']), arch('X_PPC', ['aarch64', 'arm']), arch('X_SHARED', ['arm']), arch('X_GONE', ['arm'])], ['X_KEPT', 'X_XEN', 'X_PPC', 'X_SHARED', 'X_GONE'], sources);
  t.deepEqual(out.map((c) => [c.rule, c.level, c.subject, c.abis]), [
    ['DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED', 'compatible', 'ioctl X_XEN', ['aarch64', 'arm']],
    // arm binaries also run on arm64 kernels: arm64's handler serves them too.
    ['DEFINITION_NOW_ARCH_SPECIFIC', 'hazard', 'ioctl X_PPC', ['aarch64', 'arm']],
    ['DEFINITION_NOW_ARCH_SPECIFIC', 'hazard', 'ioctl X_SHARED', ['arm']],
    ['DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED', 'compatible', 'ioctl X_GONE', ['arm']],
  ]);
  t.regex(out[0]?.message ?? '', /uses it only under arch\/x86\/ \(arch\/x86\/kvm\/x86\.c:7\)/);
  t.regex(out[1]?.message ?? '', /uses it for these architectures, at arch\/arm64\/kvm\/a\.c:3/);
  t.regex(out[2]?.message ?? '', /code every architecture builds, at virt\/x\.c:30/);
  const ppcOnly = unservedRemovals([arch('X_PPC', ['aarch64', 'arm', 'x86_64'])], ['X_KEPT'], fake({ X_KEPT: ['virt/x.c:10'], X_PPC: ['arch/powerpc/kvm/p.c:5'] }));
  t.deepEqual(ppcOnly.map((c) => [c.rule, c.abis]), [['DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED', ['aarch64', 'arm', 'x86_64']]]);
});

/** A small kernel-like tree: the uAPI header, a driver switch, a DRM-style pasted table, docs and tools that name a dead ioctl. */
function kernelTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-src-'));
  const put = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  put('include/uapi/linux/x.h', '#define X_KEPT 1\n#define X_DEAD 2\n#define DRM_IOCTL_X_TABLE 3\n');
  put('virt/x/main.c', `switch (cmd) {\ncase X_KEPT:\n\tbreak;\n}\n${'\n'.repeat(7)}/* X_KEPT */\n`);
  put('drivers/x/drv.c', '#define DEF(ioctl) [DRM_IOCTL_##ioctl] = 1\nstatic int t[] = { DEF(X_TABLE) };\n');
  put('Documentation/x.c', 'X_DEAD\n');
  put('tools/include/x.h', 'X_DEAD\n');
  return root;
}

test('directory and git-revision sources: names outside uAPI/docs/tools, pasted names found through their prefix', (t) => {
  const root = kernelTree();
  const check = (refs: SourceReferences): void => {
    const found = refs.find(['X_KEPT', 'X_DEAD', 'DRM_IOCTL_X_TABLE']);
    if (typeof found === 'string') return void t.fail(found);
    t.deepEqual(found.get('X_KEPT'), ['virt/x/main.c:2', 'virt/x/main.c:12']);
    t.false(found.has('X_DEAD'));
    t.deepEqual(found.get('DRM_IOCTL_X_TABLE'), ['drivers/x/drv.c:2 (as X_TABLE, pasted after DRM_IOCTL_##)']);
  };
  check(directoryReferences(root));
  const g = (...args: string[]): void => void execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'ignore' });
  g('init', '-q');
  g('add', '.');
  g('commit', '-q', '-m', 'tree');
  check(revisionReferences(root, 'HEAD'));
  t.regex(String(revisionReferences(root, 'no-such-ref').find(['X_KEPT'])), /git grep failed at no-such-ref/);
});
