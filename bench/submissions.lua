-- wrk script: scored questionnaire submissions, a realistic mix (NRS, ODI, PEG, PROMIS PI), each with a distinct
-- Idempotency-Key, spread over the patients of one clinic (registered in intake by bench/patients.py: outcomes refuses
-- pseudonyms intake never issued).
-- Arguments (after --): clinicId token patientsFile (one pseudonym a line)
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

local bodies = {
  '{"instrumentCode":"NRS_BACK_PAIN","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"back_pain_nrs":6}}',
  '{"instrumentCode":"NRS_BACK_PAIN","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"back_pain_nrs":3}}',
  '{"instrumentCode":"ODI","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"odi_01_pain_intensity":3,"odi_02_personal_care":2,"odi_03_lifting":4,"odi_04_walking":3,"odi_05_sitting":3,"odi_06_standing":4,"odi_07_sleeping":2,"odi_08_sex_life":null,"odi_09_social_life":5,"odi_10_travelling":4}}',
  '{"instrumentCode":"PEG","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"peg_pain":5,"peg_enjoyment":4,"peg_general_activity":2}}',
  '{"instrumentCode":"PROMIS_PI_4A","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"PAININ9":3,"PAININ22":2,"PAININ31":4,"PAININ34":3}}',
}

local clinic, token, patients, run_id, counter = nil, nil, {}, nil, 0

function init(args)
  clinic, token = args[1], args[2]
  math.randomseed(os.time() * 1000 + tid * 7919)
  for line in io.lines(args[3]) do patients[#patients + 1] = line end
  run_id = uuid()
end

function request()
  counter = counter + 1
  local patient = patients[math.random(#patients)]
  local path = "/api/v1/outcomes/clinics/" .. clinic .. "/patients/" .. patient .. "/assessments"
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = run_id .. "-" .. counter,
  }
  return wrk.format("POST", path, headers, bodies[math.random(#bodies)])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, errors))
end
