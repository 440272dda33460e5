import { errnoName } from '../../../emulator/errno';
import { findAbi } from '../../core/layout/abi';
import { decodeRequest } from '../../core/layout/ioctl-encoding';
import type { Spec } from '../../core/model/model';
import type { Divergence } from './replay-trace';
import type { Trace, TraceStep, TraceWrite } from './trace-format';

const hex = (n: number): string => `0x${n.toString(16)}`;

/** `DRM_IOCTL_HL_INFO (size 24)` for a request of the client's spec, the raw number otherwise. */
export function requestName(spec: Spec, abiName: string, req: string): string {
  const abi = findAbi(abiName);
  const n = Number.parseInt(req, 16);
  if (abi === undefined) return req;
  const d = decodeRequest(abi.ioctl, n);
  const decl = spec.ioctls.find((x) => x.type === d.type && x.nr === d.nr);
  return decl === undefined ? `request ${req}` : `${decl.name} (size ${d.size}, request ${req})`;
}

/** A result as people read it: an errno name for ioctls and failures, an address or descriptor otherwise. */
function rcText(step: TraceStep): string {
  if (step.op === 'ioctl' || step.op === 'close' || step.op === 'unmap') return step.rc === 0 ? '0' : `${errnoName(step.rc)} (${step.rc})`;
  if (step.op === 'write') return step.rc === 1 ? 'written' : 'EFAULT (not written)';
  if (step.rc < 0) return `${errnoName(-step.rc)} (${-step.rc})`;
  return step.op === 'open' ? `fd ${step.rc}` : step.op === 'signal' ? 'raised' : hex(step.rc);
}

/** The call a step makes, in the words of the client's spec. */
export function callText(spec: Spec, abi: string, step: TraceStep): string {
  switch (step.op) {
    case 'open': return `process ${step.p}: open(device, ${step.mode})`;
    case 'close': return `process ${step.p}: close(${step.fd})`;
    case 'ioctl': return `process ${step.p}: ioctl(${step.fd}, ${requestName(spec, abi, step.req)}, ${step.arg})`;
    case 'mmap': return `process ${step.p}: mmap(fd ${step.fd}, offset ${step.offset}, ${step.length} bytes)`;
    case 'map': return `process ${step.p}: map ${step.length} bytes${step.at !== undefined ? ` at ${hex(step.at)}` : ''}${step.writable ? '' : ' read-only'}`;
    case 'unmap': return `process ${step.p}: munmap(${hex(step.address)})`;
    case 'write': return `process ${step.p}: writes ${step.bytes} at ${hex(step.address)}`;
    case 'signal': return `process ${step.p}: a signal arrives`;
  }
}

const writesOf = (s: TraceStep | undefined): readonly TraceWrite[] => (s?.op === 'ioctl' ? s.writes : []);

/** The caller's argument bytes: the last write of the session, before the call, at the argument's address. */
function argumentBytes(trace: Trace, d: Divergence): string | undefined {
  const r = d.recorded;
  if (r.op !== 'ioctl') return undefined;
  const session = trace.sessions[d.session]?.steps ?? [];
  for (let k = d.step - 1; k >= 0; k--) {
    const s = trace.steps[session[k] ?? -1];
    if (s?.op === 'write' && s.p === r.p && `0x${s.address.toString(16)}` === r.arg) return s.bytes;
  }
  return undefined;
}

/**
 * The first divergent call of a replay, both answers side by side: the call (named by the release's
 * spec), the caller's argument bytes, then each part of the answer, recorded against replayed, with
 * the parts that differ marked `≠`.
 */
export function describeDivergence(trace: Trace, spec: Spec, d: Divergence): string {
  const session = trace.sessions[d.session];
  const lines = [
    `trace of ${trace.uapi} ${trace.version} (recorded on the ${trace.recordedOn} core), session ${d.session + 1} of ${trace.sessions.length} (${d.property} [${d.abi}]), step ${d.step + 1} of ${session?.steps.length ?? 0}:`,
    `  ${callText(spec, d.abi, d.recorded)}`,
  ];
  const arg = argumentBytes(trace, d);
  if (arg !== undefined) lines.push(`  argument bytes in: ${arg}`);
  if (d.problem !== undefined) lines.push(`  cannot replay: ${d.problem}`);
  const rows: [string, string, string][] = [['', 'recorded', 'replayed']];
  rows.push(['result', rcText(d.recorded), d.replayed === undefined ? '(no answer)' : rcText(d.replayed)]);
  const addresses = [...new Set([...writesOf(d.recorded), ...writesOf(d.replayed)].map((w) => w.address))];
  for (const a of addresses) {
    const r = writesOf(d.recorded).filter((w) => w.address === a).map((w) => w.bytes).join(' | ') || '(not written)';
    const p = writesOf(d.replayed).filter((w) => w.address === a).map((w) => w.bytes).join(' | ') || '(not written)';
    rows.push([`wrote at ${hex(a)}`, r, p]);
  }
  const width = Math.max(...rows.map((x) => x[0].length));
  const left = Math.min(48, Math.max(...rows.map((x) => x[1].length)));
  for (const [label, r, p] of rows) {
    const mark = label === '' ? ' ' : r === p ? ' ' : '≠';
    lines.push(`  ${mark} ${label.padEnd(width)}  ${r.padEnd(left)}  ${p}`);
  }
  return lines.join('\n');
}
