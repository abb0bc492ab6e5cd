#!/usr/bin/env python3
"""Registers patients in intake (through the gateway) for a while, retrying each until it is acknowledged, as a front
desk would; writes one line per patient to OUTPUT: pseudonym (or "-" when never acknowledged), final status, attempts.
A retry after an answer that never came may register the patient twice: each registration is an event all the same.

    intake_writer.py BASE_URL CLINIC_ID TOKEN OUTPUT --seconds 60 [--workers 2]
"""
import argparse
import json
import threading
import time
import urllib.error
import urllib.request


def register(base, clinic, token, number, give_up_after=120):
    url = f"{base}/api/v1/intake/clinics/{clinic}/patients"
    data = json.dumps({"givenName": "Replica", "familyName": f"Patient {number}", "dateOfBirth": "1970-01-01",
                       "sex": "FEMALE"}).encode()
    started, attempts, delay, status = time.time(), 0, 0.2, 0
    while time.time() - started < give_up_after:
        attempts += 1
        request = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)["pseudonymId"], response.status, attempts
        except urllib.error.HTTPError as error:
            status = error.code
            if status < 500 and status != 429:
                return "-", status, attempts
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            status = 0
        time.sleep(delay)
        delay = min(delay * 2, 2.0)
    return "-", status, attempts


def main():
    parser = argparse.ArgumentParser()
    for name in ("base", "clinic", "token", "output"):
        parser.add_argument(name)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    deadline = time.time() + args.seconds
    lock = threading.Lock()
    counter = [0]
    with open(args.output, "w") as out:
        def worker():
            while time.time() < deadline:
                with lock:
                    counter[0] += 1
                    number = counter[0]
                pseudonym, status, attempts = register(args.base, args.clinic, args.token, number)
                with lock:
                    out.write(f"{pseudonym} {status} {attempts}\n")
                    out.flush()

        threads = [threading.Thread(target=worker) for _ in range(args.workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


if __name__ == "__main__":
    main()
