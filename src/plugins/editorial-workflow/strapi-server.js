'use strict';

/**
 * Strapi resolves a local plugin from its source folder and reads this file.
 * The server is TypeScript compiled by the app's own `tsc` (tsconfig.json →
 * dist/), so load the compiled entry from the app's dist directory. The global
 * `strapi` is set while plugins load.
 */
const path = require('path');

// eslint-disable-next-line no-undef
const distRoot = strapi.dirs.dist.root;
const entry = path.join(distRoot, 'src', 'plugins', 'editorial-workflow', 'server', 'src', 'index.js');

const compiled = require(entry);

module.exports = compiled.default ?? compiled;
