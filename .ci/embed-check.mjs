// Drives the embeddable member search in headless Chromium the way a visitor of a partner site does. Run by
// .ci/embed-check.sh, which starts the jar with the demo members and the partner's origin granted; this script
// serves the partner's pages itself (a tiny node http server on another port: another origin) and a stranger's
// page (a second origin, not granted). Inputs from the environment:
//   EMBED_API            http://127.0.0.1:PORT of the running service
//   EMBED_PARTNER_PORT   port of the partner's pages, served as http://localhost:PORT (granted)
//   EMBED_STRANGER_PORT  port of the stranger's page, served as http://127.0.0.1:PORT (not granted)
//   EMBED_SHOTS          folder for the screenshots (one per stage)
//   CHROMIUM             the browser (default /usr/bin/chromium)
// playwright-core is found through NODE_PATH (.ci/run installs it outside the repo).
// Prints one line per stage and a summary line ("embed: ..."); exits 1 if a stage failed.
import http from 'node:http';
import path from 'node:path';

import { chromium, env, playwrightVersion } from './browser.mjs';

const API = env('EMBED_API').replace(/\/$/, '');
const PARTNER = `http://localhost:${env('EMBED_PARTNER_PORT')}`;
const STRANGER = `http://127.0.0.1:${env('EMBED_STRANGER_PORT')}`;
const SHOTS = env('EMBED_SHOTS', '');
const CHROMIUM = env('CHROMIUM', '/usr/bin/chromium');
const TIMEOUT = 15_000;
// The demo data (src/main/resources/demo/members.json): 60 members, 14 of them in Luleå.
const ALL = 60;
const LULEA = 14;
const PAGE_SIZE = 4;
const TYPO = 'wikstöm'; // Johan Wikström Foto (demo): a letter left out
const TYPO_FINDS = 'Johan Wikström Foto';

// The partner's pages: the element with ONE script tag (no api attribute: it defaults to where the script came
// from), and a page that frames /embed/search. The stranger serves the same frame page.
const elementPage = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Partnersida</title>
<script type="module" src="${API}/embed/member-search.js"></script></head>
<body><h1>En partners webbplats</h1>
<cn-member-search page-size="${PAGE_SIZE}"></cn-member-search>
<p><a href="#slut">Längst ner</a></p></body></html>`;
const framePage = (title) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>
<iframe src="${API}/embed/search?lang=en&amp;municipality=2581" title="Member search" style="width:100%;height:900px;border:1px solid #999"></iframe>
</body></html>`;

function serve(port, host, pages) {
  const server = http.createServer((req, res) => {
    const page = new URL(req.url, 'http://x').pathname;
    const body = pages[page];
    // No favicon: answered without one, so that Chromium logs no failed request.
    res.writeHead(body ? 200 : page === '/favicon.ico' ? 204 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body || (page === '/favicon.ico' ? undefined : 'not found'));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

const results = []; // { label, ok, detail }
let shot = 0;

async function screenshot(page, label) {
  if (!SHOTS) return;
  const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${label.replace(/[^a-z0-9]+/gi, '-')}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: TIMEOUT });
  } catch (e) {
    console.log(`  (no screenshot of ${label}: ${e.message.split('\n')[0]})`);
  }
}

