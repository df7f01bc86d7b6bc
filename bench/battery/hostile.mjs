// The hostile-input battery's driver (bench/battery/hostile.sh starts the service and runs it; see there).
//
// Reads the operations, their parameters and their bodies from the contract (openapi/openapi.json), so an
// operation added to the contract is covered without a change here, and sends each of them malformed or hostile
// requests on raw sockets (node:net: a client library refuses to send most of them). Every answer is judged:
// a 5xx, a stack trace or an internal detail in a body, a 4xx that is not a problem+json naming the problem, an
// answer that never comes, or a 2xx to input that is not legitimately valid, is a failure, saved (the request's
// bytes as base64) to failures.jsonl for `node hostile.mjs replay FILE`.
//
// Environment: HOSTILE_BASE (http://127.0.0.1:PORT), HOSTILE_ADMIN_USER (admin), HOSTILE_ADMIN_PASSWORD,
// HOSTILE_OUT (a folder), HOSTILE_SEED (a number; the random variation follows from it), HOSTILE_RANDOM (how many
// seeded random mutations after the catalogue), HOSTILE_VARIANTS (all: every variant on every operation; some: a
// rotating share of each class per operation, the short form), HOSTILE_SLOW (slow-body sockets),
// HOSTILE_IDLE_TIMEOUT (the service's idle timeout in seconds, 30), HOSTILE_CONTRACT (openapi/openapi.json),
// HOSTILE_CONCURRENCY (8).
//
//   node bench/battery/hostile.mjs run            # the battery; last line: FIGURES {json}
//   node bench/battery/hostile.mjs replay FILE    # sends each saved failing request again (the admin's
//                                                  # Authorization replaced by HOSTILE_ADMIN_PASSWORD's)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const env = process.env;
const BASE = new URL(env.HOSTILE_BASE || 'http://127.0.0.1:8080');
const HOST = BASE.hostname;
const PORT = Number(BASE.port || 80);
const HOST_HEADER = `${HOST}:${PORT}`;
const ADMIN = env.HOSTILE_ADMIN_USER || 'admin';
const PASSWORD = env.HOSTILE_ADMIN_PASSWORD || '';
const OUT = env.HOSTILE_OUT || 'target/battery/hostile';
const SEED = Number(env.HOSTILE_SEED || 1);
const RANDOM_COUNT = Number(env.HOSTILE_RANDOM || 0);
const ALL_VARIANTS = (env.HOSTILE_VARIANTS || 'all') === 'all';
const SLOW = Number(env.HOSTILE_SLOW ?? 8);
const IDLE_TIMEOUT_S = Number(env.HOSTILE_IDLE_TIMEOUT || 30);
const CONCURRENCY = Number(env.HOSTILE_CONCURRENCY || 8);
const CONTRACT = env.HOSTILE_CONTRACT || 'openapi/openapi.json';
const SHORT_SHARE = Number(env.HOSTILE_SHARE || 1);
const HELD = Number(env.HOSTILE_HELD ?? 250);
// Generous: on a loaded machine a connection may wait for SYN retries (1+2+4+8+16 s) before it is accepted.
const ANSWER_TIMEOUT_MS = 60_000;

const basic = (user, password) => 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
const ADMIN_AUTH = basic(ADMIN, PASSWORD);

// ---- seeded randomness (mulberry32) ---------------------------------------------------------------------------
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);
let uniqueCounter = 0;
const unique = () => `${SEED.toString(36)}${(++uniqueCounter).toString(36)}`;

// ---- raw HTTP/1.1 ----------------------------------------------------------------------------------------------
const CRLF = '\r\n';

/** The bytes of a request. headers: [name, value] pairs (value a string, a Buffer, or a function of nothing). */
function requestBytes(c) {
  const head = [];
  head.push(Buffer.from(`${c.method} ${c.target} ${c.version || 'HTTP/1.1'}${CRLF}`, 'latin1'));
  const headers = [];
  if (c.host !== false) headers.push(['Host', HOST_HEADER]);
  if (c.auth === 'admin') headers.push(['Authorization', ADMIN_AUTH]);
  else if (typeof c.auth === 'string' && c.auth !== 'none') headers.push(['Authorization', c.auth]);
  for (const [name, value] of c.headers || []) headers.push([name, typeof value === 'function' ? value() : value]);
  const body = c.body == null ? null : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body, 'utf8');
  if (body && c.contentLength !== false && !headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n))) {
    headers.push(['Content-Length', String(body.length)]);
  }
  if (c.close !== false) headers.push(['Connection', 'close']);
  for (const [name, value] of headers) {
    // null: a header line that is only a name, no colon.
    if (value === null) { head.push(Buffer.from(`${name}${CRLF}`, 'latin1')); continue; }
    head.push(Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'latin1'),
      Buffer.from(CRLF, 'latin1'));
  }
  head.push(Buffer.from(CRLF, 'latin1'));
  if (body) head.push(body);
  return Buffer.concat(head);
}

/** Parses what came back: null while the head is incomplete; complete says whether the whole answer is there. */
function parseAnswer(buf, head) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number((lines[0].match(/^HTTP\/\d\.\d (\d{3})/) || [])[1] || -1);
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] = headers[name] === undefined ? line.slice(colon + 1).trim() : `${headers[name]}, ${line.slice(colon + 1).trim()}`;
  }
  let rest = buf.subarray(end + 4);
  if (status >= 100 && status < 200 && status !== 101) return { interim: true, next: rest, status };
  if (head || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0), complete: true };
  if (/chunked/i.test(headers['transfer-encoding'] || '')) {
    const parts = [];
    let at = 0;
    for (;;) {
      const eol = rest.indexOf('\r\n', at);
      if (eol < 0) return { status, headers, body: Buffer.concat(parts), complete: false };
      const size = parseInt(rest.subarray(at, eol).toString('latin1'), 16);
      if (size === 0) return { status, headers, body: Buffer.concat(parts), complete: true };
      if (rest.length < eol + 2 + size + 2) return { status, headers, body: Buffer.concat(parts), complete: false };
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
  }
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    return { status, headers, body: rest.subarray(0, length), complete: rest.length >= length };
  }
  return { status, headers, body: rest, complete: false };
}

/**
 * Sends the bytes on a new connection and reads one answer. dribble: {bytes, everyMs} sends the head at once and
 * then the rest a byte at a time (bytes of it, or all), stopping there. Resolves {status, headers, body, outcome,
 * ms}: outcome is answer, closed (no answer), timeout or error:CODE.
 */
function exchange(bytes, { timeoutMs = ANSWER_TIMEOUT_MS, head = false, dribble = null } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ host: HOST, port: PORT });
    let received = Buffer.alloc(0);
    let done = false;
    let dribbleTimer = null;
    let lastWriteMs = 0;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(dribbleTimer);
      socket.destroy();
      let answer = parseAnswer(received, head);
      while (answer && answer.interim) answer = parseAnswer(answer.next, head);
      resolve({ ...(answer || {}), outcome: answer ? 'answer' : outcome, ms: Date.now() - started, raw: received, lastWriteMs });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.setNoDelay(true);
    socket.on('connect', () => {
      if (!dribble) {
        socket.write(bytes);
        return;
      }
      const split = bytes.indexOf('\r\n\r\n') + 4;
      socket.write(bytes.subarray(0, split));
      let at = split;
      const stop = dribble.bytes === undefined ? bytes.length : Math.min(bytes.length, split + dribble.bytes);
      dribbleTimer = setInterval(() => {
        if (at >= stop || socket.destroyed) { clearInterval(dribbleTimer); return; }
        socket.write(bytes.subarray(at, at + 1));
        at++;
        lastWriteMs = Date.now() - started;
      }, dribble.everyMs);
    });
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      let answer = parseAnswer(received, head);
      while (answer && answer.interim) answer = parseAnswer(answer.next, head);
      if (answer && answer.complete) finish('answer');
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', (e) => finish(`error:${e.code}`));
  });
}

async function call(c) {
  const bytes = requestBytes(c);
  return { bytes, answer: await exchange(bytes, { head: c.method === 'HEAD', timeoutMs: c.timeoutMs, dribble: c.dribble }) };
}

const jsonOf = (answer) => {
  try { return JSON.parse(answer.body.toString('utf8')); } catch { return null; }
};

// ---- the contract ----------------------------------------------------------------------------------------------
const contract = JSON.parse(fs.readFileSync(CONTRACT, 'utf8'));

function deref(schema, seen = 0) {
  if (!schema || typeof schema !== 'object' || seen > 20) return schema || {};
  if (schema.$ref) {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], contract);
    const { $ref, ...siblings } = schema;
    return deref({ ...target, ...siblings }, seen + 1);
  }
  return schema;
}
const typeOf = (schema) => {
  const s = deref(schema);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  if (s.enum) return typeof s.enum[0] === 'number' ? 'integer' : 'string';
  if (s.properties) return 'object';
  return 'any';
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = [];
for (const [template, item] of Object.entries(contract.paths)) {
  for (const m of METHODS) {
    const op = item[m];
    if (!op) continue;
    const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => deref(p));
    const security = op.security ?? contract.security ?? [];
    const isPublic = security.length === 0 || security.some((s) => Object.keys(s).length === 0);
    const media = op.requestBody
      ? Object.entries(deref(op.requestBody).content || {}).map(([type, c]) => ({
        type,
        schema: deref(c.schema),
        example: c.example ?? (c.examples ? Object.values(c.examples)[0]?.value : undefined),
      }))
      : [];
    operations.push({
      id: op.operationId || `${m} ${template}`, method: m.toUpperCase(), template, params, isPublic, media,
      bodyRequired: Boolean(op.requestBody && deref(op.requestBody).required),
    });
  }
}

// ---- valid values from the schemas -----------------------------------------------------------------------------
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

function validValue(schema, depth = 0) {
  const s = deref(schema);
  if (depth > 8) return null;
  if (s.format === 'date') return tomorrow();
  if (s.examples && s.examples.length) return structuredClone(s.examples[0]);
  if (s.example !== undefined) return structuredClone(s.example);
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object': {
      const out = {};
      for (const name of s.required || []) out[name] = validValue(s.properties?.[name] || {}, depth + 1);
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, s.minItems || 0) }, () => validValue(s.items || {}, depth + 1));
    case 'integer': case 'number': return s.minimum ?? 1;
    case 'boolean': return true;
    case 'string':
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'uri') return 'https://example.se';
      return 'x'.repeat(Math.max(1, s.minLength || 0));
    default: return 'x';
  }
}

