// The load of bench/battery/faults.sh (node 20, no dependencies): readers and writers against the service while
// PostgreSQL is stopped and started again under it, then the checks of what was acknowledged.
//
//   node faults-client.mjs load   OUT   # runs until OUT/stop exists; writes OUT/events.jsonl, OUT/acked.tsv,
//                                       # OUT/ready.tsv (readiness every 100 ms), OUT/seed.txt
//   node faults-client.mjs verify OUT   # reads those, OUT/markers.tsv (the outage's times, written by faults.sh) and
//                                       # OUT/db.tsv (the members' rows as psql saw them after the recovery); checks
//                                       # search, prints a report and OUT/summary.json; exit 1 when a check failed
//
// Environment: FAULT_BASE, FAULT_OPS (the management interface), FAULT_USER, FAULT_PASSWORD, FAULT_READERS (6),
// FAULT_WRITERS (2), FAULT_PREFIX (the name prefix of the members it creates), FAULT_TIMEOUT_MS (15000: an answer
// slower than this counts as a hang).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { letters } from './names.mjs';

const [mode, out] = process.argv.slice(2);
if (!['load', 'verify'].includes(mode) || !out) {
  console.error('usage: node faults-client.mjs load|verify OUT');
  process.exit(2);
}
const env = process.env;
const base = new URL(env.FAULT_BASE || 'http://127.0.0.1:8080');
const ops = new URL(env.FAULT_OPS || 'http://127.0.0.1:9000');
const auth = 'Basic ' + Buffer.from(`${env.FAULT_USER || 'admin'}:${env.FAULT_PASSWORD || ''}`, 'utf8').toString('base64');
const readers = Number(env.FAULT_READERS || 6);
const writers = Number(env.FAULT_WRITERS || 2);
const prefix = env.FAULT_PREFIX || 'Fault';
const timeoutMs = Number(env.FAULT_TIMEOUT_MS || 15000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const opsAgent = new http.Agent({ keepAlive: true, maxSockets: 2 });

/** One request; resolves {status, type, retryAfter, body, ms} or {status: 0, error} (socket error or timeout). */
function send(url, method, pathAndQuery, { body, headers = {}, useAgent = agent } = {}) {
  return new Promise((resolve) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body), 'utf8');
    const started = Date.now();
    const req = http.request({
      host: url.hostname, port: url.port, path: pathAndQuery, method, agent: useAgent, timeout: timeoutMs,
      headers: { Accept: 'application/json', ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, type: res.headers['content-type'] || '', retryAfter: res.headers['retry-after'] || null,
        location: res.headers.location || null, body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started,
      }));
      res.on('error', (e) => resolve({ status: 0, error: e.code || e.message, ms: Date.now() - started }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve({ status: 0, error: e.code || e.message, ms: Date.now() - started }));
    req.end(data || undefined);
  });
}

