import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileMemo } from '../clang/file-memo';
import { candidatesReachingIoctl } from './ioctl-reach';
import { macroCandidates } from './macro-candidates';

const HEADER = `#include "wrap.h"
#define PLAIN 4
#define DERIVED (PLAIN + 1)
#define DIRECT _IOR('x', 1, int)
#define WRAPPED WRAP_IOW(2, int)
#define LAST _IOC_NR(DIRECT)
#define GLUED GLUE(FOO, BAR)
#define DIR_WORD _IOC_WRITE
#define MULTI \\
  _IO('x', 3)
`;
const INCLUDED = `#define WRAP_IOW(nr, t) _IOW('x', nr, t)
#define GLUE(a, b) a##b
#define UNRELATED(x) ((x) + 1)
`;

test('shapes are asked for every candidate whose expansion may reach an _IO* macro, and only those', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-reach-'));
  const header = path.join(dir, 'h.h');
  const included = path.join(dir, 'wrap.h');
  fs.writeFileSync(header, HEADER);
  fs.writeFileSync(included, INCLUDED);
  const candidates = macroCandidates(HEADER, header);
  const asked = candidatesReachingIoctl(candidates, HEADER, [header, included], new FileMemo()).map((i) => candidates[i]?.name);
  // Through a wrapper in another file, through another candidate, a pasting macro (it may build any
  // name), an _IO* constant itself, a continued definition; not the plain constants.
  t.deepEqual(asked, ['DIRECT', 'WRAPPED', 'LAST', 'GLUED', 'DIR_WORD', 'MULTI']);
});
