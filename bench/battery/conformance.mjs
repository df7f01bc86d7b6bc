// Live contract conformance: a scenario through two Prism proxies in front of the running service, run by
// bench/battery/conformance.sh (which starts the service and the proxies). Node 20, fetch, no other dependency
// than the YAML parser that comes with Prism (@stoplight/yaml, found in CONFORMANCE_TOOLS).
//
//   CONFORMANCE_VALID     http://127.0.0.1:PORT of `prism proxy openapi/openapi.yaml SERVICE --errors`
//   CONFORMANCE_NEGATIVE  http://127.0.0.1:PORT of the same with --validate-request=false
//   CONFORMANCE_SERVICE   http://127.0.0.1:PORT of the service itself (only for the canary proxy, see canaries())
//   CONFORMANCE_CONTRACT  the contract Prism reads (openapi/openapi.yaml); the operations are derived from it
//   CONFORMANCE_ADMIN_PASSWORD   the first admin's password (user name admin)
//   CONFORMANCE_TOOLS     the folder Prism was npm-installed into
//   CONFORMANCE_OUT       folder for violations.json, requests.json and summary.json
//   CONFORMANCE_FULL      1: also walk every demo member, skill, municipality and filter value (the full form)
//   CONFORMANCE_APPLICATIONS_PER_CLIENT   the service's DIRECTORY_APPLICATIONS_PER_CLIENT (the 429 case)
//   CONFORMANCE_LOGIN_MAX_FAILURES        the service's DIRECTORY_LOGIN_MAX_FAILURES (the login 429 case)
//
// How Prism 5.16 reports a violation in proxy mode (read from @stoplight/prism-http-server/dist/server.js,
// prism-core/dist/factory.js and prism-http/dist/forwarder/index.js, and seen on this service):
//   - The request is checked first: the security requirement (an Authorization or X-Api-Key header of the right
//     scheme is present; never whether it is right) always, and parameters, headers and body unless
//     --validate-request=false. With --errors a failed check is NOT forwarded: Prism answers itself, 401
//     (type ...prism/errors#UNAUTHORIZED) or 422 (#UNPROCESSABLE_ENTITY, the failures in the body's
//     `validation` array, locations without the "request" prefix), and sends no sl-violations header.
//   - The service's answer is checked: a documented status, the media type, the body's schema, the documented
//     headers. Every request and response finding goes into the `sl-violations` response header, a JSON array
//     of {location: ["request"|"response", ...], severity: Error|Warning|Information|Hint, code, message}
//     (cut at about 8 KB with a "Too many violations! " prefix). With --errors, Error findings of the response
//     replace the answer by a 500 (#VIOLATIONS) with the same findings in `validation`; the header stays.
//     A status the operation does not document is only a Warning when it is not 2xx: the answer passes
//     unchanged, the header says it. So the header, the 422 body and the 500 body together are every finding.
//   - A path or method the contract does not have is answered by Prism (404 #NO_PATH_MATCHED_ERROR, 405
//     #NO_METHOD_MATCHED_ERROR): not forwarded. A body that is not JSON but declared JSON is refused by Prism's
//     own parser before anything is checked, so malformed JSON cannot be sent through it (the hostile battery
//     and the JUnit tests send it to the service directly). The security check runs on both proxies, so a secured
//     operation without any credentials is answered 401 by Prism itself: the negative cases send wrong credentials
//     (and anonymous requests only to public operations), which Prism forwards.
// Every finding of every severity counts as a violation here; a Prism answer of its own to a request that was
// meant for the service counts too. A finding that is Prism's limitation, not the service's, is waived only by a
// rule in WAIVERS below (with its evidence), reported as waived, and never dropped.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import net from 'node:net';

const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new Error(`${name} is not set`);
    return fallback;
  }
  return value;
};
const VALID = env('CONFORMANCE_VALID');
const NEGATIVE = env('CONFORMANCE_NEGATIVE');
const SERVICE = env('CONFORMANCE_SERVICE');
const CONTRACT = env('CONFORMANCE_CONTRACT', 'openapi/openapi.yaml');
const ADMIN = { user: 'admin', password: env('CONFORMANCE_ADMIN_PASSWORD') };
const TOOLS = env('CONFORMANCE_TOOLS');
const OUT = env('CONFORMANCE_OUT');
const FULL = env('CONFORMANCE_FULL', '0') === '1';
const APPLICATIONS_PER_CLIENT = Number(env('CONFORMANCE_APPLICATIONS_PER_CLIENT', '3'));
const LOGIN_MAX_FAILURES = Number(env('CONFORMANCE_LOGIN_MAX_FAILURES', '10'));
const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';
const PROBLEMS = 'https://directory.creativenorrbotten.se/problems/';

// Prism's limitations, waived by rule: { id, why, test(violation) }. Each rule says what Prism does wrong and
// how that was shown; a finding that matches is kept in violations.json with `waived: id`.
const WAIVERS = [];