// Identifiers that must be new for a create to succeed (a slug, a user name) get a unique suffix.
function freshBody(op, media) {
  let body = structuredClone(media.example ?? validValue(media.schema));
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const key of ['slug', 'username']) {
      if (typeof body[key] === 'string') body[key] = `${body[key].slice(0, 40)}-h${unique()}`.toLowerCase();
    }
    if (typeof body.nameEn === 'string') body.nameEn = `${body.nameEn} ${unique()}`;
    if (typeof body.nameSv === 'string') body.nameSv = `${body.nameSv} ${unique()}`;
  }
  return body;
}

// ---- the service's state: targets for path parameters, ETags ---------------------------------------------------
const targets = new Map(); // template of the item path -> {param: value}
const etags = new Map(); // a member's path -> its current full-record ETag
let validCsv = null;
let validNdjson = null;

function collectionOf(template) {
  return template.replace(/\/\{[^}]+\}.*$/, '');
}

const isJson = (type) => /^application\/([\w.-]+\+)?json$/.test(type);

function validBodyBytes(op, media) {
  if (isJson(media.type)) return Buffer.from(JSON.stringify(freshBody(op, media)), 'utf8');
  if (media.type === 'text/csv') return Buffer.from(validCsv || 'name\r\nx\r\n', 'utf8');
  if (media.type === 'application/x-ndjson') return Buffer.from(validNdjson || '{}\n', 'utf8');
  return Buffer.from('x', 'utf8');
}

