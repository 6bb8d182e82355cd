"""Draws a fresh held-out set: per model and per program-length stratum, PER_STRATUM ids with the given seed, none of
them in any earlier sample (every data/labels/*.sample.jsonl), split into four labeller batches that mix models and
strata. Labelled blind with sheet.py like the others; never used to tune the reader. Writes ids only:
data/labels/codesim-loops.<name>.sample.jsonl and data/labels/batches/<PREFIX>-A..D.txt.
Usage: python3 sample_fresh.py <name> <seed> <batch prefix> [corpus]"""
import glob, json, os, sys
from loops import stratified_draw, write_sample, ROOT, DEFAULT_CORPUS

PER_STRATUM = 2
name, seed, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
corpus = sys.argv[4] if len(sys.argv) > 4 else DEFAULT_CORPUS
base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
target = os.path.join(base, f'codesim-loops.{name}.sample.jsonl')
if os.path.exists(target):
    sys.exit(f'{target} exists: a drawn set is never drawn again')

taken = set()
for path in glob.glob(os.path.join(base, '*.sample.jsonl')):
    taken |= {json.loads(line)['id'] for line in open(path)}

draws, rng = stratified_draw(corpus, seed, PER_STRATUM, exclude=taken)
out = [{'id': id_, 'model': model, 'stratum': stratum, 'set': name} for model, stratum, ids in draws for id_ in ids]
batches = [f'{prefix}-{letter}' for letter in 'ABCD']
write_sample(base, os.path.basename(target), out, rng, batches)
print(f'{len(out)} ids ({len(taken)} earlier ids left out), {len(batches)} batches of {len(out) // len(batches)}')
