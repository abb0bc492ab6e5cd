#!/usr/bin/env python3
"""A research cohort for the demo, through the public API like the rest of it (scripts/demo/load.sh runs it last).

A second clinic, Riverside Back Pain Service, with 3 practitioners and 43 patients consenting to treatment and
research, of varied sex, age band, pain sites and chronicity; one episode each with up to 14 STRICTA-documented
sessions (none yet for the 5 on the waiting list); NRS back pain and ODI at baseline and at the 4-week follow-up, for
older episodes at 12 and 26 weeks too (no PEG: the load would take a tenth longer for it). Improvement grows with the
sessions received and varies from patient to patient: some respond, some do not, a few get worse. Everything comes
from a fixed seed, so every load makes the same cohort (its dates relative to today). It is sized so that the research
aggregates (k = 11, docs/research.md) show estimates with intervals for the larger groups (each sex, ages 40-49 and
50-59, chronic low back pain, the dose bands 4-6, 7-9 and 10-12 sessions) and suppress the small ones, as with a real
cohort.

Each patient's records go in one after the other, patients in parallel (DEMO_COHORT_WORKERS, default 4). Each
practitioner enters their own patients with their own sign-in, so that no sign-in goes past the gateway's per-user
rate limit (a 429 is waited out all the same). Questionnaires carry deterministic Idempotency-Keys. At the end it waits
(up to DEMO_COHORT_WAIT_SECONDS, default 60) until outcomes-service's research aggregate counts the whole cohort:
outcomes learns of patients, consents and sessions from intake's event feed, a few seconds late.

Prints KEY=value lines on stdout (COHORT_CLINIC_ID, COHORT_PRACTITIONER_<n>_ID, COHORT_PATIENTS); everything else goes
to stderr. Each run creates a new clinic, so it can be repeated (the research aggregates then count both).

Environment: BASE_URL (default http://localhost:8080), AUTH_HEADER and MERIDIAN_TOKEN_COMMAND as for
scripts/demo/intake.sh (with AUTH_HEADER, that one header is used for every call and the final wait is skipped).
"""
import datetime
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

# Any seed gives a plausible cohort; this one was picked because its mean change rises from band to band of sessions
# received and it has a few patients worse at follow-up, which is what the demo is meant to show.
SEED = 20261229
HERE = os.path.dirname(os.path.abspath(__file__))
BASE_URL = os.environ.get("BASE_URL", "http://localhost:8080").rstrip("/")
TOKEN_COMMAND = os.environ.get("MERIDIAN_TOKEN_COMMAND") or os.path.join(HERE, "..", "token.sh")
WORKERS = int(os.environ.get("DEMO_COHORT_WORKERS", "4"))
WAIT_SECONDS = int(os.environ.get("DEMO_COHORT_WAIT_SECONDS", "60"))
INTAKE = "/api/v1/intake"
OUTCOMES = "/api/v1/outcomes"


def log(message):
    print("[cohort-demo] %s" % message, file=sys.stderr, flush=True)


def emit(key, value):
    print("%s=%s" % (key, value), flush=True)


class ApiError(Exception):
    pass