/** The valid target of an operation: path parameters from the setup, required query parameters valid. */
function target(op, { pathValues = {}, query = null } = {}) {
  let p = op.template;
  const values = targets.get(op.template.replace(/(\{[^}]+\}).*$/, '$1')) || {};
  for (const param of op.params.filter((x) => x.in === 'path')) {
    let value = pathValues[param.name];
    if (value === undefined) {
      // Deleting the target itself would leave the other cases nothing to work on: a made-up one instead.
      value = op.method === 'DELETE' && op.template.endsWith(`{${param.name}}`)
        ? (deref(param.schema).format === 'uuid' ? '00000000-0000-4000-8000-0000000000ff' : 'no-such-thing')
        : encodeURIComponent(values[param.name] ?? String(validValue(param.schema)));
    }
    p = p.replace(`{${param.name}}`, value);
  }
  const pairs = query ?? op.params.filter((x) => x.in === 'query' && x.required)
    .map((x) => [x.name, encodeURIComponent(String(validValue(x.schema)))]);
  return pairs.length ? `${p}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : p;
}

/** Headers a valid request of the operation needs: its media type, a current If-Match. */
function validHeaders(op, media) {
  const headers = [];
  if (media) headers.push(['Content-Type', media.type]);
  for (const param of op.params.filter((x) => x.in === 'header')) {
    if (/^if-match$/i.test(param.name)) {
      const t = target(op).replace(/\?.*$/, '').replace(/(\/members\/[^/]+).*$/, '$1');
      headers.push([param.name, () => etags.get(t) || '"0"']);
    } else if (param.required) headers.push([param.name, String(validValue(param.schema))]);
  }
  return headers;
}

async function setup() {
  const log = [];
  const must = async (c, what) => {
    const { answer } = await call(c);
    log.push(`${what}: ${answer.status}`);
    if (!(answer.status >= 200 && answer.status < 300)) {
      throw new Error(`setup failed: ${what} answered ${answer.status} ${answer.body?.toString('utf8').slice(0, 300)}`);
    }
    return answer;
  };
  const getOp = (id) => operations.find((o) => o.id === id);
  // The CSV an import reads, from its template (when the contract has one), and NDJSON of the member example.
  const template = operations.find((o) => o.method === 'GET' && /template\.csv$/.test(o.template));
  if (template) validCsv = (await must({ method: 'GET', target: template.template, auth: 'admin' }, 'the import template')).body.toString('utf8');
  const memberExample = operations.find((o) => o.id === 'createMember')?.media[0]?.example;
  if (memberExample) validNdjson = `${JSON.stringify({ ...memberExample, name: 'Hostile Ndjson Import' })}\n`;
  // One resource of each collection that has a create: the target of its item operations.
  const itemTemplates = [...new Set(operations.map((o) => o.template.replace(/(\{[^}]+\}).*$/, '$1')).filter((t) => t.endsWith('}')))];
  for (const item of itemTemplates) {
    const collection = collectionOf(item);
    const param = item.match(/\{([^}]+)\}$/)[1];
    const create = operations.find((o) => o.method === 'POST' && o.template === collection && o.media.length);
    let value = null;
    if (create) {
      const media = create.media[0];
      const answer = await must({ method: 'POST', target: `${collection}${/imports$/.test(collection) ? '?dryRun=true' : ''}`,
        auth: 'admin', headers: [['Content-Type', media.type]], body: validBodyBytes(create, media) }, `create in ${collection}`);
      value = decodeURIComponent((answer.headers.location || '').replace(/\?.*$/, '').split('/').pop());
      if (answer.headers.etag) etags.set(`${collection}/${value}`, answer.headers.etag);
    } else {
      const list = operations.find((o) => o.method === 'GET' && o.template === collection);
      if (list) {
        const json = jsonOf(await must({ method: 'GET', target: collection, auth: 'admin' }, `list ${collection}`));
        const items = Array.isArray(json) ? json : Object.values(json || {}).find(Array.isArray) || [];
        value = items[0]?.[param] ?? items[0]?.id ?? null;
      }
    }
    if (value) targets.set(item, { [param]: String(value) });
  }
  // The sentinel: a member created before the run that nothing touches; read back after the run.
  const createMember = getOp('createMember');
  const sentinelAnswer = await must({ method: 'POST', target: '/api/v1/members', auth: 'admin', headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({ ...createMember.media[0].example, name: 'Hostile Sentinel Studio' }) }, 'the sentinel member');
  const sentinelPath = new URL(sentinelAnswer.headers.location).pathname;
  // A curator, for admin operations under the wrong role.
  const curatorPassword = `curator-${unique()}-password`;
  const curatorName = `hostile-curator-${unique()}`;
  await must({ method: 'POST', target: '/api/v1/accounts', auth: 'admin', headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({ username: curatorName, password: curatorPassword, role: 'curator' }) }, 'the curator account');
  return { log, sentinelPath, curatorAuth: basic(curatorName, curatorPassword) };
}

// ---- hostile material ------------------------------------------------------------------------------------------
const b = (...bytes) => Buffer.from(bytes);
const INVALID_UTF8 = [
  ['overlong /', b(0xc0, 0xaf)], ['overlong <', b(0xc0, 0xbc)], ['overlong NUL', b(0xc0, 0x80)],
  ['overlong 3-byte', b(0xe0, 0x80, 0xaf)], ['overlong 4-byte', b(0xf0, 0x80, 0x80, 0xaf)],
  ['surrogate D800', b(0xed, 0xa0, 0x80)], ['surrogate DFFF', b(0xed, 0xbf, 0xbf)],
  ['surrogate pair (CESU-8)', b(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80)],
  ['5-byte form', b(0xf8, 0x88, 0x80, 0x80, 0x80)], ['6-byte form', b(0xfc, 0x84, 0x80, 0x80, 0x80, 0x80)],
  ['above U+10FFFF', b(0xf4, 0x90, 0x80, 0x80)], ['F5 lead', b(0xf5, 0x80, 0x80, 0x80)],
  ['stray continuation 80', b(0x80)], ['stray continuation BF', b(0xbf)], ['three continuations', b(0x80, 0x80, 0x80)],
  ['truncated 3-byte', b(0xe2, 0x82)], ['truncated 4-byte', b(0xf0, 0x9f, 0x98)], ['lone lead C3', b(0xc3)],
  ['FE', b(0xfe)], ['FF', b(0xff)], ['FF FE', b(0xff, 0xfe)],
  ['noncharacter FFFE', b(0xef, 0xbf, 0xbe)], ['noncharacter FDD0', b(0xef, 0xb7, 0x90)],
];
const CONTROL_IN_JSON = [
  ['escaped NUL', Buffer.from('\\u0000')], ['raw NUL', b(0x00)], ['raw SOH', b(0x01)], ['raw ESC', b(0x1b)],
  ['raw DEL', b(0x7f)], ['escaped NEL', Buffer.from('\\u0085')], ['escaped US', Buffer.from('\\u001f')],
  ['raw VT', b(0x0b)], ['escaped BEL', Buffer.from('\\u0007')], ['raw C1 (C2 9B)', b(0xc2, 0x9b)],
];
const LONE_SURROGATES = ['\\ud800', '\\udfff', '\\udc00\\ud800', 'a\\ud83db', '\\ud800\\u0041', '\\uDBFF'];
const LUCENE = ['*:*', 'a~0.1', '[a TO z]', 'field:(', '/.*/', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*',
  `${'?'.repeat(60)}`, `${'a*'.repeat(40)}`, 'name:x AND status:pending', '+-&&||!(){}[]^"~*?:\\/', '/[a-z]{1,1000}(a|b)*c/',
  'a^1e308', '"unclosed phrase', 'design~2 OR NOT x', '\\', '{!lucene}*', 'skills:* OR email:*', 'a AND (b OR (c AND (d'];
const SQL = ["' OR 1=1--", "'; DROP TABLE member;--", '" OR ""="', "1; SELECT pg_sleep(5)--", "admin'--",
  "x' UNION ALL SELECT NULL,NULL--", '1 OR 1=1', "\\'; --", "') OR ('a'='a", '%%\' ESCAPE \'\\'];
const TRAVERSAL = ['..', '..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f%2e%2e', '%2F', '%252F', '%5C..%5C', '..%5C..%5C',
  'x%2F..%2F..%2Faccounts', '%00', 'x%00.json', '%C0%AF', '%C0%AE%C0%AE', '%ED%A0%80', '%FF', '%F8%88%80%80%80', '%80',
  '%E2%82', '.%2e/.%2e/', '..;%2F', 'x;jsessionid=1', '%25', '%u002e%u002e', '%EF%BC%8E%EF%BC%8E', '%20', '%0D%0AX-Injected:%201',
  'a%09b', '%7F', encodeURIComponent("' OR 1=1--"), encodeURIComponent('*:*'), encodeURIComponent('[a TO z]'),
  encodeURIComponent('00000000-0000-4000-8000-000000000000 '), 'NaN', '-1', '1e999999', '18446744073709551616'];
const QUERY_BAD_ENCODINGS = ['%C0%AF', '%C0%80', '%E0%80%AF', '%ED%A0%80', '%ED%BF%BF', '%F8%88%80%80%80',
  '%FC%84%80%80%80%80', '%F4%90%80%80', '%80', '%BF', '%E2%82', '%F0%9F%98', '%FE', '%FF', '%00', '%01', '%1B', '%7F',
  '%C2%85', '%EF%BF%BE', '%', '%zz', 'a%'];
const NUMBERS = ['1e999999', '18446744073709551616', '-0', 'NaN', 'Infinity', '-Infinity', '-1', '0', '1.5', '2147483648',
  '-2147483649', '9223372036854775808', '0x10', '1e2', '１', '', ' 1', '1 ', '+1', '00001', '1_000'];

/** Whether a string is a valid value of a (string) schema, by its enum, pattern and length. */
function fits(schema, value) {
  const s = deref(schema);
  if (s.enum) return s.enum.includes(value);
  if (s.maxLength !== undefined && [...value].length > s.maxLength) return false;
  if (s.minLength !== undefined && [...value].length < s.minLength) return false;
  if (s.pattern) {
    try { if (!new RegExp(s.pattern, 'u').test(value)) return false; } catch { /* a pattern JavaScript cannot read: unknown */ }
  }
  const t = typeOf(s);
  if (t === 'integer' || t === 'number') return /^-?\d+$/.test(value) && (s.minimum === undefined || Number(value) >= s.minimum)
    && (s.maximum === undefined || Number(value) <= s.maximum);
  if (t === 'boolean') return value === 'true' || value === 'false';
  if (s.format === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
  if (s.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
  return true;
}

// ---- the catalogue ---------------------------------------------------------------------------------------------
const cases = [];
let rotation = 0;
/** In the short form each operation gets a rotating share of a class's variants; the full form gets them all. */
function share(list, keep) {
  keep = Math.max(1, Math.round(keep * SHORT_SHARE));
  if (ALL_VARIANTS || list.length <= keep) return list;
  const start = (rotation += 7) % list.length;
  return Array.from({ length: keep }, (_, i) => list[(start + i) % list.length]);
}
function add(c) {
  const full = { auth: 'admin', headers: [], expect: 'reject', payloads: [], ...c };
  // Past the server's limits (a request line of 4 KiB, headers of 20 KiB) the HTTP parser answers (414, 431).
  if (`${full.method} ${full.target} HTTP/1.1`.length > 4096) full.malformedHttp = true;
  if (full.headers.reduce((n, [k, v]) => n + k.length + (v && typeof v !== 'function' ? v.length : 0), 0) > 20 * 1024) full.malformedHttp = true;
  cases.push(full);
}

/** A JSON body with the text of one string property replaced by raw bytes (inside its quotes). */
function bodyWith(op, media, prop, rawInside) {
  const body = freshBody(op, media);
  const marker = '\u0001HOSTILE\u0001';
  if (prop) body[prop] = marker; else return Buffer.concat([Buffer.from('"'), rawInside, Buffer.from('"')]);
  const text = JSON.stringify(body);
  const [before, after] = text.split(JSON.stringify(marker).slice(1, -1));
  return Buffer.concat([Buffer.from(before, 'utf8'), rawInside, Buffer.from(after, 'utf8')]);
}

/** A property the contract calls a honeypot: filled in, the request is dropped and answered as if taken. */
function isHoneypot(schema) {
  return /honeypot|silently dropped/i.test(deref(schema).description || '');
}

function stringProps(media) {
  const props = Object.entries(deref(media.schema).properties || {});
  return props.filter(([, s]) => typeOf(s) === 'string' && !deref(s).readOnly);
}
/** The property hostile text goes into: free text (no enum, pattern, or format) where there is one. */
function textCarrier(media) {
  const props = stringProps(media);
  const free = props.find(([, s]) => { const d = deref(s); return !d.enum && !d.format && (!d.pattern || d.pattern === '\\S'); });
  return (free || props[0] || [null])[0];
}

function catalogue(setupState) {
  const paths = [...new Set(operations.map((o) => o.template))];
  // 1. Methods that no operation has, on every path (with the valid target of its first operation).
  for (const template of paths) {
    const op = operations.find((o) => o.template === template);
    const t = target(op);
    const methods = [
      ['TRACE', 'reject'], ['PROPFIND', 'reject'], ['XYZZY', 'reject'], ['M-SEARCH', 'reject'],
      [op.method.toLowerCase(), 'reject'], ['CONNECT', 'reject', `${HOST}:${PORT}`], ['CONNECT', 'reject'],
      ['OPTIONS', 'any'], ['HEAD', 'any'], ['PATCH', 'reject-unless-defined'], ['DELETE', 'reject-unless-defined'],
      ['GET', 'reject-unless-defined'], ['PUT', 'reject-unless-defined'], ['POST', 'reject-unless-defined'],
      [`${'X'.repeat(200)}`, 'reject'], ['G\u00c9T', 'reject'], ['GET /x', 'reject'],
    ];
    for (const [method, expectation, tgt] of share(methods, 6)) {
      const defined = operations.some((o) => o.template === template && o.method === method);
      if (expectation === 'reject-unless-defined' && defined) continue;
      add({ cls: 'method', op: op.id, method, target: tgt || t, expect: expectation === 'any' ? 'any' : 'reject', auth: 'admin',
        malformedHttp: /[^A-Za-z-]/.test(method) || Boolean(tgt) });
    }
  }
  for (const op of operations) {
    const media = op.media[0];
    const validBody = () => (media ? validBodyBytes(op, media) : null);
    const base = () => ({ op: op.id, method: op.method, target: target(op), headers: validHeaders(op, media), body: validBody() });
    // 2. Without credentials, with made-up ones, with a curator's.
    const authCases = [
      ['none', 'none'], ['wrong password', basic(ADMIN, `${PASSWORD}x`)], ['Basic alone', 'Basic'], ['Basic !!!', 'Basic !!!'],
      ['no colon', `Basic ${Buffer.from('admin').toString('base64')}`], ['Bearer', 'Bearer eyJhbGciOiJub25lIn0.e30.'],
      ['NUL in user', `Basic ${Buffer.from('adm\u0000in:x').toString('base64')}`],
      ['Latin-1 user', `Basic ${Buffer.from([0x61, 0xe5, 0x3a, 0x78]).toString('base64')}`],
      ['invalid UTF-8 user', `Basic ${Buffer.from([0xc0, 0xaf, 0x3a, 0x78]).toString('base64')}`],
      ['10 KB credentials', `Basic ${Buffer.from(`admin:${'p'.repeat(7000)}`).toString('base64')}`],
      ['SQL user', basic("admin' OR '1'='1", 'x')], ['empty user', basic('', PASSWORD)],
      ['curator', setupState.curatorAuth],
    ];
    for (const [name, auth] of share(authCases, 3)) {
      const curator = name === 'curator';
      add({ cls: 'auth', ...base(), auth, expect: op.isPublic || (curator && !/admin/.test(JSON.stringify(roleOf(op)))) ? 'any' : 'reject', note: name });
    }
    if (!op.isPublic) add({ cls: 'auth', ...base(), auth: 'none', headers: [['Content-Type', 'application/json']], body: '{"truncated": ', note: 'no credentials, truncated JSON' });
    // 3. Absurd and conflicting headers.
    const headerCases = [
      ['two Content-Types', (c) => {
        const first = c.headers.some(([n]) => /^content-type$/i.test(n)) ? [] : [['Content-Type', 'application/json']];
        c.headers = [...c.headers, ...first, ['Content-Type', 'text/plain']];
      }],
      ['two different Content-Lengths', (c) => { c.contentLength = false; const n = (c.body || '').length; c.headers.push(['Content-Length', String(n)], ['Content-Length', String(n + 5)]); }],
      ['Content-Length not a number', (c) => { c.contentLength = false; c.headers.push(['Content-Length', 'abc']); }],
      ['Content-Length negative', (c) => { c.contentLength = false; c.headers.push(['Content-Length', '-1']); }],
      ['Content-Length 2^64', (c) => { c.contentLength = false; c.headers.push(['Content-Length', '18446744073709551616']); }],
      ['Content-Length shorter than the body', (c) => { c.contentLength = false; c.body = Buffer.concat([c.body || Buffer.alloc(0), Buffer.from('GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n')]); c.headers.push(['Content-Length', String(Math.max(0, c.body.length - 38))]); }, 'any'],
      ['Content-Length and Transfer-Encoding', (c) => { c.contentLength = false; const body = c.body || Buffer.alloc(0); c.body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]); c.headers.push(['Content-Length', '3'], ['Transfer-Encoding', 'chunked']); }, 'reject'],
      ['Transfer-Encoding gzip, chunked', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'gzip, chunked']); c.body = Buffer.from('5\r\nhello\r\n0\r\n\r\n'); }],
      ['Transfer-Encoding xchunked', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'xchunked']); c.body = Buffer.from('5\r\nhello\r\n0\r\n\r\n'); }],
      ['Transfer-Encoding chunked twice', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'chunked'], ['Transfer-Encoding', 'chunked']); c.body = Buffer.from('0\r\n\r\n'); }, 'any'],
      ['chunk size not hex', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'chunked']); c.body = Buffer.from('zz\r\nhello\r\n0\r\n\r\n'); }],
      ['chunk size 2^64', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'chunked']); c.body = Buffer.from('10000000000000000\r\nhello\r\n0\r\n\r\n'); }],
      ['chunk extension 4 KB', (c) => { c.contentLength = false; c.headers.push(['Transfer-Encoding', 'chunked']); c.body = Buffer.from(`2;${'x'.repeat(4096)}\r\n{}\r\n0\r\n\r\n`); }],
      // RFC 9112 lets a server unfold it (or refuse it).
      ['obs-fold header', (c) => { c.headers.push(['X-Folded', 'a\r\n b']); }, 'any'],
      ['header without a colon', (c) => { c.headers.push(['X-No-Colon-Here', null]); }],
      ['space before the colon', (c) => { c.headers.push(['Content-Type ', 'application/json']); }],
      ['NUL in a header', (c) => { c.headers.push(['X-Nul', Buffer.from([0x61, 0x00, 0x62])]); }],
      ['Latin-1 byte in a header', (c) => { c.headers.push(['X-Latin', Buffer.from([0x61, 0xe5, 0x62])]); }, 'any'],
      ['15 KB header', (c) => { c.headers.push(['X-Big', 'y'.repeat(15_000)]); }, 'any'],
      ['25 KB header', (c) => { c.headers.push(['X-Huge', 'y'.repeat(25_000)]); c.serverLevel = [431]; }],
      ['500 headers', (c) => { for (let i = 0; i < 500; i++) c.headers.push([`X-H${i}`, 'v']); }, 'any'],
      ['no Host', (c) => { c.host = false; }],
      ['two Hosts', (c) => { c.headers.push(['Host', 'evil.example']); }],
      ['Host with a path', (c) => { c.host = false; c.headers.push(['Host', 'a/b@evil.example']); }],
      ['HTTP/1.0', (c) => { c.version = 'HTTP/1.0'; }, 'any'],
      // The server reads these as HTTP/1.x (RFC 9112 would allow 505, a 5xx): an answer, judged as such.
      ['HTTP/9.9', (c) => { c.version = 'HTTP/9.9'; }, 'any'],
      ['HTTP/2.0 on a request line', (c) => { c.version = 'HTTP/2.0'; }, 'any'],
      ['no version', (c) => { c.version = ''; }, 'any'],
      ['Expect: 100-continue', (c) => { c.headers.push(['Expect', '100-continue']); }, 'any'],
      // RFC 9110: a server MAY answer 417; ignoring the expectation is allowed.
      ['Expect: something else', (c) => { c.headers.push(['Expect', 'the-unexpected']); }, 'any'],
      ['Accept: application/xml', (c) => { c.headers.push(['Accept', 'application/xml']); }, 'any'],
      ['Accept: absurd', (c) => { c.headers.push(['Accept', `*/*;q=NaN, ${'a/b;q=0.'.repeat(200)}`]); }, 'any'],
      ['Accept-Language: absurd', (c) => { c.headers.push(['Accept-Language', `${'sv-SE;q=0.9,'.repeat(300)}*;q=NaN`]); }, 'any'],
      ['Accept-Language: bytes', (c) => { c.headers.push(['Accept-Language', Buffer.from([0xff, 0xfe, 0x00, 0x41])]); }, 'any'],
      ['X-Request-Id: 4 KB', (c) => { c.headers.push(['X-Request-Id', 'r'.repeat(4096)]); }, 'any'],
      ['X-Request-Id: injection', (c) => { c.headers.push(['X-Request-Id', 'a\u0000b%0d%0aSet-Cookie:x']); }, 'any'],
      ['X-Api-Key: made up', (c) => { c.headers.push(['X-Api-Key', "cnk_' OR 1=1--"]); c.auth = 'none'; }],
      ['X-Api-Key: 8 KB', (c) => { c.headers.push(['X-Api-Key', `cnk_${'A'.repeat(8000)}`]); c.auth = 'none'; }],
      ['If-None-Match: absurd', (c) => { c.headers.push(['If-None-Match', `${'"a", '.repeat(500)}W/"`]); }, 'any'],
      ['If-Match: absurd', (c) => { c.headers = c.headers.filter(([n]) => !/^if-match$/i.test(n)); c.headers.push(['If-Match', `W/"1", ${'"'.repeat(100)}`]); }, 'if-match'],
      ['If-Match: huge number', (c) => { c.headers = c.headers.filter(([n]) => !/^if-match$/i.test(n)); c.headers.push(['If-Match', '"18446744073709551616"']); }, 'if-match'],
      ['Origin: null', (c) => { c.headers.push(['Origin', 'null']); }, 'write-refused'],
      ['Sec-Fetch-Site: cross-site', (c) => { c.headers.push(['Sec-Fetch-Site', 'cross-site']); }, 'write-refused'],
      ['Forwarded spoof', (c) => { c.headers.push(['X-Forwarded-For', '1.2.3.4, ' + '9.9.9.9, '.repeat(300)], ['Forwarded', 'for="[::1]:x";proto=gopher']); }, 'any'],
      ['Range', (c) => { c.headers.push(['Range', `bytes=${'0-,'.repeat(500)}0-`]); }, 'any'],
      ['Content-Encoding: gzip (not gzip)', (c) => { if (c.body) c.headers.push(['Content-Encoding', 'gzip']); }, 'reject-with-body'],
      ['Upgrade: h2c', (c) => { c.headers.push(['Upgrade', 'h2c'], ['HTTP2-Settings', 'AAMAAABkAARAAAAAAAIAAAAA']); }, 'any'],
      ['Upgrade: websocket', (c) => { c.headers.push(['Upgrade', 'websocket'], ['Sec-WebSocket-Key', 'x'], ['Sec-WebSocket-Version', '13']); }, 'any'],
    ];
    for (const [name, mutate, expectation] of share(headerCases, 8)) {
      const c = { cls: 'headers', ...base(), note: name };
      c.headers = [...c.headers];
      mutate(c);
      let expect = expectation || 'reject';
      if (expect === 'if-match') expect = op.params.some((p) => /^if-match$/i.test(p.name)) ? 'reject' : 'any';
      if (expect === 'write-refused') expect = op.method === 'GET' ? 'any' : 'reject';
      if (expect === 'reject-with-body') expect = c.body ? 'reject' : 'any';
      if (name.startsWith('X-Api-Key') && !op.isPublic) expect = 'reject';
      if (name.startsWith('X-Api-Key') && op.isPublic) expect = 'reject';
      // A framing that a GET without a body makes harmless.
      if (!c.body && /Content-Length not|negative|2\^64|two different/.test(name)) expect = 'reject';
      if (name === 'HTTP/1.0' && op.method !== 'GET') expect = 'any';
      add({ ...c, expect, allowClose: /chunk|Transfer-Encoding|Content-Length|no version|HTTP\/9|HTTP\/2|obs-fold|colon|NUL in|Expect: something/.test(name),
        malformedHttp: /Content-Length|colon|NUL in|injection|Accept-Language: bytes|25 KB|chunk size/.test(name) });
    }
    // 4. Path parameters: traversal, encoded slashes, bytes, injections, lengths.
    for (const param of op.params.filter((p) => p.in === 'path')) {
      const s = deref(param.schema);
      const values = [...TRAVERSAL, 'a'.repeat((s.maxLength || 80) + 1), 'a'.repeat(5000)];
      for (const value of share(values, 10)) {
        add({ cls: 'path', ...base(), target: target(op, { pathValues: { [param.name]: value } }), note: `${param.name}=${value.slice(0, 40)}`,
          malformedHttp: /%(?![0-9A-Fa-f]{2})/.test(value), payloads: [decodeURIComponentSafe(value)] });
      }
    }
    // 5. Query parameters: every one, wrong types, numbers, injections, bytes, lengths, repeats.
    for (const param of op.params.filter((p) => p.in === 'query')) {
      const s = deref(param.schema);
      const t = typeOf(s);
      const item = t === 'array' ? deref(s.items) : s;
      const values = [];
      for (const n of NUMBERS) values.push(['numbers', encodeURIComponent(n), n]);
      for (const l of LUCENE) values.push(['lucene', encodeURIComponent(l), l]);
      for (const q of SQL) values.push(['sql', encodeURIComponent(q), q]);
      for (const e of QUERY_BAD_ENCODINGS) values.push(['invalid-utf8', `a${e}b`, null]);
      values.push(['long', 'a'.repeat((item.maxLength || 200) + 1), 'a'.repeat((item.maxLength || 200) + 1)]);
      values.push(['long', 'a'.repeat(3000), 'a'.repeat(3000)]);
      values.push(['long', 'a'.repeat(5000), null]);
      values.push(['raw-bytes', Buffer.from('\u00e5sa').toString('latin1'), null]);
      values.push(['raw-bytes', 'a b', null]);
      values.push(['raw-bytes', 'a<b>"', null]);
      for (const [cls, raw, decoded] of share(values, 14)) {
        // An empty value is taken as no value (the default); Java reads '+1' and other scripts' digits ('１') as
        // numbers: answers, counted as 2xx.
        const lenient = decoded === '' || /^\+\d+$|^\p{Nd}+$/u.test(decoded || 'x');
        const judged = decoded === null ? 'reject' : lenient || fits(item, decoded) ? 'any' : 'reject';
        const query = [[param.name, raw]];
        add({ cls: cls === 'numbers' ? 'huge-numbers' : cls === 'invalid-utf8' || cls === 'raw-bytes' ? 'query-bytes' : cls,
          ...base(), target: target(op, { query }), note: `${param.name}=${String(raw).slice(0, 40)}`, expect: judged,
          malformedHttp: /%(?![0-9A-Fa-f]{2})|[ <>"]/.test(raw), payloads: decoded ? [decoded] : [] });
      }
      if (t === 'array') {
        const n = (s.maxItems || 20) + 1;
        const v = encodeURIComponent(String(validValue(item)));
        add({ cls: 'query-repeat', ...base(), target: target(op, { query: Array.from({ length: n }, () => [param.name, v]) }), note: `${param.name} x${n}` });
        add({ cls: 'query-repeat', ...base(), target: target(op, { query: Array.from({ length: 500 }, (_, i) => [param.name, `v${i}`]) }), note: `${param.name} x500` });
      } else {
        const v = encodeURIComponent(String(validValue(s)));
        add({ cls: 'query-repeat', ...base(), target: target(op, { query: [[param.name, v], [param.name, v === 'x' ? 'y' : 'x']] }), note: `${param.name} twice`, expect: 'any' });
      }
    }
    add({ cls: 'query-repeat', ...base(), target: target(op, { query: Array.from({ length: 300 }, (_, i) => [`p${i}`, '1']) }), note: '300 unknown parameters', expect: 'any' });
    // 6. Bodies, for each media type the operation reads.
    for (const m of op.media) bodyCases(op, m, base);
    // An operation without a body, sent one anyway.
    if (!op.media.length && op.method !== 'GET') {
      add({ cls: 'body-unexpected', ...base(), headers: [...base().headers, ['Content-Type', 'application/json']], body: '{"unexpected": [1, 2, 3]}', expect: 'any' });
      add({ cls: 'body-unexpected', ...base(), headers: [...base().headers, ['Content-Type', 'application/json']], body: '['.repeat(10_000), expect: 'any' });
    }
    if (op.method === 'GET') {
      add({ cls: 'body-unexpected', ...base(), headers: [...base().headers, ['Content-Type', 'application/json']], body: '{"x": 1}', expect: 'any' });
    }
  }
}

/** The body with its first property sent twice (a different value first), or null when it has none. */
function duplicateFirstKey(text) {
  const body = JSON.parse(text);
  const key = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body)[0] : undefined;
  return key === undefined ? null : `{${JSON.stringify(key)}: ${JSON.stringify(typeof body[key] === 'string' ? 'other' : 'x')}, ${text.slice(1)}`;
}

