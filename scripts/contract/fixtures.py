#!/usr/bin/env python3
"""Specmatic examples for the operations whose success depends on the service's state.

Specmatic's generative tests replay many variants of each request. That is right for reads and for the negative
tests, but a successful write of these operations can happen only once, or needs a rule OpenAPI cannot state:
an ETag read just before (If-Match), a session not yet cancelled, one open episode per patient, a licence number no
other practitioner of the clinic has, answers that fit the instrument named in the same body. Generating variants of
their success would test the fuzzer, not the service. So contract-test.sh runs two passes:

  generative  every operation, every variant, positive and negative, except the successes listed below;
  examples    exactly those successes, once each, from a request this script builds on objects it has just created
              through the API (a new patient, a draft, the current ETag), checked against the document as usual.

It also writes the dictionary both passes use: real ids for path and query parameters (otherwise every positive
test would be a 404). Only ids: Specmatic 2.55 puts a dictionary value back over its own mutation of that field, so
a negative test of a field in the dictionary sends a valid request (a body field such as timeZone is therefore left
out; an operation whose rule needs a chosen value goes to the examples instead).

Usage:
  fixtures.py filter SERVICE              the Specmatic filter selecting the example-only successes
  fixtures.py dictionary SERVICE FILE     write the Specmatic dictionary (reads ids through the running service)
  fixtures.py examples SERVICE DIRECTORY  create the fixtures through the running service and write the examples
  fixtures.py review LOG DICTIONARY       list the failed tests of a Specmatic log; exit 1 if any is a real failure
Environment (dictionary, examples): SERVICE_URL, CONTRACT_TOKEN, and the demo data's ids (CLINIC_ID, ...).
"""
import datetime
import json
import os
import re
import sys
import urllib.error
import urllib.request
import uuid

INTAKE = "/api/v1/intake/clinics/{clinicId}"
OUTCOMES = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}"

# (method, path template, status, why generated variants cannot all succeed)
EXAMPLE_ONLY = {
    "intake-service": [
        ("POST", "/api/v1/intake/clinics", 201, "the time zone must be a real IANA zone name"),
        ("POST", INTAKE + "/practitioners", 201, "licence numbers are unique within a clinic"),
        ("PUT", INTAKE + "/practitioners/{practitionerId}", 200, "needs the current ETag in If-Match"),
        ("POST", INTAKE + "/patients", 201, "identifiers are unique within a clinic"),
        ("PUT", INTAKE + "/patients/{patientId}", 200, "needs the current ETag in If-Match"),
        ("POST", INTAKE + "/patients/{patientId}/consents/{consentId}/withdrawal", 200, "a consent is withdrawn once"),
        ("POST", INTAKE + "/patients/{patientId}/intake-assessments", 201,
         "onset date, pain duration and pain sites must agree with each other"),
        ("POST", INTAKE + "/patients/{patientId}/intake-assessments/{assessmentId}/red-flag-acknowledgement", 200,
         "needs an assessment with a red flag, acknowledged once"),
        ("POST", INTAKE + "/patients/{patientId}/episodes", 201, "one planned or active episode per patient"),
        ("PUT", INTAKE + "/patients/{patientId}/episodes/{episodeId}", 200, "needs the current ETag in If-Match"),
        ("POST", INTAKE + "/patients/{patientId}/episodes/{episodeId}/transitions", 200,
         "the episode state machine, and a reason only when closing"),
        ("POST", INTAKE + "/episodes/{episodeId}/sessions", 201,
         "points from the WHO catalogue, stimulation details that match the stimulation"),
        ("POST", INTAKE + "/episodes/{episodeId}/sessions/{sessionId}/cancellation", 200,
         "a session is cancelled once"),
        ("POST", INTAKE + "/episodes/{episodeId}/sessions/{sessionId}/adverse-events", 201,
         "an event of type OTHER needs a description"),
        ("GET", "/api/v1/intake/acupoints/{code}", 200,
         "the code must name a point of the WHO catalogue (any other code of the declared length is a 404)"),
    ],
    "outcomes-service": [
        ("POST", OUTCOMES + "/assessments", 201, "answers must fit the instrument named in the same body"),
        ("POST", OUTCOMES + "/assessments", 200, "a replay of an earlier submission with the same Idempotency-Key"),
        ("PUT", OUTCOMES + "/assessments/{assessmentId}", 200, "completes a draft, with its current ETag"),
        ("GET", "/api/v1/outcomes/research/aggregates", 200,
         "instrumentVersion must be a version of the instrument; and the optional filters' combinations run to"
         " tens of thousands"),
        ("GET", "/api/v1/outcomes/research/exports/assessments", 200,
         "format picks the media type, and since is a cursor the service issued (or an instant)"),
        ("GET", "/api/v1/outcomes/instruments/{code}", 200,
         "the code must name an instrument of the catalogue (any other code of the declared length is a 404)"),
        ("GET", "/api/v1/outcomes/instruments/{code}/versions/{version}", 200,
         "the code must name an instrument of the catalogue and the version one of its versions"),
    ],
}


