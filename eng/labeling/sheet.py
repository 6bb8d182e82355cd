"""Prints labelling sheets: the program, its ground-truth trace (body steps numbered from 1; the declarations are
the given initial values) and the reply with line numbers. Shows no classifier verdict, on purpose: label first.
  python3 sheet.py <id> [<id> ...] [--steps A-B] [--corpus path]
  python3 sheet.py --batch <name>           every id in data/labels/batches/<name>.txt
Reply text is printed to the terminal only; never copy it into the repository."""
import argparse, os, sys
from loops import read_corpus, body_steps, count_steps, ROOT, DEFAULT_CORPUS

HEAD, TAIL = 150, 30

parser = argparse.ArgumentParser()
parser.add_argument('ids', nargs='*')
parser.add_argument('--batch')
parser.add_argument('--steps', help='print this range of body steps in full, e.g. 200-400')
parser.add_argument('--corpus', default=DEFAULT_CORPUS)
args = parser.parse_args()

ids = list(args.ids)
if args.batch:
    with open(os.path.join(ROOT, '..', '..', 'data', 'labels', 'batches', args.batch + '.txt')) as f:
        ids += [line.strip() for line in f if line.strip()]
wanted = set(ids)
rows = {r['id']: r for r in read_corpus(args.corpus) if r['id'] in wanted}

for id_ in ids:
    row = rows.get(id_)
    if row is None:
        print(f'### {id_}: not in the corpus', file=sys.stderr)
        continue
    decl_count, body_count = count_steps(row['program'])
    decls, state, steps = body_steps(row['program'])
    print('=' * 100)
    print(f'### {id_}   model={row["model"]}  source={row["metadata"].get("source")}  n={row["metadata"].get("n")}')
    print(f'### program: {decl_count} declarations (given initial values) + {body_count} body steps')
    print(row['program'])
    print('--- ground truth: initial values: ' + ', '.join(f'{n}={v}' for n, v in decls))
    lo, hi = (None, None)
    if args.steps:
        a, b = args.steps.split('-')
        lo, hi = int(a), int(b)
    shown_gap = False
    for i, (text, name, value, path) in enumerate(steps, start=1):
        full = lo is not None and lo <= i <= hi
        if full or i <= HEAD or i > body_count - TAIL:
            it = ' iter ' + '.'.join(map(str, path)) if path else ''
            print(f'  step {i:>5}{it:<14} {text:<14} -> {name} = {value}')
            shown_gap = False
        elif not shown_gap:
            print(f'  ... (steps {i}..{body_count - TAIL} not shown; use --steps A-B)')
            shown_gap = True
    print('--- final values: ' + ', '.join(f'{n}={v}' for n, v in state.items()))
    print(f'--- TRUE ANSWER (sum of all variables): {sum(state.values())}')
    print('--- reply (line numbers added):')
    for n, line in enumerate(row['reply'].split('\n'), start=1):
        print(f'{n:>4}| {line}')
    print()