function roleOf(op) {
  const raw = Object.values(contract.paths[op.template] || {}).find((o) => o.operationId === op.id);
  return (raw?.security || []).flatMap((s) => s.basicAuth || []);
}

function decodeURIComponentSafe(value) {
  try { return decodeURIComponent(value); } catch { return value; }
}

function bodyCases(op, media, base) {
  const json = isJson(media.type);
  const withBody = (body, headers) => ({ ...base(), body, headers: headers || [...validHeaders(op, media)] });
  const valid = () => validBodyBytes(op, media);
  const carrier = json ? textCarrier(media) : null;
  const isCsv = media.type === 'text/csv';
  const encodeText = (rawInside) => {
    if (json) return bodyWith(op, media, carrier, rawInside);
    // CSV or NDJSON: the bytes go into the first data line.
    const text = valid().toString('utf8');
    if (isCsv) {
      const lines = text.split(/\r?\n/);
      const cells = (lines[1] || '').split(';');
      cells[0] = '\u0001HOSTILE\u0001';
      const [before, after] = [lines[0], ...[cells.join(';')], ...lines.slice(2)].join('\r\n').split('\u0001HOSTILE\u0001');
      return Buffer.concat([Buffer.from(before, 'utf8'), rawInside, Buffer.from(after, 'utf8')]);
    }
    const row = JSON.parse(text.split('\n')[0]);
    row.name = '\u0001HOSTILE\u0001';
    const [before, after] = `${JSON.stringify(row)}\n`.split('\\u0001HOSTILE\\u0001');
    return Buffer.concat([Buffer.from(before, 'utf8'), rawInside, Buffer.from(after, 'utf8')]);
  };
  // An import that is read through and found bad as a whole is 400; one with bad rows is a job (202) whose rows
  // fail: both are answers, so an import's row-level hostility is judged 'any' and its job checked afterwards.
  const rowLevel = !json;
  const textExpect = rowLevel ? 'any' : 'reject';
  // truncated JSON
  const whole = valid();
  const cuts = [1, 2, Math.floor(whole.length / 3), Math.floor(whole.length / 2), whole.length - 1, whole.length - 2]
    .filter((n, i, a) => n > 0 && n < whole.length && a.indexOf(n) === i);
  for (const n of share(cuts, 3)) add({ cls: 'truncated', ...withBody(whole.subarray(0, n)), note: `first ${n} of ${whole.length} bytes`, expect: rowLevel ? 'any' : 'reject' });
  if (json) {
    const shapes = ['', ' ', 'null', '[]', '"text"', '123', 'true', '{', '}', '{}{}', '{"a":1,}', "{'a':1}", '{a:1}',
      '{"a":1 /* comment */}', '{"__proto__": {"polluted": true}}', `${whole.toString('utf8')} trailing`,
      duplicateFirstKey(whole.toString('utf8'))].filter(Boolean);
    for (const body of share(shapes, 6)) {
      // {} is a valid merge patch (it changes nothing); every other shape is not a valid body.
      // No body, or JSON null, where the body is optional is no body.
      const expect = body === '{}' ? 'any' : (['', ' ', 'null'].includes(body) && !op.bodyRequired) ? 'any' : 'reject';
      add({ cls: 'wrong-types', ...withBody(body), note: `body ${JSON.stringify(body.slice(0, 30))}`, expect: /merge-patch/.test(media.type) && body === '{}' ? 'any' : expect, payloads: [body] });
    }
    // wrong types, property by property
    const props = Object.entries(deref(media.schema).properties || {}).filter(([, s]) => !deref(s).readOnly);
    const wrongFor = (s) => {
      switch (typeOf(s)) {
        case 'string': return [123, true, [], {}, ['a']];
        case 'integer': case 'number': return ['1', true, 1.5, [], {}];
        case 'boolean': return ['true', 1, 0, null, []];
        case 'array': return ['a', 1, {}, [[]], [{}]];
        case 'object': return ['a', 1, [], true];
        default: return [];
      }
    };
    const wrong = [];
    for (const [name, s] of props) for (const v of wrongFor(s)) wrong.push([name, v]);
    const required = new Set(deref(media.schema).required || []);
    for (const [name, v] of share(wrong, 6)) {
      const body = freshBody(op, media);
      body[name] = v;
      // null is an optional property left out (a merge patch clears it, RFC 7396); a honeypot takes anything.
      const honeypot = isHoneypot(deref(media.schema).properties[name]);
      const expect = (v === null && !required.has(name)) || honeypot ? 'any' : 'reject';
      add({ cls: 'wrong-types', ...withBody(JSON.stringify(body)), note: `${name}=${JSON.stringify(v)}`, expect, honeypot });
    }
    // deep nesting (10,000 levels), as the body and as a property
    const depth = 10_000;
    const nestings = [
      ['[ x10000', '['.repeat(depth) + ']'.repeat(depth)], ['{"a": x10000', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)],
      ['unclosed [ x10000', '['.repeat(depth)], ['property [ x10000', null], ['50,000 levels', '['.repeat(50_000)],
    ];
    for (const [name, text] of share(nestings, 3)) {
      let body = text;
      if (body === null) {
        const obj = freshBody(op, media);
        obj[carrier || 'x'] = '\u0001N\u0001';
        body = JSON.stringify(obj).replace('"\\u0001N\\u0001"', '['.repeat(depth) + ']'.repeat(depth));
      }
      add({ cls: 'deep-nesting', ...withBody(body), note: name, expect: 'reject' });
    }
    // huge numbers, raw in the JSON, in every numeric property (or the first string one)
    const numeric = props.filter(([, s]) => ['integer', 'number'].includes(typeOf(s))).map(([n]) => n);
    const numberTargets = numeric.length ? numeric : [carrier || 'x'];
    const hugeNumbers = ['1e999999', '18446744073709551616', '-0', 'NaN', 'Infinity', '-1e-999999', '1' + '0'.repeat(5000),
      '0.' + '1'.repeat(5000), '-9223372036854775809', '1E+2147483648', '0x1F', '01', '.5', '1.', '-', '+1'];
    const numberCases = [];
    for (const name of numberTargets) for (const n of hugeNumbers) numberCases.push([name, n]);
    for (const [name, n] of share(numberCases, 5)) {
      const obj = freshBody(op, media);
      obj[name] = '\u0001N\u0001';
      const body = JSON.stringify(obj).replace('"\\u0001N\\u0001"', n);
      // -0 is a valid JSON number; an integer property with a minimum above 0 refuses it, a range with 0 takes it.
      const s = deref(deref(media.schema).properties?.[name] || {});
      const legit = n === '-0' && numeric.includes(name) && (s.minimum === undefined || s.minimum <= 0) && (s.maximum === undefined || s.maximum >= 0);
      add({ cls: 'huge-numbers', ...withBody(body), note: `${name}=${n.slice(0, 30)}`, expect: legit ? 'any' : 'reject' });
    }
  }
  // invalid UTF-8 inside the text
  for (const [name, bytes] of share(INVALID_UTF8, 8)) {
    add({ cls: 'invalid-utf8', ...withBody(encodeText(Buffer.concat([Buffer.from('Hostile '), bytes, Buffer.from(' Studio')]))), note: name, expect: textExpect });
  }
  add({ cls: 'invalid-utf8', ...withBody(Buffer.concat([valid().subarray(0, valid().length - 1), b(0xc3)])), note: 'cut inside a sequence at the end', expect: textExpect });
  // other encodings
  const text = valid().toString('utf8');
  const utf16le = Buffer.concat([b(0xff, 0xfe), Buffer.from(text, 'utf16le')]);
  const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
  const latin1 = Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
  const ebcdic = Buffer.from(text, 'latin1').map((c) => EBCDIC[c] ?? 0x6f);
  const encodings = [
    ['UTF-16LE with BOM', utf16le, media.type], ['UTF-16BE with BOM', Buffer.concat([b(0xfe, 0xff), utf16be]), media.type],
    ['UTF-16 without BOM, declared', Buffer.from(text, 'utf16le'), `${media.type}; charset=utf-16`],
    ['UTF-32 with BOM', Buffer.concat([b(0xff, 0xfe, 0x00, 0x00), Buffer.from([...text].flatMap((ch) => { const cp = ch.codePointAt(0); return [cp & 255, (cp >> 8) & 255, (cp >> 16) & 255, 0]; }))]), media.type],
    ['Latin-1 declared', latin1, `${media.type}; charset=iso-8859-1`, 'any'],
    ['Latin-1 undeclared', latin1, media.type, /[\u0080-\u00ff]/.test(text) ? textExpect : 'any'],
    ['charset=ebcdic', ebcdic, `${media.type}; charset=ebcdic`], ['EBCDIC (cp037) declared', ebcdic, `${media.type}; charset=cp037`],
    ['charset=utf-7', Buffer.from(text, 'utf8'), `${media.type}; charset=utf-7`, 'any'],
    ['charset made up', Buffer.from(text, 'utf8'), `${media.type}; charset="x\\"y"; charset=z`, 'any'],
    ['UTF-8 BOM', Buffer.concat([b(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')]), media.type, 'any'],
  ];
  for (const [name, body, type, expectation] of share(encodings, 4)) {
    const headers = validHeaders(op, media).map(([n, v]) => (/^content-type$/i.test(n) ? [n, type] : [n, v]));
    // A charset is a label: a body that is valid UTF-8 under any label may be read as UTF-8.
    add({ cls: 'encodings', ...withBody(body, headers), note: name, expect: rowLevel ? 'any' : expectation || 'reject' });
  }
  // NUL and control characters; lone surrogate escapes
  for (const [name, bytes] of share(CONTROL_IN_JSON, 5)) {
    if (!json && name.startsWith('escaped')) continue;
    add({ cls: 'control-chars', ...withBody(encodeText(Buffer.concat([Buffer.from('Hostile'), bytes, Buffer.from('Studio')]))), note: name, expect: textExpect });
  }
  if (json) {
    for (const escape of share(LONE_SURROGATES, 3)) {
      add({ cls: 'lone-surrogates', ...withBody(encodeText(Buffer.from(`Hostile ${escape} Studio`))), note: escape, expect: 'reject' });
    }
    add({ cls: 'lone-surrogates', ...withBody(encodeText(Buffer.from('Hostile \\ud83d\\ude00 Studio'))), note: 'a valid pair', expect: 'any' });
  }
  // long strings: past each property's maxLength, and a megabyte (over the body limit: 413)
  const strings = json ? stringProps(media) : [];
  for (const [name, s] of share(strings, 3)) {
    const d = deref(s);
    const obj = freshBody(op, media);
    obj[name] = 'a'.repeat((d.maxLength ?? 60_000) + 1);
    add({ cls: 'long-strings', ...withBody(JSON.stringify(obj)), note: `${name}: ${obj[name].length} characters`,
      expect: isHoneypot(s) ? 'any' : 'reject', honeypot: isHoneypot(s) });
  }
  if (json) {
    const obj = freshBody(op, media);
    obj[carrier || 'x'] = 'a'.repeat(1 << 20);
    add({ cls: 'over-limit', ...withBody(JSON.stringify(obj)), note: '1 MB string', expect: 'reject', expectStatus: 413 });
    add({ cls: 'over-limit', ...withBody(Buffer.concat([whole, Buffer.alloc(70 * 1024, 0x20)])), note: 'valid JSON padded to 70 KB', expect: 'reject', expectStatus: 413 });
    // Declared past the limit, sent chunked: counted as it arrives.
    const big = Buffer.alloc(80 * 1024, 0x20);
    const chunked = Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n')]);
    add({ cls: 'over-limit', ...withBody(chunked, [...validHeaders(op, media), ['Transfer-Encoding', 'chunked']]), contentLength: false, note: '80 KB chunked', expect: 'reject', expectStatus: 413 });
  }
  // Declared far past any limit, nothing sent: refused before reading.
  add({ cls: 'over-limit', ...withBody(Buffer.alloc(0), [...validHeaders(op, media), ['Content-Length', String(2 ** 40)]]), contentLength: false, note: 'declares 1 TB', expect: 'reject', expectStatus: 413 });
  // Lucene and SQL syntax in each string property: text where the property is free text, refused where it has a form.
  const injections = [...LUCENE.map((x) => ['lucene', x]), ...SQL.map((x) => ['sql', x])];
  const injectionCases = [];
  for (const [name, s] of (json ? stringProps(media) : [])) for (const [cls, v] of injections) injectionCases.push([name, s, cls, v]);
  for (const [name, s, cls, v] of share(injectionCases, 8)) {
    const obj = freshBody(op, media);
    obj[name] = v;
    add({ cls, ...withBody(JSON.stringify(obj)), note: `${name}=${v.slice(0, 30)}`, expect: fits(s, v) || isHoneypot(s) ? 'any' : 'reject',
      payloads: [v], honeypot: isHoneypot(s) });
  }
  if (!json) {
    for (const [cls, v] of share(injections, 6)) {
      add({ cls, ...withBody(encodeText(Buffer.from(v.replace(/[;\r\n"]/g, ' ')))), note: v.slice(0, 30), expect: 'any', payloads: [v] });
    }
    // A file that is no import: binary, a NUL, an open quote, one 1 MB line.
    const files = [['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 255))], ['NUL bytes', Buffer.alloc(512)],
      ['an open quote', Buffer.from(isCsv ? `${text.split(/\r?\n/)[0]}\r\n"never closed;x\r\n` : '{"name": "never closed\n')],
      ['1 MB line', Buffer.from(`${isCsv ? text.split(/\r?\n/)[0] + '\r\n' : ''}${'a'.repeat(1 << 20)}\n`)],
      ['10,000 levels', Buffer.from(`${'['.repeat(10_000)}\n`)], ['empty', Buffer.alloc(0)]];
    for (const [name, body] of share(files, 3)) add({ cls: 'import-files', ...withBody(body), note: name, expect: 'any' });
  }
}

// cp037 for the printable ASCII range (enough to turn a JSON body into EBCDIC).
const EBCDIC = (() => {
  const map = {};
  const table = ' ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'; // unused filler
  void table;
  const pairs = { ' ': 0x40, '.': 0x4b, '<': 0x4c, '(': 0x4d, '+': 0x4e, '|': 0x4f, '&': 0x50, '!': 0x5a, '$': 0x5b, '*': 0x5c,
    ')': 0x5d, ';': 0x5e, '-': 0x60, '/': 0x61, ',': 0x6b, '%': 0x6c, '_': 0x6d, '>': 0x6e, '?': 0x6f, ':': 0x7a, '#': 0x7b,
    '@': 0x7c, "'": 0x7d, '=': 0x7e, '"': 0x7f, '{': 0xc0, '}': 0xd0, '[': 0xba, ']': 0xbb, '\\': 0xe0, '\n': 0x25, '\r': 0x0d };
  for (const [ch, code] of Object.entries(pairs)) map[ch.charCodeAt(0)] = code;
  'abcdefghi'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0x81 + i; });
  'jklmnopqr'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0x91 + i; });
  'stuvwxyz'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0xa2 + i; });
  'ABCDEFGHI'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0xc1 + i; });
  'JKLMNOPQR'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0xd1 + i; });
  'STUVWXYZ'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0xe2 + i; });
  '0123456789'.split('').forEach((ch, i) => { map[ch.charCodeAt(0)] = 0xf0 + i; });
  return map;
})();

