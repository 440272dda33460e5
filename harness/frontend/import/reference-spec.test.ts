import test from 'ava';
import { formatIssue } from '../../core/diagnostics/format';
import { fetchKernelHeaders } from '../kernel-headers';
import { parseAbiList } from '../../core/layout/abi';
import { abiLayoutView } from '../../core/layout/spec-layout';
import { loadUapi } from '../../contract/load/load-uapi';
import * as path from 'node:path';
import { importHeader } from './import-header';

const ABIS = parseAbiList('all').abis;
const REFERENCE = path.resolve(__dirname, '..', '..', '..', '..', 'specs', 'habanalabs');

// The hand-written reference spec and the import of the real 6.12 header must describe the same
// uAPI: for every name the reference defines, the same layout, request number, enum and constant
// values on every ABI.
test('importing the 6.12 habanalabs_accel.h reproduces the reference spec on all 8 ABIs', async (t) => {
  const k = fetchKernelHeaders('6.12');
  if (k.headers === undefined) return t.fail(k.issues.map(formatIssue).join('\n'));
  const header = path.join(k.headers.includeDir, 'drm', 'habanalabs_accel.h');
  const imported = await importHeader(header, { includeDirs: [k.headers.includeDir] });
  if (imported.spec === undefined) return t.fail(imported.issues.map(formatIssue).join('\n'));
  const reference = await loadUapi(REFERENCE);
  if (reference.uapi === undefined) return t.fail(reference.issues.map(formatIssue).join('\n'));
  let compared = 0;
  for (const abi of ABIS) {
    const want = abiLayoutView(reference.uapi.spec, abi);
    const got = abiLayoutView(imported.spec, abi);
    for (const ty of want.types) {
      t.deepEqual(got.types.find((x) => x.name === ty.name), ty, `${abi.name}: ${ty.kind} ${ty.name}`);
      compared++;
    }
    for (const i of want.ioctls) {
      t.deepEqual(got.ioctls.find((x) => x.name === i.name), i, `${abi.name}: ioctl ${i.name}`);
      compared++;
    }
    for (const e of want.enums) {
      t.deepEqual(got.enums.find((x) => x.name === e.name), e, `${abi.name}: enum ${e.name}`);
      compared++;
    }
    for (const c of want.constants) {
      t.deepEqual(got.constants.find((x) => x.name === c.name), c, `${abi.name}: constant ${c.name}`);
      compared++;
    }
  }
  t.true(compared > 8 * 100, `only ${compared} comparisons`);
  return undefined;
});
