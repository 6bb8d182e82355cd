#!/usr/bin/env python3
"""Finds runs of reply text copied into the repository.

The real replies may not be copied into the product repository (shared/realdata/codesim-loops/NOTES.md): docs, code
and tests describe a reply's form in paraphrase and name the reply by id. This scan lists every place where N
consecutive tokens (words, numbers and operators; default 16), at least half of them words, of a docs/, src/, tests/,
samples/ or README line also occur in some reply and not in the prompts (which replies often echo). Tables, lists of
numbers and arithmetic are not reply text however often replies hold them, so a run needs its words.

    python3 eng/labeling/reply_text_scan.py [N]        # from the repository root; exits 1 when it finds any

The replies are read from $FAITHFUL_REALDATA or ../shared/realdata. tests/Faithful.Cli.Tests/Agreement/ReplyTextTests.cs
makes the same check part of the test suite wherever the replies are (it names places only, never the text).
"""
import glob
import gzip
import json
import os
import re
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 16
TOKEN = re.compile(r"[a-z0-9_]+|[-+*/=<>()\[\],.:;]")


def tokens(text):
    return TOKEN.findall(text.lower().replace("`", " ").replace("*", " * "))


def grams(words):
    return {" ".join(words[i:i + N]) for i in range(len(words) - N + 1)}


root = os.environ.get("FAITHFUL_REALDATA") or os.path.join("..", "shared", "realdata")
corpus = os.path.join(root, "codesim-loops", "replies.jsonl.gz")
if not os.path.exists(corpus):
    sys.exit(f"the replies are not at {corpus}; set FAITHFUL_REALDATA to the realdata folder")

reply_grams, prompt_grams = set(), set()
with gzip.open(corpus, "rt", encoding="utf-8") as lines:
    for line in lines:
        record = json.loads(line)
        reply_grams |= grams(tokens(record.get("reply") or ""))
        prompt_grams |= grams(tokens(record.get("prompt") or ""))

files = ["README.md"] + [f for pattern in ("docs/**/*.md", "src/**/*.cs", "tests/**/*.cs", "samples/**/*.cs")
                         for f in glob.glob(pattern, recursive=True)]
found = 0
for path in sorted(f for f in files if "/bin/" not in f and "/obj/" not in f):
    for number, line in enumerate(open(path, encoding="utf-8", errors="ignore"), 1):
        words = tokens(line)
        for i in range(len(words) - N + 1):
            window = words[i:i + N]
            run = " ".join(window)
            if sum(w[0].isalpha() for w in window) * 2 >= N and run in reply_grams and run not in prompt_grams:
                found += 1
                print(f"{path}:{number}: {line.strip()[:160]}")
                break

print(f"{found} line(s) hold {N} tokens in a row of some reply", file=sys.stderr)
sys.exit(1 if found else 0)