// ---- seeded random mutations (the full form) -------------------------------------------------------------------
const FRAGMENTS = [
  ...INVALID_UTF8.map(([, x]) => x), ...CONTROL_IN_JSON.map(([, x]) => x), ...LONE_SURROGATES.map((x) => Buffer.from(x)),
  ...LUCENE.map((x) => Buffer.from(x)), ...SQL.map((x) => Buffer.from(x)), Buffer.from('['.repeat(2000)), Buffer.from('1e999999'),
  Buffer.from('"'), Buffer.from('\\'), Buffer.from('{'), Buffer.from('}'), Buffer.from(','), Buffer.from(':'), Buffer.from('null'),
  Buffer.from('\u00e5\u00e4\u00f6'), Buffer.from('\ud83d\ude00'), Buffer.from('%00'), Buffer.from('\r\n'),
];
function randomCase() {
  const op = pick(operations);
  const media = op.media.length ? pick(op.media) : null;
  const c = { cls: 'random', op: op.id, method: op.method, target: target(op), headers: validHeaders(op, media), expect: 'any', auth: random() < 0.9 ? 'admin' : 'none' };
  const kind = media && random() < 0.7 ? 'body' : op.params.length && random() < 0.7 ? 'param' : 'header';
  if (kind === 'body') {
    let body = validBodyBytes(op, media);
    for (let i = 0, n = 1 + int(3); i < n; i++) {
      const at = int(body.length + 1);
      const r = random();
      if (r < 0.4) body = Buffer.concat([body.subarray(0, at), pick(FRAGMENTS), body.subarray(at)]);
      else if (r < 0.6) body = Buffer.concat([body.subarray(0, at), body.subarray(Math.min(body.length, at + 1 + int(20)))]);
      else if (r < 0.8 && body.length) { body = Buffer.from(body); body[Math.min(at, body.length - 1)] ^= 1 << int(8); }
      else body = Buffer.concat([body.subarray(0, at), body.subarray(Math.max(0, at - int(30)), at), body.subarray(at)]);
    }
    c.body = body;
    c.note = `body mutation ${body.length} bytes`;
  } else if (kind === 'param') {
    const param = pick(op.params.filter((p) => p.in === 'path' || p.in === 'query') .concat(op.params.filter((p) => p.in === 'query')));
    const fragment = pick([...TRAVERSAL, ...QUERY_BAD_ENCODINGS, ...NUMBERS.map(encodeURIComponent), ...LUCENE.map(encodeURIComponent), ...SQL.map(encodeURIComponent)]);
    const value = `${random() < 0.5 ? 'a' : ''}${fragment}${random() < 0.5 ? 'z' : ''}`;
    if (param && param.in === 'path') c.target = target(op, { pathValues: { [param.name]: value } });
    else if (param) c.target = target(op, { query: [[param.name, value]] });
    c.body = media ? validBodyBytes(op, media) : null;
    c.note = `${param?.name}=${value.slice(0, 40)}`;
    if (/%(?![0-9A-Fa-f]{2})/.test(value)) c.malformedHttp = true;
  } else {
    c.body = media ? validBodyBytes(op, media) : null;
    const name = pick(['X-Request-Id', 'Accept', 'Accept-Language', 'If-None-Match', 'Content-Type', 'Origin', 'Authorization', 'X-Api-Key', 'Cookie']);
    const value = Buffer.concat([Buffer.from('v'), pick(FRAGMENTS).subarray(0, 300)]);
    c.headers = [...c.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase()), [name, value]];
    if (name === 'Authorization') c.auth = 'none';
    c.note = `${name} mutated`;
    // A control character (but tab) or DEL is no field value (RFC 9110): the parser may refuse it.
    c.allowClose = c.malformedHttp = value.some((x) => (x < 0x20 && x !== 0x09) || x === 0x7f);
  }
  if (op.method === 'DELETE' && c.auth === 'admin' && op.template.endsWith('}')) c.auth = 'none';
  return c;
}

