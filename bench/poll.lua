-- wrk script: each request polls the next group of bench-0 … bench-(BENCH_GROUPS-1), in a different
-- order per thread, with the token in $TOKEN. The same script drives the real server and the bare
-- baseline, so both pay the same client-side cost.
local token = os.getenv("TOKEN") or "none"
local groups = tonumber(os.getenv("BENCH_GROUPS") or "10000")
local threads = 0
local counter = 0

function setup(thread)
  thread:set("offset", threads * 1009)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local group = (counter * 7919 + offset) % groups
  return wrk.format("GET", "/api/v1/groups/bench-" .. group .. "/suggestion",
    { ["Authorization"] = "Bearer " .. token })
end
