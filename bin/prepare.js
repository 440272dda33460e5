#!/usr/bin/env node
'use strict';
// npm runs `prepare` on a plain `npm install` in a checkout, before `npm pack`, and for an install from a
// git URL (after installing devDependencies in its clone). Each of those has the TypeScript sources and
// compiles them into dist/. An installed tarball ships dist/ without sources: nothing to do there, and
// nothing is ever written into an installed harness. The build is incremental (.tsbuildinfo), so a rerun
// on unchanged sources rewrites no file under a `uapi` command that is running from dist/.
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
if (!fs.existsSync(path.join(root, 'tsconfig.json')) || !fs.existsSync(path.join(root, 'harness'))) process.exit(0);
const info = path.join(root, '.tsbuildinfo');
// The build info says what was emitted; when dist/ is gone it would wrongly say there is nothing to do.
if (!fs.existsSync(path.join(root, 'dist', 'harness', 'cli', 'main.js'))) fs.rmSync(info, { force: true });
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json'), '--incremental', '--tsBuildInfoFile', info], { stdio: 'inherit' });
process.exit(r.status ?? 1);
