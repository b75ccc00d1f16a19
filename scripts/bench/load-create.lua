-- wrk: a new phone complaint per request, from one of the 100,000 generated customers (found by
-- phone, as the call centre does) about one of the generated properties, each request with its
-- own Idempotency-Key. Environment: BENCH_TOKEN, BENCH_PROPERTIES (a file of property ids).
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require "load-report"

local token = os.getenv("BENCH_TOKEN")
local properties = {}
local counter = 0

function setup(thread)
  thread:set("thread_tag", tostring(math.random(1, 1e9)))
end

function init(args)
  for line in io.lines(os.getenv("BENCH_PROPERTIES")) do
    properties[#properties + 1] = line
  end
  math.randomseed(tonumber(thread_tag))
end

function request()
  counter = counter + 1
  local customer = math.random(0, 99999)
  local body = string.format(
    '{"kind":"complaint","channel":"phone","severity":"normal","property_id":"%s",' ..
    '"customer":{"name":"客户%d","phone":"139%08d"},' ..
    '"title":"楼上噪音扰民","description":"基准测试：夜间施工噪音，请尽快处理。第%d号"}',
    properties[math.random(#properties)], customer, customer, counter)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. thread_tag .. "-" .. counter,
  }
  return wrk.format("POST", "/api/v1/cases", headers, body)
end

done = report
