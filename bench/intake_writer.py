#!/usr/bin/env python3
"""Registers patients in intake (through the gateway) for a while, retrying each until it is acknowledged, as a front
desk would; writes one line per patient to OUTPUT: pseudonym (or "-" when never acknowledged), final status, attempts.
A retry after an answer that never came may register the patient twice: each registration is an event all the same.

    intake_writer.py BASE_URL CLINIC_ID TOKEN OUTPUT --seconds 60 [--workers 2]
"""
import argparse
import itertools

from retrying_client import post_until_acknowledged, run_workers


def register(base, clinic, token, number, give_up_after=120):
    status, attempts, answer = post_until_acknowledged(
        f"{base}/api/v1/intake/clinics/{clinic}/patients",
        {"givenName": "Replica", "familyName": f"Patient {number}", "dateOfBirth": "1970-01-01", "sex": "FEMALE"},
        {"Authorization": f"Bearer {token}"}, give_up_after)
    return (answer["pseudonymId"] if answer else "-"), status, attempts


def main():
    parser = argparse.ArgumentParser()
    for name in ("base", "clinic", "token", "output"):
        parser.add_argument(name)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    numbers = itertools.count(1)

    def one_registration():
        pseudonym, status, attempts = register(args.base, args.clinic, args.token, next(numbers))
        return f"{pseudonym} {status} {attempts}"

    run_workers(args.workers, args.seconds, args.output, one_registration)


if __name__ == "__main__":
    main()
