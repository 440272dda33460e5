import type { IoctlHandler } from '../kernel/ioctl-handler';
import { cbIoctl } from './cb';
import { csIoctl } from './cs';
import { debugIoctl } from './debug';
import { infoIoctl } from './info';
import { memoryIoctl } from './memory';
import { waitCsIoctl } from './wait-cs';

/** The driver's ioctls; the dispatch table places each at the nr its spec ioctl has. */
export const IOCTL_HANDLERS: readonly IoctlHandler[] = [infoIoctl, cbIoctl, csIoctl, waitCsIoctl, memoryIoctl, debugIoctl];

export { cbIoctl, csIoctl, debugIoctl, infoIoctl, memoryIoctl, waitCsIoctl };
