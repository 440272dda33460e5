import * as fs from 'node:fs';

// Loaded with `node --require` into a command the huge-input benchmark runs: at exit, writes the
// process's peak resident set size (kilobytes) to the file UAPI_BENCH_PEAK_RSS_FILE names. clang runs
// in processes of its own and is not counted.
const out = process.env['UAPI_BENCH_PEAK_RSS_FILE'];
if (out !== undefined && out !== '') process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
