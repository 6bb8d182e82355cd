"""Draws the labelling sample: per model and per program-length stratum (the product's length: declarations plus
unrolled body steps), a fixed-seed shuffle; the first DEV_PER_STRATUM ids are the development set, the next
HOLDOUT_PER_STRATUM the held-out set (labelled the same way, never used to tune the reader).
Writes ids only: data/labels/codesim-loops.sample.jsonl."""
import json, os, random, sys
from collections import defaultdict
from loops import read_corpus, count_steps, bucket, ROOT, DEFAULT_CORPUS

SEED = 20261204
DEV_PER_STRATUM, HOLDOUT_PER_STRATUM = 12, 4
STRATA = ['1-9', '10-29', '30-99', '100-999', '1000+']

corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
groups = defaultdict(list)
for row in read_corpus(corpus):
    decl, body = count_steps(row['program'])
    groups[(row['model'], bucket(decl + body))].append(row['id'])

out = []
rng = random.Random(SEED)
for model in sorted({m for m, _ in groups}):
    for stratum in STRATA:
        ids = sorted(groups[(model, stratum)])
        rng.shuffle(ids)
        for i, id_ in enumerate(ids[:DEV_PER_STRATUM + HOLDOUT_PER_STRATUM]):
            out.append({'id': id_, 'model': model, 'stratum': stratum, 'set': 'dev' if i < DEV_PER_STRATUM else 'holdout'})

path = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels', 'codesim-loops.sample.jsonl'))
with open(path, 'w', encoding='utf-8') as f:
    for row in out:
        f.write(json.dumps(row) + '\n')
print(f'{len(out)} ids -> {path}')
