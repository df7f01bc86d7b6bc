// The client side of .ci/cluster-check.sh: two instances of the service on one PostgreSQL.
//   node .ci/cluster-client.mjs logins   A B PASSWORD MAX        failed logins split over A and B are counted together
//   node .ci/cluster-client.mjs blocked  A PASSWORD              the pair blocked by `logins` is still blocked on A
//   node .ci/cluster-client.mjs requests A B LIMIT               public requests split over A and B share one limit
//   node .ci/cluster-client.mjs converge A B PASSWORD N PREFIX   N creates on A, each timed until B's search finds it
//   node .ci/cluster-client.mjs writes   A PASSWORD N PREFIX     N creates and N/4 deletes on A; prints the survivors
//   node .ci/cluster-client.mjs agree    A B PREFIX COUNT         both searches find the same COUNT members of PREFIX (within 15 s)
// A and B are base URLs (http://127.0.0.1:PORT). Each command prints one JSON line and exits 1 when the check fails.
import http from 'node:http';

const agents = new Map();
/** A keep-alive agent per local address: connections from 127.0.0.x count as that client. */
function agentFrom(from) {
  if (!agents.has(from)) agents.set(from, new http.Agent({ keepAlive: true, maxSockets: 16, localAddress: from }));
  return agents.get(from);
}

/** from: the local address to call from (127.0.0.x): the service counts each as a client of its own. */
function request(base, method, path, { user, password, body, headers = {}, from } = {}) {
  const url = new URL(path, base);
  const data = body === undefined ? null : Buffer.from(JSON.stringify(body), 'utf8');
  const all = { ...headers };
  if (user !== undefined) all.Authorization = 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  if (data) Object.assign(all, { 'Content-Type': 'application/json', 'Content-Length': data.length });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: all,
      agent: agentFrom(from ?? '127.0.0.1') },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
        res.on('error', reject);
      });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** Letters only: every name is a new word of its own for the search. */
function letters(n) {
  let s = '';
  do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0);
  return s;
}

