import { defineSpec, values } from 'uapi-harness/dsl';

/**
 * A break of 5.15: HL_WAIT_CS_STATUS_INTERRUPTED (4), the last value of the wait statuses, was
 * removed; code that compared hl_wait_cs_out.status with it no longer built, and binaries that did
 * still expected a value the driver would never return for an interrupted wait.
 *
 * The current spec no longer has INTERRUPTED, so the replay removes the value that is now last,
 * HL_WAIT_CS_STATUS_ABORTED (3), in the same way.
 */

export const hlWaitCsStatus = values('hl_wait_cs_status', {
  HL_WAIT_CS_STATUS_COMPLETED: 0,
  HL_WAIT_CS_STATUS_BUSY: { value: 1, doc: 'Still running when the timeout expired (the ioctl itself succeeds).' },
  HL_WAIT_CS_STATUS_TIMEDOUT: { value: 2, doc: 'The submission timed out on the device (the ioctl fails with ETIMEDOUT).' },
}, 'Values of `hl_wait_cs_out.status`.');

export const edits = defineSpec({ name: 'habanalabs', version: '1.5.0', constants: [hlWaitCsStatus] });