/** What in an error body would give the service's insides away. */
const LEAK = /\bat [a-z][\w$]*(\.[\w$]+)+\(|Exception\b|org\.(hibernate|postgresql|jboss)|io\.agroal|\bSQL(State)?\b|java\./;

function member(token) {
  return {
    name: `${prefix} ${token}`, type: 'freelancer', municipality: '2581', skills: ['photography', 'film-production'],
    headline: 'Fault battery member', contactPublic: false,
  };
}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

async function load() {
  const stopFile = path.join(out, 'stop');
  const events = fs.createWriteStream(path.join(out, 'events.jsonl'));
  const acked = fs.createWriteStream(path.join(out, 'acked.tsv'));
  const ready = fs.createWriteStream(path.join(out, 'ready.tsv'));
  const record = (kind, r, extra = {}) => {
    const e = { t: Date.now(), kind, status: r.status, ms: r.ms, ...extra };
    if (r.error) e.error = r.error;
    if (r.status >= 300 || r.status === 0) {
      e.type = r.type; e.retryAfter = r.retryAfter;
      e.leak = r.body ? LEAK.test(r.body) : false;
      e.body = r.body ? r.body.slice(0, 300) : undefined;
    }
    events.write(JSON.stringify(e) + '\n');
  };

  // A few members to read, created before the outage.
  const seedIds = [];
  for (let i = 0; i < 12; i++) {
    const r = await send(base, 'POST', '/api/v1/members', { body: member(`seed${letters(i)}`), headers: { Authorization: auth } });
    if (r.status !== 201) throw new Error(`seeding: POST answered ${r.status} ${r.error || r.body}`);
    seedIds.push(JSON.parse(r.body).id);
  }
  fs.writeFileSync(path.join(out, 'seed.txt'), seedIds.join('\n') + '\n');
  const stopped = () => fs.existsSync(stopFile);

  const readiness = (async () => {
    while (!stopped()) {
      const r = await send(ops, 'GET', '/q/health/ready', { useAgent: opsAgent });
      ready.write(`${Date.now()}\t${r.status}\n`);
      await sleep(100);
    }
  })();

  const words = ['foto', 'film', 'fault', 'design', 'musik', 'seed'];
  const readerLoops = Array.from({ length: readers }, async (_, n) => {
    for (let i = 0; !stopped(); i++) {
      const pick = (i + n) % 4;
      if (pick === 0) {
        record('search', await send(base, 'GET', `/api/v1/members?q=${words[i % words.length]}&size=10`));
      } else if (pick === 1) {
        record('filter', await send(base, 'GET', '/api/v1/members?municipality=2581&skill=photography&sort=name&size=20'));
      } else if (pick === 2) {
        record('read', await send(base, 'GET', `/api/v1/members/${seedIds[i % seedIds.length]}`));
      } else {
        record('suggest', await send(base, 'GET', `/api/v1/members/suggest?q=${words[i % words.length].slice(0, 3)}`));
      }
    }
  });
  const writerLoops = Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; !stopped(); n++) {
      const token = `w${letters(w)}x${letters(n)}`;
      const sent = Date.now();
      const r = await send(base, 'POST', '/api/v1/members', { body: member(token), headers: { Authorization: auth } });
      let id = '';
      if (r.status === 201) {
        id = JSON.parse(r.body).id;
        acked.write(`${id}\t${prefix} ${token}\t${sent}\t${Date.now()}\n`);
      }
      record('create', r, { token, id });
      if (r.status !== 201) await sleep(100); // no hot loop while the database is away
    }
  });
  await Promise.all([readiness, ...readerLoops, ...writerLoops]);
  await Promise.all([events, acked, ready].map((s) => new Promise((r) => s.end(r))));
  agent.destroy();
  opsAgent.destroy();
}

function readTsv(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t'));
}

