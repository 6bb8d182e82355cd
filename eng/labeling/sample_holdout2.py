"""Draws a second held-out set (session 21): per model and per program-length stratum, PER_STRATUM ids with a new
seed, none of them in the first sample (codesim-loops.sample.jsonl), and splits them into four labeller batches
(H2-A..H2-D), each mixing models and strata. Labelled blind with sheet.py, like the first; never used to tune the
reader. Writes ids only: data/labels/codesim-loops.holdout2.sample.jsonl and data/labels/batches/H2-*.txt."""
import json, os, random, sys
from collections import defaultdict
from loops import read_corpus, count_steps, bucket, ROOT, DEFAULT_CORPUS

SEED = 20261206
PER_STRATUM = 2
STRATA = ['1-9', '10-29', '30-99', '100-999', '1000+']
BATCHES = ['H2-A', 'H2-B', 'H2-C', 'H2-D']

base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
taken = {json.loads(line)['id'] for line in open(os.path.join(base, 'codesim-loops.sample.jsonl'))}
corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
groups = defaultdict(list)
for row in read_corpus(corpus):
    if row['id'] in taken:
        continue
    decl, body = count_steps(row['program'])
    groups[(row['model'], bucket(decl + body))].append(row['id'])

out = []
rng = random.Random(SEED)
for model in sorted({m for m, _ in groups}):
    for stratum in STRATA:
        ids = sorted(groups[(model, stratum)])
        rng.shuffle(ids)
        for id_ in ids[:PER_STRATUM]:
            out.append({'id': id_, 'model': model, 'stratum': stratum, 'set': 'holdout2'})

with open(os.path.join(base, 'codesim-loops.holdout2.sample.jsonl'), 'w', encoding='utf-8') as f:
    for row in out:
        f.write(json.dumps(row) + '\n')

order = [row['id'] for row in out]
rng.shuffle(order)
for k, name in enumerate(BATCHES):
    with open(os.path.join(base, 'batches', name + '.txt'), 'w') as f:
        f.write('\n'.join(order[k::len(BATCHES)]) + '\n')
print(f'{len(out)} ids, {len(BATCHES)} batches of {len(out) // len(BATCHES)}')
