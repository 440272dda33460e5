import childProcess = require('node:child_process');

/**
 * The processes `f` starts, command and arguments each (the harness calls child_process.spawn through
 * the module's exports, so replacing the export sees every start). Tests using it must be serial.
 */
export async function spawnsOf<T>(f: () => Promise<T>): Promise<{ value: T; started: string[][] }> {
  const started: string[][] = [];
  const original = childProcess.spawn;
  const recording = ((command: string, args?: readonly string[], ...rest: unknown[]) => {
    started.push([command, ...(Array.isArray(args) ? (args as string[]) : [])]);
    return (original as (...a: unknown[]) => unknown)(command, args, ...rest);
  }) as typeof childProcess.spawn;
  Object.defineProperty(childProcess, 'spawn', { value: recording, configurable: true, writable: true });
  try {
    return { value: await f(), started };
  } finally {
    Object.defineProperty(childProcess, 'spawn', { value: original, configurable: true, writable: true });
  }
}
