#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const main = path.join(__dirname, '..', 'dist', 'harness', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('uapi: the harness is not built; run `npm install` (or `npm run build`) in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(main);
