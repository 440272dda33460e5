import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../core/diagnostics/format';
import { fetchKernelHeaders } from '../frontend/kernel-headers/fetch-kernel-headers';
import { runCliCaptured } from '../testing/run-cli-captured';

// README, "An upstream header, every step (ivpu from linux-libc-dev 6.12)", run as written on the
// header Debian's linux-libc-dev 6.12 ships (the kernel-header cache, as the verify-layout test
// fetches it), in an empty project: the import needs the -I of drm.h's folder and says so without it,
// lint's findings point at the header's lines, waivers settle them, the gate passes, and the next
// version of the header (the two DRM_IVPU_DRIVER_* constants removed, as 7.2 did) is a source break.

const WAIVERS = `
    drm_ivpu_submit: ['S2', 'S3', 'S5'].map((rule) => ({ rule, reason: 'upstream layout since 6.3', owner: 'vendor@example.org', expires: '2999-12-31' })),
    drm_ivpu_metric_streamer_start: ['S2', 'S3', 'S5'].map((rule) => ({ rule, reason: 'upstream layout', owner: 'vendor@example.org' })),
`;

test('the vendor walkthrough on ivpu_accel.h from linux-libc-dev 6.12 works as the README writes it', async (t) => {
  const k = fetchKernelHeaders('6.12');
  if (k.headers === undefined) return t.fail(k.issues.map(formatIssue).join('\n'));
  const drm = path.join(k.headers.includeDir, 'drm');
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ivpu-walk-'));
  const header = path.join(project, 'ivpu_accel.h');
  fs.copyFileSync(path.join(drm, 'ivpu_accel.h'), header);
  const run = (args: string[]) => runCliCaptured(args, { cwd: project });

  // 1. Without the folder of drm.h: clang's error, and the -I that makes it visible when a search folder has it.
  const bare = await run(['import', 'ivpu_accel.h', '-I', k.headers.includeDir, '--name', 'ivpu', '--version', '1.0.0']);
  t.is(bare.code, 2);
  t.true(bare.err.includes(`'drm.h' file not found; ${path.join(drm, 'drm.h')} exists: add -I ${drm}`), bare.err);
  t.is((await run(['import', 'ivpu_accel.h', '-I', drm, '--name', 'ivpu', '--version', '1.0.0'])).code, 0);

  // 2. Lint: six real errors, each at the header's line of the struct.
  const lint = await run(['lint', 'specs/ivpu', '--format', 'json']);
  t.is(lint.code, 1, lint.err);
  const findings = (JSON.parse(lint.out) as { findings: { rule: string; subject: string; severity: string; location?: { file: string } }[] }).findings.filter((f) => f.severity === 'error');
  t.is(findings.length, 6, lint.out);
  t.true(findings.every((f) => /^struct drm_ivpu_(submit|metric_streamer_start)$/.test(f.subject) && f.location?.file.endsWith('ivpu_accel.h') === true), lint.out);

  // 3. Waivers in annotations.ts, where the template shows them.
  const annotations = path.join(project, 'specs', 'ivpu', 'annotations.ts');
  const text = fs.readFileSync(annotations, 'utf8');
  t.true(text.includes('  lintWaivers: {\n'), text);
  fs.writeFileSync(annotations, text.replace('  lintWaivers: {\n', `  lintWaivers: {${WAIVERS}`));

  // 4. Goldens, the frozen release, the gate.
  t.is((await run(['snapshot', '--update'])).code, 0);
  t.is((await run(['release'])).code, 0);
  const gate = await run(['check']);
  t.is(gate.code, 0, gate.out + gate.err);

  // 5. The next header: re-import, bump the version, new goldens, the gate passes with a source break.
  fs.writeFileSync(header, fs.readFileSync(header, 'utf8').replace(/^#define DRM_IVPU_DRIVER_M(AJOR|INOR) .*\n/gm, ''));
  t.is((await run(['import', 'ivpu_accel.h', '-I', drm, '--name', 'ivpu'])).code, 0);
  fs.writeFileSync(annotations, fs.readFileSync(annotations, 'utf8').replace("// version: '1.0.0',", "version: '1.1.0',"));
  t.is((await run(['snapshot', '--update'])).code, 0);
  const next = await run(['check', '--format', 'json']);
  t.is(next.code, 0, next.out + next.err);
  const steps = (JSON.parse(next.out) as { steps: { name: string; verdict: string; summary?: string }[] }).steps;
  const diff = steps.find((s) => s.name.startsWith('diff '));
  t.truthy(diff, next.out);
  t.regex(JSON.stringify(diff), /source-breaking/);
  fs.rmSync(project, { recursive: true, force: true });
  return undefined;
});
