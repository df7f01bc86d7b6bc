// Drives Swagger UI (/q/swagger-ui) in headless Chromium the way a person does: Authorize with HTTP
// Basic credentials, close the dialog, expand an operation, "Try it out", "Execute", and read the
// response code that the UI shows. Each account gets a fresh browser context. Run by
// .ci/swagger-ui-check.sh, which starts the jar and prepares the accounts and the member; the inputs
// come from the environment:
//   SWAGGER_UI_BASE          http://127.0.0.1:PORT of the running service
//   SWAGGER_UI_MEMBER_ID     a member whose history the accounts read
//   SWAGGER_UI_ADMIN_USER, SWAGGER_UI_ADMIN_PASSWORD
//   SWAGGER_UI_CURATOR_USER, SWAGGER_UI_CURATOR_PASSWORD   (empty: the curator checks are not run)
//   SWAGGER_UI_CURATOR_MISSING  why there is no curator (printed, and the run fails)
//   SWAGGER_UI_SHOTS         folder for a screenshot of each failed check
//   CHROMIUM                 the browser (default /usr/bin/chromium)
// playwright-core is found through NODE_PATH (.ci/run installs it outside the repo).
// Prints one line per check and a summary line; exits 1 if a check failed, 3 if all that ran passed but
// the curator checks could not run.
//
// A 401 carries `WWW-Authenticate: Basic`, so Chromium raises its own login prompt for it (a native
// dialog in a headed browser; in headless Chromium the request just stays pending). The check answers
// that prompt with "Cancel" through the DevTools protocol, as a person would, so the page gets the 401,
// and reports each prompt it saw: on a 200 or 403 one would be a failure.
import path from 'node:path';

import { chromium, env, playwrightVersion } from './browser.mjs';

const BASE = env('SWAGGER_UI_BASE');
const MEMBER_ID = env('SWAGGER_UI_MEMBER_ID');
const ADMIN = { user: env('SWAGGER_UI_ADMIN_USER'), password: env('SWAGGER_UI_ADMIN_PASSWORD') };
const CURATOR = { user: env('SWAGGER_UI_CURATOR_USER', ''), password: env('SWAGGER_UI_CURATOR_PASSWORD', '') };
const CURATOR_MISSING = env('SWAGGER_UI_CURATOR_MISSING', 'no curator account given');
const SHOTS = env('SWAGGER_UI_SHOTS', '');
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const UI_TIMEOUT = 20_000; // loading the page and the contract
const STEP_TIMEOUT = 10_000; // each click, and each response after Execute

const results = []; // { label, want, got, ok, prompts, detail }

// Fills one operation's parameters after "Try it out"; each entry is [parameter name, value].
async function execute(page, opId, params, prompts) {
  const op = page.locator(`#${opId}`);
  await op.locator('.opblock-summary-control').click();
  await op.locator('.try-out__btn').click();
  for (const [name, value] of params) {
    const row = op.locator(`tr[data-param-name="${name}"]`);
    if (Array.isArray(value)) {
      await row.locator('select').selectOption(value); // an array of enum values: a multiple select
    } else {
      await row.locator('input').fill(value);
    }
  }
  const before = prompts.length;
  const sent = page.waitForRequest((r) => r.url().startsWith(`${BASE}/api/`), { timeout: STEP_TIMEOUT });
  await op.locator('.execute').click();
  const request = await sent;
  const cell = op.locator('.live-responses-table tbody .response-col_status').first();
  try {
    await cell.waitFor({ timeout: STEP_TIMEOUT });
  } catch (e) {
    const hint = prompts.length > before ? ' (Chromium raised its login prompt and it was not answered)'
      : (await op.innerText()).includes('Could not render') ? ' (Swagger UI could not render the responses)' : '';
    const answer = await request.response().catch(() => null);
    throw new Error(`no response shown in the UI within ${STEP_TIMEOUT / 1000} s${hint}`
      + ` (request ${request.method()} ${request.url()}, answered ${answer ? answer.status() : 'not at all'})`);
  }
  if ((await op.innerText()).includes('Could not render')) {
    throw new Error('Swagger UI could not render part of the operation (see the browser console)');
  }
  return {
    code: (await cell.innerText()).trim(),
    body: await op.locator('.live-responses-table tbody .response-col_description').first().innerText(),
    authorization: request.headers().authorization !== undefined,
    prompted: prompts.slice(before),
  };
}

