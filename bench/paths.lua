-- wrk script: sends a random path from a paths file (one URL-encoded path a line) with every request,
-- counts every response that is not 2xx, and ends with one machine-readable BENCH_RESULT line.
--
--   wrk -t2 -c16 -d20s --latency -s bench/paths.lua http://127.0.0.1:18090 -- /tmp/paths/text.paths
--   BENCH_PATHS=/tmp/paths/text.paths wrk -t2 -c16 -d20s -s bench/paths.lua http://127.0.0.1:18090
--
-- Each thread has its own random sequence (seeded with the time and the thread's number), so threads do
-- not send the same paths in lockstep. Non-2xx responses are counted here (the response hook), per status,
-- and reported by done(); wrk's own "Non-2xx" line only appears when there are some, and is easy to miss.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

function init(args)
   local name = args[1] or os.getenv("BENCH_PATHS")
   if name == nil or name == "" then
      error("paths.lua: name the paths file as the script argument (-- file) or in BENCH_PATHS")
   end
   paths = {}
   local file = io.open(name, "r")
   if file == nil then
      error("paths.lua: cannot open " .. name)
   end
   for line in file:lines() do
      line = line:gsub("%s+$", "")
      if line ~= "" then
         paths[#paths + 1] = line
      end
   end
   file:close()
   if #paths == 0 then
      error("paths.lua: no paths in " .. name)
   end
   math.randomseed(os.time() * 1000 + (id or 0) * 7919)
   for _ = 1, 10 do math.random() end  -- the first values after seeding are poorly mixed in some Luas
   non2xx = 0
   statuses = {}
   wrk.headers["Accept"] = "application/json"
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
      local s = thread:get("statuses") or {}
      for code, n in pairs(s) do
         by_status[code] = (by_status[code] or 0) + n
      end
   end
   local codes = {}
   for code, n in pairs(by_status) do
      codes[#codes + 1] = code .. ":" .. n
   end
   table.sort(codes)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   if bad > 0 then
      io.write(string.format("WARNING: %d of %d responses were not 2xx (%s)\n", bad, summary.requests,
         table.concat(codes, ",")))
   end
   io.write(string.format("BENCH_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
      .. " max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d statuses=%s\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad,
      e.connect, e.read, e.write, e.timeout, (#codes > 0 and table.concat(codes, ",") or "-")))
end
