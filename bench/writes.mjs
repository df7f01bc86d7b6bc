// Write load for bench/writes.sh: WRITERS concurrent writers, each creating members one request at a time
// (POST /api/v1/members as the admin, keep-alive) for SECONDS; prints one JSON line:
// {"creates": N, "seconds": S, "perSecond": R, "errors": E, "p50ms": .., "p99ms": ..}.
//   node bench/writes.mjs BASE USER PASSWORD WRITERS SECONDS [PREFIX]
import http from 'node:http';

const [base, user, password, writersArg, secondsArg, prefix = 'Bench'] = process.argv.slice(2);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const auth = 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
const writers = Number(writersArg);
const until = Date.now() + Number(secondsArg) * 1000;

function post(body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    const req = http.request({
      host: url.hostname, port: url.port, path: '/api/v1/members', method: 'POST', agent,
      headers: { Authorization: auth, 'Content-Type': 'application/json', 'Content-Length': data.length },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); res.on('error', reject); });
    req.on('error', reject);
    req.end(data);
  });
}

/** Letters only, so that every name is a new word and gets its own slug at the first try. */
function letters(n) {
  let s = '';
  do { s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } while (n > 0);
  return s;
}

let creates = 0;
let errors = 0;
const latencies = [];
const started = Date.now();
await Promise.all(Array.from({ length: writers }, async (_, w) => {
  for (let n = 0; Date.now() < until; n++) {
    const sent = process.hrtime.bigint();
    const status = await post({
      name: `${prefix} ${letters(w)}x${letters(n)}`, type: 'freelancer', municipality: '2581',
      skills: ['photography'], headline: 'Benchmark member',
    }).catch(() => 0);
    latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    if (status === 201) creates++; else errors++;
  }
}));
const seconds = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : 0);
console.log(JSON.stringify({
  creates, seconds, perSecond: Math.round((creates / seconds) * 10) / 10, errors,
  p50ms: Math.round(at(0.5) * 10) / 10, p99ms: Math.round(at(0.99) * 10) / 10,
}));
agent.destroy();
