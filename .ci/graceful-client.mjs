// Client of the graceful shutdown check (.ci/graceful-check.sh): node 20, no dependencies.
//
//   node .ci/graceful-client.mjs load   BASE OPS PASSWORD PID EXITED LOG RUN IMPORT
//   node .ci/graceful-client.mjs verify BASE OPS PASSWORD LOG RUN IMPORT
//
// load: keeps requests in flight against the service, sends it SIGTERM (PID) and behaves like a load balancer:
//  - searchers (GRACEFUL_SEARCHERS, 3) search (q, facets, 50 a page) and complete without credentials; writers
//    (GRACEFUL_WRITERS, 2) create members as the admin and merge-patch them (If-Match); slow writers
//    (GRACEFUL_SLOW, 2) create members with a body sent in pieces over 1-3 s, so some request is always half-way;
//  - an import of GRACEFUL_IMPORT_ROWS (40,000; 0 for none) NDJSON members is started first: its job is
//    running when the service stops;
//  - after GRACEFUL_WARMUP_MS (3000) it sends SIGTERM and polls readiness (OPS/q/health/ready) every 100 ms;
//    once readiness says 503 it keeps sending for GRACEFUL_LB_LAG_MS (1000: a balancer's probe interval and
//    threshold), then starts the last requests a balancer would send: two slow creates whose bodies take
//    GRACEFUL_LONG_MS (6000), longer than the rest of the shutdown delay, so that the service must wait for them;
//    then it sends nothing new and waits for every answer;
//  - a probe connects to the API's port (TCP only, no request) every 20 ms, to see when the listener closes;
//  - the exit: the check writes "<epoch ms> <exit code>" to EXITED once the process is gone.
// Fails (exit 1) when any request that was sent got no complete answer of the expected status (a reset, a cut
// body, a 5xx, a time-out), when readiness did not say 503 before the listener closed, or when no request
// was answered after readiness turned DOWN. Appends each acknowledged write to LOG (JSON lines) and prints
// one line of figures ("graceful: ...").
//
// verify (after a restart on the same data): every acknowledged write is there as acknowledged (GET by id as
// the admin), and the search finds exactly the acknowledged members at once (no waiting: the index was
// committed at the shutdown); the import job ended as failed with the shutdown's note (or done), and the search
// finds exactly the members it says it created.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const [mode, ...args] = process.argv.slice(2);
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const auth = (password) => 'Basic ' + Buffer.from(`admin:${password}`, 'utf8').toString('base64');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now();

/** Letters only: the search analyses words, and a digit would split one. */
function letters(n) {
  let s = '';
  do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0);
  return s;
}

/**
 * One HTTP request on a connection of its own (a balancer's connection pool is not ours to model; the service closes
 * connections during the shutdown anyway). body: a Buffer, sent in `pieces` over `spreadMs`. Resolves
 * {status, headers, text, json, sentAt, doneAt}; rejects on a network error, a cut body or a time-out.
 */
