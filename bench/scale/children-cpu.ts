import * as fs from 'node:fs';

/** Linux reports CPU times in /proc in clock ticks of USER_HZ, 100 on every architecture it runs on. */
const USER_HZ = 100;

/**
 * CPU seconds (user + system) used so far by this process's children that have ended and been waited
 * for, including their own children — from /proc/self/stat (cutime, cstime). Undefined where /proc is
 * not there. Unlike wall time, this does not grow when other work shares the machine.
 */
export function childrenCpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may contain spaces) start at state, field 3; cutime and
  // cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / USER_HZ : undefined;
}
