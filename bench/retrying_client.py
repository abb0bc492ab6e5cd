#!/usr/bin/env python3
"""A mobile-app-like client for the reliability scripts: submits questionnaires with client-generated
Idempotency-Keys and retries each one (same key, same body) until it is acknowledged with a 2xx, as an offline app
does. Writes one line per submission to the output file: key, final status, attempts.

    retrying_client.py BASE_URL CLINIC_ID TOKEN OUTPUT --patients FILE --workers 8 --seconds 60 [--give-up-after 120]

FILE holds the clinic's pseudonyms, one a line (bench/patients.py registers them in intake: outcomes refuses pseudonyms
intake never issued).
"""
import argparse
import json
import random
import threading
import time
import urllib.error
import urllib.request
import uuid

BODIES = [
    {"instrumentCode": "NRS_BACK_PAIN", "timepoint": "AD_HOC", "answers": {"back_pain_nrs": 6}},
    {"instrumentCode": "PEG", "timepoint": "AD_HOC",
     "answers": {"peg_pain": 5, "peg_enjoyment": 4, "peg_general_activity": 2}},
    {"instrumentCode": "PROMIS_PI_4A", "timepoint": "AD_HOC",
     "answers": {"PAININ9": 3, "PAININ22": 2, "PAININ31": 4, "PAININ34": 3}},
]


def post_until_acknowledged(url, body, headers, give_up_after):
    """POSTs the JSON body until it is acknowledged with a 2xx, backing off from 0.2 s to 2 s between attempts; a 4xx
    other than 429 ends it (a client error will not heal by retrying), and so does give_up_after seconds without an
    acknowledgement. Returns the last status (0: no answer at all), the attempts made and the acknowledged answer."""
    data = json.dumps(body).encode()
    started, attempts, delay, status = time.time(), 0, 0.2, 0
    while time.time() - started < give_up_after:
        attempts += 1
        request = urllib.request.Request(url, data=data, method="POST",
                                         headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, attempts, json.load(response)
        except urllib.error.HTTPError as error:
            status = error.code
            if status < 500 and status != 429:
                return status, attempts, None
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            status = 0  # the service or the gateway is down
        time.sleep(delay)
        delay = min(delay * 2, 2.0)
    return status, attempts, None


def run_workers(workers, seconds, output, one_line):
    """Runs one_line() in `workers` threads until `seconds` have passed, writing each line it returns to output."""
    deadline = time.time() + seconds
    lock = threading.Lock()
    with open(output, "w") as out:
        def worker():
            while time.time() < deadline:
                line = one_line()
                with lock:
                    out.write(line + "\n")
                    out.flush()

        threads = [threading.Thread(target=worker) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def submit(base, clinic, token, patient, key, body, give_up_after):
    url = f"{base}/api/v1/outcomes/clinics/{clinic}/patients/{patient}/assessments"
    status, attempts, _ = post_until_acknowledged(
        url, body, {"Authorization": f"Bearer {token}", "Idempotency-Key": key}, give_up_after)
    return status, attempts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("clinic")
    parser.add_argument("token")
    parser.add_argument("output")
    parser.add_argument("--patients", required=True)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--give-up-after", type=float, default=120)
    args = parser.parse_args()

    with open(args.patients) as lines:
        patients = [line.strip() for line in lines if line.strip()]
    rng = random.Random()

    def one_submission():
        key = str(uuid.uuid4())
        body = dict(rng.choice(BODIES))
        body["answeredAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        status, attempts = submit(args.base, args.clinic, args.token, rng.choice(patients), key, body,
                                  args.give_up_after)
        return f"{key} {status} {attempts}"

    run_workers(args.workers, args.seconds, args.output, one_submission)


if __name__ == "__main__":
    main()