// --- The contract's operations ----------------------------------------------------------------------------
const yaml = createRequire(path.join(TOOLS, 'node_modules', 'noop.js'))('@stoplight/yaml');
const contract = yaml.parse(fs.readFileSync(CONTRACT, 'utf8'));
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const operations = [];
for (const [template, item] of Object.entries(contract.paths)) {
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    const segments = template.split('/');
    const pattern = segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    operations.push({
      id: op.operationId ?? `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      template,
      regex: new RegExp(`^${pattern.join('/')}$`),
      literals: segments.filter((s) => !/^\{.+\}$/.test(s)).length,
    });
  }
}
// The operation a request exercises: the matching template with the most literal segments
// (/members/changes before /members/{id}), as Prism's router and the service's both choose.
function operationOf(method, pathname) {
  const candidates = operations.filter((o) => o.method === method && o.regex.test(pathname));
  candidates.sort((a, b) => b.literals - a.literals);
  return candidates[0]?.id ?? null;
}

// --- Recording ----------------------------------------------------------------------------------------------
const records = []; // every request: proxy, operation, method, path, status, prism, expected, ok
const violations = [];
const failures = []; // checks that failed: { step, message }
const counts = { valid: 0, negative: 0 };
let checks = 0;
const covered = new Map(); // operation -> valid requests the service answered with success
const negativeCovered = new Map(); // operation -> negative requests the service answered with the expected error

function fail(step, message) {
  failures.push({ step, message });
  console.log(`  FAIL ${step}: ${message}`);
}
function check(step, condition, message) {
  checks += 1;
  if (!condition) fail(step, message);
  return condition;
}

function findingsOf(response, body) {
  const found = [];
  const header = response.headers.get('sl-violations');
  if (header) {
    let raw = header;
    const cut = raw.startsWith('Too many violations! ');
    if (cut) raw = raw.slice('Too many violations! '.length);
    try {
      found.push(...JSON.parse(raw));
    } catch {
      found.push({ location: ['response'], severity: 'Error', code: 'sl-violations-cut',
        message: `Prism cut its sl-violations header at 8 KB${cut ? '' : ' (unreadable)'}: ${raw.slice(0, 400)}` });
    }
  }
  const type = body && typeof body === 'object' && typeof body.type === 'string' ? body.type : '';
  if (type.startsWith(PRISM_ERRORS)) {
    const kind = type.slice(PRISM_ERRORS.length);
    if (kind === 'VIOLATIONS') {
      if (!header) found.push(...(body.validation ?? []));
    } else if (kind === 'UNPROCESSABLE_ENTITY' && Array.isArray(body.validation)) {
      found.push(...body.validation.map((v) => ({ ...v, location: ['request', ...(v.location ?? [])] })));
    } else {
      found.push({ location: ['prism'], severity: 'Error', code: kind,
        message: `Prism answered ${body.status} itself instead of forwarding: ${body.title}. ${body.detail ?? ''}`.trim() });
    }
  }
  return found;
}

// One request through a proxy. opts: auth ({user, password} | 'curator' | 'admin'), query (object; arrays repeat
// the parameter), headers, json (a body sent as application/json), patch (merge-patch+json), body + type (raw),
// expect (status or list), problem (the problem type's last segment), fields (names the problem's errors must
// include). Returns { status, headers, body, text }.
async function call(step, proxy, method, pathname, opts = {}) {
  const base = proxy === 'valid' ? VALID : NEGATIVE;
  const url = new URL(`/api/v1${pathname}`, base);
  for (const [name, value] of Object.entries(opts.query ?? {})) {
    for (const v of [].concat(value)) url.searchParams.append(name, String(v));
  }
  const headers = { ...(opts.headers ?? {}) };
  const auth = opts.auth === 'admin' ? ADMIN : opts.auth === 'curator' ? state.curator : opts.auth;
  if (auth) headers.Authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  let body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['Content-Type'] = 'application/json';
  } else if (opts.patch !== undefined) {
    body = JSON.stringify(opts.patch);
    headers['Content-Type'] = 'application/merge-patch+json';
  } else if (opts.body !== undefined) {
    body = opts.body;
    headers['Content-Type'] = opts.type;
  }
  counts[proxy] += 1;
  const operation = operationOf(method, url.pathname);
  let response;
  try {
    response = await fetch(url, { method, headers, body, redirect: 'manual' });
  } catch (e) {
    fail(step, `${method} ${url.pathname}${url.search} through the ${proxy} proxy: ${e.message}`);
    records.push({ step, proxy, operation, method, path: url.pathname + url.search, status: 0 });
    return { status: 0, headers: new Headers(), body: null, text: '' };
  }
  const text = await response.text();
  let parsed = null;
  const contentType = response.headers.get('content-type') ?? '';
  if (/json/.test(contentType) && text !== '') {
    try { parsed = JSON.parse(text); } catch { parsed = null; }
  }
  const prism = typeof parsed?.type === 'string' && parsed.type.startsWith(PRISM_ERRORS);
  for (const f of findingsOf(response, parsed)) {
    const v = { proxy, step, operation, method, path: url.pathname + url.search, status: response.status,
      severity: f.severity, location: (f.location ?? []).join('.'), code: f.code ?? null, message: f.message };
    const waiver = WAIVERS.find((w) => w.test(v));
    if (waiver) v.waived = waiver.id;
    violations.push(v);
    console.log(`  VIOLATION${waiver ? ` (waived: ${waiver.id})` : ''} ${operation} ${response.status} `
      + `[${v.severity}] ${v.location}: ${v.message}`);
  }
  const expected = [].concat(opts.expect ?? (proxy === 'valid' ? [200] : []));
  let ok = check(step, !prism, `${method} ${url.pathname}${url.search} was answered by Prism, not the service: `
    + `${response.status} ${parsed?.title ?? ''}`);
  if (ok && expected.length > 0) {
    ok = check(step, expected.includes(response.status), `${method} ${url.pathname}${url.search}: `
      + `${response.status}, expected ${expected.join(' or ')}: ${text.slice(0, 300)}`);
  }
  if (ok && response.status >= 400) {
    ok = check(step, contentType.startsWith('application/problem+json'), `${response.status} is ${contentType}, `
      + 'not application/problem+json');
    ok = ok && check(step, parsed?.status === response.status, `the problem's status ${parsed?.status} is not `
      + `${response.status}`);
    if (ok && opts.problem) {
      ok = check(step, parsed.type === PROBLEMS + opts.problem, `the problem's type is ${parsed.type}, `
        + `expected ${opts.problem}`);
    }
    if (ok && opts.fields) {
      const named = (parsed.errors ?? []).map((e) => e.field);
      for (const field of opts.fields) {
        ok = check(step, named.includes(field), `the problem names ${JSON.stringify(named)}, not ${field}`) && ok;
      }
    }
  }
  if (operation && ok && !prism) {
    if (proxy === 'valid' && (response.status < 300 || response.status === 304)) {
      covered.set(operation, (covered.get(operation) ?? 0) + 1);
    } else if (proxy === 'negative' && response.status >= 400) {
      negativeCovered.set(operation, (negativeCovered.get(operation) ?? 0) + 1);
    }
  }
  records.push({ step, proxy, operation, method, path: url.pathname + url.search, status: response.status,
    prism, ok });
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const valid = (step, method, p, opts) => call(step, 'valid', method, p, opts);
const negative = (step, method, p, opts) => call(step, 'negative', method, p, opts);

// A conditional read: the ETag it got, then If-None-Match with it must be 304 (public reads only).
async function conditional(step, p, opts = {}) {
  const first = await valid(step, 'GET', p, opts);
  const etag = first.headers.get('etag');
  if (check(step, !!etag, `GET ${p} has no ETag`)) {
    await valid(`${step} (If-None-Match)`, 'GET', p, { ...opts, headers: { 'If-None-Match': etag }, expect: 304 });
  }
  return first;
}

const state = {};
const RUN = Date.now().toString(36);
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function memberInput(name, extra = {}) {
  return {
    name, type: 'freelancer', headline: 'Photography and film for the cultural sector',
    description: 'Works with photography and film.\nBased in Piteå.', municipality: '2581',
    serviceArea: ['2581', '2580'], skills: ['photography'], languages: ['sv', 'en'],
    seeks: ['assignments'], offers: ['internship'], website: 'https://conformance.example',
    portfolioLinks: ['https://conformance.example/work'], socialLinks: [{ network: 'instagram',
      url: 'https://www.instagram.com/conformance' }], email: 'hello@conformance.example', phone: '+46 70 123 45 67',
    contactPublic: true, availableForWork: true, notes: 'Created by the conformance battery.', ...extra,
  };
}

async function waitForImport(step, id) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await valid(step, 'GET', `/imports/${id}`, { auth: 'admin' });
    if (job.status !== 200 || job.body?.status === 'done' || job.body?.status === 'failed') return job;
    if (Date.now() > deadline) { fail(step, `import ${id} did not end within 60 s`); return job; }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// --- The scenario: valid requests through the first proxy ------------------------------------------------------
async function validScenario() {
  console.log('valid requests (the first proxy, requests checked too)');
  // Municipalities and skills, public and conditional.
  const municipalities = await conditional('list municipalities', '/municipalities');
  await conditional('a municipality', '/municipalities/2581');
  const skills = await conditional('list skills', '/skills');
  state.skill = `conformance-${RUN}`;
  await valid('create a skill', 'POST', '/skills', { auth: 'admin', expect: 201,
    json: { slug: state.skill, nameSv: 'Konformans', nameEn: 'Conformance', branch: 'audiovisual' } });
  await conditional('a skill', `/skills/${state.skill}`);
  await valid('rename the skill', 'PUT', `/skills/${state.skill}`, { auth: 'admin',
    json: { nameSv: 'Konformanstest', nameEn: 'Conformance test', branch: 'audiovisual' } });

  // Accounts: a curator, read, patched, its password changed.
  const curatorPassword = `conformance-${RUN}-first`;
  state.curator = { user: `curator-${RUN}`, password: curatorPassword };
  const account = await valid('create a curator account', 'POST', '/accounts', { auth: 'admin', expect: 201,
    json: { username: state.curator.user, password: curatorPassword, role: 'curator' } });
  state.curatorId = account.body?.id;
  check('create a curator account', !!account.headers.get('location'), 'no Location');
  await valid('read the account', 'GET', `/accounts/${state.curatorId}`, { auth: 'admin' });
  await valid('list the accounts', 'GET', '/accounts', { auth: 'admin', query: { page: 1, size: 10 } });
  await valid('patch the account', 'PATCH', `/accounts/${state.curatorId}`, { auth: 'admin',
    patch: { enabled: true, role: 'curator' } });
  state.curator.password = `conformance-${RUN}-second`;
  await valid('change its password', 'PUT', `/accounts/${state.curatorId}/password`, { auth: 'admin', expect: 204,
    json: { password: state.curator.password } });

  // A member's life: create, read (public, curator, by slug, conditional), patch, replace, feature, archive,
  // publish, history, export; a pending one rejected, another published.
  const created = await valid('create a member', 'POST', '/members', { auth: 'curator', expect: 201,
    json: memberInput(`Konformans Bild ${RUN}`) });
  const member = created.body ?? {};
  state.member = member;
  check('create a member', created.headers.get('etag') === `"${member.version}"`, `ETag ${created.headers.get('etag')}`);
  check('create a member', !!created.headers.get('location'), 'no Location');
  const publicView = await conditional('read the member (public)', `/members/${member.id}`);
  check('read the member (public)', publicView.body?.view === 'public', `view ${publicView.body?.view}`);
  await valid('read the member by slug', 'GET', `/members/${member.slug}`);
  const full = await valid('read the member (curator)', 'GET', `/members/${member.id}`, { auth: 'curator' });
  check('read the member (curator)', full.body?.view === 'curator', `view ${full.body?.view}`);
  let etag = full.headers.get('etag');
  const patched = await valid('patch the member', 'PATCH', `/members/${member.id}`, { auth: 'curator',
    headers: { 'If-Match': etag }, patch: { headline: 'Film, photography and sound', phone: null } });
  etag = patched.headers.get('etag');
  check('patch the member', etag && etag !== full.headers.get('etag'), `ETag ${etag} after the patch`);
  const replaced = await valid('replace the member', 'PUT', `/members/${member.id}`, { auth: 'curator',
    headers: { 'If-Match': etag }, json: memberInput(`Konformans Bild ${RUN}`, { skills: ['photography', state.skill],
      contactPublic: false }) });
  etag = replaced.headers.get('etag');
  await valid('feature the member', 'PUT', `/members/${member.id}/feature`, { auth: 'curator',
    json: { until: day(7) } });
  await valid('search the featured', 'GET', '/members', { query: { featured: true } });
  await valid('unfeature the member', 'DELETE', `/members/${member.id}/feature`, { auth: 'curator' });
  await valid('archive the member', 'POST', `/members/${member.id}/archive`, { auth: 'curator',
    json: { reason: 'Paused for the winter.' } });
  await valid('publish it again', 'POST', `/members/${member.id}/publish`, { auth: 'curator', json: {} });
  await valid('its history', 'GET', `/members/${member.id}/history`, { auth: 'curator', query: { page: 1, size: 5 } });
  await valid('its history, page 2', 'GET', `/members/${member.id}/history`, { auth: 'curator',
    query: { page: 2, size: 2 } });
  const fresh = await valid('a curator revalidates', 'GET', `/members/${member.id}`, { auth: 'curator' });
  await valid('a curator revalidates', 'GET', `/members/${member.id}`, { auth: 'curator',
    headers: { 'If-None-Match': fresh.headers.get('etag') ?? '"0"' }, expect: 200 });
  await valid('its export', 'GET', `/members/${member.id}/export`, { auth: 'curator' });

  const pending = await valid('create a pending member', 'POST', '/members', { auth: 'curator', expect: 201,
    query: { status: 'pending' }, json: memberInput(`Konformans Väntar ${RUN}`, { type: 'student',
      school: 'Luleå tekniska universitet', graduationYear: 2027 }) });
  state.pending = pending.body ?? {};
  await valid('reject it', 'POST', `/members/${state.pending.id}/reject`, { auth: 'curator',
    json: { reason: 'Not a creative business in Norrbotten.' } });
  const second = await valid('create another pending member', 'POST', '/members', { auth: 'curator', expect: 201,
    query: { status: 'pending' }, json: memberInput(`Konformans Byrå ${RUN}`, { type: 'agency',
      foundedYear: 2014 }) });
  state.second = second.body ?? {};
  await valid('search the pending (curator)', 'GET', '/members', { auth: 'curator', query: { status: 'pending' } });
  await valid('publish it', 'POST', `/members/${state.second.id}/publish`, { auth: 'curator' });

  // Search: words, filters, facets, sorts, paging, conditional; suggest; the change feed.
  await conditional('search with facets', '/members', { query: { q: 'konformans', type: ['freelancer', 'agency'],
    municipality: '2581', facetSize: 10 } });
  await valid('search by skill', 'GET', '/members', { query: { skill: ['photography', state.skill], skillMatch: 'all',
    sort: 'name', page: 1, size: 5 } });
  await valid('search near', 'GET', '/members', { query: { near: '2580', sort: 'distance',
    seeks: 'assignments', offers: 'internship', language: 'sv', available: true, serves: '2580' } });
  await valid('search newest', 'GET', '/members', { query: { sort: 'newest' }, headers: { 'Accept-Language': 'en' } });
  await valid('search stale (curator)', 'GET', '/members', { auth: 'curator', query: { stale: true } });
  await conditional('suggest', '/members/suggest', { query: { q: 'konf' } });
  const changes = await conditional('the change feed', '/members/changes', { query: { size: 2 } });
  if (changes.body?.nextCursor) {
    await valid('the change feed, next page', 'GET', '/members/changes',
      { query: { since: changes.body.nextCursor, size: 1000 } });
  }

  // Self-submission.
  await valid('apply for a listing', 'POST', '/applications', { expect: 202, json: {
    name: `Konformans Ansökan ${RUN}`, type: 'freelancer', municipality: '2584', skills: ['illustration'],
    email: 'apply@conformance.example', consents: { contactPublic: false, privacyNotice: true } } });

  // Partner keys; a public search with one.
  const key = await valid('create a partner key', 'POST', '/partner-keys', { auth: 'admin', expect: 201,
    json: { name: `Konformans ${RUN}`, contact: 'webb@conformance.example', requestsPerMinute: 600,
      origins: ['https://www.conformance.example'] } });
  state.partnerKey = key.body?.partnerKey?.id;
  state.partnerSecret = key.body?.key;
  await valid('read the partner key', 'GET', `/partner-keys/${state.partnerKey}`, { auth: 'admin' });
  await valid('list the partner keys', 'GET', '/partner-keys', { auth: 'admin', query: { page: 1, size: 10 } });
  await valid('patch the partner key', 'PATCH', `/partner-keys/${state.partnerKey}`, { auth: 'admin',
    patch: { requestsPerMinute: 1200, origins: ['https://www.conformance.example', 'http://localhost:8080'] } });
  const granted = await valid('search with the partner key from its site', 'GET', '/members', { query: { q: 'konformans' },
    headers: { 'X-Api-Key': state.partnerSecret, Origin: 'https://www.conformance.example', 'X-Request-Id': `conf-${RUN}` } });
  check('search with the partner key from its site', granted.headers.get('access-control-allow-origin')
    === 'https://www.conformance.example' && granted.headers.get('x-request-id') === `conf-${RUN}`,
    `CORS ${granted.headers.get('access-control-allow-origin')}, request id ${granted.headers.get('x-request-id')}`);
  await valid('skills in English', 'GET', '/skills', { headers: { 'Accept-Language': 'en' } });

  // Imports (the template as a CSV, a bad row for errors.csv, NDJSON) and exports.
  const template = await valid('the import template', 'GET', '/imports/template.csv', { auth: 'admin' });
  const started = await valid('import the template', 'POST', '/imports', { auth: 'admin', expect: 202,
    query: { mode: 'upsert', status: 'pending' }, body: template.text, type: 'text/csv; charset=utf-8' });
  check('import the template', !!started.headers.get('location'), 'no Location');
  if (started.body?.id) {
    const job = await waitForImport('the import', started.body.id);
    check('the import', job.body?.status === 'done' && job.body?.failed === 0,
      `the template's import: ${JSON.stringify(job.body).slice(0, 300)}`);
  }
  const header = template.text.split(/\r?\n/)[0];
  const columns = header.replace(/^\uFEFF/, '').split(';');
  const badRow = columns.map((c) => ({ name: `Konformans Fel ${RUN}`, type: 'bogus', municipality: '2581',
    skills: 'photography' })[c] ?? '').join(';');
  const bad = await valid('import a bad row', 'POST', '/imports', { auth: 'admin', expect: 202,
    query: { dryRun: false, atomic: false, mode: 'create', status: 'published' },
    body: `${header}\r\n${badRow}\r\n`, type: 'text/csv' });
  if (bad.body?.id) {
    const job = await waitForImport('the bad import', bad.body.id);
    check('the bad import', job.body?.failed === 1, `failed ${job.body?.failed}`);
    const errors = await valid('its failed rows', 'GET', `/imports/${bad.body.id}/errors.csv`, { auth: 'admin' });
    check('its failed rows', /errors/.test(errors.text.split(/\r?\n/)[0]) && errors.text.includes('bogus'),
      `errors.csv: ${errors.text.slice(0, 200)}`);
  }
  const ndjson = `${JSON.stringify(memberInput(`Konformans Rad ${RUN}`))}\n`;
  const nd = await valid('import NDJSON (dry run)', 'POST', '/imports', { auth: 'admin', expect: 202,
    query: { dryRun: true }, body: ndjson, type: 'application/x-ndjson' });
  if (nd.body?.id) await waitForImport('the NDJSON import', nd.body.id);
  const csv = await valid('export CSV', 'GET', '/exports/members.csv', { auth: 'admin',
    query: { status: ['published', 'pending'], municipality: '2581' } });
  check('export CSV', csv.text.includes(`Konformans Bild ${RUN}`), 'the member is not in the CSV export');
  const nd2 = await valid('export NDJSON', 'GET', '/exports/members.ndjson', { auth: 'admin',
    query: { skill: 'photography', type: 'freelancer' } });
  check('export NDJSON', nd2.text.includes(member.id), 'the member is not in the NDJSON export');

  if (FULL) await fullWalk(municipalities.body, skills.body);
}

// The end of the member and the skill (after the negative cases, which use them): erasure with If-Match, then the
// skill no member carries any more.
async function erasures() {
  console.log('erasures (the first proxy)');
  const { member } = state;
  const last = await valid('read before erasing', 'GET', `/members/${member.id}`, { auth: 'curator' });
  await valid('erase the member', 'DELETE', `/members/${member.id}`, { auth: 'curator', expect: 204,
    headers: { 'If-Match': last.headers.get('etag') } });
  await valid('erase the rejected member', 'DELETE', `/members/${state.pending.id}`, { auth: 'curator', expect: 204 });
  await valid('delete the skill', 'DELETE', `/skills/${state.skill}`, { auth: 'admin', expect: 204 });
}

// The full form: every listed member (public and curator views, history, export), every skill and municipality,
// every filter value and sort, the whole change feed in small pages.
async function fullWalk(municipalities, skills) {
  console.log('full form: every member, skill, municipality, filter value and sort');
  for (const m of municipalities?.items ?? []) await valid('each municipality', 'GET', `/municipalities/${m.code}`);
  for (const s of skills?.items ?? []) await valid('each skill', 'GET', `/skills/${s.slug}`);
  const ids = [];
  for (let page = 1; ; page += 1) {
    const list = await valid('every member', 'GET', '/members', { query: { page, size: 100, sort: 'name' } });
    ids.push(...(list.body?.items ?? []).map((i) => i.id));
    if (!list.body || page * 100 >= list.body.total) break;
  }
  for (const id of ids) {
    await valid('each member (public)', 'GET', `/members/${id}`);
    await valid('each member (curator)', 'GET', `/members/${id}`, { auth: 'curator' });
    await valid('each member history', 'GET', `/members/${id}/history`, { auth: 'curator' });
    await valid('each member export', 'GET', `/members/${id}/export`, { auth: 'curator' });
  }
  const filters = contract.components.schemas;
  for (const type of filters.MemberType.enum) await valid('each type', 'GET', '/members', { query: { type } });
  for (const o of filters.Opportunity.enum) {
    await valid('each seeks', 'GET', '/members', { query: { seeks: o } });
    await valid('each offers', 'GET', '/members', { query: { offers: o } });
  }
  for (const m of municipalities?.items ?? []) {
    await valid('each municipality filter', 'GET', '/members', { query: { municipality: m.code, facetSize: 50 } });
  }
  for (const s of skills?.items ?? []) await valid('each skill filter', 'GET', '/members', { query: { skill: s.slug } });
  for (const sort of ['relevance', 'name', '-name', 'newest', 'updated']) {
    await valid('each sort', 'GET', '/members', { query: { q: 'design', sort } });
  }
  for (const status of ['pending', 'published', 'rejected', 'archived']) {
    await valid('each status (curator)', 'GET', '/members', { auth: 'curator', query: { status } });
  }
  for (const q of ['a', 'de', 'foto', 'luleå', 'design']) await valid('suggest words', 'GET', '/members/suggest', { query: { q } });
  let since;
  for (let i = 0; i < 200; i += 1) {
    const page = await valid('the whole change feed', 'GET', '/members/changes', { query: { size: 10, ...(since ? { since } : {}) } });
    since = page.body?.nextCursor;
    if (!page.body?.hasMore) break;
  }
}

// --- Negative cases through the second proxy (requests not checked, answers checked) ----------------------------
async function negativeScenario() {
  console.log('negative cases (the second proxy, answers checked)');
  const member = state.member ?? {};
  const curatorAuth = 'curator';

  // Invalid bodies.
  await negative('create: wrong fields', 'POST', '/members', { auth: curatorAuth, expect: 400,
    problem: 'invalid-input', fields: ['municipality', 'skills', 'website'],
    json: { name: 'Konformans Trasig', type: 'agency', municipality: '9999', skills: [], website: 'nowhere' } });
  await negative('create: unknown type', 'POST', '/members', { auth: curatorAuth, expect: 400,
    problem: 'invalid-input', fields: ['type'], json: { ...memberInput(`Konformans Typ ${RUN}`), type: 'painter' } });
  await negative('create: missing fields', 'POST', '/members', { auth: curatorAuth, expect: 400,
    problem: 'invalid-input', fields: ['type', 'municipality', 'skills'], json: { name: `Konformans Tom ${RUN}` } });
  await negative('create: unknown property', 'POST', '/members', { auth: curatorAuth, expect: 400,
    problem: 'invalid-input', fields: ['nmae'], json: { ...memberInput(`Konformans X ${RUN}`), nmae: 'typo' } });
  await negative('create: not JSON', 'POST', '/members', { auth: curatorAuth, expect: 415,
    problem: 'unsupported-media-type', body: 'name=Konformans', type: 'text/plain' });
  await negative('create: over 64 KiB', 'POST', '/members', { auth: curatorAuth, expect: 413,
    problem: 'payload-too-large', json: memberInput(`Konformans Stor ${RUN}`, { description: 'x'.repeat(70_000) }) });
  await negative('create: a JSON array', 'POST', '/members', { auth: curatorAuth, expect: 400,
    problem: 'malformed-request', json: [memberInput(`Konformans Lista ${RUN}`)] });
  await negative('create: a look-alike name', 'POST', '/members', { auth: curatorAuth, expect: 409, problem: 'conflict',
    json: memberInput(`Konformans Bild ${RUN}`.replace('m', 'rn')) });
  await negative('apply: a look-alike name', 'POST', '/applications', { expect: 409, problem: 'conflict', json: {
    name: `Konformans Bild ${RUN}`.replace('m', 'rn'), type: 'freelancer', municipality: '2584',
    skills: ['illustration'], consents: { contactPublic: false, privacyNotice: true } } });
  await negative('patch: sent as JSON', 'PATCH', `/members/${member.id}`, { auth: curatorAuth, expect: 415,
    problem: 'unsupported-media-type', headers: { 'If-Match': '"1"' }, json: { headline: 'Wrong type' } });
  await negative('create account: short password, bad name', 'POST', '/accounts', { auth: 'admin', expect: 400,
    fields: ['password', 'username'], json: { username: '-x', password: 'short', role: 'curator' } });
  await negative('create account: unknown role', 'POST', '/accounts', { auth: 'admin', expect: 400,
    fields: ['role'], json: { username: `weak-${RUN}`, password: `conformance-${RUN}-w`, role: 'owner' } });
  await negative('create account: taken name', 'POST', '/accounts', { auth: 'admin', expect: 409, problem: 'conflict',
    json: { username: state.curator.user, password: `conformance-${RUN}-other`, role: 'curator' } });
  await negative('create skill: bad branch', 'POST', '/skills', { auth: 'admin', expect: 400, fields: ['branch'],
    json: { nameSv: 'X', nameEn: 'X', branch: 'cooking' } });
  await negative('create skill: taken slug', 'POST', '/skills', { auth: 'admin', expect: 409, problem: 'conflict',
    json: { slug: 'photography', nameSv: 'Foto', nameEn: 'Photo', branch: 'visual-arts-design' } });
  await negative('update skill: bad branch', 'PUT', `/skills/${state.skill}`, { auth: 'admin', expect: 400,
    fields: ['branch'], json: { nameSv: 'X', nameEn: 'X', branch: 'cooking' } });
  await negative('delete a skill in use', 'DELETE', `/skills/${state.skill}`, { auth: 'admin', expect: 409,
    problem: 'conflict' });
  await negative('partner key: bad origin', 'POST', '/partner-keys', { auth: 'admin', expect: 400,
    fields: ['origins[0]'], json: { name: 'X', contact: 'x', requestsPerMinute: 10, origins: ['ftp://x'] } });
  await negative('patch partner key: bad limit', 'PATCH', `/partner-keys/${state.partnerKey}`, { auth: 'admin',
    expect: 400, fields: ['requestsPerMinute'], patch: { requestsPerMinute: 0 } });
  await negative('patch account: bad role', 'PATCH', `/accounts/${state.curatorId}`, { auth: 'admin', expect: 400,
    fields: ['role'], patch: { role: 'owner' } });
  await negative('password: too short', 'PUT', `/accounts/${state.curatorId}/password`, { auth: 'admin', expect: 400,
    fields: ['password'], json: { password: 'short' } });
  const admins = await valid('find the admin', 'GET', '/accounts', { auth: 'admin', query: { size: 100 } });
  const adminId = (admins.body?.items ?? []).find((a) => a.username === 'admin')?.id;
  await negative('demote the last admin', 'PATCH', `/accounts/${adminId}`, { auth: 'admin', expect: 409,
    problem: 'conflict', patch: { role: 'curator' } });
  await negative('apply: no privacy notice', 'POST', '/applications', { expect: 400, json: {
    name: `Konformans Utan ${RUN}`, type: 'freelancer', municipality: '2584', skills: ['illustration'],
    consents: { contactPublic: false } } });
  await negative('feature: in the past', 'PUT', `/members/${state.second.id}/feature`, { auth: curatorAuth,
    expect: 400, fields: ['until'], json: { until: '2020-01-01' } });
  await negative('reject: no reason', 'POST', `/members/${state.second.id}/reject`, { auth: curatorAuth, expect: 400,
    json: {} });
  await negative('import: not a CSV', 'POST', '/imports', { auth: 'admin', expect: 400,
    body: '\u0000\u0001\u0002binary', type: 'text/csv' });
  await negative('import: bad mode', 'POST', '/imports', { auth: 'admin', expect: 400, fields: ['mode'],
    query: { mode: 'merge' }, body: 'name;type\r\nX;agency\r\n', type: 'text/csv' });

  // Unknown ids.
  const missing = [
    ['GET', `/members/${UNKNOWN_UUID}`, {}], ['GET', '/members/no-such-member', {}],
    ['GET', `/members/${UNKNOWN_UUID}`, { auth: curatorAuth }],
    ['PUT', `/members/${UNKNOWN_UUID}`, { auth: curatorAuth, headers: { 'If-Match': '"1"' }, json: memberInput('X') }],
    ['PATCH', `/members/${UNKNOWN_UUID}`, { auth: curatorAuth, headers: { 'If-Match': '"1"' }, patch: {} }],
    ['DELETE', `/members/${UNKNOWN_UUID}`, { auth: curatorAuth }],
    ['POST', `/members/${UNKNOWN_UUID}/publish`, { auth: curatorAuth }],
    ['POST', `/members/${UNKNOWN_UUID}/archive`, { auth: curatorAuth, json: {} }],
    ['POST', `/members/${UNKNOWN_UUID}/reject`, { auth: curatorAuth, json: { reason: 'x' } }],
    ['PUT', `/members/${UNKNOWN_UUID}/feature`, { auth: curatorAuth, json: { until: day(3) } }],
    ['DELETE', `/members/${UNKNOWN_UUID}/feature`, { auth: curatorAuth }],
    ['GET', `/members/${UNKNOWN_UUID}/history`, { auth: curatorAuth }],
    ['GET', `/members/${UNKNOWN_UUID}/export`, { auth: curatorAuth }],
    ['GET', '/skills/no-such-skill', {}],
    ['PUT', '/skills/no-such-skill', { auth: 'admin', json: { nameSv: 'X', nameEn: 'X', branch: 'fashion' } }],
    ['DELETE', '/skills/no-such-skill', { auth: 'admin' }],
    ['GET', '/municipalities/2999', {}],
    ['GET', `/accounts/${UNKNOWN_UUID}`, { auth: 'admin' }],
    ['PATCH', `/accounts/${UNKNOWN_UUID}`, { auth: 'admin', patch: { enabled: true } }],
    ['PUT', `/accounts/${UNKNOWN_UUID}/password`, { auth: 'admin', json: { password: `conformance-${RUN}-x` } }],
    ['GET', `/partner-keys/${UNKNOWN_UUID}`, { auth: 'admin' }],
    ['PATCH', `/partner-keys/${UNKNOWN_UUID}`, { auth: 'admin', patch: { enabled: false } }],
    ['GET', `/imports/${UNKNOWN_UUID}`, { auth: 'admin' }],
    ['GET', `/imports/${UNKNOWN_UUID}/errors.csv`, { auth: 'admin' }],
  ];
  for (const [method, p, opts] of missing) {
    await negative('unknown id', method, p, { ...opts, expect: 404, problem: 'not-found' });
  }
  // An id that cannot be one (not a UUID, not a slug) names no resource: 404 (documented), as the routes match only
  // well-formed ids.
  await negative('malformed account id', 'GET', '/accounts/not-a-uuid', { auth: 'admin', expect: 404 });
  await negative('malformed import id', 'GET', '/imports/not-a-uuid', { auth: 'admin', expect: 404 });
  await negative('malformed partner key id', 'GET', '/partner-keys/not-a-uuid', { auth: 'admin', expect: 404 });
  await negative('malformed municipality code', 'GET', '/municipalities/abc', { expect: 404 });
  await negative('malformed skill slug', 'GET', '/skills/Not_A_Slug', { expect: 404 });

  // Preconditions.
  const current = await valid('read for the preconditions', 'GET', `/members/${member.id}`, { auth: curatorAuth });
  const etag = current.headers.get('etag');
  const stale = `"${Number(current.body?.version ?? 1) - 1}"`;
  await negative('patch: stale If-Match', 'PATCH', `/members/${member.id}`, { auth: curatorAuth, expect: 412,
    problem: 'precondition-failed', headers: { 'If-Match': stale }, patch: { headline: 'Stale' } });
  await negative('replace: stale If-Match', 'PUT', `/members/${member.id}`, { auth: curatorAuth, expect: 412,
    problem: 'precondition-failed', headers: { 'If-Match': stale }, json: memberInput(`Konformans Bild ${RUN}`) });
  await negative('erase: stale If-Match', 'DELETE', `/members/${member.id}`, { auth: curatorAuth, expect: 412,
    problem: 'precondition-failed', headers: { 'If-Match': stale } });
  await negative('patch: no If-Match', 'PATCH', `/members/${member.id}`, { auth: curatorAuth, expect: 428,
    problem: 'precondition-required', patch: { headline: 'Blind' } });
  await negative('replace: no If-Match', 'PUT', `/members/${member.id}`, { auth: curatorAuth, expect: 428,
    problem: 'precondition-required', json: memberInput(`Konformans Bild ${RUN}`) });
  await negative('patch: invalid value', 'PATCH', `/members/${member.id}`, { auth: curatorAuth, expect: 400,
    fields: ['website'], headers: { 'If-Match': etag }, patch: { website: 'not a url' } });

  // Wrong credentials (user names of their own: the admin's failures would throttle the admin, and one name's
  // failures beyond CONFORMANCE_LOGIN_MAX_FAILURES are 429).
  const wrongCredentials = [['GET', '/accounts', {}], ['POST', '/members', { json: memberInput('X') }],
    ['GET', `/members/${member.id}/history`, {}], ['GET', '/exports/members.csv', {}],
    ['DELETE', `/skills/${state.skill}`, {}], ['PATCH', `/partner-keys/${state.partnerKey}`, { patch: {} }]];
  for (const [i, [method, p, opts]] of wrongCredentials.entries()) {
    await negative('wrong credentials', method, p, { ...opts, auth: { user: `nobody-${RUN}-${i}`,
      password: 'not-the-password-1' }, expect: 401, problem: 'unauthorized' });
  }
  await negative('anonymous status filter', 'GET', '/members', { query: { status: 'pending' }, expect: 401,
    problem: 'unauthorized' });
  for (const p of ['/members', '/members/suggest?q=k', '/members/changes', `/members/${member.id}`, '/skills',
    '/skills/photography', '/municipalities', '/municipalities/2580']) {
    const [pathname, q] = p.split('?');
    await negative('unknown partner key', 'GET', pathname, { headers: { 'X-Api-Key': `cnk_${'A'.repeat(43)}` },
      query: q ? Object.fromEntries(new URLSearchParams(q)) : {}, expect: 401, problem: 'unauthorized' });
  }

  // A curator on admin-only operations.
  for (const [method, p, opts] of [['GET', '/accounts', {}], ['POST', '/accounts', { json: { username: `x-${RUN}`,
    password: `conformance-${RUN}-y`, role: 'curator' } }], ['GET', `/accounts/${state.curatorId}`, {}],
    ['PATCH', `/accounts/${state.curatorId}`, { patch: { role: 'admin' } }],
    ['PUT', `/accounts/${state.curatorId}/password`, { json: { password: `conformance-${RUN}-z` } }],
    ['POST', '/skills', { json: { nameSv: 'X', nameEn: 'X', branch: 'fashion' } }],
    ['PUT', '/skills/photography', { json: { nameSv: 'X', nameEn: 'X', branch: 'fashion' } }],
    ['DELETE', '/skills/photography', {}], ['GET', '/exports/members.csv', {}], ['GET', '/exports/members.ndjson', {}],
    ['GET', '/imports/template.csv', {}], ['POST', '/imports', { body: 'name\r\nX\r\n', type: 'text/csv' }],
    ['GET', `/imports/${UNKNOWN_UUID}`, {}], ['GET', `/imports/${UNKNOWN_UUID}/errors.csv`, {}],
    ['GET', '/partner-keys', {}], ['GET', `/partner-keys/${state.partnerKey}`, {}],
    ['POST', '/partner-keys', { json: { name: 'X', contact: 'x', requestsPerMinute: 10, origins: [] } }],
    ['PATCH', `/partner-keys/${state.partnerKey}`, { patch: { enabled: false } }]]) {
    await negative('curator on admin-only', method, p, { ...opts, auth: curatorAuth, expect: 403,
      problem: 'forbidden' });
  }

  // Too many values, out-of-range parameters.
  const municipalities = ['2506', '2505', '2582', '2523', '2583', '2514', '2584', '2580', '2521', '2581', '2518',
    '2513', '2560', '2581', '2506'];
  const tooMany = [
    ['type', { type: ['agency', 'student', 'freelancer', 'agency'] }],
    ['skill', { skill: Array.from({ length: 21 }, (_, i) => `skill-${i}`) }],
    ['municipality', { municipality: municipalities }],
    ['language', { language: Array.from({ length: 21 }, (_, i) => `l${String.fromCharCode(97 + i)}`) }],
    ['seeks', { seeks: ['assignments', 'employment', 'internship', 'collaboration', 'mentoring', 'assignments'] }],
    ['size', { size: 1000 }], ['page', { page: 0 }], ['sort', { sort: 'loudest' }], ['near', { sort: 'distance' }],
  ];
  for (const [field, query] of tooMany) {
    await negative(`search: ${field}`, 'GET', '/members', { query, expect: 400, problem: 'invalid-input',
      fields: [field] });
  }
  await negative('search: too many statuses', 'GET', '/members', { auth: curatorAuth, expect: 400,
    fields: ['status'], query: { status: ['pending', 'published', 'rejected', 'archived', 'pending'] } });
  await negative('suggest: no q', 'GET', '/members/suggest', { expect: 400, fields: ['q'] });
  await negative('changes: bad since', 'GET', '/members/changes', { query: { since: 'nonsense' }, expect: 400,
    fields: ['since'] });
  await negative('changes: bad size', 'GET', '/members/changes', { query: { size: 5000 }, expect: 400,
    fields: ['size'] });
  await negative('history: bad size', 'GET', `/members/${member.id}/history`, { auth: curatorAuth,
    query: { size: 0 }, expect: 400, fields: ['size'] });
  await negative('accounts: bad page', 'GET', '/accounts', { auth: 'admin', query: { page: 0 }, expect: 400,
    fields: ['page'] });
  await negative('partner keys: bad size', 'GET', '/partner-keys', { auth: 'admin', query: { size: 101 }, expect: 400,
    fields: ['size'] });
  await negative('export: bad status', 'GET', '/exports/members.csv', { auth: 'admin', query: { status: 'lost' },
    expect: 400, fields: ['status'] });
  await negative('export: unknown skill', 'GET', '/exports/members.ndjson', { auth: 'admin',
    query: { skill: 'no-such-skill' }, expect: 400, fields: ['skill'] });

  // What the service cannot answer in (406), and writes a browser sent from another site's page (403).
  for (const [p, accept, auth] of [['/skills', 'text/csv'], [`/members/${member.id}`, 'application/xml'],
    ['/members', 'text/html'], ['/exports/members.csv', 'application/json', 'admin'],
    ['/imports/template.csv', 'application/x-ndjson', 'admin']]) {
    await negative('not acceptable', 'GET', p, { auth, headers: { Accept: accept }, expect: 406,
      problem: 'not-acceptable' });
  }
  // Also where success has no body: the Accept is checked before the skill is looked for.
  await negative('not acceptable, no body', 'DELETE', '/skills/no-such-skill', { auth: 'admin',
    headers: { Accept: 'text/csv' }, expect: 406, problem: 'not-acceptable' });
  await negative('cross-site write', 'POST', '/members', { auth: curatorAuth, headers: { 'Sec-Fetch-Site': 'cross-site',
    Origin: 'https://elsewhere.example' }, json: memberInput(`Konformans Annan ${RUN}`), expect: 403,
  problem: 'cross-site-request' });
  await negative('cross-site application', 'POST', '/applications', { headers: { 'Sec-Fetch-Site': 'cross-site',
    Origin: 'https://elsewhere.example' }, expect: 403, problem: 'cross-site-request', json: {
    name: `Konformans Annan ${RUN}`, type: 'freelancer', municipality: '2584', skills: ['illustration'],
    consents: { contactPublic: false, privacyNotice: true } } });

  // Workflow conflicts.
  await negative('publish a rejected member', 'POST', `/members/${state.pending.id}/publish`, { auth: curatorAuth,
    expect: 409, problem: 'invalid-transition' });
  await negative('feature a rejected member', 'PUT', `/members/${state.pending.id}/feature`, { auth: curatorAuth,
    expect: 409, problem: 'invalid-transition', json: { until: day(3) } });
  await negative('archive a rejected member', 'POST', `/members/${state.pending.id}/archive`, { auth: curatorAuth,
    expect: 409, problem: 'invalid-transition', json: {} });

  // Over the limits (429): the applications of one address, a partner key's limit, failed logins of one user name.
  let limited = null;
  for (let i = 0; i <= APPLICATIONS_PER_CLIENT && !limited; i += 1) {
    const answer = await negative('applications over the limit', 'POST', '/applications', { expect: [202, 429],
      json: { name: `Konformans Gräns ${RUN} ${i}`, type: 'student', municipality: '2580', skills: ['illustration'],
        consents: { contactPublic: false, privacyNotice: true } } });
    if (answer.status === 429) limited = answer;
  }
  if (check('applications over the limit', !!limited, `no 429 after ${APPLICATIONS_PER_CLIENT + 1} applications`)) {
    check('applications over the limit', !!limited.headers.get('retry-after'), 'no Retry-After on the 429');
  }
  const slow = await valid('a partner key of 2 a minute', 'POST', '/partner-keys', { auth: 'admin', expect: 201,
    json: { name: `Konformans Långsam ${RUN}`, contact: 'x@conformance.example', requestsPerMinute: 2, origins: [] } });
  // At once: one a minute is earned back every 30 s, which a slow machine could take between two requests.
  const burst = slow.body?.key ? await Promise.all([0, 1, 2, 3].map((i) => negative('partner key over its limit',
    'GET', '/members/suggest', { expect: [200, 429], headers: { 'X-Api-Key': slow.body.key }, query: { q: `k${i}` } })))
    : [];
  check('partner key over its limit', burst.some((a) => a.status === 429),
    `no 429 among 4 requests at once with a key of 2 a minute: ${burst.map((a) => a.status).join(', ')}`);
  const throttled = { user: `throttled-${RUN}`, password: 'not-the-password-2' };
  let loginLimited = null;
  for (let i = 0; i <= LOGIN_MAX_FAILURES && !loginLimited; i += 1) {
    const answer = await negative('failed logins over the limit', 'GET', '/accounts', { auth: throttled,
      expect: [401, 429] });
    if (answer.status === 429) loginLimited = answer;
  }
  check('failed logins over the limit', !!loginLimited, `no 429 after ${LOGIN_MAX_FAILURES + 1} failed logins`);
}

// --- Canaries: Prism does find what it should, with this version and this contract ---------------------------------
// A request the contract forbids, through the first proxy, must be answered by Prism (422 naming the parameter); an
// answer the contract forbids must be reported: a third proxy on a copy of the contract in which a municipality's
// name may be one character long must turn the service's answer into a violation. Neither counts as a violation;
// each fails the run when Prism does not report it.
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function canaries() {
  console.log('canaries (Prism reports a bad request and a bad answer)');
  counts.canary = 0;
  const step = 'canary: a bad request';
  counts.canary += 1;
  const refused = await fetch(new URL('/api/v1/members?size=1000', VALID));
  const refusal = await refused.json().catch(() => null);
  check(step, refused.status === 422 && refusal?.type === `${PRISM_ERRORS}UNPROCESSABLE_ENTITY`
    && (refusal.validation ?? []).some((v) => (v.location ?? []).join('.') === 'query.size'),
    `size=1000 through the first proxy: ${refused.status} ${JSON.stringify(refusal).slice(0, 300)}`);

  const strict = structuredClone(contract);
  strict.components.schemas.Municipality.properties.name.maxLength = 1;
  const file = path.join(OUT, 'canary-contract.json');
  fs.writeFileSync(file, JSON.stringify(strict));
  const port = await freePort();
  const log = fs.openSync(path.join(OUT, 'prism-canary.log'), 'w');
  const prism = spawn(path.join(TOOLS, 'node_modules', '.bin', 'prism'), ['proxy', file, SERVICE, '--errors',
    '--cors=false', '--multiprocess=false', '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', log, log] });
  try {
    const deadline = Date.now() + 60_000;
    while (!fs.readFileSync(path.join(OUT, 'prism-canary.log'), 'utf8').includes('Prism is listening')) {
      if (Date.now() > deadline || prism.exitCode !== null) throw new Error('the canary proxy did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    counts.canary += 1;
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/municipalities/2581`);
    const found = findingsOf(answer, await answer.json().catch(() => null));
    check('canary: a bad answer', answer.status === 500
      && found.some((f) => (f.location ?? []).join('.') === 'response.body.name'),
      `a contract that allows 1 character for a name: ${answer.status}, findings ${JSON.stringify(found).slice(0, 300)}`);
  } catch (e) {
    fail('canary: a bad answer', e.message);
  } finally {
    prism.kill('SIGTERM');
    fs.closeSync(log);
  }
}

// --- Run ---------------------------------------------------------------------------------------------------------
const started = Date.now();
try {
  await validScenario();
  await negativeScenario();
  await erasures();
  await canaries();
} catch (e) {
  fail('scenario', `stopped: ${e.stack}`);
}

const missing = operations.filter((o) => !covered.has(o.id)).map((o) => o.id);
const negativeMissing = operations.filter((o) => !negativeCovered.has(o.id)).map((o) => o.id);
if (missing.length > 0) fail('coverage', `operations not exercised with success through the proxy: ${missing.join(', ')}`);
const counted = violations.filter((v) => !v.waived);
const waived = violations.length - counted.length;
const summary = {
  operations: operations.length, covered: operations.length - missing.length, missing,
  negativeCovered: operations.length - negativeMissing.length, negativeMissing,
  requests: counts, violations: counted.length, waived, checks, failedChecks: failures.length, failures,
  seconds: Math.round((Date.now() - started) / 100) / 10, full: FULL,
};
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'violations.json'), `${JSON.stringify(violations, null, 2)}\n`);
fs.writeFileSync(path.join(OUT, 'requests.json'), `${JSON.stringify(records, null, 1)}\n`);
fs.writeFileSync(path.join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`operations without a negative case: ${negativeMissing.join(', ') || 'none'}`);
console.log(`violations: ${counted.length}${waived ? ` (+${waived} waived)` : ''}, failed checks: ${failures.length}`);
const passed = missing.length === 0 && counted.length === 0 && failures.length === 0;
console.log(`FIGURES operations ${summary.covered}/${operations.length} (negative ${summary.negativeCovered}/${operations.length}), `
  + `requests ${counts.valid} valid + ${counts.negative} negative + ${counts.canary ?? 0} canary, violations ${counted.length} (${waived} waived), `
  + `checks ${checks - failures.length}/${checks}`);
process.exit(passed ? 0 : 1);
