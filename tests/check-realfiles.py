#!/usr/bin/env python3
# The realfiles suite: fazhi-check over every file of ../shared/realfiles,
# real documents from other projects' test suites that nobody here wrote.
#
#   check-realfiles.py FAZHI_CHECK REALFILES_DIR EXPECTATIONS [--jobs N]
#                      [--timeout SECONDS] [--only SUBSTRING…]
#
# For every file: no crash, no hang past the per-file limit, well-formed
# UTF-8 JSON, messages in Chinese (under LANGUAGE=zh_CN, with no English
# word but names), and wherever the manifest's independent extractor
# counted 50 or more letters, digits and CJK characters, at least 95 % of
# them in the text read.  EXPECTATIONS lists, per file and with a reason,
# the few references that counted what is not the document's text.
# Prints a table per format and exits 77 (skipped) when the folder is
# absent.  FAZHI_LOCALEDIR is left unset on purpose: an uninstalled build
# must find its own translations.
#
# Copyright 2026 The Fazhi Review developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import collections
import concurrent.futures
import csv
import json
import os
import re
import subprocess
import sys
import time

KEEP = 0.95
MIN_REF = 50

# Words a Chinese message may keep: names of formats, programs, encodings.
NAMES = {
    "pdf", "ofd", "word", "wps", "libreoffice", "office", "microsoft", "works",
    "wordperfect", "opendocument", "ocr", "xml", "zip", "html", "mht", "mhtml",
    "rtf", "xfa", "utf", "gb", "gbk", "big", "shift_jis", "jis", "euc", "jp",
    "kr", "tw", "koi", "iso", "windows", "cp", "docx", "doc", "odt", "txt",
    "xlsx", "xls", "pptx", "ppt", "hkscs", "unicode", "excel", "powerpoint",
    "acrobat", "writer", "bom", "dos", "mb", "kb", "dpi", "git", "shift_jis",
}


def count_wordchars(text):
    """Letters, digits and CJK characters, counted as the manifest counts
    them: Python's \\w, which takes "_" along (a form's blanks)."""
    return len(re.findall(r"\w", text))


def english_words(message, file_name):
    """English words in @message that are not names."""
    # The file's own name, and what is quoted (a page's title, a part's
    # name), are the sender's words, not the message's.
    stripped = message.replace(file_name, "")
    stripped = re.sub(r"“[^”]*”", " ", stripped)
    stripped = re.sub(r"\.[A-Za-z0-9]{2,5}\b", " ", stripped)
    # A token with a digit is a code or an encoding's name (UTF-8,
    # KOI8-R, windows-1252), not an English word.
    words = re.findall(r"[A-Za-z][A-Za-z0-9_\-]*", stripped)
    return [w for w in words if not re.search(r"\d", w) and w.lower() not in NAMES]


