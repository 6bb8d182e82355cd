"""Draws the labelling sample: per model and per program-length stratum (the product's length: declarations plus
unrolled body steps), a fixed-seed shuffle; the first DEV_PER_STRATUM ids are the development set, the next
HOLDOUT_PER_STRATUM the held-out set (labelled the same way, never used to tune the reader).
Writes ids only: data/labels/codesim-loops.sample.jsonl."""
import json, os, sys
from loops import stratified_draw, ROOT, DEFAULT_CORPUS

SEED = 20261204
DEV_PER_STRATUM, HOLDOUT_PER_STRATUM = 12, 4

corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
draws, _ = stratified_draw(corpus, SEED, DEV_PER_STRATUM + HOLDOUT_PER_STRATUM)
out = [{'id': id_, 'model': model, 'stratum': stratum, 'set': 'dev' if i < DEV_PER_STRATUM else 'holdout'}
       for model, stratum, ids in draws for i, id_ in enumerate(ids)]

path = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels', 'codesim-loops.sample.jsonl'))
with open(path, 'w', encoding='utf-8') as f:
    for row in out:
        f.write(json.dumps(row) + '\n')
print(f'{len(out)} ids -> {path}')