// ---- judging ---------------------------------------------------------------------------------------------------
const LEAKS = [/\bjava\.[a-z]+\./, /\bjavax?\.|\bjakarta\./, /[A-Za-z]+Exception\b/, /\n\s+at [\w.$]+\(/, /\bat se\.creativenorrbotten/,
  /org\.hibernate/, /org\.h2\b/, /org\.postgresql/, /\bSQLState\b/i, /SQL statement/i, /\bselect\s+[\w*,\s.]+\s+from\s+\w/i,
  /\binsert\s+into\s+\w/i, /\bupdate\s+\w+\s+set\b/i, /io\.vertx|io\.netty|io\.quarkus|com\.fasterxml|org\.jboss/,
  /se\.creativenorrbotten\./, /\.java:\d+/, /jdbc:/i];

function leaks(text, payloads) {
  let body = text;
  for (const p of payloads || []) {
    if (!p) continue;
    for (const form of [p, JSON.stringify(p).slice(1, -1)]) body = body.split(form).join('');
  }
  return LEAKS.filter((re) => re.test(body)).map(String);
}

/** The verdict on one answer: {ok, kind (2xx, 4xx, closed, server-empty), why}. */
function judge(c, a) {
  if (a.outcome !== 'answer') {
    if ((c.allowClose || c.malformedHttp) && (a.outcome === 'closed' || a.outcome.startsWith('error:'))) return { ok: true, kind: 'closed' };
    return { ok: false, kind: a.outcome, why: `no answer (${a.outcome} after ${a.ms} ms)` };
  }
  const text = a.body.toString('utf8');
  const leaked = leaks(text + JSON.stringify(a.headers), c.payloads);
  if (a.status >= 500) return { ok: false, kind: '5xx', why: `${a.status}` + (leaked.length ? ` leaking ${leaked.join(' ')}` : '') };
  if (leaked.length) return { ok: false, kind: 'leak', why: `internal detail in the answer: ${leaked.join(' ')}` };
  if (a.status < 100) return { ok: false, kind: 'garbled', why: 'no status line' };
  if (a.status >= 400) {
    if (c.expectStatus && a.status !== c.expectStatus) return { ok: false, kind: '4xx', why: `${a.status}, expected ${c.expectStatus}` };
    // What the HTTP parser refuses before any application code runs (README, Errors) is answered without a body
    // and without a request id: allowed only for requests that break HTTP's syntax or its size limits.
    if (a.body.length === 0 && !a.headers['x-request-id'] && c.malformedHttp && [400, 414, 431].includes(a.status)) {
      return { ok: true, kind: 'server-empty' };
    }
    const type = a.headers['content-type'] || '';
    if (!type.startsWith('application/problem+json')) return { ok: false, kind: '4xx', why: `${a.status} as ${type || 'no content type'} (${a.body.length} bytes), not problem+json` };
    if (c.method === 'HEAD') return { ok: true, kind: '4xx' };
    let problem;
    try { problem = JSON.parse(text); } catch { return { ok: false, kind: '4xx', why: `${a.status}: the problem is not JSON` }; }
    if (problem.status !== a.status) return { ok: false, kind: '4xx', why: `problem status ${problem.status} on an HTTP ${a.status}` };
    if (typeof problem.title !== 'string' || !problem.title.trim()) return { ok: false, kind: '4xx', why: `${a.status}: the problem has no title` };
    if (typeof problem.detail !== 'string' || problem.detail.trim().length < 8) return { ok: false, kind: '4xx', why: `${a.status}: the problem's detail names nothing (${JSON.stringify(problem.detail)})` };
    return { ok: true, kind: '4xx' };
  }
  if (c.expect === 'reject') return { ok: false, kind: '2xx', why: `${a.status} to input that is not valid (${c.note || c.cls})` };
  if (c.expectStatus) return { ok: false, kind: '2xx', why: `${a.status}, expected ${c.expectStatus}` };
  return { ok: true, kind: a.status < 300 ? '2xx' : '3xx' };
}

// ---- the run ---------------------------------------------------------------------------------------------------
const stats = { msByClass: {}, sent: 0, byClass: {}, byOp: {}, statuses: {}, failures: 0, fivexx: 0, leaks: 0, closed: 0, serverEmpty: 0 };
const failuresFile = path.join(OUT, 'failures.jsonl');
const acceptedFile = path.join(OUT, 'accepted.jsonl');
const tally = (cls, key) => {
  stats.byClass[cls] ||= { sent: 0, '2xx': 0, '3xx': 0, '4xx': 0, closed: 0, 'server-empty': 0, failed: 0 };
  stats.byClass[cls][key] = (stats.byClass[cls][key] || 0) + 1;
};
const legit = { created: 0, applied: 0, deleted: 0, imports: [] };

function record(c, bytes, a, verdict) {
  stats.sent++;
  tally(c.cls, 'sent');
  stats.byOp[c.op] = (stats.byOp[c.op] || 0) + 1;
  stats.msByClass[c.cls] = (stats.msByClass[c.cls] || 0) + (a.ms || 0);
  if (c.cls !== 'slow-body') stats.slowestMs = Math.max(stats.slowestMs || 0, a.ms || 0);
  stats.statuses[a.status > 0 ? a.status : a.outcome] = (stats.statuses[a.status > 0 ? a.status : a.outcome] || 0) + 1;
  if (a.status >= 500) stats.fivexx++;
  if (verdict.kind === 'leak' || /leaking/.test(verdict.why || '')) stats.leaks++;
  if (verdict.ok) {
    tally(c.cls, verdict.kind);
    if (verdict.kind === 'closed') stats.closed++;
    if (verdict.kind === 'server-empty') stats.serverEmpty++;
  }
  // Whatever the verdict, a 2xx write changed what it changed.
  if (a.status >= 200 && a.status < 300 && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.method.toUpperCase())) noteWrite(c, a);
  if (verdict.ok) {
    // Every hostile request that was taken (2xx), for review: legitimately valid input, by class.
    if (a.status >= 200 && a.status < 300) {
      fs.appendFileSync(acceptedFile, `${JSON.stringify({ class: c.cls, operation: c.op, note: c.note, status: a.status, method: c.method, target: c.target.slice(0, 300) })}\n`);
    }
    return;
  }
  tally(c.cls, 'failed');
  stats.failures++;
  const headerEnd = bytes.indexOf('\r\n\r\n');
  fs.appendFileSync(failuresFile, `${JSON.stringify({
    class: c.cls, operation: c.op, note: c.note, why: verdict.why, method: c.method, target: c.target,
    headers: bytes.subarray(0, headerEnd).toString('latin1').split('\r\n').slice(1),
    body_base64: headerEnd >= 0 ? bytes.subarray(headerEnd + 4).toString('base64') : '',
    request_base64: bytes.toString('base64'), answer: { status: a.status, outcome: a.outcome, body: a.body ? a.body.toString('utf8').slice(0, 2000) : '' },
  })}\n`);
}

