"""Draws an extra-steps challenge set (session 24). `extra_steps` is rare in the random samples (21 of 360 development
replies, 1 to 6 in each held-out set), and its held-out F1 swings from 0 to 0.889 on a handful of verdicts, so it
could not be measured. This draws from replies a text-only selector marks as likely to execute statements the program
does not have, with no use of the instrument:
  - `overrun`: some variable is given more successive new values ("n_0 = 5", "n0: 5", "n_0 becomes 5") than the
    program writes it, plus two (room for an echoed initial value and a closing list);
  - `totals`: a running or cumulative total, or a sum of the values a variable takes (invented running sums).
None of the ids of any earlier sample is drawn. The set is enriched, so its figures say how the instrument reads such
replies, not how often they occur. Labelled blind with sheet.py like the other sets. Writes ids only:
data/labels/codesim-loops.extrasteps.sample.jsonl and data/labels/batches/XS-*.txt."""
import glob, json, os, random, re, sys
from collections import Counter, defaultdict
from loops import read_corpus, parse, count_steps, bucket, draw_quota, write_sample, ROOT, DEFAULT_CORPUS

SEED = 20261210
BATCHES = ['XS-A', 'XS-B', 'XS-C', 'XS-D']
# How many ids each selector group gives; 'other' pools the models with few replies in a group.
QUOTA = {('jurassic2-ultra', 'overrun'): 12, ('gpt35', 'overrun'): 8, ('llama2-70b', 'overrun'): 6,
         ('llama2-70b', 'totals'): 5, ('llama3-70b', 'overrun'): 5, ('other', 'any'): 4}

VALUE = re.compile(r'\b(n_?\d+)\s*(?:=|:|becomes|is now)\s*\(?(-?\d+)')
TOTAL = re.compile(r'\b(running (?:sum|total)|cumulative|sum of (?:all )?the values (?:of n_?\d|it takes|taken))', re.I)


def writes_per_variable(program):
    _, root = parse(program)
    writes = Counter()

    def walk(nodes, times):
        for node in nodes:
            if node[0] == 'for':
                walk(node[2], times * node[1])
            else:
                writes[node[1]] += times

    walk(root, 1)
    return writes


def sign_of(row):
    writes = writes_per_variable(row['program'])
    changes, last = Counter(), {}
    for match in VALUE.finditer(row['reply']):
        name = match.group(1) if '_' in match.group(1) else 'n_' + match.group(1)[1:]
        if last.get(name) != match.group(2):
            changes[name] += 1
            last[name] = match.group(2)
    if any(name in writes and count > writes[name] + 2 for name, count in changes.items()):
        return 'overrun'
    return 'totals' if TOTAL.search(row['reply']) else None


base = os.path.normpath(os.path.join(ROOT, '..', '..', 'data', 'labels'))
target = os.path.join(base, 'codesim-loops.extrasteps.sample.jsonl')
if os.path.exists(target):
    sys.exit(f'{target} exists: a drawn set is never drawn again')
taken = set()
for path in glob.glob(os.path.join(base, '*.sample.jsonl')):
    taken |= {json.loads(line)['id'] for line in open(path)}

corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
groups, strata, signs = defaultdict(list), {}, {}
for row in read_corpus(corpus):
    if row['id'] in taken:
        continue
    sign = sign_of(row)
    if sign is None:
        continue
    key = (row['model'], sign) if (row['model'], sign) in QUOTA else ('other', 'any')
    decl, body = count_steps(row['program'])
    strata[row['id']] = bucket(decl + body)
    signs[row['id']] = sign
    groups[key].append(row['id'])

rng = random.Random(SEED)
out = [{'id': id_, 'model': id_.split('/')[0], 'stratum': strata[id_], 'selector': signs[id_], 'set': 'extrasteps'}
       for _, id_ in draw_quota(groups, QUOTA, rng)]

write_sample(base, os.path.basename(target), out, rng, BATCHES)
print(f'{len(out)} ids ({len(taken)} earlier ids left out), {len(BATCHES)} batches of {len(out) // len(BATCHES)}; available per group:',
      {f'{m}/{s}': len(v) for (m, s), v in sorted(groups.items())})
