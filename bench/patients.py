#!/usr/bin/env python3
"""Registers a clinic and COUNT patients through intake's API (as a real clinic would) and prints the clinic id, then
one pseudonym a line. outcomes-service refuses submissions about pseudonyms intake never issued
(docs/events.md#pending-links-unknown-pseudonyms-and-expiry), so the benchmarks submit about these patients.

    bench/patients.py BASE_URL COUNT > patients.txt     (BASE_URL: the gateway; tokens from scripts/token.sh)
"""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request


def token(*args):
    return subprocess.run(["scripts/token.sh", *args], check=True, capture_output=True, text=True).stdout.strip()


# Stacks older than 4206d80 (bench/throughput.sh's BENCH_BEFORE_REF) can answer 502 when the gateway reuses an upstream
# connection it had closed; intake stored nothing for that request, so it is sent again (BENCH_RETRY_502=N times at most).
RETRIES_OF_502 = int(os.environ.get("BENCH_RETRY_502", "0"))


def post(url, bearer, body):
    for attempt in range(RETRIES_OF_502 + 1):
        request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
            "Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code != 502 or attempt == RETRIES_OF_502:
                raise


def main():
    base, count = sys.argv[1], int(sys.argv[2])
    clinic = post(base + "/api/v1/intake/clinics", token("admin", "--sub", "bench-admin"),
                  {"name": "Bench Clinic", "timeZone": "Europe/London"})["id"]
    staff = token("practitioner,clinic-admin", "--clinic", clinic, "--ttl", "7200", "--sub", "bench-staff")
    print(clinic)
    for number in range(1, count + 1):
        patient = post(base + "/api/v1/intake/clinics/" + clinic + "/patients", staff,
                       {"givenName": "Bench", "familyName": "Patient %d" % number, "dateOfBirth": "1970-01-01",
                        "sex": "FEMALE"})
        print(patient["pseudonymId"], flush=True)


if __name__ == "__main__":
    main()
