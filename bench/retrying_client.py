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


def submit(base, clinic, token, patient, key, body, give_up_after):
    url = f"{base}/api/v1/outcomes/clinics/{clinic}/patients/{patient}/assessments"
    data = json.dumps(body).encode()
    started, attempts, delay, status = time.time(), 0, 0.2, None
    while time.time() - started < give_up_after:
        attempts += 1
        request = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}", "Idempotency-Key": key})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, attempts
        except urllib.error.HTTPError as error:
            status = error.code
            if status < 500 and status != 429:
                return status, attempts  # a client error will not heal by retrying
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            status = 0  # no answer at all: the service or the gateway is down
        time.sleep(delay)
        delay = min(delay * 2, 2.0)
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

    lock = threading.Lock()
    deadline = time.time() + args.seconds
    with open(args.patients) as lines:
        patients = [line.strip() for line in lines if line.strip()]

    with open(args.output, "w") as out:
        def worker():
            rng = random.Random()
            while time.time() < deadline:
                key = str(uuid.uuid4())
                body = dict(rng.choice(BODIES))
                body["answeredAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                status, attempts = submit(args.base, args.clinic, args.token, rng.choice(patients), key, body,
                                          args.give_up_after)
                with lock:
                    out.write(f"{key} {status} {attempts}\n")
                    out.flush()

        threads = [threading.Thread(target=worker) for _ in range(args.workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


if __name__ == "__main__":
    main()
