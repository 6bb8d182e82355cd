"""Draws a second held-out set (session 21): per model and per program-length stratum, PER_STRATUM ids with a new
seed, none of them in the first sample (codesim-loops.sample.jsonl), and splits them into four labeller batches
(H2-A..H2-D), each mixing models and strata. Labelled blind with sheet.py, like the first; never used to tune the
reader. Writes ids only: data/labels/codesim-loops.holdout2.sample.jsonl and data/labels/batches/H2-*.txt."""
import json, os, sys
from loops import stratified_draw, write_sample, ROOT, DEFAULT_CORPUS

SEED = 20261206
PER_STRATUM = 2
BATCHES = ['H2-A', 'H2-B', 'H2-C', 'H2-D']

base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
taken = {json.loads(line)['id'] for line in open(os.path.join(base, 'codesim-loops.sample.jsonl'))}
corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
draws, rng = stratified_draw(corpus, SEED, PER_STRATUM, exclude=taken)
out = [{'id': id_, 'model': model, 'stratum': stratum, 'set': 'holdout2'} for model, stratum, ids in draws for id_ in ids]

write_sample(base, 'codesim-loops.holdout2.sample.jsonl', out, rng, BATCHES)
print(f'{len(out)} ids, {len(BATCHES)} batches of {len(out) // len(BATCHES)}')
