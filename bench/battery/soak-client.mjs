// The load of bench/battery/soak.sh (node 20, no dependencies): CONNECTIONS keep-alive connections for SECONDS, each a
// loop of one request at a time. Readers send searches (the paths of bench/queries.py), member reads (by id and by
// slug) and suggestions; writers (the first WRITERS connections) each create members of their own, read one back for
// its ETag, PATCH it with that If-Match and delete it with the PATCH's ETag, so no two writers race (no 412 expected).
// Every SAMPLE seconds a row of the time series: requests/s, p50/p99, errors, the service's RSS (/proc/PID/status),
// heap used and heap after GC (the management port's /q/metrics).
//
//   node soak-client.mjs OUT
// Environment: SOAK_BASE, SOAK_OPS, SOAK_USER, SOAK_PASSWORD, SOAK_PID (the service's JVM), SOAK_PATHS (a paths file),
// SOAK_CONNECTIONS (64), SOAK_WRITERS (4), SOAK_SECONDS (300), SOAK_SAMPLE_SECONDS (15), SOAK_TIMEOUT_MS (30000).
// Writes OUT/soak.tsv, OUT/errors.jsonl (every unexpected answer), OUT/summary.json; prints the summary.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { letters } from './names.mjs';

const out = process.argv[2];
const env = process.env;
const base = new URL(env.SOAK_BASE);
const ops = new URL(env.SOAK_OPS);
const auth = 'Basic ' + Buffer.from(`${env.SOAK_USER || 'admin'}:${env.SOAK_PASSWORD}`, 'utf8').toString('base64');
const pid = env.SOAK_PID;
const connections = Number(env.SOAK_CONNECTIONS || 64);
const writers = Number(env.SOAK_WRITERS || 4);
const seconds = Number(env.SOAK_SECONDS || 300);
const sampleSeconds = Number(env.SOAK_SAMPLE_SECONDS || 15);
const timeoutMs = Number(env.SOAK_TIMEOUT_MS || 30000);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const opsAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const searchPaths = fs.readFileSync(env.SOAK_PATHS, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

function send(url, method, pathAndQuery, { body, headers = {}, useAgent = agent, type = 'application/json' } = {}) {
  return new Promise((resolve) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body), 'utf8');
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.request({
      host: url.hostname, port: url.port, path: pathAndQuery, method, agent: useAgent, timeout: timeoutMs,
      headers: { Accept: 'application/json', ...(data ? { 'Content-Type': type, 'Content-Length': data.length } : {}), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, body: Buffer.concat(chunks).toString('utf8'), ms: ms() }));
      res.on('error', (e) => resolve({ status: 0, error: e.code || e.message, ms: ms() }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve({ status: 0, error: e.code || e.message, ms: ms() }));
    req.end(data || undefined);
  });
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
const round = (x) => Math.round(x * 10) / 10;

// What each kind of request must be answered; anything else is an error.
const EXPECTED = { search: 200, read: 200, suggest: 200, create: 201, get: 200, patch: 200, delete: 204 };
const latencies = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, []]));
const errorsByKind = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, 0]));
const errorLog = fs.createWriteStream(path.join(out, 'errors.jsonl'));
let window = [];  // latencies of the current sample window
let windowErrors = 0;

function record(kind, r) {
  latencies[kind].push(r.ms);
  window.push(r.ms);
  if (r.status !== EXPECTED[kind]) {
    errorsByKind[kind]++;
    windowErrors++;
    if (errorsByKind[kind] <= 50) {
      errorLog.write(JSON.stringify({ t: Date.now(), kind, status: r.status, error: r.error, body: (r.body || '').slice(0, 300) }) + '\n');
    }
    return false;
  }
  return true;
}

