#!/usr/bin/env python3
"""CPU time of the processes a benchmark loads, read from /proc, so runs on machines of different speed compare.

  proc_cpu.py snapshot DB NAME=PID ...     one line: NAME=ticks for each process (user + system, its threads
                                           included), NAME_jit=ticks for its JIT compiler threads (part of NAME's),
                                           and postgres=ticks for the PostgreSQL backends connected to database DB
                                           (what the load costs the database; other databases' work on the same
                                           server, such as a test run, is left out)
  proc_cpu.py per-request BEFORE AFTER N   CPU milliseconds per request of each name between two snapshots, for N
                                           requests, and the total of the processes: "gateway=0.41 gateway_jit=0.05
                                           outcomes=1.93 outcomes_jit=0.30 postgres=0.72 all=3.06"
  proc_cpu.py calibrate                    a fixed single-threaded workload (SHA-256 of 64 MiB, three times, the
                                           fastest): its milliseconds say how fast this machine's core is today
"""
import hashlib
import os
import sys
import time

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def stat_ticks(path):
    """The name and utime + stime (fields 2, 14 and 15) of a process's or thread's stat file."""
    with open(path) as stat:
        text = stat.read()
    fields = text.rsplit(")", 1)[1].split()
    return text[text.index("(") + 1:text.rindex(")")], int(fields[11]) + int(fields[12])


def cpu_ticks(pid):
    """utime + stime of a process, threads included."""
    return stat_ticks(f"/proc/{pid}/stat")[1]


def jit_ticks(pid):
    """The share of a JVM's CPU its JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread1", ...) spent:
    warm-up still in progress shows here rather than in the code being compiled. A lower bound where the JVM runs more
    than one thread per compiler (more than 2 cores): it may stop an idle extra one, whose CPU then leaves the sum."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            name, ticks = stat_ticks(f"/proc/{pid}/task/{task}/stat")
        except FileNotFoundError:
            continue  # a thread that ended meanwhile
        if name.startswith(("C1 CompilerThre", "C2 CompilerThre")):
            total += ticks
    return total


def postgres_ticks(database):
    """Backends show "postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE" as their command line."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                words = cmdline.read().replace(b"\0", b" ").decode(errors="replace").split()
            if words[1:2] and words[1].endswith(":"):
                words = words[:1] + words[2:]  # the cluster's name, where cluster_name is set
            if len(words) < 3 or words[0] != "postgres:" or words[2] != database:
                continue
            total += cpu_ticks(entry)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # a backend that ended meanwhile
    return total


def snapshot(database, pairs):
    ticks = {}
    for name, pid in (pair.split("=", 1) for pair in pairs):
        ticks[name] = cpu_ticks(pid)
        ticks[name + "_jit"] = jit_ticks(pid)
    ticks["postgres"] = postgres_ticks(database)
    return " ".join(f"{name}={value}" for name, value in ticks.items())


def parse(line):
    return {name: int(value) for name, value in (pair.split("=", 1) for pair in line.split())}


def per_request(before, after, requests):
    start, end = parse(before), parse(after)
    milliseconds = {name: (end[name] - start[name]) * 1000 / TICKS_PER_SECOND / max(requests, 1) for name in start}
    milliseconds["all"] = sum(value for name, value in milliseconds.items() if not name.endswith("_jit"))
    return " ".join(f"{name}={value:.2f}" for name, value in milliseconds.items())


def calibrate():
    block = bytes(64 * 1024 * 1024)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        hashlib.sha256(block).digest()
        best = min(best, time.perf_counter() - started)
    return f"sha256_64mib_ms={best * 1000:.0f}"


def main():
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "snapshot":
        print(snapshot(arguments[0], arguments[1:]))
    elif command == "per-request":
        print(per_request(arguments[0], arguments[1], int(arguments[2])))
    elif command == "calibrate":
        print(calibrate())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