async function stage(page, label, fn) {
  try {
    const detail = await fn();
    results.push({ label, ok: true, detail });
  } catch (e) {
    results.push({ label, ok: false, detail: e.message.split('\n')[0] });
  }
  await screenshot(page, label);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The number in the live region once it announces a result ("14 medlemmar hittades", "1 medlem hittades").
async function announced(scope, pattern) {
  const status = scope.getByRole('status');
  await status.filter({ hasText: pattern }).waitFor({ timeout: TIMEOUT });
  const text = (await status.innerText()).trim();
  const n = Number.parseInt(text.replace(/\s/g, ''), 10);
  return { text, n: Number.isNaN(n) ? 0 : n };
}

const names = async (page) => page.locator('cn-member-search li[part=item] h3').allInnerTexts();

// The element's focused part (inside its shadow root), as the keyboard sees it.
const focusedPart = (page) => page.evaluate(() => {
  const host = document.querySelector('cn-member-search');
  const active = host && host.shadowRoot.activeElement;
  return active ? `${active.tagName.toLowerCase()}${active.getAttribute('part') ? `[part=${active.getAttribute('part')}]` : ''}`
    + `${active.type ? `[type=${active.type}]` : ''}` : document.activeElement?.tagName.toLowerCase() ?? 'none';
});

const partner = await serve(Number(env('EMBED_PARTNER_PORT')), '127.0.0.1', {
  '/': elementPage, '/frame': framePage('Partner (granted)'),
});
const stranger = await serve(Number(env('EMBED_STRANGER_PORT')), '127.0.0.1', { '/frame': framePage('Stranger (not granted)') });

const started = Date.now();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
const consoleErrors = [];
const foreignRequests = [];
let refusal = '';
try {
  console.log(`Chromium ${browser.version()}, playwright-core ${playwrightVersion}`);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (origin !== API && origin !== PARTNER && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });

  await stage(page, 'loads with one script tag', async () => {
    await page.goto(`${PARTNER}/`);
    const { n } = await announced(page, /hittades/);
    check(n === ALL, `announces ${n} members, expected the ${ALL} demo members`);
    const box = page.getByRole('searchbox', { name: 'Sök medlemmar' });
    await box.waitFor();
    check((await names(page)).length === PAGE_SIZE, `shows ${(await names(page)).length} members, expected ${PAGE_SIZE}`);
    return `${n} members, a searchbox named "Sök medlemmar"`;
  });

  await stage(page, 'typo finds the member', async () => {
    const box = page.getByRole('searchbox', { name: 'Sök medlemmar' });
    await box.click();
    await box.pressSequentially(TYPO, { delay: 40 });
    const option = page.getByRole('option').first();
    await option.waitFor();
    const suggested = await page.getByRole('option').allInnerTexts();
    check(suggested.some((s) => s.includes(TYPO_FINDS)), `suggestions for "${TYPO}": ${suggested.join(' | ')}`);
    await box.press('Enter');
    const { n } = await announced(page, /^1 medlem hittades$/);
    const found = await names(page);
    check(found.some((s) => s.includes(TYPO_FINDS)), `"${TYPO}" shows ${found.join(' | ')}`);
    const marks = await page.locator('cn-member-search li[part=item] mark').count();
    check(marks > 0, 'the match is not highlighted with <mark>');
    return `"${TYPO}" suggested and found ${found[0]} (${n}), ${marks} <mark>`;
  });

  await stage(page, 'suggestion picked with the arrow keys', async () => {
    const box = page.getByRole('searchbox', { name: 'Sök medlemmar' });
    await box.fill('');
    await box.pressSequentially('foto', { delay: 40 });
    await page.getByRole('option').first().waitFor();
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    const selected = page.locator('cn-member-search [role=option][aria-selected=true]');
    check(active && (await selected.count()) === 1, `ArrowDown selects no option (aria-activedescendant ${active})`);
    const text = (await selected.locator(':scope').evaluate((o) => o.firstChild.textContent)).trim();
    await box.press('Enter');
    await announced(page, /hittades/);
    check((await box.inputValue()) === text, `Enter put "${await box.inputValue()}" in the box, expected "${text}"`);
    return `ArrowDown + Enter searched for "${text}"`;
  });

  let before = 0;
  await stage(page, 'municipality facet narrows', async () => {
    const box = page.getByRole('searchbox', { name: 'Sök medlemmar' });
    await box.fill('');
    await box.press('Enter');
    before = (await announced(page, new RegExp(`^${ALL} medlemmar`))).n;
    const lulea = page.getByRole('checkbox', { name: `Luleå (${LULEA})`, exact: true });
    await lulea.check();
    const { n } = await announced(page, new RegExp(`^${LULEA} medlemmar`));
    const metas = await page.locator('cn-member-search li[part=item] [part=meta]').allInnerTexts();
    check(metas.length === PAGE_SIZE && metas.every((m) => m.includes('Luleå')), `results after the facet: ${metas.join(' | ')}`);
    check(await page.getByRole('checkbox', { name: `Luleå (${LULEA})`, exact: true }).isChecked(), 'the facet is not checked');
    return `checkbox "Luleå (${LULEA})": ${before} -> ${n} members`;
  });

  await stage(page, 'pages forward', async () => {
    const first = await names(page);
    const next = page.getByRole('button', { name: 'Nästa', exact: true });
    const prev = page.getByRole('button', { name: 'Föregående', exact: true });
    check(await prev.isDisabled(), '"Föregående" is enabled on page 1');
    await next.click();
    await page.locator('cn-member-search [part=page]').filter({ hasText: /^Sida 2 av 4$/ }).waitFor();
    await page.locator('cn-member-search ol[part=list]:not([aria-busy])').waitFor();
    const second = await names(page);
    check(second.length > 0 && second.every((n) => !first.includes(n)), `page 2 repeats page 1: ${second.join(' | ')}`);
    check(await prev.isEnabled(), '"Föregående" is disabled on page 2');
    return `"Nästa": page 2 of 4 (${second[0]}, ...)`;
  });

  await stage(page, 'keyboard moves on from the search box', async () => {
    const box = page.getByRole('searchbox', { name: 'Sök medlemmar' });
    await box.focus();
    await box.pressSequentially('fo', { delay: 40 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Tab');
    const after = await focusedPart(page);
    check(after === 'button[part=button][type=submit]', `Tab from the search box focused ${after}, expected the search button`);
    await page.locator('cn-member-search [role=listbox]').waitFor({ state: 'hidden' });
    // On with the keyboard only: to the first facet checkbox, and Space toggles it.
    let reached = '';
    for (let i = 0; i < 10 && !reached.startsWith('input') ; i++) {
      await page.keyboard.press('Tab');
      const now = await focusedPart(page);
      if (now.includes('[type=checkbox]')) reached = 'input';
    }
    check(reached, 'Tab never reached a facet checkbox');
    const was = await announced(page, /hittades/);
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasNotText: was.text }).waitFor();
    const now = await announced(page, /hittades/);
    const still = await focusedPart(page);
    check(still.includes('[type=checkbox]'), `focus left the checkbox after the search: ${still}`);
    return `Tab: search box -> search button (suggestions closed) -> checkbox; Space: ${was.n} -> ${now.n}, focus kept`;
  });

  await stage(page, 'offers facet finds the internships', async () => {
    const offering = (await (await fetch(`${API}/api/v1/members?offers=internship&size=1`)).json()).total;
    check(offering > 0, 'no demo member offers an internship');
    await page.goto(`${PARTNER}/`);
    await announced(page, new RegExp(`^${ALL} medlemmar`));
    const offers = page.locator('cn-member-search fieldset[part=facet]').filter({ has: page.locator('legend', { hasText: /^Erbjuder$/ }) });
    await offers.getByRole('checkbox', { name: `Praktik/LIA (${offering})`, exact: true }).check();
    const { n } = await announced(page, new RegExp(`^${offering} medlem`));
    const cards = await page.locator('cn-member-search li[part=item] [part=offers]').allInnerTexts();
    check(cards.length === Math.min(PAGE_SIZE, n) && cards.every((c) => c.startsWith('Erbjuder:') && c.includes('Praktik/LIA')),
      `cards after the facet: ${cards.join(' | ')}`);
    return `checkbox "Praktik/LIA (${offering})" under "Erbjuder": ${ALL} -> ${n} members, each card "${cards[0]}"`;
  });

  await stage(page, 'iframe shows in the granted site', async () => {
    await page.goto(`${PARTNER}/frame`);
    const frame = page.frameLocator('iframe');
    const { n } = await announced(frame, /members found/);
    check(n === 10, `the Piteå page announces ${n}, expected 10`);
    await frame.getByRole('checkbox', { name: /^Freelancer \(\d+\)$/ }).first().waitFor();
    return `/embed/search?lang=en&municipality=2581 in ${PARTNER}: ${n} members, English labels`;
  });

  await stage(page, 'demo page shows both ways', async () => {
    await page.goto(`${API}/embed/demo.html`);
    const { n } = await announced(page.locator('main > .example'), /members found/);
    const framed = await announced(page.frameLocator('iframe'), /hittades/);
    check(n === ALL && framed.n === 10, `the demo shows ${n} and its frame ${framed.n} members`);
    return `/embed/demo.html: element ${n} members (en), iframe ${framed.n} (sv, Piteå)`;
  });

  const strangerPage = await context.newPage();
  strangerPage.on('console', (m) => { if (m.text().includes('frame-ancestors')) refusal = m.text(); });
  await stage(strangerPage, 'iframe refused in another site', async () => {
    await strangerPage.goto(`${STRANGER}/frame`);
    for (let i = 0; i < 50 && !refusal; i++) await strangerPage.waitForTimeout(100);
    check(refusal, 'no frame-ancestors refusal reported by Chromium');
    const child = strangerPage.frames().find((f) => f !== strangerPage.mainFrame());
    const shown = child ? await child.locator('cn-member-search').count().catch(() => 0) : 0;
    check(shown === 0, 'the element shows inside the stranger\'s frame');
    return `refused: ${refusal.slice(0, 140)}`;
  });
} finally {
  await browser.close();
  partner.close();
  stranger.close();
}

results.push({ label: 'no console errors', ok: consoleErrors.length === 0, detail: consoleErrors.join(' | ') || 'none' });
results.push({ label: 'requests only to the API', ok: foreignRequests.length === 0, detail: foreignRequests.join(' | ') || 'none' });
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.label}: ${r.detail}`);
const failed = results.filter((r) => !r.ok);
console.log(`embed: ${results.length - failed.length}/${results.length} stages ok${failed.length ? ` -- FAILED: ${failed.map((r) => r.label).join(', ')}` : ''}`
  + ` (${((Date.now() - started) / 1000).toFixed(1)} s in the browser)`);
process.exit(failed.length ? 1 : 0);
