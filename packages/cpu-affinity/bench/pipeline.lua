-- 16 requests per write, as TechEmpower's plaintext test pipelines: the server, not wrk, becomes the bottleneck.
init = function(args)
  local requests = {}
  for i = 1, 16 do
    requests[i] = wrk.format()
  end
  batch = table.concat(requests)
end
request = function()
  return batch
end