// A fresh context, Swagger UI loaded, authorized with the given credentials; the dialog closed again.
async function authorizedPage(browser, account, prompts) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const cdp = await context.newCDPSession(page);
  cdp.on('Fetch.requestPaused', (e) => cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => {}));
  cdp.on('Fetch.authRequired', (e) => {
    prompts.push(`${e.authChallenge.scheme} realm="${e.authChallenge.realm}" for ${new URL(e.request.url).pathname}`);
    cdp.send('Fetch.continueWithAuth', { requestId: e.requestId, authChallengeResponse: { response: 'CancelAuth' } })
      .catch(() => {});
  });
  await cdp.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: `${BASE}/api/*` }] });

  await page.goto(`${BASE}/q/swagger-ui/`, { timeout: UI_TIMEOUT });
  await page.locator('#operations-Curation-memberHistory').waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.btn.authorize').first().click();
  const modal = page.locator('.modal-ux');
  await modal.waitFor();
  const basic = modal.locator('form').filter({ hasText: 'basicAuth' });
  await basic.locator('input[type=text]').fill(account.user);
  await basic.locator('input[type=password]').fill(account.password);
  await basic.locator('button.authorize[type=submit]').click();
  await basic.locator('button[aria-label="Remove authorization"]').waitFor(); // shows "Logout" once applied
  await basic.locator('.btn-done').click(); // each scheme's form (basicAuth, partnerKey) has its own Close
  await modal.waitFor({ state: 'detached' });
  await page.locator('.auth-wrapper .btn.authorize.locked').waitFor();
  return page;
}

// Runs the checks of one account in one context; each check is { label, opId, params, want }.
async function runAccount(browser, name, account, checks) {
  const prompts = [];
  let page;
  let pending = [...checks];
  try {
    page = await authorizedPage(browser, account, prompts);
    while (pending.length > 0) {
      const check = pending[0];
      const r = await execute(page, check.opId, check.params, prompts);
      const unexpectedPrompt = r.prompted.length > 0 && check.want !== '401';
      const missing = check.bodyIncludes && !r.body.includes(check.bodyIncludes);
      const ok = r.code === check.want && !unexpectedPrompt && !missing;
      results.push({
        label: check.label, want: check.want, got: r.code, ok, prompts: r.prompted,
        detail: `${check.opId.replace(/^operations-/, '')}, Authorization header ${r.authorization ? 'sent' : 'NOT sent'}`
          + (missing ? `, the response does not contain ${check.bodyIncludes}` : ''),
      });
      if (!ok) await screenshot(page, check.label);
      pending.shift();
    }
  } catch (e) {
    for (const check of pending) {
      results.push({ label: check.label, want: check.want, got: 'error', ok: false, prompts: [],
        detail: `${name}: ${e.message.split('\n')[0]}` });
    }
    if (page) await screenshot(page, pending[0]?.label ?? name);
  } finally {
    if (page) await page.context().close().catch(() => {});
  }
}

async function screenshot(page, label) {
  if (!SHOTS) return;
  const file = path.join(SHOTS, `${label.replace(/[^a-z0-9]+/gi, '-')}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: STEP_TIMEOUT });
    console.log(`  screenshot: ${file}`);
  } catch (e) {
    console.log(`  (no screenshot: ${e.message.split('\n')[0]})`);
  }
}

const history = (label, want) => ({
  label, want, opId: 'operations-Curation-memberHistory', params: [['id', MEMBER_ID]],
});
// A curator's search of pending applications: public operation, but it needs the credentials to answer.
const pending = (label, want) => ({
  label, want, opId: 'operations-Members-searchMembers', params: [['status', ['pending']]], bodyIncludes: MEMBER_ID,
});
// The request body is the example that Swagger UI fills in; a curator is refused before it is read.
const adminOnly = (label, want) => ({ label, want, opId: 'operations-Skills-createSkill', params: [] });

const started = Date.now();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
let curatorRan = false;
try {
  console.log(`Chromium ${browser.version()}, playwright-core ${playwrightVersion}`);
  await runAccount(browser, 'admin', ADMIN, [history('admin', '200')]);
  if (CURATOR.user && CURATOR.password) {
    curatorRan = true;
    await runAccount(browser, 'curator', CURATOR, [history('curator', '200'), pending('curator pending search', '200'),
      adminOnly('curator on admin-only', '403')]);
  }
  await runAccount(browser, 'wrong password', { user: ADMIN.user, password: `${ADMIN.password}-wrong` },
    [history('wrong password', '401')]);
} finally {
  await browser.close();
}

for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}: UI shows ${r.got}, expected ${r.want} (${r.detail})`);
  for (const p of r.prompts) {
    console.log(`     Chromium's own login prompt came up (${p}); answered with Cancel so the page got the response`);
  }
}
if (!curatorRan) console.log(`FAIL curator: not checked: ${CURATOR_MISSING}`);
const parts = results.map((r) => `${r.label} ${r.got}${r.ok ? '' : ` (expected ${r.want})`}`);
if (!curatorRan) parts.splice(1, 0, 'curator NOT CHECKED');
const checkFailed = results.some((r) => !r.ok);
const failed = checkFailed || !curatorRan;
console.log(`swagger-ui: ${parts.join(', ')}${failed ? ' -- FAILED' : ''} (${((Date.now() - started) / 1000).toFixed(1)} s in the browser)`);
process.exit(checkFailed ? 1 : failed ? 3 : 0);
