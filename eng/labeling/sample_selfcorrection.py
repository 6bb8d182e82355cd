"""Draws a self-correction challenge set (session 23). The random samples hold almost no self-corrections (2 gold
cases in the 360 development replies, 1 in the 60 of the second held-out set), so `self_correction` could not be
measured. This draws from the replies a text-only selector marks as likely to state more than one answer, with no
use of the instrument: two or more `<result>` tags with different numbers, or a revision cue ("wait", "mistake",
"I apologize", "let me recalculate", ...). None of the ids of the earlier samples is drawn. The set is enriched, so
its figures say how the instrument does on such replies, not how often they occur. Labelled blind with sheet.py
like the other sets. Writes ids only: data/labels/codesim-loops.selfcorrection.sample.jsonl and
data/labels/batches/SC-*.txt."""
import json, os, random, re, sys
from collections import defaultdict
from loops import read_corpus, count_steps, bucket, draw_quota, write_sample, ROOT, DEFAULT_CORPUS

SEED = 20261207
BATCHES = ['SC-A', 'SC-B', 'SC-C', 'SC-D']
# How many ids each selector group gives (the groups are what the corpus holds: other models show neither sign).
QUOTA = {('llama2-70b', 'cue'): 16, ('llama2-70b', 'tags'): 6, ('llamacodeinstruct', 'tags'): 14, ('other', 'cue'): 4}

TAG = re.compile(r'<result>\s*(-?\d+)\s*</result>')
CUE = re.compile(r"\b(wait|oops|mistake|correction|apologi[sz]e|apologies|let me (re|double)|recalculat|re-?evaluat"
                 r"|on second thought|made an error|not correct|incorrect)\b", re.I)

base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
taken = set()
for name in ['codesim-loops.sample.jsonl', 'codesim-loops.holdout2.sample.jsonl']:
    taken |= {json.loads(line)['id'] for line in open(os.path.join(base, name))}

corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
groups = defaultdict(list)
strata = {}
for row in read_corpus(corpus):
    if row['id'] in taken:
        continue
    text = row['reply']
    sign = 'tags' if len(set(TAG.findall(text))) >= 2 else 'cue' if CUE.search(text) else None
    if sign is None:
        continue
    model = row['model'] if (row['model'], sign) in QUOTA else 'other'
    if (model, sign) not in QUOTA:
        continue
    decl, body = count_steps(row['program'])
    strata[row['id']] = bucket(decl + body)
    groups[(model, sign)].append(row['id'])

rng = random.Random(SEED)
out = [{'id': id_, 'model': id_.split('/')[0], 'stratum': strata[id_], 'selector': key[1], 'set': 'selfcorrection'}
       for key, id_ in draw_quota(groups, QUOTA, rng)]

write_sample(base, 'codesim-loops.selfcorrection.sample.jsonl', out, rng, BATCHES)
print(f'{len(out)} ids, {len(BATCHES)} batches of {len(out) // len(BATCHES)}; available per group:',
      {f'{m}/{s}': len(v) for (m, s), v in sorted(groups.items())})
