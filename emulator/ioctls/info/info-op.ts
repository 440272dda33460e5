import type { Errno } from '../../errno';
import type { IoctlCall } from '../../kernel/ioctl-call';
import type { InfoArgs } from '../../kernel/kernel-codecs';
import type { ConstantName } from '../../kernel/spec-constants';

/** One INFO opcode: answers from the device state, or returns an errno. */
export type InfoOp = (call: IoctlCall, args: InfoArgs) => Errno;

/** INFO opcodes by the name of their spec constant (the handler resolves them to values). */
export type InfoOps = { readonly [N in ConstantName]?: InfoOp };