async function verify() {
  const failures = [];
  const markers = Object.fromEntries(readTsv(path.join(out, 'markers.tsv')).map(([k, v]) => [k, Number(v)]));
  for (const k of ['pgStop', 'pgStopped', 'pgStart', 'pgStarted']) {
    if (!markers[k]) throw new Error(`markers.tsv has no ${k}`);
  }
  const ready = readTsv(path.join(out, 'ready.tsv')).map(([t, s]) => ({ t: Number(t), up: s === '200' }));
  const downAt = ready.find((r) => r.t >= markers.pgStop && !r.up)?.t;
  const upAgainAt = ready.find((r) => r.t >= markers.pgStarted && r.up && (!downAt || r.t > downAt))?.t;
  if (!downAt || downAt > markers.pgStart) failures.push('readiness did not go DOWN while PostgreSQL was stopped');
  if (!upAgainAt) failures.push('readiness did not come UP again after PostgreSQL was back');
  const lastDown = ready.filter((r) => !r.up).pop()?.t;
  if (upAgainAt && lastDown > upAgainAt) failures.push(`readiness went DOWN again after the recovery (at +${lastDown - markers.pgStarted} ms)`);
  const windowEnd = upAgainAt || Infinity;

  const events = fs.readFileSync(path.join(out, 'events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const phase = (e) => (e.t < markers.pgStop ? 'before' : e.t <= windowEnd ? 'outage' : 'after');
  const counts = { before: {}, outage: {}, after: {} };
  const bad = [];
  for (const e of events) {
    const p = phase(e);
    const key = `${e.kind} ${e.status === 0 ? e.error : e.status}`;
    counts[p][key] = (counts[p][key] || 0) + 1;
    const ok2xx = e.status >= 200 && e.status < 300;
    if (ok2xx) continue;
    // An answer sent before the stop may arrive after it, and one the outage delayed may arrive after the recovery:
    // the rules are the same for every non-2xx answer anywhere: a clear 503 problem, nothing else.
    const clear503 = e.status === 503 && e.type.startsWith('application/problem+json') && !e.leak;
    if (!clear503 || p !== 'outage') bad.push({ phase: p, ...e });
  }
  const byKindOutage = {};
  for (const e of events.filter((x) => phase(x) === 'outage')) {
    const k = byKindOutage[e.kind] || (byKindOutage[e.kind] = { ok: 0, s503: 0, retryAfter: 0, other: 0 });
    if (e.status >= 200 && e.status < 300) k.ok++; else if (e.status === 503) k.s503++; else k.other++;
    if (e.retryAfter) k.retryAfter++;
  }
  // While the server was really down (stopped, not yet started again): which answers still came, and how.
  const down = {};
  for (const e of events.filter((x) => x.t >= markers.pgStopped && x.t <= markers.pgStart)) {
    const key = `${e.kind} ${e.status === 0 ? e.error : e.status}`;
    down[key] = (down[key] || 0) + 1;
  }
  const firstCreate = events.find((e) => e.kind === 'create' && e.status === 201 && e.t >= markers.pgStart);
  const slowest = events.filter((e) => phase(e) === 'outage').reduce((m, e) => Math.max(m, e.ms), 0);
  if (bad.length) {
    failures.push(`${bad.length} answers were not 2xx and not a clear 503 problem (with Retry-After) during the outage;`
      + ` first: ${JSON.stringify(bad[0]).slice(0, 500)}`);
  }

  // Every acknowledged create is in the database once, whole, and found by the search.
  const acked = readTsv(path.join(out, 'acked.tsv')).map(([id, name]) => ({ id, name }));
  const db = readTsv(path.join(out, 'db.tsv')).map(([id, name, skills, history]) => ({ id, name, skills: Number(skills), history: Number(history) }));
  const dbById = new Map();
  const names = new Map();
  for (const row of db) {
    dbById.set(row.id, (dbById.get(row.id) || 0) + 1);
    names.set(row.name, (names.get(row.name) || 0) + 1);
  }
  const missing = acked.filter((a) => !dbById.has(a.id));
  const dupNames = [...names].filter(([, n]) => n > 1).map(([name]) => name);
  const ackedIds = new Set(acked.map((a) => a.id));
  const seedIds = new Set(fs.readFileSync(path.join(out, 'seed.txt'), 'utf8').split('\n').filter(Boolean));
  const unacknowledged = db.filter((r) => !ackedIds.has(r.id) && !seedIds.has(r.id));
  const half = db.filter((r) => r.skills !== 2 || r.history < 1);
  const wrongName = acked.filter((a) => dbById.has(a.id) && db.find((r) => r.id === a.id).name !== a.name);
  if (missing.length) failures.push(`${missing.length} acknowledged creates are not in the database: ${missing.slice(0, 3).map((m) => m.id)}`);
  if (dupNames.length) failures.push(`${dupNames.length} names have more than one row: ${dupNames.slice(0, 3)}`);
  if (half.length) failures.push(`${half.length} rows are half-written (not 2 skills and a history entry): ${JSON.stringify(half.slice(0, 3))}`);
  if (wrongName.length) failures.push(`${wrongName.length} rows do not hold the name that was acknowledged`);

  const notFound = [];
  const deadline = Date.now() + 30000;
  for (const a of acked) {
    const token = a.name.slice(prefix.length + 1);
    for (;;) {
      const r = await send(base, 'GET', `/api/v1/members?q=${encodeURIComponent(token)}&size=20`);
      const found = r.status === 200 && JSON.parse(r.body).items.some((m) => m.id === a.id);
      if (found) break;
      if (Date.now() > deadline) { notFound.push(`${a.id} (${r.status})`); break; }
      await sleep(500);
    }
  }
  if (notFound.length) failures.push(`${notFound.length} acknowledged creates are not found by the search 30 s after the recovery: ${notFound.slice(0, 3)}`);
  agent.destroy();

  const summary = {
    readyDownMs: downAt ? downAt - markers.pgStop : null,
    readyUpMs: upAgainAt ? upAgainAt - markers.pgStarted : null,
    outageMs: markers.pgStarted - markers.pgStop,
    acknowledgedCreates: acked.length,
    acknowledgedDuringOutage: events.filter((e) => e.kind === 'create' && e.status === 201 && phase(e) === 'outage').length,
    unacknowledgedButStored: unacknowledged.length,
    searchedAndFound: acked.length - notFound.length,
    firstCreateAfterStartMs: firstCreate ? firstCreate.t - markers.pgStarted : null,
    outageByKind: byKindOutage, whileDown: down, slowestOutageAnswerMs: slowest, counts, failures,
  };
  fs.writeFileSync(path.join(out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(JSON.stringify(summary));
  process.exit(failures.length ? 1 : 0);
}

await (mode === 'load' ? load() : verify());
