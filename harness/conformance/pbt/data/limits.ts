/** The largest `_IOC_SIZE` any ABI encodes (14 bits; powerpc and mips have 13): no argument is longer. */
export const MAX_IOCTL_SIZE = (1 << 14) - 1;
