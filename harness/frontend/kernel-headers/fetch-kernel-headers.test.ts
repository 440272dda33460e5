import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics/format';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { fetchKernelHeaders } from './fetch-kernel-headers';
import type { KernelSeries } from './debian-suites';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

// Each series: Debian's linux-libc-dev, fetched into the cache (the first run downloads it), then
// the accelerator uAPIs it ships checked against clang on all 8 ABIs.
const HEADERS: Readonly<Partial<Record<KernelSeries, readonly string[]>>> = {
  '5.10': ['misc/habanalabs.h', 'linux/kfd_ioctl.h'],
  '6.1': ['misc/habanalabs.h', 'linux/kfd_ioctl.h'],
  '6.12': ['drm/habanalabs_accel.h', 'drm/ivpu_accel.h', 'drm/qaic_accel.h', 'linux/kfd_ioctl.h', 'drm/amdgpu_drm.h', 'drm/drm.h'],
};

for (const [series, headers] of Object.entries(HEADERS) as [KernelSeries, readonly string[]][]) {
  test(`Linux ${series}: linux-libc-dev is fetched and its accelerator uAPIs pass verify-layout`, async (t) => {
    const k = fetchKernelHeaders(series);
    if (k.headers === undefined) return t.fail(k.issues.map(formatIssue).join('\n'));
    t.regex(k.headers.version, new RegExp(`^${series.replace('.', '\\.')}\\.`));
    for (const h of headers) {
      const file = path.join(k.headers.includeDir, h);
      if (h.startsWith('linux/kfd') && !fs.existsSync(path.join(k.headers.includeDir, 'drm', 'drm.h'))) {
        // Debian's 5.10 and 6.1 packages leave drm/ to libdrm; kfd_ioctl.h is checked with 6.12's.
        continue;
      }
      t.true(fs.existsSync(file), file);
      const r = await runCliCaptured(['verify-layout', file, '-I', k.headers.includeDir], { cwd: repoRoot });
      t.is(r.code, 0, `${h}: ${r.out}${r.err}`);
      t.regex(r.out, /agree with clang/);
    }
    return undefined;
  });
}

test('an unreachable package archive is a clear issue, not an exception', (t) => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-kh-'));
  // Port 9 (discard) on the loopback address: nothing answers.
  const r = fetchKernelHeaders('6.12', { cacheDir, mirror: 'http://127.0.0.1:9/debian' });
  t.is(r.headers, undefined);
  t.is(r.issues[0]?.code, 'KERNEL_HEADERS_UNAVAILABLE');
  t.regex(r.issues[0]?.message ?? '', /cannot reach Debian's package archive \(http:\/\/127\.0\.0\.1:9\/debian, trixie\)/);
  t.deepEqual(fs.readdirSync(cacheDir), [], 'nothing half-done is left behind');
});
