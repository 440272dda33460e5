import { CONFIG_FILE } from '../../contract/config/config';

/**
 * Each command's one-line summary, kept apart from the commands so that `uapi --help` can list them
 * without loading any command (together the commands load most of the harness).
 */
export const COMMAND_SUMMARIES = {
  'layout': 'print layouts, ioctl request numbers, enums and constants per ABI',
  'import': 'import a C header into a spec in the DSL (spec.ts, plus annotations.ts kept across imports)',
  'verify-layout': "check the layout engine's numbers against clang's, per ABI",
  'snapshot': 'compare the golden layout files with the specs (default), or rewrite them with --update',
  'diff': 'classify every change between two versions of a uAPI and give a verdict',
  'lint': 'check a uAPI against the static rules S1-S15 (fixed-width types, no padding, 32/64-bit layouts, ...)',
  'check': 'the gate: goldens, diff against every release, lint, properties, old userspace and golden traces',
  'check-tree': 'kernel-tree mode: check every uAPI header changed between two git revisions, like check-uapi.sh',
  'fuzz': 'long property runs against the emulated core (nightly), sharded, with failure files',
  'replay': 'reproduce one property failure exactly, from its failure file or its seed and path',
  'trace': 'replay every release\'s golden ioctl trace on the current core, or record the missing ones',
  'mutate': 'proof that the suite catches breaks: run it against each behavioural mutation of the emulator',
  'release': 'freeze the working spec version into snapshots/<uapi>/<version>/',
  'init': `write a starter ${CONFIG_FILE} (uAPIs, ABIs, policy, budgets)`,
} as const satisfies Readonly<Record<string, string>>;

export type CommandName = keyof typeof COMMAND_SUMMARIES;
