"""Splits the sample into labeller batches: every batch mixes models and strata; OVERLAP ids (drawn with a fixed
seed from the development set) go to every batch, so agreement between labellers can be measured."""
import json, os, random
from loops import ROOT

LABELLERS = ['L1', 'L2', 'L3', 'L4']
OVERLAP = 24
base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
rows = [json.loads(l) for l in open(os.path.join(base, 'codesim-loops.sample.jsonl'))]
rng = random.Random(7)
dev = [r['id'] for r in rows if r['set'] == 'dev']
shared = set(rng.sample(dev, OVERLAP))
rest = [r for r in rows if r['id'] not in shared]
batches = {name: [] for name in LABELLERS}
for i, r in enumerate(rest):
    batches[LABELLERS[i % len(LABELLERS)]].append(r['id'])
os.makedirs(os.path.join(base, 'batches'), exist_ok=True)
for name, ids in batches.items():
    ids = sorted(shared) + ids
    rng.shuffle(ids)
    with open(os.path.join(base, 'batches', name + '.txt'), 'w') as f:
        f.write('\n'.join(ids) + '\n')
    print(name, len(ids))
with open(os.path.join(base, 'batches', 'overlap.txt'), 'w') as f:
    f.write('\n'.join(sorted(shared)) + '\n')
