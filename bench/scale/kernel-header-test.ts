import type { HeaderOutcome } from './header-outcome';

/**
 * The headers the kernel's own header test leaves out: `no-header-test` in `usr/include/Makefile`
 * ("excluded for now because they fail to build") as Linux 6.12 has it (6.1's list is the same
 * without linux/if_tunnel.h), without the per-architecture entries, which name asm/ headers a
 * whole-tree run does not visit. `make headers_install` installs them all the same; they need libc types (`size_t`,
 * `struct timespec`, `struct sockaddr`), a header the kernel does not install, or another header to
 * include them first. check-uapi.sh takes its list of headers to skip from there.
 */
const NO_HEADER_TEST: ReadonlySet<string> = new Set([
  'asm/ucontext.h',
  'drm/vmwgfx_drm.h',
  'linux/am437x-vpfe.h',
  'linux/coda.h',
  'linux/cyclades.h',
  'linux/errqueue.h',
  'linux/hdlc/ioctl.h',
  'linux/if_tunnel.h',
  'linux/ivtv.h',
  'linux/matroxfb.h',
  'linux/omap3isp.h',
  'linux/omapfb.h',
  'linux/patchkey.h',
  'linux/phonet.h',
  'linux/sctp.h',
  'linux/sysctl.h',
  'linux/usb/audio.h',
  'linux/v4l2-mediabus.h',
  'linux/v4l2-subdev.h',
  'linux/videodev2.h',
  'linux/vm_sockets.h',
  'sound/asequencer.h',
  'sound/asoc.h',
  'sound/asound.h',
  'sound/compress_offload.h',
  'sound/emu10k1.h',
  'sound/sfnt_info.h',
  'xen/evtchn.h',
  'xen/gntdev.h',
  'xen/privcmd.h',
]);

/** Whether the kernel's header test exempts this header (path relative to the tree, `linux/coda.h`). */
export function kernelExemptsHeader(rel: string): boolean {
  return NO_HEADER_TEST.has(rel);
}

/**
 * A header that failed to compile is skipped, not failed, when the kernel itself does not expect it
 * to compile on its own; the reason keeps the compiler's first error. Any other failure stands.
 */
export function skipIfExempt(outcome: HeaderOutcome, compileFailed: boolean): HeaderOutcome {
  if (outcome.status !== 'failed' || !compileFailed || !kernelExemptsHeader(outcome.path)) return outcome;
  return { path: outcome.path, status: 'skipped', reason: `the kernel's header test exempts it (usr/include/Makefile no-header-test): ${outcome.reason ?? 'does not compile'}` };
}