function noteWrite(c, a) {
  // What a 2xx changed: members created, applied for, erased, and import jobs (read after the run).
  if (c.op === 'createMember') legit.created++;
  if (c.op === 'applyForListing' && !c.honeypot) legit.applied++;
  if (c.op === 'deleteMember') legit.deleted++;
  if (c.op === 'startImport' && a.headers.location) legit.imports.push(new URL(a.headers.location, BASE).pathname);
  // A write to the target member gives its new ETag.
  if (a.headers.etag && /^\/api\/v1\/members\/[^/?]+/.test(c.target)) {
    const p = c.target.match(/^\/api\/v1\/members\/[^/?]+/)[0];
    if (etags.has(p)) etags.set(p, a.headers.etag);
  }
}

async function runAll(list) {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const c = list[next++];
      const { bytes, answer } = await call(c);
      const verdict = judge(c, answer);
      record(c, bytes, answer, verdict);
      if (answer.status === 412 && c.op && /member/i.test(c.op)) await refreshEtags();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function refreshEtags() {
  for (const p of etags.keys()) {
    const { answer } = await call({ method: 'GET', target: p, auth: 'admin' });
    if (answer.headers?.etag) etags.set(p, answer.headers.etag);
  }
}

/** Slow bodies: dribbled a byte at a time and then stalled; each must end in an answer or a close, in time. */
async function slowBodies(n) {
  const op = operations.find((o) => o.id === 'createMember') || operations.find((o) => o.media.length);
  const media = op.media[0];
  const results = [];
  const jobs = [];
  for (let i = 0; i < n; i++) {
    const body = validBodyBytes(op, media);
    const kind = i % 4;
    const c = { cls: 'slow-body', op: op.id, method: op.method, target: target(op), headers: validHeaders(op, media), auth: 'admin', body, allowClose: true, expect: 'any' };
    let dribble;
    if (kind === 0) { c.note = 'dribbled 20 bytes at 4 a second, then stalled'; dribble = { bytes: 20, everyMs: 250 }; }
    else if (kind === 1) { c.note = 'declares its length, sends half, stalls'; dribble = { bytes: Math.floor(body.length / 2), everyMs: 1 }; }
    else if (kind === 2) {
      c.note = 'chunked, no last chunk'; c.contentLength = false; c.headers = [...c.headers, ['Transfer-Encoding', 'chunked']];
      c.body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]); dribble = { everyMs: 1 };
    } else {
      // The whole of a small hostile body, a byte every 20 ms: it must be answered like any other.
      c.note = 'a whole truncated body dribbled at 50 bytes a second'; c.body = Buffer.from('{"name": "Dribbled'); dribble = { everyMs: 20 };
      c.allowClose = false; c.expect = 'reject';
    }
    c.dribble = dribble;
    c.timeoutMs = (IDLE_TIMEOUT_S + 60) * 1000;
    jobs.push((async () => {
      const { bytes, answer } = await call(c);
      const verdict = judge(c, answer);
      // Ends within the idle timeout after the last byte, plus a margin: not held open.
      const quiet = answer.ms - (answer.lastWriteMs ?? 0);
      // Closed by the idle timeout after the last byte, with a margin for a loaded machine; a connection the
      // server forgot would be held for as long as the client likes.
      if (verdict.ok && quiet > (IDLE_TIMEOUT_S + 30) * 1000) { verdict.ok = false; verdict.why = `held ${quiet} ms after the last byte`; }
      record(c, bytes, answer, verdict);
      results.push({ note: c.note, outcome: answer.outcome, status: answer.status, ms: answer.ms });
    })());
  }
  // More half-sent bodies than the service has worker threads (200 by default): while they are held, a write
  // and an authenticated read must still be answered at once (a body read blocking on a worker would stop both).
  for (let i = 0; i < HELD; i++) {
    const c = { cls: 'slow-body', op: op.id, method: op.method, target: target(op), headers: [...validHeaders(op, media), ['Content-Length', '1000']],
      contentLength: false, auth: 'admin', body: Buffer.from('{"name": "Held half-way'), allowClose: true, expect: 'any',
      note: 'declares 1000 bytes, sends 24, holds', dribble: { everyMs: 1 }, timeoutMs: (IDLE_TIMEOUT_S + 60) * 1000 };
    jobs.push((async () => {
      const { bytes, answer } = await call(c);
      const verdict = judge(c, answer);
      if (verdict.ok && answer.ms > (IDLE_TIMEOUT_S + 30) * 1000) { verdict.ok = false; verdict.why = `held ${answer.ms} ms`; }
      record(c, bytes, answer, verdict);
      results.push({ note: c.note, outcome: answer.outcome, status: answer.status, ms: answer.ms });
    })());
  }
  let heldProbe = null;
  if (HELD) {
    await new Promise((r) => setTimeout(r, 3000));
    const started = Date.now();
    const create = { method: 'POST', target: op.template, auth: 'admin', headers: [['Content-Type', media.type]], body: validBodyBytes(op, media), timeoutMs: 60_000 };
    const { answer: created } = await call(create);
    if (created.status >= 200 && created.status < 300) legit.created++;
    const { answer: read } = await call({ method: 'GET', target: '/api/v1/accounts', auth: 'admin', timeoutMs: 60_000 });
    heldProbe = { ms: Date.now() - started, create: created.status > 0 ? created.status : created.outcome, read: read.status > 0 ? read.status : read.outcome };
  }
  return { heldProbe, done: Promise.all(jobs).then(() => results) };
}