def specmatic_filter(service):
    """Selects the example-only successes; the generative pass runs its negation."""
    return " || ".join(f"(METHOD='{m}' && PATH='{p}' && STATUS='{s}')" for m, p, s, _ in EXAMPLE_ONLY[service])


class Api:
    def __init__(self, base, token):
        self.base, self.token = base.rstrip("/"), token

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raise SystemExit(f"fixture {method} {path} answered {error.code}: {error.read().decode()}") from None

    def post(self, path, body, headers=None):
        return self.call("POST", path, body, headers)[2]

    def etag(self, path):
        return self.call("GET", path)[1]["ETag"]


def today(days=0):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def moment(days=0, hours=0):
    at = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    return (at + datetime.timedelta(days=days, hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Writer:
    def __init__(self, directory, api):
        self.directory, self.api, self.written = directory, api, []

    def example(self, name, method, path, body=None, headers=None, status=200, sample=None, response_headers=None):
        """Writes one example; the response body is the one of a real answer, read now, for Specmatic's schema check."""
        request = {"method": method, "path": path, "headers": dict(headers or {})}
        if body is not None:
            request["body"] = body
            request["headers"]["Content-Type"] = "application/json"
        # A response of the right shape (Specmatic checks the real answer against the schema, not these values):
        # the caller's, or for an update or a read the object as it is now.
        response = self.api.call("GET", path)[2] if sample is None else sample
        example = {"http-request": request, "http-response": {"status": status, "body": response}}
        if response_headers:
            example["http-response"]["headers"] = response_headers
        with open(os.path.join(self.directory, name + ".json"), "w") as out:
            json.dump(example, out, indent=2)
        self.written.append(name)



def intake_examples(writer, api, ids):
    clinic = ids["CLINIC_ID"]
    practitioner = ids["PRACTITIONER_1_ID"]
    base = f"/api/v1/intake/clinics/{clinic}"
    run = uuid.uuid4().hex[:8]
    counter = iter(range(1, 100))

    def patient():
        body = {"givenName": "Contract", "familyName": f"Fixture {run}", "dateOfBirth": "1970-05-17", "sex": "FEMALE",
                "identifiers": [{"type": "MRN", "system": "https://ehr.harbour-health.example/mrn",
                                 "value": f"CT-{run}-{next(counter)}"}]}
        return api.post(base + "/patients", body)

    def consented_patient():
        p = patient()
        api.post(f"{base}/patients/{p['id']}/consents", {"kind": "TREATMENT", "documentVersion": "2026-03",
                                                         "givenAt": moment(-3)})
        return p

    def assessment_body(cancer=False):
        return {"assessedOn": today(-2), "assessedBy": practitioner, "painSites": ["LOW_BACK"],
                "painDurationMonths": 9, "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY",
                "redFlags": {"saddleAnaesthesiaOrBladderBowelChange": False, "fever": False, "majorTrauma": False,
                             "historyOfCancer": cancer, "unexplainedWeightLoss": False,
                             "progressiveNeurologicalDeficit": False},
                "analgesics": [{"drugClass": "NSAID", "daysPerWeek": 3, "name": "Ibuprofen 400 mg"}],
                "priorTreatments": ["PHYSIOTHERAPY"], "workStatus": "WORKING_FULL_TIME"}

    def assessed_patient():
        p = consented_patient()
        api.post(f"{base}/patients/{p['id']}/intake-assessments", assessment_body())
        return p

    def episode_body():
        return {"startDate": today(-1), "plannedSessions": 8, "goals": "Reduce back pain to 3/10 or less"}

    def planned_episode():
        p = assessed_patient()
        return p, api.post(f"{base}/patients/{p['id']}/episodes", episode_body())

    session_body = {"startedAt": moment(-1), "practitionerId": practitioner, "style": "TRADITIONAL_CHINESE",
                    "points": [{"code": "BL23", "side": "BILATERAL", "depthMm": 25},
                               {"code": "GV4", "side": "MIDLINE", "depthMm": 15}],
                    "needleCount": 3, "deQiElicited": True, "stimulation": "ELECTRO", "electroFrequencyHz": 2,
                    "retentionMinutes": 20, "needleType": {"diameterMm": 0.25, "lengthMm": 40,
                                                           "material": "STAINLESS_STEEL"}}

    sample = api.call("GET", base)[2]
    writer.example("register-clinic", "POST", "/api/v1/intake/clinics",
                   {"name": f"Contract Clinic {run}", "timeZone": "Europe/Lisbon", "contactPhone": "+351 21 000 0000"},
                   status=201, sample=sample)

    practitioner_body = {"givenName": "Ada", "familyName": "Contract", "licenceNumber": f"CT-{run}",
                         "profession": "ACUPUNCTURIST", "yearsInAcupuncturePractice": 4}
    first_practitioner = f"{base}/practitioners/{practitioner}"
    sample = api.call("GET", first_practitioner)[2]
    writer.example("register-practitioner", "POST", base + "/practitioners", practitioner_body, status=201,
                   sample=sample)

    other = f"{base}/practitioners/{ids['PRACTITIONER_2_ID']}"
    current = api.call("GET", other)[2]
    replacement = {k: current[k] for k in ("givenName", "familyName", "licenceNumber", "profession")}
    replacement["qualifications"] = "MSc Physiotherapy; AACP accredited"
    writer.example("replace-practitioner", "PUT", other, replacement, {"If-Match": api.etag(other)})

    p = patient()
    path = f"{base}/patients/{p['id']}"
    writer.example("register-patient", "POST", base + "/patients",
                   {"givenName": "Rosa", "familyName": "Contract", "dateOfBirth": "1981-02-03", "sex": "FEMALE",
                    "email": "rosa.contract@mail.example",
                    "identifiers": [{"type": "MRN", "system": "https://ehr.harbour-health.example/mrn",
                                     "value": f"CT-{run}-new"}]}, status=201, sample=p)
    writer.example("replace-patient", "PUT", path,
                   {"givenName": "Contract", "familyName": f"Fixture {run}", "dateOfBirth": "1970-05-17",
                    "sex": "FEMALE", "phone": "+44 7700 900999", "identifiers": p["identifiers"]},
                   {"If-Match": api.etag(path)})

    p = patient()
    consent = api.post(f"{base}/patients/{p['id']}/consents", {"kind": "RESEARCH", "documentVersion": "2026-03"})
    path = f"{base}/patients/{p['id']}/consents/{consent['id']}"
    writer.example("withdraw-consent", "POST", path + "/withdrawal", {"reason": "No longer wishes to take part"},
                   sample=consent)

    p = consented_patient()
    path = f"{base}/patients/{p['id']}/intake-assessments"
    sample = api.post(f"{base}/patients/{consented_patient()['id']}/intake-assessments",
                                              assessment_body())
    writer.example("record-intake-assessment", "POST", path, assessment_body(), status=201, sample=sample)

    p = consented_patient()
    flagged = api.post(f"{base}/patients/{p['id']}/intake-assessments", assessment_body(cancer=True))
    path = f"{base}/patients/{p['id']}/intake-assessments/{flagged['id']}/red-flag-acknowledgement"
    writer.example("acknowledge-red-flag", "POST", path,
                   {"practitionerId": practitioner, "note": "Cancer treated 2014, in remission; cleared by the GP"},
                   sample=flagged)

    p = assessed_patient()
    path = f"{base}/patients/{p['id']}/episodes"
    _, other_episode = planned_episode()
    writer.example("plan-episode", "POST", path, episode_body(), status=201, sample=other_episode)

    p, episode = planned_episode()
    path = f"{base}/patients/{p['id']}/episodes/{episode['id']}"
    writer.example("replace-episode", "PUT", path, {"startDate": today(-1), "plannedSessions": 10,
                                                    "goals": "Walk 30 minutes without leg pain"},
                   {"If-Match": api.etag(path)})

    p, episode = planned_episode()
    path = f"{base}/patients/{p['id']}/episodes/{episode['id']}"
    writer.example("discontinue-episode", "POST", path + "/transitions",
                   {"status": "DISCONTINUED", "reason": "PATIENT_CHOICE", "note": "Moved away"},
                   {"If-Match": api.etag(path)}, sample=episode)

    _, episode = planned_episode()
    path = f"{base}/episodes/{episode['id']}/sessions"
    _, other_episode = planned_episode()
    sample = api.post(f"{base}/episodes/{other_episode['id']}/sessions", session_body)
    writer.example("record-session", "POST", path, session_body, status=201, sample=sample)

    _, episode = planned_episode()
    session = api.post(f"{base}/episodes/{episode['id']}/sessions", session_body)
    path = f"{base}/episodes/{episode['id']}/sessions/{session['id']}"
    writer.example("cancel-session", "POST", path + "/cancellation",
                   {"reason": "RECORDED_IN_ERROR", "note": "Entered for the wrong patient"},
                   {"If-Match": api.etag(path)}, sample=session)

    _, episode = planned_episode()
    session = api.post(f"{base}/episodes/{episode['id']}/sessions", session_body)
    events = f"{base}/episodes/{episode['id']}/sessions/{session['id']}/adverse-events"
    sample = api.post(events, {"type": "BRUISING", "severity": "MILD", "serious": False})
    writer.example("get-acupoint", "GET", "/api/v1/intake/acupoints/BL23")
    writer.example("record-adverse-event", "POST", events,
                   {"type": "OTHER", "severity": "MILD", "serious": False, "description": "Light-headed for 10 minutes",
                    "actionTaken": "Lay down, water, observed until recovered"}, status=201, sample=sample)


def outcomes_examples(writer, api, ids):
    writer.example("get-instrument", "GET", "/api/v1/outcomes/instruments/ODI")
    writer.example("get-instrument-version", "GET", "/api/v1/outcomes/instruments/ODI/versions/2.1a")
    clinic, pseudonym = ids["CLINIC_ID"], ids["PATIENT_3_PSEUDONYM_ID"]
    base = f"/api/v1/outcomes/clinics/{clinic}/patients/{pseudonym}/assessments"
    run = uuid.uuid4().hex[:8]
    nrs = {"instrumentCode": "NRS_BACK_PAIN", "timepoint": "AD_HOC", "answeredAt": moment(hours=-2),
           "answers": {"back_pain_nrs": 4}}

    first = api.call("POST", base, nrs, {"Idempotency-Key": f"contract-{run}-replay"})[2]
    writer.example("replay-submission", "POST", base, nrs, {"Idempotency-Key": f"contract-{run}-replay"}, sample=first)
    odi = {"instrumentCode": "ODI", "instrumentVersion": "2.1a", "timepoint": "AD_HOC", "answeredAt": moment(hours=-1),
           "answers": {"odi_01_pain_intensity": 2, "odi_02_personal_care": 1, "odi_03_lifting": 3,
                       "odi_04_walking": 1, "odi_05_sitting": 2, "odi_06_standing": 2, "odi_07_sleeping": 1,
                       "odi_08_sex_life": None, "odi_09_social_life": 1, "odi_10_travelling": 2}}
    writer.example("submit-odi", "POST", base, odi, {"Idempotency-Key": f"contract-{run}-odi"}, status=201,
                   sample=first)

    draft = dict(nrs, answers={}, draft=True)
    created = api.call("POST", base, draft, {"Idempotency-Key": f"contract-{run}-draft"})
    path = f"{base}/{created[2]['id']}"
    writer.example("complete-draft", "PUT", path, {"answers": {"back_pain_nrs": 3}, "answeredAt": moment(hours=-1)},
                   {"If-Match": created[1]["ETag"]})

    aggregates = "/api/v1/outcomes/research/aggregates"
    # Scalar filters only: Specmatic 2.55 cannot read an array query parameter (groupBy, clinicId) from an example
    # file; grouping is covered by the generative pass's negative tests and by ResearchAggregateResourceTest.
    queries = {
        "odi": "instrument=ODI",
        "nrs-at-12-weeks": "instrument=NRS_BACK_PAIN&followUpWeeks=12&minSessions=4",
        "peg-of-one-version-for-women": "instrument=PEG&instrumentVersion=1.0&sex=FEMALE",
        "odi-within-dates": f"instrument=ODI&from={moment(-365)}&to={moment()}&painSite=LOW_BACK",
    }
    for name, query in queries.items():
        path = f"{aggregates}?{query}"
        writer.example(name, "GET", path)

    exports = "/api/v1/outcomes/research/exports/assessments"
    for name, query in {"export-csv": "project=contract-tests",
                        "export-ndjson-since": f"project=contract-tests&format=ndjson&since={moment(-30)}"}.items():
        media = "application/x-ndjson" if "ndjson" in query else "text/csv"
        writer.example(name, "GET", f"{exports}?{query}", sample="", response_headers={"Content-Type": media})


def dictionary(service, api, ids):
    """Specmatic's <spec>_dictionary format: path and query parameter values."""
    clinic = ids["CLINIC_ID"]
    if service == "intake-service":
        # Patient 4 of the demo data: the one whose first session has an adverse event, so every id fits every path.
        patient = f"/api/v1/intake/clinics/{clinic}/patients/{ids['PATIENT_4_ID']}"
        session = f"/api/v1/intake/clinics/{clinic}/episodes/{ids['EPISODE_4_ID']}/sessions/{ids['SESSION_4_1_ID']}"
        path = {"clinicId": clinic, "patientId": ids["PATIENT_4_ID"], "episodeId": ids["EPISODE_4_ID"],
                "sessionId": ids["SESSION_4_1_ID"], "practitionerId": ids["PRACTITIONER_1_ID"], "code": "BL23",
                "pseudonymId": ids["PATIENT_4_PSEUDONYM_ID"],
                "consentId": first_id(api, patient + "/consents"),
                "assessmentId": first_id(api, patient + "/intake-assessments"),
                "adverseEventId": first_id(api, session + "/adverse-events")}
    else:
        patient = f"/api/v1/outcomes/clinics/{clinic}/patients/{ids['PATIENT_1_PSEUDONYM_ID']}"
        path = {"clinicId": clinic, "pseudonymId": ids["PATIENT_1_PSEUDONYM_ID"], "episodeId": ids["EPISODE_1_ID"],
                "code": "ODI", "version": "2.1a", "assessmentId": first_id(api, patient + "/assessments")}
    query = {"clinicId": clinic, "episodeId": path["episodeId"]}
    if service == "outcomes-service":
        query["instrument"] = "ODI"
    lines = ["PARAMETERS:", "  PATH:"] + [f'    {k}: "{v}"' for k, v in path.items()]
    lines += ["  QUERY:"] + [f'    {k}: "{v}"' for k, v in query.items()]
    return "\n".join(lines) + "\n"


def review(log_file, dictionary_file):
    """Failed tests of one Specmatic run, each either real or a path mutation Specmatic did not apply.

    Specmatic 2.55 writes the dictionary's id back over its own mutation of a path parameter, so "clinicId is
    mutated from uuid to string" can send the real clinic's path and a valid body: the 201 that follows is the right
    answer to what was sent. Such a test is listed, with the path it sent, but does not fail the run; any other
    failure does.
    """
    ids = dict(re.findall(r'^    (\w+): "([^"]+)"$', open(dictionary_file).read(), re.M))
    real, not_applied, request_line, status = [], [], "", ""
    for line in open(log_file, errors="replace"):
        request = re.match(r"^    (GET|POST|PUT|DELETE|PATCH) (\S+)", line)
        if request:
            request_line, status = request.group(2), ""
        answer = re.match(r"^    (\d{3}) ", line)
        if answer and request_line and not status:
            status = answer.group(1)
        if "Scenario:" not in line:
            continue
        failed = line.rstrip().endswith("has FAILED")
        mutated = re.search(r"REQUEST\.PARAMETERS\.PATH\.(\w+) is mutated", line)
        if failed and mutated and request_line and ids.get(mutated.group(1), "\0") in request_line \
                and status and not status.startswith("5"):
            not_applied.append(f"{line.strip()}\n      sent {request_line}, answered {status}")
        elif failed:
            real.append(line.strip())
        request_line, status = "", ""
    for failure in not_applied:
        print(f"  not applied by Specmatic (the request was valid): {failure}")
    for failure in real:
        print(f"  FAILED: {failure}")
    totals = re.findall(r"Tests run: \d+, Successes: \d+, Failures: (\d+), WIP: \d+, Errors: (\d+)",
                        open(log_file, errors="replace").read())
    if not totals or totals[-1] != (str(len(real) + len(not_applied)), "0"):
        print(f"  FAILED: the run's totals {totals[-1:] or 'are missing'} do not match the failed tests listed")
        return 1
    # Only failures listed above are excused: a failed run without any (an example that did not load) stays failed.
    return 1 if real or not not_applied else 0


def first_id(api, collection):
    return api.call("GET", collection)[2]["items"][0]["id"]


def main():
    command, service = sys.argv[1], sys.argv[2]
    if command == "review":
        sys.exit(review(sys.argv[2], sys.argv[3]))
    if command == "filter":
        print(specmatic_filter(service))
        return
    api = Api(os.environ["SERVICE_URL"], os.environ["CONTRACT_TOKEN"])
    if command == "dictionary":
        with open(sys.argv[3], "w") as out:
            out.write(dictionary(service, api, os.environ))
        return
    directory = sys.argv[3]
    os.makedirs(directory, exist_ok=True)
    writer = Writer(directory, api)
    {"intake-service": intake_examples, "outcomes-service": outcomes_examples}[service](writer, api, os.environ)
    print(f"{len(writer.written)} examples written to {directory}", file=sys.stderr)


if __name__ == "__main__":
    main()
