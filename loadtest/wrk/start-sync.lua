-- wrk script: StartSyncExecution over AWS JSON 1.0, as the AWS SDKs send it (POST /, X-Amz-Target).
--
--   wrk -t1 -c16 -d10s --latency -s loadtest/wrk/start-sync.lua http://127.0.0.1:8083/ [-- MACHINE [ARN_PREFIX]]
--
-- MACHINE: "pass" (default), a one-state Pass machine named pass, started with a small input; or
-- "order", the reference order workflow (shared/bench) on its input. ARN_PREFIX: the region and
-- account of the server (default arn:aws:states:us-east-1:123456789012, Quickstep's default account).
-- No execution name is sent: the server makes one per execution, as AWS does.
--
-- done() prints lines starting "quickstep:" that bench.sh reads: requests/s, latency percentiles
-- in microseconds (with p99.9, which --latency does not print) and the errors.

local inputs = {
  pass = '{"hello":"world"}',
  -- A copy of shared/bench/order-input.json.
  order = '{"orderId":"o-1","customer":{"id":"c-9","email":"a@b.c"},"amount":42.5,'
      .. '"items":[{"sku":"s1","qty":2},{"sku":"s2","qty":1}]}',
}

-- JSON text as a JSON string member: AWS JSON 1.0 carries the input that way.
local function json_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

-- wrk calls init in each thread before it builds the (then fixed) request from wrk.method,
-- wrk.headers and wrk.body, so the body can depend on the script's arguments.
function init(args)
  local machine = args[1] or "pass"
  local prefix = args[2] or "arn:aws:states:us-east-1:123456789012"
  local input = inputs[machine]
  if input == nil then
    error("unknown machine " .. machine .. ": pass or order")
  end
  wrk.method = "POST"
  wrk.path = "/"
  wrk.headers["X-Amz-Target"] = "AWSStepFunctions.StartSyncExecution"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.body = '{"stateMachineArn":"' .. prefix .. ':stateMachine:' .. machine .. '","input":'
      .. json_string(input) .. '}'
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("quickstep: requests/s %.1f\n", summary.requests / seconds))
  io.write(string.format("quickstep: latency_us p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f\n",
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max))
  io.write(string.format("quickstep: errors non2xx %d connect %d read %d write %d timeout %d\n",
      e.status, e.connect, e.read, e.write, e.timeout))
end
