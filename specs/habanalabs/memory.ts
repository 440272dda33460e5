import { anonymous, field, flags, s32, struct, u32, u64, union, values } from 'uapi-harness/dsl';

// DRM_IOCTL_HL_MEMORY: device memory and the device MMU. Device memory is allocated by handle, then
// mapped (like host memory) into the context's device virtual address space; each op reads its own
// named member of the leading union.

export const hlMemOp = values('hl_mem_op', {
  HL_MEM_OP_ALLOC: { value: 0, doc: 'Allocate device memory (alloc); returns a handle.' },
  HL_MEM_OP_FREE: { value: 1, doc: 'Free an allocation (free.handle).' },
  HL_MEM_OP_MAP: { value: 2, doc: 'Map device memory (map_device) or, with HL_MEM_USERPTR, host memory (map_host); returns the device VA.' },
  HL_MEM_OP_UNMAP: { value: 3, doc: 'Unmap a device VA (unmap).' },
  HL_MEM_OP_MAP_BLOCK: { value: 4, doc: 'Map a hardware block for mmap (map_block); returns a handle and size.' },
  HL_MEM_OP_EXPORT_DMABUF_FD: { value: 5, doc: 'Export device memory as a DMA-BUF (export_dmabuf_fd); returns an fd.' },
  HL_MEM_OP_TS_ALLOC: { value: 6, doc: 'Allocate a timestamp buffer of num_of_elements entries; returns a handle.' },
}, 'Operations of DRM_IOCTL_HL_MEMORY, in `hl_mem_in.op`.');

export const hlMemFlags = flags('hl_mem_flags', {
  HL_MEM_CONTIGUOUS: 0x1, // Physically contiguous allocation.
  HL_MEM_SHARED: 0x2, // Allocation may be mapped by other contexts.
  HL_MEM_USERPTR: 0x4, // HL_MEM_OP_MAP maps host memory (map_host).
  HL_MEM_FORCE_HINT: 0x8, // Fail unless the mapping lands at the hint address.
  HL_MEM_PREFETCH: 0x40, // Prefetch the mapping into the MMU cache.
}, 'Flags of `hl_mem_in.flags` (except for HL_MEM_OP_EXPORT_DMABUF_FD, where the field carries the DMA-BUF file flags).');

export const hl_mem_in = struct('hl_mem_in', {
  per_op: anonymous(union({
    alloc: struct({
      mem_size: u64.in().doc('Bytes to allocate.'),
      page_size: u64.in().doc('Page size to allocate with; 0 for the default.'),
    }),
    free: struct({
      handle: u64.in().handle('mem').doc('Handle from HL_MEM_OP_ALLOC.'),
    }),
    map_device: struct({
      hint_addr: u64.in().doc('Wanted device VA, or 0 to let the driver choose.'),
      handle: u64.in().handle('mem').doc('Handle from HL_MEM_OP_ALLOC.'),
    }),
    map_host: struct({
      host_virt_addr: u64.in()
        .userPointer({ lengthField: 'mem_size', lengthUnit: 'bytes', dir: 'inout' })
        .doc('Host memory to pin and map.'),
      hint_addr: u64.in().doc('Wanted device VA, or 0 to let the driver choose.'),
      mem_size: u64.in().doc('Bytes of host memory.'),
    }),
    map_block: struct({
      block_addr: u64.in().doc('Configuration-space address of the hardware block.'),
    }),
    unmap: struct({
      device_virt_addr: u64.in().doc('Device VA returned by HL_MEM_OP_MAP.'),
    }),
    export_dmabuf_fd: struct({
      addr: u64.in().doc('Device VA of mapped DRAM (Gaudi1: a DRAM physical address).'),
      mem_size: u64.in(),
      offset: u64.in().doc('Offset inside the mapped area (Gaudi1: 0).'),
    }),
  })),
  op: u32.in().oneOf('hl_mem_op'),
  flags: u32.in().flags('hl_mem_flags'),
  ctx_id: u32.in().doc('Not used.'),
  num_of_elements: u32.in().doc('HL_MEM_OP_TS_ALLOC: timestamp entries, at most TS_MAX_ELEMENTS_NUM.'),
}, { doc: 'Input half of DRM_IOCTL_HL_MEMORY.' });

export const hl_mem_out = struct('hl_mem_out', {
  result: anonymous(union({
    device_virt_addr: u64.out().doc('HL_MEM_OP_MAP: the device VA assigned.'),
    handle: u64.out().handle('mem').doc('HL_MEM_OP_ALLOC: the allocation (HL_MEM_OP_TS_ALLOC: the timestamp buffer).'),
    block: anonymous(struct({
      block_handle: u64.out().handle('block').doc('HL_MEM_OP_MAP_BLOCK: mmap handle of the block.'),
      block_size: u32.out().doc('HL_MEM_OP_MAP_BLOCK: size of the block.'),
      pad: u32.pad(),
    })),
    fd: s32.out().doc('HL_MEM_OP_EXPORT_DMABUF_FD: the DMA-BUF file descriptor.'),
  })),
}, { doc: 'Output half of DRM_IOCTL_HL_MEMORY.' });

export const hl_mem_args = union('hl_mem_args', {
  in: field(hl_mem_in).in(),
  out: field(hl_mem_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_MEMORY.' });
