const { execFileSync } = require('child_process');
const path = require('path');

/**
 * Compile the server once for the whole run. `compileStrapi()` inside jest would
 * `process.exit(1)` on a type error; plain tsc reports it and fails the run.
 */
module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  } catch {
    throw new Error('TypeScript compilation of the app failed (see above); no test can boot it.');
  }
};
