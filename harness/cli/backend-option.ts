import * as path from 'node:path';
import type { BackendName } from '../core/boundary/process';
import { issue } from '../core/diagnostics/issue';
import { UserError } from '../core/diagnostics/user-error';
import type { CommandContext, OptionSpec } from './command';

const BACKENDS: readonly BackendName[] = ['emulated', 'native'];

/** `--backend` and `--device` of the suite commands (fuzz, check, replay). */
export const backendOptions: Readonly<Record<'backend' | 'device', OptionSpec>> = {
  backend: {
    type: 'string', valueName: 'emulated|native',
    description: 'run the properties against an emulated device (default) or the running kernel through the native executor (real ioctl(2))',
  },
  device: { type: 'string', valueName: 'PATH', description: 'with --backend native: the device node to open instead of the recipe\'s (/dev/userfaultfd)' },
};

/** The backend the command line names (default `fallback`, emulated) and the `--device` node, checked. */
export function selectedBackend(ctx: CommandContext, fallback: BackendName = 'emulated'): { backend: BackendName; node?: string } {
  const given = ctx.values['backend'] as string | undefined;
  if (given !== undefined && !BACKENDS.includes(given as BackendName)) {
    throw new UserError([issue('USAGE_BACKEND', '--backend', `unknown backend ${given}; one of ${BACKENDS.join(', ')}`)]);
  }
  const backend = (given as BackendName | undefined) ?? fallback;
  const device = ctx.values['device'] as string | undefined;
  if (device === undefined) return { backend };
  if (backend !== 'native') throw new UserError([issue('USAGE_DEVICE', '--device', '--device names a node of the running kernel: it goes with --backend native')]);
  return { backend, node: path.resolve(ctx.io.cwd, device) };
}
