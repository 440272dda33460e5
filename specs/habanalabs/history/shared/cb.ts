import { anonymous, field, struct, u32, u64, union } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// DRM_IOCTL_HL_CB: command buffers. A command buffer is kernel memory the caller mmaps (by handle) to
// write packets into, then names in a submission chunk. Handles are per file descriptor.

export const hl_cb_in = struct('hl_cb_in', {
  cb_handle: u64.in().handle('cb').doc('Buffer to destroy or query; 0 to create one.'),
  op: u32.in().oneOf('hl_cb_op'),
  cb_size: u32.in().doc('Requested size, at most HL_MAX_CB_SIZE; at least a page is allocated.'),
  ctx_id: u32.in().doc('Not used.'),
  flags: u32.in().flags('hl_cb_flags'),
}, { doc: 'Input half of DRM_IOCTL_HL_CB.' });

export const hl_cb_out = struct('hl_cb_out', {
  result: anonymous(union({
    cb_handle: u64.out().handle('cb').doc('Handle of the created buffer (HL_CB_OP_CREATE).'),
    info: anonymous(union({
      usage: anonymous(struct({
        usage_cnt: u32.out().doc('Mappings of the buffer (HL_CB_OP_INFO).'),
        pad: u32.pad(),
      })),
      device_va: u64.out().doc('Device address of the buffer (HL_CB_OP_INFO with HL_CB_FLAGS_GET_DEVICE_VA).'),
    })),
  })),
}, { doc: 'Output half of DRM_IOCTL_HL_CB; which member is valid depends on the op.' });

export const hl_cb_args = union('hl_cb_args', {
  in: field(hl_cb_in).in(),
  out: field(hl_cb_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CB: the driver reads `in` and overwrites the same bytes with `out`.' });
