-- wrk: GET one of the paths in the file BENCH_PATHS (one a line, picked at random per request)
-- with the bearer token BENCH_TOKEN.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "load-report"

local token = os.getenv("BENCH_TOKEN")
local paths = {}

function setup(thread)
  thread:set("thread_tag", tostring(math.random(1, 1e9)))
end

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(tonumber(thread_tag))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], {["Authorization"] = "Bearer " .. token})
end

done = report
