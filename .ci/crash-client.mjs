// Client of the crash check (.ci/crash-check.sh): node 20, no dependencies.
//
//   node .ci/crash-client.mjs write  BASE USER PASSWORD LOG RUN   (env CRASH_WRITERS, CRASH_MAX_OPS)
//   node .ci/crash-client.mjs verify BASE USER PASSWORD LOG RUN   (env CRASH_INDEX_WAIT_S)
//
// write: CRASH_WRITERS (4) concurrent writers, each one request at a time: mostly creates, every 5th
// operation a merge patch of one of its members' headline (with If-Match), every 9th a delete. Before a
// request a "send" line and after a 2xx an "ack" line (with what was acknowledged: id, name, headline,
// version) are appended to LOG (JSON lines, written synchronously). A writer stops at its first network
// error (the service was killed: that request is in flight, unacknowledged) or after CRASH_MAX_OPS; any
// other answer than the expected 2xx is logged as "error" and fails the check.
//
// verify: replays LOG and checks, against the restarted service,
//  - the database: every acknowledged create, patch and delete is there (GET by id as the admin:
//    the acknowledged headline and version; 404 after a delete). A writer's last request may have been in
//    flight: its effect may or may not be there, both count as right;
//  - the search index: the listing of this run's members (q=RUN, the word every name carries) holds
//    exactly the members the database holds, each with the database's headline, and nothing else
//    (polled for at most CRASH_INDEX_WAIT_S, 60 s: the index follows the database asynchronously).
// Prints the figures and "crash: ... lost 0" lines; exits 1 when a write is lost or the index disagrees.
import fs from 'node:fs';
import http from 'node:http';

const [mode, base, user, password, logFile, run] = process.argv.slice(2);
if (!['write', 'verify'].includes(mode) || !run) {
  console.error('usage: crash-client.mjs write|verify BASE USER PASSWORD LOG RUN');
  process.exit(2);
}
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const auth = 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');

/** One HTTP request; resolves {status, headers, body} or rejects on a network error. */
function request(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const req = http.request({
      host: url.hostname, port: url.port, path, method, agent,
      headers: {
        Authorization: auth, Accept: 'application/json, application/problem+json',
        ...(data ? { 'Content-Length': data.length } : {}), ...headers,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, body: json, text });
      });
      res.on('error', reject);
    });
    req.setTimeout(120000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** A read, tried again after a network error or time-out (a loaded machine): reads change nothing. */
async function read(path) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request('GET', path);
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

const version = (res) => Number(String(res.headers.etag || '').replace(/[^0-9]/g, '')) || (res.body && res.body.version);

/** Letters only: the search analyses words, and a digit would split one. */
function letters(n) {
  let s = '';
  do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0);
  return s;
}

