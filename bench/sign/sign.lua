-- wrk script for bench/sign: each request posts the next prepared form body, from a
-- different client address (X-Forwarded-For, honoured from the trusted loopback proxy).
-- Arguments: the bodies file, wrk's thread count, and optionally the number of the first
-- address, so that runs one after the other come from other addresses (the per-address
-- limits of signing would otherwise refuse the second run's).
local bodies = {}
local next_index = 1
local counter = 0
local offset = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function init(args)
  local threads = tonumber(args[2])
  offset = tonumber(args[3] or "0")
  local index = 0
  for line in io.lines(args[1]) do
    if index % threads == thread_id - 1 then bodies[#bodies + 1] = line end
    index = index + 1
  end
end

function request()
  if next_index > #bodies then next_index = 1 end
  local body = bodies[next_index]
  local n = (next_index + offset) * 7919 + thread_id
  next_index = next_index + 1
  local ip = string.format("10.%d.%d.%d", n % 250, math.floor(n / 250) % 250,
                           math.floor(n / 62500) % 250 + 1)
  return wrk.format("POST", "/petitions/bench/sign", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = ip,
    -- A browser's, as the crowd measured here sends: wrk sends none, and the detector
    -- rightly takes a signer without one for a script and opens an incident.
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  }, body)
end