/** The service's heap after a forced full GC (bytes, from its metrics) and its resident set (bytes). */
function memory() {
  const pid = env.HOSTILE_PID;
  if (!pid) return null;
  execFileSync(env.HOSTILE_JCMD || 'jcmd', [pid, 'GC.run'], { stdio: 'ignore' });
  const metrics = execFileSync('curl', ['-fsS', `${env.HOSTILE_OPS}/q/metrics`], { maxBuffer: 64 << 20 }).toString('utf8');
  const heap = metrics.split('\n').filter((l) => /^jvm_memory_used_bytes\{.*area="heap"/.test(l))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/).pop()), 0);
  const rss = Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m) || [])[1] || 0) * 1024;
  return { heap, rss };
}

async function memberCount() {
  const { answer } = await call({ method: 'GET', target: '/api/v1/exports/members.ndjson', auth: 'admin', timeoutMs: 60_000 });
  if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
  const lines = answer.body.toString('utf8').split('\n').filter((l) => l.trim());
  return { all: lines.length, published: lines.filter((l) => JSON.parse(l).status === 'published').length };
}

async function integrity(setupState, before, sentinelBefore) {
  const problems = [];
  const sentinel = await call({ method: 'GET', target: setupState.sentinelPath, auth: 'admin' });
  if (sentinel.answer.status !== 200 || sentinel.answer.body.toString('utf8') !== sentinelBefore.body || sentinel.answer.headers.etag !== sentinelBefore.etag) {
    problems.push(`the sentinel member changed: ${sentinel.answer.status} ${sentinel.answer.headers?.etag} vs ${sentinelBefore.etag}`);
  }
  // Imports started during the run: wait for them, count what they created.
  let imported = 0;
  for (const job of legit.imports) {
    for (let i = 0; i < 120; i++) {
      const { answer } = await call({ method: 'GET', target: job, auth: 'admin' });
      const j = jsonOf(answer) || {};
      if (j.status === 'done' || j.status === 'failed' || answer.status === 404) {
        if (!j.dryRun && !(j.atomic && j.failed > 0)) imported += (j.created || 0);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const after = await memberCount();
  const expected = before.all + legit.created + legit.applied + imported - legit.deleted;
  if (after.all !== expected) problems.push(`members: ${after.all}, expected ${expected} (${before.all} + ${legit.created} created + ${legit.applied} applied + ${imported} imported - ${legit.deleted} erased)`);
  // The search index agrees with the database on the published members (it follows writes within seconds).
  let total = -1;
  for (let i = 0; i < 60; i++) {
    const { answer } = await call({ method: 'GET', target: '/api/v1/members?size=1', auth: 'none' });
    total = jsonOf(answer)?.total ?? -1;
    if (total === after.published) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (total !== after.published) problems.push(`search finds ${total} published members, the database holds ${after.published}`);
  return { problems, after, expected, imported, searchTotal: total };
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(failuresFile, '');
  fs.writeFileSync(acceptedFile, '');
  const setupState = await setup();
  catalogue(setupState);
  const catalogueSize = cases.length;
  for (let i = 0; i < RANDOM_COUNT; i++) cases.push(randomCase());
  const sentinel = await call({ method: 'GET', target: setupState.sentinelPath, auth: 'admin' });
  const sentinelBefore = { body: sentinel.answer.body.toString('utf8'), etag: sentinel.answer.headers.etag };
  const before = await memberCount();
  // The order is shuffled (seeded), so that no class meets a service warmed by the one before.
  for (let i = cases.length - 1; i > 0; i--) { const j = int(i + 1); [cases[i], cases[j]] = [cases[j], cases[i]]; }
  // A share first, judged like the rest, so that memory is measured on a warmed service (JIT, caches, pools).
  const warm = Math.min(cases.length, Math.max(200, Math.floor(cases.length / 10)));
  const started = Date.now();
  await runAll(cases.slice(0, warm));
  const memoryBefore = memory();
  // The slow and held bodies first, and the probe while they are held, before the rest runs beside them.
  const { heldProbe, done } = await slowBodies(SLOW);
  await runAll(cases.slice(warm));
  const slowResults = await done;
  const mainMs = Date.now() - started;
  // Not stuck: a plain read is answered at once after the slow sockets.
  const probe = await call({ method: 'GET', target: '/api/v1/skills', auth: 'none', timeoutMs: 5000 });
  const check = await integrity(setupState, before, sentinelBefore);
  const memoryAfter = memory();
  const covered = operations.filter((o) => !stats.byOp[o.id]).map((o) => o.id);
  const figures = {
    seed: SEED, operations: operations.length, uncovered: covered, sent: stats.sent, catalogue: catalogueSize, random: RANDOM_COUNT,
    slow: SLOW, failures: stats.failures, fiveXX: stats.fivexx, stackTraces: stats.leaks, statuses: stats.statuses,
    byClass: stats.byClass, secondsByClass: Object.fromEntries(Object.entries(stats.msByClass).map(([k, v]) => [k, Math.round(v / 1000)])), mainSeconds: +(mainMs / 1000).toFixed(1), probeMs: probe.answer.ms, probeStatus: probe.answer.status,
    slowOutcomes: slowResults.reduce((m, r) => { const k = r.status > 0 ? String(r.status) : r.outcome; m[k] = (m[k] || 0) + 1; return m; }, {}),
    slowLongestMs: Math.max(0, ...slowResults.map((r) => r.ms)), held: HELD, heldProbe, slowestAnswerMs: stats.slowestMs || 0,
    members: { before: before.all, after: check.after.all, expected: check.expected, created: legit.created, applied: legit.applied, imported: check.imported, erased: legit.deleted, searchTotal: check.searchTotal, published: check.after.published },
    integrityProblems: check.problems, setup: setupState.log, memory: { before: memoryBefore, after: memoryAfter },
  };
  // Blocked workers would hold the probe until the idle timeout closes the held bodies (30 s).
  if (heldProbe && (heldProbe.ms > IDLE_TIMEOUT_S * 1000 / 3 || heldProbe.create !== 201 || heldProbe.read !== 200)) {
    figures.integrityProblems.push(`with ${HELD} bodies held half-sent, a create and a read took ${heldProbe.ms} ms (${heldProbe.create}, ${heldProbe.read})`);
  }
  if (probe.answer.status !== 200 || probe.answer.ms > 3000) figures.integrityProblems.push(`after the slow bodies a plain read took ${probe.answer.ms} ms (${probe.answer.status})`);
  if (covered.length) figures.integrityProblems.push(`operations without a request: ${covered.join(', ')}`);
  fs.writeFileSync(path.join(OUT, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`FIGURES ${JSON.stringify(figures)}`);
}

async function replay(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let still = 0;
  for (const line of lines) {
    const f = JSON.parse(line);
    let bytes = Buffer.from(f.request_base64, 'base64');
    const text = bytes.toString('latin1').replace(/^Authorization: Basic [A-Za-z0-9+/=]+\r$/m, () => `Authorization: ${ADMIN_AUTH}\r`);
    bytes = Buffer.from(text.replace(/^Host: [^\r]*/m, `Host: ${HOST_HEADER}`), 'latin1');
    const a = await exchange(bytes, { head: f.method === 'HEAD' });
    const shown = a.body ? a.body.toString('utf8').slice(0, 300).replace(/\s+/g, ' ') : '';
    console.log(`${f.class} ${f.operation} ${f.note || ''}: ${a.status > 0 ? a.status : a.outcome} ${shown}`);
    if (a.status >= 500 || a.outcome !== 'answer') still++;
  }
  console.log(`replayed ${lines.length}; ${still} answered 5xx or not at all`);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'replay') await replay(arg);
else await main();
