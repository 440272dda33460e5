/**
 * Which folder of the repository may import which: the table the README's "Repository layout" shows
 * and `layers.test.ts` enforces. Data flows upward through the layers (core → front end → contract →
 * userspace → conformance → gate → cli); an import may only point down (or sideways inside its own
 * layer). A new folder must be given a layer here, or the test names it.
 */
export interface Layer {
  /** Layer name, as the README's table spells it. */
  readonly name: string;
  /** Path prefixes (from the repository root) of the files in this layer; the longest match wins. */
  readonly paths: readonly string[];
  /** Layers (or path prefixes, for a finer grain) this layer's files may import, itself included. */
  readonly may: readonly string[];
  /** Layers this layer may import for types only (`import type`, no run-time edge). */
  readonly mayForTypes?: readonly string[];
  /** What the layer holds, for the README. */
  readonly holds: string;
}

/**
 * Test files (`*.test.ts`) and the test helpers (harness/testing) sit above every layer: they wire
 * layers together to check them and may import anything; nothing but tests and test helpers may
 * import them.
 */
export const TEST_HELPERS = 'testing';

export const LAYERS: readonly Layer[] = [
  {
    name: 'core', paths: ['harness/core/'], may: ['core'],
    holds: 'spec model (model/: the DSL, validation, canonical JSON), layout (ABIs, engine, ioctl encoding), codec, diagnostics, the shape of the rule registry (rules/), util',
  },
  {
    name: 'frontend', paths: ['harness/frontend/'], may: ['core', 'frontend'],
    holds: 'everything that reads C: clang, header import, C header emit, layout oracle, kernel header downloads, git trees, and the one C build (cbuild/: the system C compiler, `$CC`, and content-addressed builds for the native executor, the interposer and the C client suite)',
  },
  {
    name: 'report', paths: ['harness/report/'], may: ['core', 'report'],
    holds: 'the generic report writers (text, markdown, junit, github, sarif) and the `Report` shape they take',
  },
  {
    name: 'contract', paths: ['harness/contract/'], may: ['core', 'frontend', 'report', 'contract'],
    holds: 'load (specs, headers, refs, frozen releases), snapshot (goldens), release store, diff (rules), lint (rules), config',
  },
  {
    name: 'emulator', paths: ['emulator/'], may: ['core', 'emulator'], mayForTypes: ['specs'],
    holds: 'the emulated accelerator core and the emulated process (the `Process` boundary of core over an emulated /dev); it serves the spec it is given and reads the habanalabs spec for types only',
  },
  {
    name: 'userspace', paths: ['harness/userspace/'], may: ['core', 'userspace', 'harness/frontend/clang/content-cache', 'harness/frontend/cbuild/'], mayForTypes: ['specs'],
    holds: 'the one userspace caller (request numbers, scratch memory, struct in/out) over the `Process` boundary of core, the typed runtime (HlRuntime) on it, and the native backend (native/: a C executor compiled into the harness cache, implementing `Process` with real system calls)',
  },
  {
    name: 'interposer', paths: ['harness/interposer/'], may: ['core', 'frontend', 'emulator', 'interposer'],
    holds: 'the `LD_PRELOAD` interposer (C, built on first use) and its Node half: real programs against the emulated core',
  },
  {
    name: 'conformance', paths: ['harness/conformance/'], may: ['core', 'frontend', 'report', 'contract', 'emulator', 'userspace', 'interposer', 'conformance'],
    holds: 'the property suite (pbt), the devices under test it runs against (devices/: the emulated habanalabs core, userfaultfd on the running kernel through the native backend) and golden ioctl traces',
  },
  {
    name: 'gate', paths: ['harness/gate/'], may: ['core', 'frontend', 'report', 'contract', 'emulator', 'userspace', 'interposer', 'conformance', 'gate'],
    holds: '`uapi check` and `check-tree` steps and outputs, the HTML page, freezing a release',
  },
  {
    name: 'cli', paths: ['harness/cli/'], may: ['core', 'frontend', 'report', 'contract', 'emulator', 'userspace', 'interposer', 'conformance', 'gate', 'cli'],
    holds: 'commands as data, options, exit codes',
  },
  {
    name: 'api', paths: ['harness/index.ts'], may: ['core', 'frontend', 'report', 'contract', 'emulator', 'userspace', 'interposer', 'conformance', 'gate'],
    holds: "the library's public barrel (`uapi-harness`)",
  },
  {
    name: 'specs', paths: ['specs/'], may: ['specs', 'harness/core/model/dsl/'],
    holds: "uAPI specs: data over the DSL entry (`uapi-harness/dsl`) only",
  },
  {
    name: 'examples', paths: ['emulator/examples/'], may: ['core', 'emulator', 'userspace', 'specs'],
    holds: 'runnable examples of the runtime over the emulated core',
  },
  {
    name: 'vendor', paths: ['examples/'], may: ['api', 'harness/core/model/dsl/'],
    holds: "what a driver's vendor writes outside the harness (a spec, a device under test): the package's entries only",
  },
  {
    name: 'bench', paths: ['bench/'], may: ['core', 'frontend', 'report', 'contract', 'emulator', 'userspace', 'interposer', 'conformance', 'gate', 'cli', 'specs', 'bench', TEST_HELPERS],
    holds: 'benchmarks (npm run bench)',
  },
  {
    name: TEST_HELPERS, paths: ['harness/testing/'], may: ['*'],
    holds: 'test helpers, test data and the malformed-input corpus (imported by tests only)',
  },
];

/** Bare module names that mean a file of this repository (package self-reference and tsconfig paths). */
export const PACKAGE_ENTRIES: Readonly<Record<string, string>> = {
  'uapi-harness': 'harness/index.ts',
  'uapi-harness/dsl': 'harness/core/model/dsl/index.ts',
};

/** The table as Markdown, exactly as the README's "Repository layout" shows it (a test compares). */
export function layerTableMarkdown(layers: readonly Layer[] = LAYERS): string {
  const code = (s: string): string => (s.includes('/') ? `\`${s}\`` : s);
  const rows = layers.map((l) => {
    const may = l.may.includes('*') ? 'anything' : l.may.filter((m) => m !== l.name).map(code).join(', ') || '—';
    const types = l.mayForTypes !== undefined ? `; for types only: ${l.mayForTypes.map(code).join(', ')}` : '';
    return `| ${l.name} | ${l.paths.map((p) => `\`${p}\``).join(', ')} | ${l.holds} | ${may}${types} |`;
  });
  return ['| layer | folder | holds | may import (besides itself) |', '|---|---|---|---|', ...rows].join('\n');
}
