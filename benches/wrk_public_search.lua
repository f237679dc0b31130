-- wrk script: uncached public search pages, as `http_load`'s public phase
-- sends them (two evaluation queries joined, alternating /cy/chwilio and
-- /en/search), from a C client that takes less CPU from the server.
-- Run from the repository root, against a server started with a high
-- CANLLAW_PUBLIC_SEARCHES_PER_MINUTE (every request comes from loopback):
--
--   wrk -t2 -c100 -d20s --latency -s benches/wrk_public_search.lua http://127.0.0.1:8080

local queries = {}
for _, file in ipairs({ "dev", "extra", "realworld" }) do
  for line in io.lines("tests/eval/" .. file .. ".tsv") do
    local query = line:match("^[^#][^\t]*\t([^\t]+)")
    if query then
      queries[#queries + 1] = query
    end
  end
end
local n = #queries
local threads = 0
local counter = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  -- Each thread walks its own part of the pairs.
  counter = id * 1000003
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function request()
  counter = counter + 1
  local k = counter
  local q = queries[(k % n) + 1] .. " " .. queries[(math.floor(k / n) % n) + 1]
  local path = (k % 2 == 0) and "/cy/chwilio" or "/en/search"
  return wrk.format("GET", path .. "?q=" .. encode(q))
end