// ---------------------------------------------------------------------------------------------
async function write() {
  const writers = Number(process.env.CRASH_WRITERS || 4);
  const maxOps = Number(process.env.CRASH_MAX_OPS || 20000);
  const fd = fs.openSync(logFile, 'a');
  const log = (entry) => fs.writeSync(fd, JSON.stringify({ ...entry, at: Date.now() }) + '\n');
  let ops = 0;

  async function writer(w) {
    const mine = []; // {id, version} of this writer's live members
    for (let n = 0; ops < maxOps; n++) {
      ops++;
      let op;
      if (n % 9 === 8 && mine.length > 1) {
        const m = mine.splice(Math.floor(mine.length / 2), 1)[0];
        op = { op: 'delete', w, id: m.id };
      } else if (n % 5 === 4 && mine.length > 0) {
        const m = mine[mine.length - 1 - (n % Math.min(mine.length, 7))];
        op = { op: 'patch', w, id: m.id, headline: `Rubrik ${letters(w)} ${n}`, member: m };
      } else {
        const name = `Krasch ${run} ${letters(w)}q${letters(n)}`;
        op = { op: 'create', w, name, headline: `Ny ${letters(w)} ${n}` };
      }
      const { member, ...sent } = op;
      log({ t: 'send', ...sent });
      let res;
      try {
        if (op.op === 'create') {
          res = await request('POST', '/api/v1/members', {
            name: op.name, type: 'freelancer', municipality: '2581', skills: ['photography'], headline: op.headline,
          }, { 'Content-Type': 'application/json' });
        } else if (op.op === 'patch') {
          res = await request('PATCH', `/api/v1/members/${op.id}`, { headline: op.headline },
            { 'Content-Type': 'application/merge-patch+json', 'If-Match': `"${member.version}"` });
        } else {
          res = await request('DELETE', `/api/v1/members/${op.id}`);
        }
      } catch (e) {
        log({ t: 'network-error', w, op: op.op, error: String(e.code || e.message) });
        return; // the service is gone: this request is in flight, unacknowledged
      }
      const expected = op.op === 'create' ? 201 : op.op === 'patch' ? 200 : 204;
      if (res.status !== expected) {
        log({ t: 'error', ...sent, status: res.status, body: res.text.slice(0, 300) });
        return;
      }
      if (op.op === 'create') {
        const m = { id: res.body.id, version: version(res) };
        mine.push(m);
        log({ t: 'ack', op: 'create', w, id: m.id, name: op.name, headline: op.headline, version: m.version });
      } else if (op.op === 'patch') {
        member.version = version(res);
        log({ t: 'ack', op: 'patch', w, id: op.id, headline: op.headline, version: member.version });
      } else {
        log({ t: 'ack', op: 'delete', w, id: op.id });
      }
    }
  }

  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  fs.closeSync(fd);
}

// ---------------------------------------------------------------------------------------------
/** The log replayed: per member the acknowledged state and the state of a request in flight, if any. */
function replay() {
  const lines = fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const members = new Map(); // id -> {name, acked: {exists, headline, version}, pending: {...} | null}
  const lastSend = new Map(); // writer -> its last "send" without an answer
  const counts = { acked: 0, creates: 0, patches: 0, deletes: 0, inFlight: 0, errors: 0 };
  const inFlightCreates = [];
  // The kill: the first network error. How many writes were acknowledged shortly before it.
  const killedAt = Math.min(...lines.filter((e) => e.t === 'network-error').map((e) => e.at));
  counts.lastSecond = lines.filter((e) => e.t === 'ack' && killedAt - e.at <= 1000).length;
  for (const e of lines) {
    if (e.t === 'send') { lastSend.set(e.w, e); continue; }
    if (e.t === 'error') { counts.errors++; lastSend.delete(e.w); continue; }
    if (e.t === 'network-error') continue;
    lastSend.delete(e.w);
    counts.acked++;
    if (e.op === 'create') {
      counts.creates++;
      members.set(e.id, { id: e.id, name: e.name, acked: { exists: true, headline: e.headline, version: e.version }, pending: null,
        ops: [{ op: 'create', version: e.version }] });
    } else if (e.op === 'patch') {
      counts.patches++;
      const m = members.get(e.id);
      m.acked = { exists: true, headline: e.headline, version: e.version };
      m.ops.push({ op: 'patch', version: e.version });
    } else {
      counts.deletes++;
      const m = members.get(e.id);
      m.acked = { exists: false };
      m.ops.push({ op: 'delete' });
    }
  }
  for (const s of lastSend.values()) {
    counts.inFlight++;
    if (s.op === 'create') {
      inFlightCreates.push(s);
    } else {
      const m = members.get(s.id);
      m.pending = s.op === 'delete' ? { exists: false }
        : { exists: true, headline: s.headline, version: (m.acked.version || 0) + 1 };
    }
  }
  return { members, counts, inFlightCreates };
}

const sameState = (state, got) => state.exists === got.exists
  && (!state.exists || (state.headline === got.headline && state.version === got.version));

async function pool(items, size, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) { const i = next++; await fn(items[i]); }
  }));
}