function request(base, method, path, { headers = {}, body, pieces = 1, spreadMs = 0, timeoutMs = 60000 } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const sentAt = now();
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method, agent: false,
      headers: { Accept: 'application/json, application/problem+json', ...headers,
        ...(body ? { 'Content-Length': body.length } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('error', reject);
      res.on('end', () => {
        if (!res.complete) { reject(new Error('response cut off')); return; }
        const buffer = Buffer.concat(chunks);
        const length = res.headers['content-length'];
        if (length !== undefined && Number(length) !== buffer.length) {
          reject(new Error(`body of ${buffer.length} bytes, Content-Length ${length}`));
          return;
        }
        const text = buffer.toString('utf8');
        let json;
        try { json = text ? JSON.parse(text) : null; } catch { reject(new Error('not JSON: ' + text.slice(0, 80))); return; }
        resolve({ status: res.statusCode, headers: res.headers, text, json, sentAt, doneAt: now() });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (!body) { req.end(); return; }
    const size = Math.ceil(body.length / pieces);
    let i = 0;
    const next = () => {
      if (req.destroyed) return;
      const piece = body.subarray(i * size, (i + 1) * size);
      i++;
      if (i >= pieces) { req.end(piece); } else { req.write(piece); setTimeout(next, spreadMs / (pieces - 1)); }
    };
    next();
  });
}

// ---------------------------------------------------------------------------------------------
async function load() {
  const [base, ops, password, pidText, exitedFile, logFile, run, importWord] = args;
  const pid = Number(pidText);
  const admin = auth(password);
  const fd = fs.openSync(logFile, 'a');
  const log = (entry) => fs.writeSync(fd, JSON.stringify(entry) + '\n');
  const lbLag = env('GRACEFUL_LB_LAG_MS', 1000);
  const longMs = env('GRACEFUL_LONG_MS', 6000);

  const stats = { sent: 0, inFlight: 0, completed: 0, afterDown: 0, afterDelayEnd: 0, failures: [] };
  let sigtermAt = null; let downAt = null; let closedAt = null; let stopped = false;
  let inFlightAtSigterm = null; let lastAnswerAt = 0;

  /** Counts a request, which must be answered with one of `expected`; returns the answer or null. */
  async function tracked(what, expected, send) {
    stats.sent++; stats.inFlight++;
    const sentAt = now();
    try {
      const res = await send();
      if (!expected.includes(res.status)) {
        stats.failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
        return null;
      }
      stats.completed++;
      lastAnswerAt = res.doneAt;
      if (downAt !== null && sentAt >= downAt) stats.afterDown++;
      if (sigtermAt !== null && res.doneAt >= sigtermAt + env('GRACEFUL_DELAY_MS', 5000)) stats.afterDelayEnd++;
      return res;
    } catch (e) {
      stats.failures.push(`${what} sent ${sigtermAt === null ? 'before SIGTERM' : `${sentAt - sigtermAt} ms after SIGTERM`}: ${e.code || e.message}`);
      return null;
    } finally {
      stats.inFlight--;
    }
  }

  const json = (value) => Buffer.from(JSON.stringify(value), 'utf8');
  const member = (name, headline) => ({ name, type: 'freelancer', municipality: '2581', skills: ['photography'], headline });

  async function create(name, headline, pieces, spreadMs, tag) {
    const res = await tracked(tag, [201], () => request(base, 'POST', '/api/v1/members', {
      headers: { Authorization: admin, 'Content-Type': 'application/json' }, body: json(member(name, headline)),
      pieces, spreadMs,
    }));
    if (res) {
      const m = { id: res.json.id, name, headline, version: res.json.version };
      log({ op: 'create', ...m });
      return m;
    }
    return null;
  }

  // The import: its job runs while the service stops.
  const importRows = env('GRACEFUL_IMPORT_ROWS', 40000);
  let importJob = null;
  if (importRows > 0) {
    const lines = [];
    for (let i = 0; i < importRows; i++) {
      lines.push(JSON.stringify({ ...member(`Importerad ${importWord} ${letters(i)}`, 'Importerad'), municipality: '2580' }));
    }
    const res = await tracked('import', [202], () => request(base, 'POST', '/api/v1/imports', {
      headers: { Authorization: admin, 'Content-Type': 'application/x-ndjson' }, body: Buffer.from(lines.join('\n') + '\n'),
    }));
    if (!res) { finish(); return; }
    importJob = res.headers.location;
    log({ op: 'import', location: importJob, rows: importRows });
  }

  const words = [run, 'foto', 'design', 'lulea', 'film', 'musik'];
  async function searcher(s) {
    for (let n = 0; !stopped; n++) {
      const q = encodeURIComponent(words[(s + n) % words.length]);
      if (n % 4 === 3) {
        await tracked('suggest', [200], () => request(base, 'GET', `/api/v1/members/suggest?q=${q.slice(0, 3)}`));
      } else {
        await tracked('search', [200], () => request(base, 'GET', `/api/v1/members?q=${q}&size=50&municipality=2581&municipality=2580`));
      }
    }
  }
  async function writer(w) {
    const mine = [];
    for (let n = 0; !stopped; n++) {
      if (n % 3 === 2 && mine.length > 0) {
        const m = mine[n % mine.length];
        const headline = `Ändrad ${letters(w)} ${n}`;
        const res = await tracked('patch', [200], () => request(base, 'PATCH', `/api/v1/members/${m.id}`, {
          headers: { Authorization: admin, 'Content-Type': 'application/merge-patch+json', 'If-Match': `"${m.version}"` },
          body: json({ headline }),
        }));
        if (res) {
          m.headline = headline;
          m.version = res.json.version;
          log({ op: 'patch', id: m.id, headline, version: m.version });
        }
      } else {
        const m = await create(`Graceful ${run} w${letters(w)}q${letters(n)}`, `Ny ${letters(w)} ${n}`, 1, 0, 'create');
        if (m) mine.push(m);
      }
    }
  }
  async function slowWriter(w) {
    for (let n = 0; !stopped; n++) {
      await create(`Graceful ${run} s${letters(w)}q${letters(n)}`, `Långsam ${letters(w)} ${n}`, 8, 1000 + ((n * 700 + w * 300) % 2000), 'slow create');
    }
  }

  // The listener: a connection (no request) every 20 ms until one is refused.
  const probe = (async () => {
    const port = Number(new URL(base).port);
    while (closedAt === null) {
      await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('connect', () => { socket.destroy(); resolve(); });
        socket.on('error', (e) => { if (e.code === 'ECONNREFUSED') closedAt = now(); resolve(); });
      });
      await sleep(20);
    }
  })();

  // Readiness, every 100 ms from SIGTERM on, as a balancer probes it.
  const readiness = async () => {
    while (closedAt === null && downAt === null) {
      try {
        const res = await request(ops, 'GET', '/q/health/ready', { timeoutMs: 5000 });
        if (res.status === 503) {
          downAt = res.sentAt;
          const check = (res.json.checks || []).find((c) => c.name === 'Graceful Shutdown');
          if (!check || check.status !== 'DOWN') stats.failures.push(`readiness 503 without "Graceful Shutdown" DOWN: ${res.text}`);
        } else if (res.status !== 200) {
          stats.failures.push(`readiness ${res.status}`);
        }
      } catch (e) {
        break; // the management interface closed first
      }
      if (downAt === null) await sleep(100);
    }
  };

  const loops = [
    ...Array.from({ length: env('GRACEFUL_SEARCHERS', 3) }, (_, i) => searcher(i)),
    ...Array.from({ length: env('GRACEFUL_WRITERS', 2) }, (_, i) => writer(i)),
    ...Array.from({ length: env('GRACEFUL_SLOW', 2) }, (_, i) => slowWriter(i)),
  ];
  await sleep(env('GRACEFUL_WARMUP_MS', 3000));
  inFlightAtSigterm = stats.inFlight;
  sigtermAt = now();
  process.kill(pid, 'SIGTERM');
  await readiness();
  let last = [];
  if (downAt !== null) {
    await sleep(Math.max(0, downAt + lbLag - now()));
    // The last requests the balancer sends before it takes the instance out: slow ones, to outlast the delay.
    last = [0, 1].map((i) => create(`Graceful ${run} lastq${letters(i)}`, `Sist ${i}`, 12, longMs, 'last slow create'));
  }
  stopped = true;
  await Promise.all([...loops, ...last]);

  // The process's exit, as the check saw it.
  let exited = null;
  for (const deadline = now() + 120000; exited === null && now() < deadline; await sleep(20)) {
    if (fs.existsSync(exitedFile)) {
      const text = fs.readFileSync(exitedFile, 'utf8').trim();
      if (text) exited = { at: Number(text.split(' ')[0]), code: Number(text.split(' ')[1]) };
    }
  }
  if (exited === null) stats.failures.push('the service did not exit within 120 s of the last answer');
  if (closedAt === null && exited !== null) closedAt = exited.at;
  await Promise.race([probe, sleep(1000)]);
  finish(exited);

  function finish(exit) {
    fs.closeSync(fd);
    const s = (ms) => (ms / 1000).toFixed(2);
    if (downAt === null) stats.failures.push('readiness never said 503 after SIGTERM');
    else if (closedAt !== null && downAt >= closedAt) stats.failures.push('the listener closed before readiness said 503');
    if (downAt !== null && stats.afterDown === 0) stats.failures.push('no request sent after readiness turned DOWN was answered');
    if (stats.afterDelayEnd === 0) stats.failures.push('no request was still being answered when the shutdown delay ended');
    if (exit && lastAnswerAt > exit.at) stats.failures.push('an answer arrived after the process exited');
    console.log(`graceful: in flight at SIGTERM ${inFlightAtSigterm}, sent ${stats.sent}, completed ${stats.completed}`
      + ` (${stats.afterDown} sent after readiness DOWN, ${stats.afterDelayEnd} answered after the delay), failed ${stats.failures.length},`
      + ` SIGTERM to exit ${exit ? s(exit.at - sigtermAt) : '?'} s (exit code ${exit ? exit.code : '?'}),`
      + ` readiness DOWN ${downAt !== null ? s(downAt - sigtermAt) : '?'} s after SIGTERM and`
      + ` ${downAt !== null && closedAt !== null ? s(closedAt - downAt) : '?'} s before the listener closed,`
      + ` last answer ${exit ? s(exit.at - lastAnswerAt) : '?'} s before the exit`);
    for (const f of stats.failures.slice(0, 20)) console.error(`  FAILED ${f}`);
    process.exitCode = stats.failures.length > 0 ? 1 : 0;
  }
}