def has_cjk(text):
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def load_manifest(folder):
    with open(os.path.join(folder, "manifest.tsv"), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_expectations(path):
    """file → (check, reason); a check is "ref=N" (the reference is wrong,
    N is what the document really holds) or "short" (a shortfall of ours,
    reported but not failed)."""
    expected = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not parts[2].strip() or not re.fullmatch(r"ref=\d+|short", parts[1]):
                raise SystemExit("%s:%d: want FILE<TAB>ref=N or short<TAB>reason" % (path, number))
            expected[parts[0]] = (parts[1], parts[2])
    return expected


def run_one(fazhi_check, folder, row, timeout, env):
    path = os.path.join(folder, "files", row["file"])
    result = {"file": row["file"], "format": row["format_dir"], "problems": []}
    started = time.monotonic()
    try:
        proc = subprocess.run([fazhi_check, "--format", "json", "--with-text", path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        result["seconds"] = time.monotonic() - started
        result["problems"].append("hung: no answer within %d s" % timeout)
        result["kind"] = "hang"
        return result
    result["seconds"] = time.monotonic() - started

    if proc.returncode < 0 or proc.returncode not in (0, 3):
        result["problems"].append("crashed or failed: exit %d: %s"
                                  % (proc.returncode, proc.stderr.decode("utf-8", "replace")[-400:]))
        result["kind"] = "crash"
        return result
    try:
        out = proc.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        result["problems"].append("output is not UTF-8: %s" % error)
        result["kind"] = "bad-output"
        return result
    try:
        report = json.loads(out)["reports"][0]
    except (ValueError, KeyError, IndexError) as error:
        result["problems"].append("output is not fazhi-check JSON: %s" % error)
        result["kind"] = "bad-output"
        return result

    name = os.path.basename(path)
    messages = list(report.get("warnings") or [])
    error = report.get("error")
    if error is not None:
        result["kind"] = "error:" + error.get("code", "?")
        messages.append(error.get("message", ""))
        if proc.returncode != 3:
            result["problems"].append("an error, but exit status %d" % proc.returncode)
    else:
        result["kind"] = "read"
        if proc.returncode != 0:
            result["problems"].append("read, but exit status %d" % proc.returncode)
    for message in messages:
        english = english_words(message, name)
        if not has_cjk(message.replace(name, "")) or english:
            result["problems"].append("message not in Chinese%s: %s"
                                      % (" (%s)" % ", ".join(english) if english else "", message))
    result["message"] = error.get("message") if error else None
    result["chars"] = count_wordchars(report.get("text") or "") if error is None else 0
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fazhi_check")
    parser.add_argument("folder")
    parser.add_argument("expectations")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=150)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.folder, "manifest.tsv")):
        print("# SKIP: %s is absent" % args.folder)
        return 77

    rows = load_manifest(args.folder)
    if args.only:
        rows = [r for r in rows if any(o in r["file"] for o in args.only)]
    expected = load_expectations(args.expectations)
    known = {r["file"] for r in load_manifest(args.folder)}
    stale = [f for f in expected if f not in known]

    env = dict(os.environ)
    env.pop("FAZHI_LOCALEDIR", None)
    env.update({"LC_ALL": "C.UTF-8", "LANGUAGE": "zh_CN"})
    # A conversion stops itself, cleanly, before the per-file limit.
    env.setdefault("FAZHI_CONVERT_TIMEOUT", str(max(10, args.timeout - 30)))

    started = time.monotonic()
    results = []
    # The slow conversions first, so they do not end the run alone.
    slow = {"doc", "rtf", "wps"}
    rows.sort(key=lambda r: (r["format_dir"] not in slow, r["file"]))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run_one, args.fazhi_check, args.folder, row, args.timeout, env): row
                   for row in rows}
        for future in concurrent.futures.as_completed(futures):
            row = futures[future]
            result = future.result()
            ref = int(row["ref_wordchars"]) if row["ref_wordchars"] else None
            check = expected.get(row["file"])
            if check is not None and check[0].startswith("ref="):
                ref = int(check[0].split("=")[1])
            result["ref"] = ref
            if ref is not None and ref >= MIN_REF and result.get("chars") is not None \
               and not result["kind"] in ("hang", "crash", "bad-output"):
                if result["chars"] < KEEP * ref:
                    shortfall = "text kept %d of %d letters (%.0f %%)%s" % (
                        result["chars"], ref, 100.0 * result["chars"] / ref,
                        ": " + result["message"] if result.get("message") else "")
                    if check is not None and check[0] == "short":
                        result["known"] = "%s (known: %s)" % (shortfall, check[1])
                    else:
                        result["problems"].append(shortfall)
            results.append(result)
    elapsed = time.monotonic() - started

    by_format = collections.OrderedDict()
    for fmt in ["docx", "odt", "doc", "rtf", "wps", "pdf", "ofd", "html", "htm", "mht", "mhtml", "txt"]:
        by_format[fmt] = []
    for r in results:
        by_format.setdefault(r["format"], []).append(r)

    failures = [r for r in results if r["problems"]]
    for r in sorted(failures, key=lambda r: r["file"]):
        for problem in r["problems"]:
            print("FAIL %s: %s" % (r["file"], problem))
    for r in sorted((r for r in results if r.get("known")), key=lambda r: r["file"]):
        print("SHORT %s: %s" % (r["file"], r["known"]))
    fixed = [f for f, (check, _) in expected.items() if check == "short" and
             any(r["file"] == f and not r.get("known") and r["kind"] == "read" for r in results)]
    for f in fixed:
        print("FAIL %s: listed as a shortfall in %s but reads in full now; take it out"
              % (f, os.path.basename(args.expectations)))

    print()
    print("%-6s %5s %5s  %-44s %s" % ("format", "files", "read", "clean errors by kind", "text kept (ref >= 50)"))
    totals = collections.Counter()
    for fmt, rs in by_format.items():
        if not rs:
            continue
        kinds = collections.Counter(r["kind"][6:] for r in rs if r["kind"].startswith("error:") and not r["problems"])
        bad = sum(1 for r in rs if r["problems"])
        read = sum(1 for r in rs if r["kind"] == "read")
        refs = [r for r in rs if r["ref"] is not None and r["ref"] >= MIN_REF]
        kept_files = sum(1 for r in refs if (r.get("chars") or 0) >= KEEP * r["ref"])
        kept_chars = sum(min(r.get("chars") or 0, r["ref"]) for r in refs)
        ref_chars = sum(r["ref"] for r in refs)
        errors = ", ".join("%s %d" % kv for kv in sorted(kinds.items())) or "-"
        kept = ("%d/%d files, %.1f %% of letters" % (kept_files, len(refs), 100.0 * kept_chars / ref_chars)
                if refs else "-")
        print("%-6s %5d %5d  %-44s %s%s" % (fmt, len(rs), read, errors, kept,
                                             "  (%d failing)" % bad if bad else ""))
        totals.update(files=len(rs), read=read, refs=len(refs), kept=kept_files, bad=bad)
    print("%-6s %5d %5d  %-44s %d/%d files" % ("all", totals["files"], totals["read"], "",
                                               totals["kept"], totals["refs"]))
    print("references corrected in %s: %d; known shortfalls: %d"
          % (os.path.basename(args.expectations), sum(1 for c, _ in expected.values() if c != "short"),
             sum(1 for r in results if r.get("known"))))
    slowest = sorted(results, key=lambda r: -r.get("seconds", 0))[:5]
    print("\n%d files in %.0f s with %d jobs; slowest: %s" % (
        len(results), elapsed, args.jobs,
        ", ".join("%s %.1f s" % (os.path.basename(r["file"]), r.get("seconds", 0)) for r in slowest)))
    for f in stale:
        print("FAIL %s: listed in %s but not in the manifest" % (f, os.path.basename(args.expectations)))
    if args.verbose:
        for r in sorted(results, key=lambda r: r["file"]):
            print("%s\t%s\t%s\t%s\t%.1f\t%s" % (r["file"], r["kind"], r.get("chars"), r.get("ref"),
                                                  r.get("seconds", 0), r.get("message") or ""))

    return 1 if failures or stale or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