class Api:
    """Keep-alive connections to the gateway, one per thread."""

    def __init__(self, base_url):
        url = urllib.parse.urlsplit(base_url)
        self.scheme, self.host, self.port = url.scheme, url.hostname, url.port
        self.local = threading.local()
        self.calls = 0
        self.lock = threading.Lock()

    def _connection(self, fresh=False):
        connection = getattr(self.local, "connection", None)
        if connection is None or fresh:
            if connection is not None:
                connection.close()
            factory = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
            connection = factory(self.host, self.port, timeout=60)
            self.local.connection = connection
            self.local.used = False
        return connection

    def call(self, method, path, auth, body=None, headers=None):
        """Returns the parsed JSON of a 2xx answer; anything else raises ApiError."""
        payload = None if body is None else json.dumps(body)
        all_headers = {"Authorization": auth, "Accept": "application/json"}
        if payload is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        for attempt in range(8):
            connection = self._connection()
            reused = self.local.used
            try:
                connection.request(method, path, body=payload, headers=all_headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8")
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the gateway closed while idle fails before the request is read: send it
                # again on a new one. On a fresh connection the failure is real.
                self._connection(fresh=True)
                if reused:
                    continue
                raise
            self.local.used = True
            with self.lock:
                self.calls += 1
            if response.status == 429:
                time.sleep(float(response.getheader("Retry-After") or "1"))
                continue
            if not 200 <= response.status < 300:
                raise ApiError("%s %s answered HTTP %d: %s" % (method, path, response.status, text[:500]))
            return json.loads(text) if text else None
        raise ApiError("%s %s: still refused after %d attempts" % (method, path, attempt + 1))


def mint(*args):
    """The Authorization header's value for a token with these scripts/token.sh arguments (or AUTH_HEADER's)."""
    if os.environ.get("AUTH_HEADER"):
        return os.environ["AUTH_HEADER"].split(":", 1)[1].strip()
    token = subprocess.run([TOKEN_COMMAND, *args], check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    return "Bearer " + token


TODAY = datetime.datetime.now(datetime.timezone.utc).date()


def day(days_ago):
    return TODAY - datetime.timedelta(days=days_ago)


def at(days_ago, hour, minute=0):
    moment = datetime.datetime.combine(day(days_ago), datetime.time(hour, minute), datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


PRACTITIONERS = [
    {"givenName": "Priya", "familyName": "Raman", "licenceNumber": "BAcC-05877", "profession": "ACUPUNCTURIST",
     "qualifications": "BSc (Hons) Acupuncture; MBAcC", "yearsInAcupuncturePractice": 9},
    {"givenName": "Jonas", "familyName": "Berg", "licenceNumber": "HCPC-PH201377", "profession": "PHYSIOTHERAPIST",
     "qualifications": "MSc Musculoskeletal Physiotherapy; AACP accredited", "yearsInAcupuncturePractice": 11},
    {"givenName": "Grace", "familyName": "Osei", "licenceNumber": "GMC-7734120", "profession": "PHYSICIAN",
     "qualifications": "MBBS, MRCGP; BMAS diploma in medical acupuncture", "yearsInAcupuncturePractice": 7},
]

NEEDLE = {"diameterMm": 0.25, "lengthMm": 40, "material": "STAINLESS_STEEL"}


def points(*needled):
    """("BL23", "BILATERAL", 25), ... as the API's needled points."""
    return [{"code": code, "side": side, "depthMm": depth} for code, side, depth in needled]


# Each practitioner's usual session (STRICTA); sciatica adds the leg points.
TEMPLATES = [
    {"style": "TRADITIONAL_CHINESE", "styleDetails": "Qi and Blood stagnation in the Bladder channel",
     "points": points(("BL23", "BILATERAL", 25), ("BL25", "BILATERAL", 30), ("GV4", "MIDLINE", 15),
                      ("BL40", "BILATERAL", 20)),
     "needleCount": 8, "deQiElicited": True, "stimulation": "MANUAL", "retentionMinutes": 25, "needleType": NEEDLE,
     "coInterventions": [{"type": "CUPPING", "details": "Cupping over the lumbar paraspinals, 5 minutes"}]},
    {"style": "WESTERN_MEDICAL",
     "points": points(("BL25", "BILATERAL", 40), ("EX-B2", "BILATERAL", 25), ("GB34", "BILATERAL", 25)),
     "needleCount": 6, "deQiElicited": True, "stimulation": "ELECTRO", "electroFrequencyHz": 2, "retentionMinutes": 20,
     "needleType": {"diameterMm": 0.30, "lengthMm": 50, "material": "STAINLESS_STEEL"}, "coInterventions": []},
    {"style": "TRIGGER_POINT", "styleDetails": "Myofascial trigger points of quadratus lumborum and gluteus medius",
     "points": points(("BL52", "BILATERAL", 30), ("GB30", "BILATERAL", 60), ("BL57", "BILATERAL", 30)),
     "needleCount": 6, "deQiElicited": False, "stimulation": "MANUAL", "retentionMinutes": 15, "needleType": NEEDLE,
     "coInterventions": [{"type": "HEAT", "details": "Infrared lamp over the lumbar region"}]},
]
LEG_POINTS = {"SCIATICA_LEFT": [("GB30", "LEFT"), ("BL60", "LEFT")],
              "SCIATICA_RIGHT": [("GB30", "RIGHT"), ("BL60", "RIGHT")],
              "SCIATICA_BILATERAL": [("GB30", "BILATERAL"), ("BL60", "BILATERAL")]}

FEMALE_NAMES = ["Amara", "Beatrice", "Chloe", "Daniela", "Elif", "Fatima", "Hannah", "Ines", "Joanna", "Keiko",
                "Laura", "Maria", "Nadia", "Olivia", "Paula", "Rachel", "Sara", "Tamsin", "Uma", "Vera", "Wendy",
                "Yasmin", "Zofia", "Agnes", "Bronwen", "Carmen", "Delia", "Erin", "Freya", "Gemma"]
MALE_NAMES = ["Adam", "Bilal", "Callum", "Dmitri", "Emeka", "Felix", "George", "Hamid", "Ivan", "James", "Kwame",
              "Luca", "Marek", "Nikhil", "Owen", "Pavel", "Rhys", "Samuel", "Theo", "Victor", "William", "Yusuf",
              "Zane", "Arjun"]
FAMILY_NAMES = ["Abbott", "Bakshi", "Costa", "Dlamini", "Evans", "Fischer", "Gallagher", "Haddad", "Ito", "Jensen",
                "Khan", "Lindqvist", "Mensah", "Novak", "O'Brien", "Petrov", "Quinn", "Rossi", "Santos", "Tanaka",
                "Usman", "Varga", "Walsh", "Xu", "Young", "Zielinski", "Adeyemi", "Brennan", "Castillo", "Duarte"]
GOALS = ["Reduce back pain to 3/10 or less; return to full duties at work",
         "Sit through a working day without pain above 4/10",
         "Walk 30 minutes without leg pain; sleep through the night",
         "Cut down analgesics; get back to gardening and swimming",
         "Lift and carry the grandchildren without a flare-up"]
ANALGESICS = [("NSAID", "Naproxen 250 mg"), ("PARACETAMOL", "Paracetamol 1 g"), ("GABAPENTINOID", "Gabapentin 300 mg")]
AGE_BANDS = {"18-29": (18, 29), "30-39": (30, 39), "40-49": (40, 49), "50-59": (50, 59), "60-69": (60, 69),
             "70-79": (70, 79), "80+": (80, 89)}


def cohort_plan(rng):
    """The 43 patients: who they are, their pain, their course of care and how they fared."""
    people = []
    # The core of the clinic's case mix: middle-aged chronic low back pain without sciatica. These two groups are
    # what the research export's k-anonymity (same clinic, age 40-59, sex, no sciatica, chronic) lets out as rows.
    for sex, bands in (("FEMALE", ["40-49"] * 6 + ["50-59"] * 5), ("MALE", ["40-49"] * 6 + ["50-59"] * 5)):
        sites = [["LOW_BACK"]] * 8 + [["LOW_BACK", "UPPER_BACK"]] * (len(bands) - 8)
        rng.shuffle(sites)
        for band, site in zip(bands, sites):
            people.append({"sex": sex, "band": band, "sites": site, "chronic": True})
    # The rest, of every age and pain: small groups, which the aggregates suppress.
    rest_sex = ["FEMALE"] * 11 + ["MALE"] * 10
    rest_band = ["18-29"] * 2 + ["30-39"] * 5 + ["40-49"] + ["50-59"] * 2 + ["60-69"] * 7 + ["70-79"] * 3 + ["80+"]
    rest_sites = ([["LOW_BACK", "SCIATICA_LEFT"]] * 5 + [["LOW_BACK", "SCIATICA_RIGHT"]] * 4
                  + [["LOW_BACK", "SCIATICA_BILATERAL"]] * 2 + [["UPPER_BACK"]] * 2 + [["LOW_BACK"]] * 5
                  + [["SCIATICA_RIGHT"]] + [["LOW_BACK", "UPPER_BACK", "SCIATICA_LEFT"]] * 2)
    rest_chronic = [True] * 8 + [False] * 13
    for column in (rest_sex, rest_band, rest_sites, rest_chronic):
        rng.shuffle(column)
    for sex, band, sites, chronic in zip(rest_sex, rest_band, rest_sites, rest_chronic):
        people.append({"sex": sex, "band": band, "sites": sites, "chronic": chronic})
    rng.shuffle(people)

    # Courses of care: the last follow-up (weeks) and the sessions held by then; longer courses for older episodes.
    # Five are on the waiting list: assessed, course planned, no session yet at their 4-week follow-up. The small
    # dose bands (0, 1-3, 13+) add up to k or more, so that showing the 4-6 band cannot narrow them down.
    courses = ([(4, n) for n in [0, 0, 0, 0, 0, 2, 3, 3, 2, 4, 5, 6, 4, 5, 6, 5, 4, 7, 8, 9, 7, 8, 9, 8, 7]]
               + [(12, n) for n in [5, 6, 7, 9, 10, 11, 12, 12, 10, 11, 12, 13, 14]]
               + [(26, n) for n in [9, 10, 12, 11, 10]])
    rng.shuffle(courses)
    for index, (person, (horizon, sessions)) in enumerate(zip(people, courses)):
        person["index"] = index
        person["practitioner"] = index % len(PRACTITIONERS)
        person["horizon"] = horizon
        person["sessions"] = sessions
        person["start_ago"] = {4: rng.randint(30, 80), 12: rng.randint(86, 175), 26: rng.randint(185, 240)}[horizon]
        window = 26 if horizon == 4 else 80
        person["spacing"] = max(2, min(7, window // max(1, sessions - 1)))
        person["hour"] = rng.randint(9, 15)
        low_back = "LOW_BACK" in person["sites"]
        if person["chronic"] or not low_back:
            person["duration"] = rng.choice([4, 6, 8, 12, 18, 24, 36, 60, 120])
            person["frequency"] = rng.choice(["EVERY_DAY_OR_NEARLY_EVERY_DAY", "AT_LEAST_HALF_THE_DAYS"])
        elif rng.random() < 0.6:
            person["duration"] = rng.choice([1, 2])
            person["frequency"] = "EVERY_DAY_OR_NEARLY_EVERY_DAY"
        else:
            person["duration"] = rng.choice([5, 9, 14])
            person["frequency"] = "LESS_THAN_HALF_THE_DAYS"
        # How well this patient responds, beyond what the sessions explain.
        person["response"] = rng.gauss(0, 0.2)
        if rng.random() < 0.1:
            person["response"] = -0.45 - 0.2 * rng.random()  # a flare-up: worse at follow-up whatever the dose
        person["nrs"] = rng.choice([4, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9])
        person["odi"] = max(12, min(68, 6 * person["nrs"] - 10 + rng.randint(-8, 8)))
        person["session_days"] = [person["start_ago"] - n * person["spacing"] for n in range(sessions)]
        person["questionnaires"] = questionnaires(person, rng)
    return people


def improvement(person, sessions_held, rng):
    """Fraction of the baseline score gone at a follow-up: more with more sessions, less for chronic pain or
    sciatica, plus the patient's own response and some noise; negative means worse."""
    sciatica = any(site.startswith("SCIATICA") for site in person["sites"])
    fraction = (0.12 + 0.035 * min(sessions_held, 12) - (0.08 if person["chronic"] else 0)
                - (0.05 if sciatica else 0) + person["response"] + rng.gauss(0, 0.07))
    return max(-0.6, min(0.95, fraction))


def spread(total, items, rng):
    """total points over items (each 0..5), at random."""
    scores = [0] * items
    for _ in range(max(0, min(total, 5 * items))):
        scores[rng.choice([i for i in range(items) if scores[i] < 5])] += 1
    return scores


ODI_ITEMS = ["odi_01_pain_intensity", "odi_02_personal_care", "odi_03_lifting", "odi_04_walking", "odi_05_sitting",
             "odi_06_standing", "odi_07_sleeping", "odi_08_sex_life", "odi_09_social_life", "odi_10_travelling"]


def odi_answers(percent, nrs, skip_sex_life, rng):
    answered = [item for item in ODI_ITEMS if not (skip_sex_life and item == "odi_08_sex_life")]
    total = round(percent / 100 * 5 * len(answered))
    pain = max(0, min(5, round(nrs / 2), total))
    others = spread(total - pain, len(answered) - 1, rng)
    answers = dict(zip(answered[1:], others), **{ODI_ITEMS[0]: pain})
    return {item: answers.get(item) for item in ODI_ITEMS}


def clamp(value, low, high):
    return max(low, min(high, int(round(value))))


def questionnaires(person, rng):
    """(instrument, follow-up weeks or 0 for the baseline, answers) of every questionnaire the patient answers."""
    nrs, odi = person["nrs"], person["odi"]
    skip_sex_life = rng.random() < 0.3
    answered = [("NRS_BACK_PAIN", 0, {"back_pain_nrs": nrs}), ("ODI", 0, odi_answers(odi, nrs, skip_sex_life, rng))]
    start = person["start_ago"]
    for weeks in [w for w in (4, 12, 26) if w <= person["horizon"]]:
        held = sum(1 for days_ago in person["session_days"] if start - days_ago <= 7 * weeks)
        fraction = improvement(person, held, rng)
        nrs_now = clamp(nrs * (1 - fraction), 0, 10)
        odi_now = max(0, min(100, odi * (1 - fraction - rng.gauss(0, 0.08))))
        answered += [("NRS_BACK_PAIN", weeks, {"back_pain_nrs": nrs_now}),
                     ("ODI", weeks, odi_answers(odi_now, nrs_now, skip_sex_life, rng))]
    return answered


def load_patient(api, clinic, practitioners, auths, person):
    rng = random.Random(SEED * 1000 + person["index"])
    auth = auths[person["practitioner"]]
    practitioner = practitioners[person["practitioner"]]
    index = person["index"]
    names = FEMALE_NAMES if person["sex"] == "FEMALE" else MALE_NAMES
    given = names[index // 2 % len(names)]
    family = FAMILY_NAMES[(index * 7) % len(FAMILY_NAMES)]
    low, high = AGE_BANDS[person["band"]]
    age = rng.randint(low + 1, high - 1)
    birthday = (TODAY.replace(year=TODAY.year - age, day=min(TODAY.day, 28))
                - datetime.timedelta(days=rng.randint(30, 330)))
    clinic_path = "%s/clinics/%s" % (INTAKE, clinic)
    patient = api.call("POST", clinic_path + "/patients", auth, {
        "givenName": given, "familyName": family, "dateOfBirth": birthday.isoformat(), "sex": person["sex"],
        "email": "%s.%s@mail.example" % (given.lower(), family.lower().replace("'", "")),
        "identifiers": [{"type": "MRN", "system": "https://ehr.riverside-health.example/mrn",
                         "value": "RV-%06d" % (310000 + 37 * index)}]})
    patient_path = "%s/patients/%s" % (clinic_path, patient["id"])
    pseudonym = patient["pseudonymId"]
    start = person["start_ago"]
    for kind in ("TREATMENT", "RESEARCH"):
        api.call("POST", patient_path + "/consents", auth,
                 {"kind": kind, "documentVersion": "2026-03", "givenAt": at(start, 8, 30)})
    api.call("POST", patient_path + "/intake-assessments", auth, {
        "assessedOn": day(start).isoformat(), "assessedBy": practitioner, "painSites": person["sites"],
        "painDurationMonths": person["duration"], "painFrequency": person["frequency"],
        "identifiableSystemicCause": False, "associatedWithSurgery": False, "associatedWithPregnancy": False,
        "redFlags": {"saddleAnaesthesiaOrBladderBowelChange": False, "fever": False, "majorTrauma": False,
                     "historyOfCancer": False, "unexplainedWeightLoss": False, "progressiveNeurologicalDeficit": False},
        "analgesics": [dict(zip(("drugClass", "name", "daysPerWeek"), rng.choice(ANALGESICS) + (rng.randint(2, 7),)))],
        "priorTreatments": rng.sample(["PHYSIOTHERAPY", "EXERCISE_THERAPY", "MASSAGE", "MEDICATION",
                                       "CHIROPRACTIC_OR_OSTEOPATHY"], rng.randint(1, 3)),
        "workStatus": "RETIRED" if age >= 66 else rng.choice(["WORKING_FULL_TIME", "WORKING_FULL_TIME",
                                                             "WORKING_PART_TIME", "OFF_WORK_DUE_TO_BACK_PAIN"])})
    episode = api.call("POST", patient_path + "/episodes", auth, {
        "startDate": day(start).isoformat(), "plannedSessions": max(person["sessions"], 8),
        "goals": GOALS[index % len(GOALS)]})["id"]

    template = dict(TEMPLATES[person["practitioner"]], practitionerId=practitioner)
    leg = [p for site in person["sites"] for p in LEG_POINTS.get(site, [])]
    known = {point["code"] for point in template["points"]}
    extra = points(*[(code, side, 40) for code, side in leg if code not in known])
    template["points"] = template["points"] + extra
    template["needleCount"] += sum(2 if point["side"] == "BILATERAL" else 1 for point in extra)
    for days_ago in person["session_days"]:
        api.call("POST", "%s/episodes/%s/sessions" % (clinic_path, episode), auth,
                 dict(template, startedAt=at(days_ago, person["hour"])))

    submit_path = "%s/clinics/%s/patients/%s/assessments" % (OUTCOMES, clinic, pseudonym)
    for instrument, weeks, answers in person["questionnaires"]:
        body = {"instrumentCode": instrument, "timepoint": "FOLLOW_UP" if weeks else "BASELINE",
                "answeredAt": at(start - 7 * weeks, 17, 30) if weeks else at(start, person["hour"] - 1, 40),
                "answers": answers, "episodeId": episode}
        if weeks:
            body["followUpWeeks"] = weeks
        key = "demo-cohort-%s-%s-%s" % (pseudonym, instrument.lower(), "w%d" % weeks if weeks else "baseline")
        api.call("POST", submit_path, auth, body, {"Idempotency-Key": key})


def wait_for_research(api, clinic, expected):
    """Until outcomes' NRS aggregate for the clinic counts every consenting patient's episode."""
    if os.environ.get("AUTH_HEADER") or WAIT_SECONDS <= 0:
        return
    auth = mint("researcher", "--sub", "demo-cohort-check")
    path = "%s/research/aggregates?instrument=NRS_BACK_PAIN&clinicId=%s" % (OUTCOMES, clinic)
    deadline = time.monotonic() + WAIT_SECONDS
    counted = None
    while time.monotonic() < deadline:
        total = api.call("GET", path, auth)["total"]
        counted = total.get("patientEpisodes")
        if counted == expected:
            log("outcomes-service counts all %d research patient-episodes of the cohort" % expected)
            return
        time.sleep(1)
    raise ApiError("after %d s outcomes-service's research aggregate counts %s of the cohort's %d patient-episodes "
                   "(is the event feed running?)" % (WAIT_SECONDS, counted, expected))


def main():
    started = time.monotonic()
    api = Api(BASE_URL)
    people = cohort_plan(random.Random(SEED))
    log("creating the research cohort (%d patients) through %s" % (len(people), BASE_URL))
    admin = mint("admin", "--sub", "demo-cohort-admin")
    clinic = api.call("POST", INTAKE + "/clinics", admin, {
        "name": "Riverside Back Pain Service", "registrationNumber": "CL-2023-0417",
        "contactEmail": "reception@riverside-backpain.example", "contactPhone": "+44 161 496 0734",
        "timeZone": "Europe/London"})["id"]
    emit("COHORT_CLINIC_ID", clinic)
    clinic_admin = mint("clinic-admin", "--clinic", clinic, "--sub", "demo-cohort-clinic-admin")
    practitioners = []
    for number, practitioner in enumerate(PRACTITIONERS, start=1):
        practitioners.append(api.call("POST", "%s/clinics/%s/practitioners" % (INTAKE, clinic), clinic_admin,
                                      practitioner)["id"])
        emit("COHORT_PRACTITIONER_%d_ID" % number, practitioners[-1])
    with ThreadPoolExecutor(max_workers=len(PRACTITIONERS)) as pool:
        auths = list(pool.map(lambda pair: mint("practitioner", "--clinic", clinic, "--practitioner", pair[1],
                                                "--sub", "demo-cohort-%s" % pair[0]["givenName"].lower()),
                              zip(PRACTITIONERS, practitioners)))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for result in [pool.submit(load_patient, api, clinic, practitioners, auths, person) for person in people]:
            result.result()
    emit("COHORT_PATIENTS", len(people))
    log("%d calls in %.1f s; waiting for outcomes-service to count them" % (api.calls, time.monotonic() - started))
    wait_for_research(api, clinic, len(people))
    log("research cohort ready in clinic %s in %.1f s" % (clinic, time.monotonic() - started))


if __name__ == "__main__":
    try:
        main()
    except (ApiError, subprocess.CalledProcessError) as failure:
        log("failed: %s" % failure)
        sys.exit(1)