async function verify() {
  const { members, counts, inFlightCreates } = replay();
  // The database, member by member.
  const db = new Map(); // id -> {exists, headline, version}
  const lost = [];
  let pendingApplied = 0;
  await pool([...members.values()], 8, async (m) => {
    const res = await read(`/api/v1/members/${m.id}`);
    if (res.status !== 200 && res.status !== 404) throw new Error(`GET ${m.id}: ${res.status} ${res.text.slice(0, 200)}`);
    const got = res.status === 404 ? { exists: false } : { exists: true, headline: res.body.headline, version: version(res) };
    db.set(m.id, got);
    if (sameState(m.acked, got)) return;
    if (m.pending && sameState(m.pending, got)) { pendingApplied++; return; }
    // The acknowledged writes missing from what was found: those newer than its version (or all of
    // them when the member is gone), or the delete when it is still there.
    const missing = !got.exists ? m.ops.filter((o) => o.op !== 'delete').length
      : m.ops.filter((o) => o.op === 'delete' || o.version > got.version).length;
    lost.push({ id: m.id, name: m.name, writes: Math.max(1, missing), acknowledged: m.acked, inFlight: m.pending, found: got });
  });
  // The search index: this run's members, polled until it agrees with the database or time is up.
  const waitMs = Number(process.env.CRASH_INDEX_WAIT_S || 60) * 1000;
  const started = Date.now();
  let problems;
  let landed = 0;
  for (;;) {
    const index = new Map();
    for (let page = 1; ; page++) {
      const res = await read(`/api/v1/members?q=${run}&sort=name&size=100&page=${page}`);
      if (res.status !== 200) throw new Error(`search: ${res.status} ${res.text.slice(0, 200)}`);
      for (const item of res.body.items) index.set(item.id, item);
      if (res.body.items.length < 100) break;
    }
    problems = [];
    for (const [id, got] of db) {
      const item = index.get(id);
      if (got.exists && !item) problems.push(`in the database, not in the index: ${id}`);
      else if (got.exists && item.headline !== got.headline) problems.push(`index has an old headline for ${id}: ${item.headline} (database: ${got.headline})`);
      else if (!got.exists && item) problems.push(`deleted in the database, still in the index: ${id}`);
    }
    landed = 0;
    for (const [id, item] of index) {
      if (db.has(id)) continue;
      // Not acknowledged: a create in flight at the kill that landed; the database must hold it.
      const flying = inFlightCreates.find((c) => c.name === item.name);
      const res = await read(`/api/v1/members/${id}`);
      if (!flying) problems.push(`in the index, not in the client's log: ${id} ${item.name}`);
      else if (res.status !== 200) problems.push(`in the index, not in the database: ${id} ${item.name}`);
      else landed++;
    }
    if (problems.length === 0 || Date.now() - started > waitMs) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const indexMs = Date.now() - started;

  console.log(`crash: writes acknowledged ${counts.acked} (creates ${counts.creates}, patches ${counts.patches},`
    + ` deletes ${counts.deletes}); in flight at the kill (unacknowledged) ${counts.inFlight}`
    + ` (of which landed: ${pendingApplied + landed}); answers other than 2xx ${counts.errors};`
    + ` acknowledged in the last second before the kill ${counts.lastSecond}`);
  const lostWrites = lost.reduce((sum, l) => sum + l.writes, 0);
  const lostCreates = lost.filter((l) => !l.found.exists).length; // acknowledged as there, found gone
  console.log(`crash: lost acknowledged writes ${lostWrites} of ${counts.acked} (${lost.length} members not as acknowledged,`
    + ` ${lostCreates} of ${counts.creates} acknowledged creates gone)`);
  for (const l of lost.slice(0, 20)) console.log(`  lost: ${JSON.stringify(l)}`);
  console.log(`crash: index ${problems.length === 0 ? 'agrees with the database' : 'DISAGREES with the database'}`
    + ` (${[...db.values()].filter((s) => s.exists).length + landed} members of this run; checked for ${indexMs} ms)`);
  for (const p of problems.slice(0, 20)) console.log(`  index: ${p}`);
  if (lost.length > 0 || problems.length > 0 || counts.errors > 0) process.exit(1);
}

if (mode === 'write') await write(); else await verify();
