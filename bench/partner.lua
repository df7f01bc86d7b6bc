-- wrk script for bench/partner.sh: partner sites repeating popular searches.
--
--   wrk -t2 -c64 -d10s -s bench/partner.lua http://127.0.0.1:18090 -- MODE popular.tsv [tail.paths SHARE]
--
-- popular.tsv: one "path<TAB>etag" a line (the tags as the service gave them just before the run). MODE:
--   full        a popular path without If-None-Match: every request is a whole search;
--   revalidate  a popular path with its If-None-Match: what a partner's cache sends once max-age has passed;
--   partner     with probability SHARE a popular path with If-None-Match, else a path of tail.paths without:
--               popular queries from caches mixed with the long tail that nobody has cached.
-- Popular paths are drawn skewed (the first lines most often: line = floor(K^u), u uniform). Each thread
-- counts 200, 304 and anything else; done() prints one BENCH_RESULT line with them.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

local function lines(name)
   local out = {}
   local file = io.open(name, "r")
   if file == nil then
      error("partner.lua: cannot open " .. tostring(name))
   end
   for line in file:lines() do
      line = line:gsub("%s+$", "")
      if line ~= "" then
         out[#out + 1] = line
      end
   end
   file:close()
   return out
end

function init(args)
   mode = args[1]
   if mode ~= "full" and mode ~= "revalidate" and mode ~= "partner" then
      error("partner.lua: MODE must be full, revalidate or partner")
   end
   popular = {}
   for _, line in ipairs(lines(args[2])) do
      local path, etag = line:match("^([^\t]+)\t(.+)$")
      if path == nil then
         error("partner.lua: not path<TAB>etag: " .. line)
      end
      popular[#popular + 1] = { path = path, etag = etag }
   end
   tail = mode == "partner" and lines(args[3]) or {}
   share = tonumber(args[4] or "0.8")
   math.randomseed(os.time() * 1000 + (id or 0) * 7919)
   for _ = 1, 10 do math.random() end
   ok, notmodified, other = 0, 0, 0
   statuses = {}
   wrk.headers["Accept"] = "application/json"
end

local function pick()
   return popular[math.max(1, math.min(#popular, math.floor((#popular) ^ math.random())))]
end

function request()
   if mode == "full" then
      return wrk.format("GET", pick().path)
   end
   if mode == "partner" and math.random() >= share then
      return wrk.format("GET", tail[math.random(#tail)])
   end
   local entry = pick()
   return wrk.format("GET", entry.path, { ["If-None-Match"] = entry.etag })
end

function response(status, headers, body)
   if status == 200 then
      ok = ok + 1
   elseif status == 304 then
      notmodified = notmodified + 1
   else
      other = other + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
   end
end

function done(summary, latency, requests)
   local s200, s304, sother = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      s200 = s200 + (thread:get("ok") or 0)
      s304 = s304 + (thread:get("notmodified") or 0)
      sother = sother + (thread:get("other") or 0)
      for code, n in pairs(thread:get("statuses") or {}) do
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
   local answered = math.max(1, s200 + s304 + sother)
   io.write(string.format("BENCH_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f s200=%d s304=%d"
      .. " other=%d share304=%.3f socket=%d statuses=%s\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, s200, s304, sother, s304 / answered,
      e.connect + e.read + e.write + e.timeout, (#codes > 0 and table.concat(codes, ",") or "-")))
end