function finish(result, ok) {
  console.log(JSON.stringify({ ok, ...result }));
  process.exit(ok ? 0 : 1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };

async function create(base, password, name) {
  const res = await request(base, 'POST', '/api/v1/members', {
    user: 'admin', password,
    body: { name, type: 'freelancer', municipality: '2581', skills: ['photography'], headline: 'Cluster check member' },
  });
  if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json;
}

/** The search, with a partner key when given (its own limit, not the public one that the checks keep low). */
async function found(base, word, key) {
  const res = await request(base, 'GET', `/api/v1/members?q=${encodeURIComponent(word)}&size=100`,
    key ? { headers: { 'X-Api-Key': key } } : {});
  if (res.status !== 200) throw new Error(`search ${word}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json;
}

/** The clients of the limit checks: addresses of their own, so that the other checks are not held back. */
const LOGINS_FROM = '127.0.0.3';
const REQUESTS_FROM = '127.0.0.2';

const [command, ...args] = process.argv.slice(2);

if (command === 'logins') {
  // One user name from one client (both instances see 127.0.0.1): MAX - 1 failures alternate over A and B and are
  // answered 401; the MAX-th, on B, spends the pair's limit (429); then even the right password is refused on A.
  const [a, b, password, maxArg] = args;
  const max = Number(maxArg);
  const statuses = [];
  for (let i = 1; i <= max; i++) {
    const res = await request(i % 2 ? a : b, 'GET', '/api/v1/accounts?size=1',
      { user: 'admin', password: `wrong-${i}`, from: LOGINS_FROM });
    statuses.push(res.status);
  }
  const right = await request(a, 'GET', '/api/v1/accounts?size=1', { user: 'admin', password, from: LOGINS_FROM });
  const ok = statuses.slice(0, max - 1).every((s) => s === 401) && statuses[max - 1] === 429 && right.status === 429;
  finish({ check: 'logins', failures: max, statuses: statuses.join(','), rightPasswordAfter: right.status,
    retryAfter: right.headers['retry-after'] }, ok);
} else if (command === 'blocked') {
  const [a, password] = args;
  const right = await request(a, 'GET', '/api/v1/accounts?size=1', { user: 'admin', password, from: LOGINS_FROM });
  finish({ check: 'blocked', rightPassword: right.status, retryAfter: right.headers['retry-after'] }, right.status === 429);
} else if (command === 'requests') {
  // Public requests from one client alternate over A and B until the first 429. One shared bucket answers LIMIT,
  // plus what refills meanwhile (LIMIT a minute); two buckets of their own would answer twice as many. Then both
  // instances refuse the client.
  const [a, b, limitArg] = args;
  const limit = Number(limitArg);
  const get = (base) => request(base, 'GET', '/api/v1/skills', { from: REQUESTS_FROM });
  const started = Date.now();
  let answered = 0;
  for (let i = 0; i < 3 * limit; i++) {
    const res = await get(i % 2 ? b : a);
    if (res.status === 429) break;
    if (res.status !== 200) finish({ check: 'requests', unexpected: res.status, body: res.text.slice(0, 300) }, false);
    answered++;
  }
  const seconds = (Date.now() - started) / 1000;
  const refilled = Math.ceil(limit * seconds / 60);
  const [overA, overB] = [await get(a), await get(b)];
  const ok = answered >= limit && answered <= limit + refilled && overA.status === 429 && overB.status === 429;
  finish({ check: 'requests', limit, answered, seconds, refilledAtMost: refilled, next: [overA.status, overB.status] }, ok);
} else if (command === 'converge') {
  // Each create on A, then B's search polled every 10 ms until it finds the new name: the time from A's answer.
  const [a, b, password, nArg, prefix] = args;
  // A partner key made on A, for B's polling: B knows it after its next refresh of the keys.
  const made = await request(a, 'POST', '/api/v1/partner-keys', { user: 'admin', password,
    body: { name: 'Cluster check', contact: 'ci@example.org', requestsPerMinute: 1000000, origins: [] } });
  if (made.status !== 201) finish({ check: 'converge', partnerKey: made.status, body: made.text.slice(0, 300) }, false);
  const key = made.json.key;
  for (const since = Date.now(); (await found(b, prefix, key).catch(() => null)) === null;) {
    if (Date.now() - since > 60_000) finish({ check: 'converge', partnerKeyOnB: 'not known after 60 s' }, false);
    await sleep(100);
  }
  const times = [];
  for (let i = 0; i < Number(nArg); i++) {
    const word = `${prefix}${letters(i)}`;
    const member = await create(a, password, `${prefix} ${word}`);
    const created = Date.now();
    for (;;) {
      // By id: the search is typo-tolerant, so the word also finds the members one letter away.
      if ((await found(b, word, key)).items.some((m) => m.id === member.id)) break;
      if (Date.now() - created > 30_000) finish({ check: 'converge', failedAt: word, after: times.length }, false);
      await sleep(10);
    }
    times.push(Date.now() - created);
  }
  finish({ check: 'converge', writes: times.length, medianMs: median(times), worstMs: Math.max(...times) }, true);
} else if (command === 'writes') {
  // Creates N members on A and deletes every fourth: what B must find after its restart.
  const [a, password, nArg, prefix] = args;
  let deleted = 0;
  for (let i = 0; i < Number(nArg); i++) {
    const member = await create(a, password, `${prefix} ${prefix}${letters(i)}`);
    if (i % 4 === 3) {
      const res = await request(a, 'DELETE', `/api/v1/members/${member.id}`, { user: 'admin', password });
      if (res.status !== 204) finish({ check: 'writes', deleteStatus: res.status, body: res.text.slice(0, 300) }, false);
      deleted++;
    }
  }
  finish({ check: 'writes', created: Number(nArg), deleted, kept: Number(nArg) - deleted }, true);
} else if (command === 'agree') {
  // Both instances' searches find the same COUNT members whose names hold PREFIX.
  // The writes may have been made a moment ago on one of them: the other's index follows within its poll interval
  // (1 s), so they are given up to 15 s to agree.
  const [a, b, prefix, countArg] = args;
  const count = Number(countArg);
  const ids = (page) => page.items.map((m) => m.id).sort().join(',');
  const started = Date.now();
  for (;;) {
    const [onA, onB] = [await found(a, prefix), await found(b, prefix)];
    const ok = onA.total === count && onB.total === count && ids(onA) === ids(onB);
    if (ok || Date.now() - started > 15_000) {
      finish({ check: 'agree', expected: count, onA: onA.total, onB: onB.total, sameMembers: ids(onA) === ids(onB),
        afterMs: Date.now() - started }, ok);
    }
    await sleep(200);
  }
} else {
  console.error('usage: see the head of this file');
  process.exit(2);
}
