/**
 * The emulated accelerator core: a device speaking the habanalabs accel uAPI through a kernel-side
 * ioctl entry, and emulated processes to call it from.
 */
export { createDevice, compatKernelAbi } from './device/create-device';
export type { DeviceOptions } from './device/create-device';
export { Device } from './device/device';
export type { TimestampBuffer, MappedBlock } from './device/device';
export { DEFAULT_CONFIG, VA, USER_BLOCKS } from './device/config';
export type { DeviceConfig, QueueConfig, QueueKind } from './device/config';
export { PacketWriter, packets, OPCODE, PACKET_BYTES, SOB_MAX_VALUE } from './device/packets';
export { parseCommandStream } from './device/cs-parser';
export type { ParseFailure, ParseResult, ParseContext } from './device/cs-parser';
export type { Packet } from './device/packet';
export { Process } from './process/process';
export { EmulatedProcess } from './process/emulated-process';
export { ACCEL_NODES, accelNodes, nodeOf } from './process/device-nodes';
export type { DeviceNode, DeviceNodes } from './process/device-nodes';
export { AddressSpace, PAGE_SIZE, userAddress } from './process/address-space';
export type { Region, MapOptions } from './process/address-space';
export { E, errnoName, errnoByName, ok, fail } from './errno';
export type { Errno, ErrnoName, SysResult } from './errno';
export { MUTATIONS, MUTATION_IDS, mutationSet, parseMutations, NO_MUTATIONS } from './mutations';
export type { MutationId, Mutations } from './mutations';
export type { OpenFile, OpenMode } from './kernel/open-file';
export type { IoctlHandler } from './kernel/ioctl-handler';
export { IOCTL_HANDLERS } from './ioctls';