async function metrics() {
  const r = await send(ops, 'GET', '/q/metrics', { useAgent: opsAgent, headers: { Accept: 'text/plain' } });
  let heap = 0; let old = 0; let live = null;
  if (r.status === 200) {
    for (const line of r.body.split('\n')) {
      if (line.startsWith('jvm_memory_used_bytes{') && line.includes('area="heap"')) {
        const v = Number(line.slice(line.lastIndexOf(' ') + 1));
        heap += v;
        if (/id="[^"]*Old Gen"/.test(line)) old += v;
      } else if (line.startsWith('jvm_gc_live_data_size_bytes')) {
        live = Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
  }
  let rss = 0;
  try {
    rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  } catch { rss = 0; }
  return { heap, old, live, rss };
}

// Members to read: the first pages of the listing (ids and slugs), and prefixes of their names to suggest.
const members = [];
for (let page = 1; page <= 10; page++) {
  const r = await send(base, 'GET', `/api/v1/members?size=100&page=${page}&sort=name`);
  if (r.status !== 200) throw new Error(`listing page ${page}: ${r.status} ${r.error || r.body.slice(0, 200)}`);
  const items = JSON.parse(r.body).items;
  members.push(...items.map((m) => ({ id: m.id, slug: m.slug, name: m.name })));
  if (items.length < 100) break;
}
if (members.length === 0) throw new Error('no members to read: the directory is empty');
const prefixes = [...new Set(members.flatMap((m) => m.name.split(/\s+/).filter((w) => w.length >= 3)
  .map((w, i) => w.slice(0, 2 + (i % 3)))))].map((p) => encodeURIComponent(p.toLowerCase()));

const started = Date.now();
const until = started + seconds * 1000;
const rows = [];
let totalRequests = 0;

const sampler = (async () => {
  let next = started + sampleSeconds * 1000;
  while (next <= until + 100) {
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
    const taken = window; const errors = windowErrors;
    window = []; windowErrors = 0;
    totalRequests += taken.length;
    taken.sort((a, b) => a - b);
    const m = await metrics();
    rows.push({
      t: Math.round((Date.now() - started) / 1000), rps: round(taken.length / sampleSeconds), p50: round(quantile(taken, 0.5)),
      p99: round(quantile(taken, 0.99)), errors, rssMb: round(m.rss / 1048576), heapMb: round(m.heap / 1048576),
      oldMb: round(m.old / 1048576), liveMb: m.live === null ? null : round(m.live / 1048576),
    });
    next += sampleSeconds * 1000;
  }
})();

async function reader(n) {
  for (let i = n; Date.now() < until; i++) {
    const pick = Math.random();
    if (pick < 0.6) {
      record('search', await send(base, 'GET', searchPaths[Math.floor(Math.random() * searchPaths.length)]));
    } else if (pick < 0.85) {
      const m = members[Math.floor(Math.random() * members.length)];
      record('read', await send(base, 'GET', `/api/v1/members/${i % 2 ? m.id : m.slug}`));
    } else {
      record('suggest', await send(base, 'GET', `/api/v1/members/suggest?q=${prefixes[Math.floor(Math.random() * prefixes.length)]}`));
    }
  }
}

async function writer(w) {
  const headers = { Authorization: auth };
  for (let n = 0; Date.now() < until; n++) {
    const created = await send(base, 'POST', '/api/v1/members', {
      headers, body: {
        name: `Soak ${letters(w)}x${letters(n)}`, type: 'freelancer', municipality: '2581', skills: ['photography'],
        headline: 'Soak battery member',
      },
    });
    if (!record('create', created)) continue;
    const id = JSON.parse(created.body).id;
    const got = await send(base, 'GET', `/api/v1/members/${id}`, { headers });
    if (!record('get', got)) continue;
    const patched = await send(base, 'PATCH', `/api/v1/members/${id}`, {
      headers: { ...headers, 'If-Match': got.etag }, type: 'application/merge-patch+json',
      body: { headline: `Soak battery member, edited ${n}` },
    });
    if (!record('patch', patched)) continue;
    // Every other member is deleted again, so the directory both grows and shrinks.
    if (n % 2 === 0) record('delete', await send(base, 'DELETE', `/api/v1/members/${id}`, { headers: { ...headers, 'If-Match': patched.etag } }));
  }
}

await Promise.all([sampler, ...Array.from({ length: connections }, (_, c) => (c < writers ? writer(c) : reader(c)))]);
const elapsed = (Date.now() - started) / 1000;
totalRequests += window.length;

const kinds = {};
const all = [];
for (const [kind, list] of Object.entries(latencies)) {
  list.sort((a, b) => a - b);
  // Not all.push(...list): spread arguments overflow the stack past about 120,000 latencies of one kind.
  for (const ms of list) all.push(ms);
  kinds[kind] = { count: list.length, errors: errorsByKind[kind], p50: round(quantile(list, 0.5)), p99: round(quantile(list, 0.99)) };
}
all.sort((a, b) => a - b);
const errors = Object.values(errorsByKind).reduce((a, b) => a + b, 0);

// Flat after warm-up: the median of the last third of the samples against the median of the second third.
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };
const third = Math.floor(rows.length / 3);
const middle = rows.slice(third, 2 * third);
const last = rows.slice(2 * third);
const TOLERANCE = Number(env.SOAK_FLAT_TOLERANCE || 0.10);
const flat = {};
const useLive = rows.every((r) => r.liveMb !== null) && middle.concat(last).every((r) => r.liveMb > 0);
for (const key of ['rssMb', useLive ? 'liveMb' : 'oldMb']) {
  const a = median(middle.map((r) => r[key]));
  const b = median(last.map((r) => r[key]));
  flat[key] = { middle: a, last: b, ratio: a ? round((b / a) * 1000) / 1000 : null, flat: rows.length >= 3 && b <= a * (1 + TOLERANCE) };
}

fs.writeFileSync(path.join(out, 'soak.tsv'), ['t_s\treq_per_s\tp50_ms\tp99_ms\terrors\trss_mb\theap_used_mb\told_gen_mb\theap_after_gc_mb',
  ...rows.map((r) => [r.t, r.rps, r.p50, r.p99, r.errors, r.rssMb, r.heapMb, r.oldMb, r.liveMb ?? ''].join('\t'))].join('\n') + '\n');
const summary = {
  seconds: round(elapsed), connections, writers, members: members.length, requests: all.length, rps: round(all.length / elapsed),
  p50: round(quantile(all, 0.5)), p99: round(quantile(all, 0.99)), errors, kinds, tolerance: TOLERANCE, flat, rows,
};
fs.writeFileSync(path.join(out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
await new Promise((r) => errorLog.end(r));
agent.destroy();
opsAgent.destroy();
console.log(JSON.stringify({ ...summary, rows: undefined }));
