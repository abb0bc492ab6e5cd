#!/usr/bin/env python3
"""Registers a clinic and COUNT patients through intake's API (as a real clinic would) and prints the clinic id, then
one pseudonym a line. outcomes-service refuses submissions about pseudonyms intake never issued
(docs/events.md#pending-links-unknown-pseudonyms-and-expiry), so the benchmarks submit about these patients.

    bench/patients.py BASE_URL COUNT > patients.txt     (BASE_URL: the gateway; tokens from scripts/token.sh)
"""
import json
import subprocess
import sys
import urllib.request


def token(*args):
    return subprocess.run(["scripts/token.sh", *args], check=True, capture_output=True, text=True).stdout.strip()


def post(url, bearer, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


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
