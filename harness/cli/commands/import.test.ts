import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadUapi } from '../../contract/load/load-uapi';
import { runCliCaptured } from '../../testing/run-cli-captured';

const HEADER_V1 = `#include <linux/types.h>
#include <linux/ioctl.h>
struct demo_args {
	__u64 ptr;
	__u32 flags;
	__u32 pad;
	union { __u32 count; __u32 size; };
	__u8 bits : 4;
	void *legacy;
};
enum demo_state { DEMO_IDLE, DEMO_BUSY = 4 };
#define DEMO_FLAG_A (1U << 0)
#define DEMO_FLAG_B (1U << 1)
#define DEMO_IOCTL _IOWR('d', 0x40, struct demo_args)
`;

function project(): { dir: string; header: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-cli-'));
  const header = path.join(dir, 'demo.h');
  fs.writeFileSync(header, HEADER_V1);
  return { dir, header };
}

test('import writes a DSL spec whose layout equals the header\'s on every ABI', async (t) => {
  const { dir, header } = project();
  const r = await runCliCaptured(['import', header, '--version', '1.0.0'], { cwd: dir });
  t.is(r.code, 0, r.err);
  const out = path.join(dir, 'specs', 'demo');
  t.true(fs.existsSync(path.join(out, 'spec.ts')));
  t.true(fs.existsSync(path.join(out, 'annotations.ts')));
  t.regex(fs.readFileSync(path.join(out, 'spec.ts'), 'utf8'), /export const demo_args = struct\('demo_args', \{/);
  t.regex(fs.readFileSync(path.join(out, 'annotations.ts'), 'utf8'), /\/\/ 'demo_args\.pad': \{ role: 'pad' \},/);
  const fromSpec = await runCliCaptured(['layout', out, '--abi', 'all', '--format', 'json'], { cwd: dir });
  const fromHeader = await runCliCaptured(['layout', header, '--abi', 'all', '--format', 'json', ], { cwd: dir });
  t.is(fromSpec.code, 0, fromSpec.err);
  t.is(fromHeader.code, 0, fromHeader.err);
  const header0 = JSON.parse(fromHeader.out) as { uapi: unknown; layouts: unknown };
  const spec0 = JSON.parse(fromSpec.out) as { uapi: unknown; layouts: unknown };
  t.deepEqual(spec0.uapi, { name: 'demo', version: '1.0.0' });
  t.deepEqual(spec0.layouts, header0.layouts);
});

test('re-importing a changed header keeps the annotations, and a stale one is reported by name', async (t) => {
  const { dir, header } = project();
  t.is((await runCliCaptured(['import', header, '--out', 'demo'], { cwd: dir })).code, 0);
  const annotations = path.join(dir, 'demo', 'annotations.ts');
  const mine = `import { defineAnnotations } from 'uapi-harness';
export const annotations = defineAnnotations({
  version: '2.0.0',
  fields: { 'demo_args.pad': { role: 'pad' }, 'demo_args.flags': { flags: 'demo_flags' } },
  ioctls: { DEMO_IOCTL: { sizeExtensible: true, errno: { badValue: 'EINVAL' } } },
  groups: { demo_flags: { of: 'flags', members: ['DEMO_FLAG_A', 'DEMO_FLAG_B'] } },
});
`;
  fs.writeFileSync(annotations, mine);
  // The header grows a field; the import runs again.
  fs.writeFileSync(header, HEADER_V1.replace('\tvoid *legacy;', '\tvoid *legacy;\n\t__u64 added;'));
  const again = await runCliCaptured(['import', header, '--out', 'demo'], { cwd: dir });
  t.is(again.code, 0, again.err);
  t.regex(again.out, /kept .*annotations\.ts/);
  t.is(fs.readFileSync(annotations, 'utf8'), mine);
  const layout = await runCliCaptured(['layout', path.join(dir, 'demo'), '--abi', 'x86_64', '--format', 'json'], { cwd: dir });
  t.is(layout.code, 0, layout.err);
  const json = JSON.parse(layout.out) as { uapi: { version: string }; layouts: { types: { name: string; fields: { name: string }[] }[] }[] };
  t.is(json.uapi.version, '2.0.0');
  t.true(json.layouts[0]?.types.find((x) => x.name === 'demo_args')?.fields.some((f) => f.name === 'added'));
  // The model itself carries the annotations.
  const loaded = await loadUapi(path.join(dir, 'demo'));
  const args = loaded.uapi?.spec.records.find((x) => x.name === 'demo_args');
  t.deepEqual(args?.members.find((m) => m.name === 'pad')?.annotations, { role: 'pad' });
  t.like(loaded.uapi?.spec.ioctls[0], { sizeExtensible: true, errno: { badValue: 'EINVAL' } });
  t.deepEqual(loaded.uapi?.spec.constants.filter((c) => c.group === 'demo_flags').map((c) => c.name), ['DEMO_FLAG_A', 'DEMO_FLAG_B']);
  // The header renames `pad`: the annotation would be lost, so loading says which one.
  fs.writeFileSync(header, HEADER_V1.replace('__u32 pad;', '__u32 reserved;'));
  t.is((await runCliCaptured(['import', header, '--out', 'demo'], { cwd: dir })).code, 0);
  const stale = await runCliCaptured(['layout', path.join(dir, 'demo')], { cwd: dir });
  t.is(stale.code, 2);
  t.regex(stale.err, /fields\['demo_args\.pad'\]: no field pad/);
});

// A kernel developer edits the header, not the generated spec: findings and changes about an
// imported declaration point at its header line, with the spec's line beside it in JSON.
test('lint findings and diff changes of an imported spec point at the header line, the spec line second', async (t) => {
  const { dir, header } = project();
  t.is((await runCliCaptured(['import', 'demo.h', '--out', 'specs/demo', '--version', '1.0.0'], { cwd: dir })).code, 0);
  const lint = await runCliCaptured(['lint', 'specs/demo', '--format', 'json'], { cwd: dir });
  const findings = (JSON.parse(lint.out) as { findings: { subject: string; location?: { file: string; line: number; col: number; spec?: { file: string } } }[] }).findings;
  const onLegacy = findings.find((f) => f.subject === 'struct demo_args.legacy');
  t.truthy(onLegacy, lint.out);
  // Shown relative to the process's working directory (the test runs the CLI in-process).
  const shown = (p: string): string => path.relative(process.cwd(), path.join(dir, p));
  t.like(onLegacy?.location, { file: shown('demo.h'), line: 9, col: 8, spec: { file: shown('specs/demo/spec.ts') } });
  const text = await runCliCaptured(['lint', 'specs/demo'], { cwd: dir });
  t.true(text.out.split('\n').some((l) => l.startsWith(`${shown('demo.h')}:9:8: `)), text.out);
  // The next version of the header, imported into its own folder: the change points at the new header.
  fs.mkdirSync(path.join(dir, 'next'));
  fs.writeFileSync(path.join(dir, 'next', 'demo.h'), HEADER_V1.replace('\t__u32 flags;', '\t__u32 flags;\n\t__u32 mode;'));
  t.is((await runCliCaptured(['import', 'next/demo.h', '--out', 'specs/next', '--version', '2.0.0'], { cwd: dir })).code, 0);
  const diff = await runCliCaptured(['diff', 'specs/demo', 'specs/next', '--format', 'json'], { cwd: dir });
  const changes = (JSON.parse(diff.out) as { changes: { subject: string; location?: { file: string; line: number } }[] }).changes;
  const added = changes.find((c) => c.subject === 'struct demo_args.mode');
  t.like(added?.location, { file: shown('next/demo.h'), line: 6 }, diff.out);
  // The header moved with the project: the spec finds it relative to its own folder, whatever the cwd.
  t.true(fs.readFileSync(path.join(dir, 'specs', 'demo', 'spec.ts'), 'utf8').includes("file: '../../demo.h',"));
  t.true(fs.existsSync(header));
});
