// What the browser checks (.ci/swagger-ui-check.mjs, .ci/embed-check.mjs) share: Chromium through playwright-core,
// which is found through NODE_PATH (.ci/run installs it outside the repo), and their settings from the environment.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let playwright;
try {
  playwright = require('playwright-core');
} catch (e) {
  console.error('playwright-core not found (install it, e.g. npm install --prefix DIR playwright-core, and set NODE_PATH=DIR/node_modules)');
  process.exit(2);
}
export const { chromium } = playwright;
export const playwrightVersion = require('playwright-core/package.json').version;

/** The environment variable `name`, else `fallback`; without either the check stops (exit 2). */
export const env = (name, fallback) => {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v;
  if (fallback !== undefined) return fallback;
  console.error(`${name} is not set`);
  process.exit(2);
};