// ---------------------------------------------------------------------------------------------
async function verify() {
  const [base, , password, logFile, run, importWord] = args;
  const admin = { Authorization: auth(password) };
  const entries = fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const members = new Map();
  let importEntry = null;
  for (const e of entries) {
    if (e.op === 'create') members.set(e.id, { ...e });
    else if (e.op === 'patch') Object.assign(members.get(e.id), { headline: e.headline, version: e.version });
    else if (e.op === 'import') importEntry = e;
  }
  const failures = [];
  // The database: each acknowledged write as acknowledged.
  const list = [...members.values()];
  for (let i = 0; i < list.length; i += 8) {
    await Promise.all(list.slice(i, i + 8).map(async (m) => {
      const res = await request(base, 'GET', `/api/v1/members/${m.id}`, { headers: admin });
      if (res.status !== 200) failures.push(`member ${m.id}: ${res.status}`);
      else if (res.json.headline !== m.headline || res.json.version !== m.version) {
        failures.push(`member ${m.id}: headline ${JSON.stringify(res.json.headline)} version ${res.json.version},`
          + ` acknowledged ${JSON.stringify(m.headline)} version ${m.version}`);
      }
    }));
  }
  // The search, at once: every acknowledged member and nothing else.
  const searched = async (word) => {
    const ids = new Set();
    let total = 0;
    for (let page = 1; ; page++) {
      const res = await request(base, 'GET', `/api/v1/members?q=${word}&size=100&page=${page}&sort=name`);
      if (res.status !== 200) { failures.push(`search ${word}: ${res.status}`); break; }
      total = res.json.total;
      res.json.items.forEach((item) => ids.add(item.id));
      if (res.json.items.length < 100 || page * 100 >= 10000) break;
    }
    return { ids, total };
  };
  const found = await searched(run);
  const missing = list.filter((m) => !found.ids.has(m.id));
  if (missing.length > 0 || found.total !== list.length) {
    failures.push(`the search found ${found.total} of the ${list.length} acknowledged members at once`
      + (missing.length ? ` (missing ${missing.slice(0, 3).map((m) => m.name).join(', ')}…)` : ''));
  }
  let importLine = 'no import';
  if (importEntry) {
    const j = (await request(base, 'GET', importEntry.location, { headers: admin })).json;
    const imported = await request(base, 'GET', `/api/v1/members?q=${importWord}&size=1`);
    importLine = `import job ${j.status} after ${j.processed} of ${j.total} rows (${j.created} created), the search finds ${imported.json.total}`;
    if (!(j.status === 'failed' && String(j.note).startsWith('The service stopped during the import')) && j.status !== 'done') {
      failures.push(`import job ${j.status}: ${j.note}`);
    }
    if (imported.json.total !== j.created) failures.push(`the import created ${j.created} members, the search finds ${imported.json.total}`);
    if (j.created + j.updated + j.failed !== j.processed) failures.push(`the import's counts do not add up: ${JSON.stringify(j)}`);
  }
  console.log(`graceful: after the restart ${list.length} acknowledged members checked,`
    + ` the search found ${found.total} at once; ${importLine}; failed ${failures.length}`);
  for (const f of failures.slice(0, 20)) console.error(`  FAILED ${f}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (mode === 'load') await load();
else if (mode === 'verify') await verify();
else { console.error('usage: graceful-client.mjs load|verify ...'); process.exit(2); }
