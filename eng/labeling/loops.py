"""Reads the codesim-loops transcripts and re-executes their programs (long locals, constant for loops,
`n_k op= literal` bodies) with C# long wrap-around. Used only to build labelling sheets; the product's own
ground truth comes from Faithful.Core's ReferenceEvaluator."""
import gzip, json, os, random, re
from collections import defaultdict

ROOT = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(ROOT, '..', '..', '..', 'shared', 'realdata', 'codesim-loops', 'replies.jsonl.gz'))

FOR = re.compile(r'for \(var (\w+) = 0; \1 < (\d+); \1\+\+\)')
DECL = re.compile(r'long (\w+) = (-?\d+);')
STMT = re.compile(r'(\w+) (\+=|-=|\*=|=) (-?\d+);')


def wrap(v):
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >= (1 << 63) else v


def read_corpus(path=DEFAULT_CORPUS):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def parse(program):
    """Returns (declarations [(name, value)], body tree). Tree nodes: ('for', count, [children]) or ('op', name, op, k)."""
    decls, root = [], []
    stack = [root]
    pending = None
    for raw in program.split('\n'):
        line = raw.strip()
        if not line:
            continue
        if m := DECL.fullmatch(line):
            decls.append((m.group(1), int(m.group(2))))
        elif m := FOR.fullmatch(line):
            pending = ('for', int(m.group(2)), [])
            stack[-1].append(pending)
        elif line == '{':
            stack.append(pending[2])
        elif line == '}':
            stack.pop()
        elif m := STMT.fullmatch(line):
            stack[-1].append(('op', m.group(1), m.group(2), int(m.group(3))))
        else:
            raise ValueError('unexpected program line: ' + line)
    return decls, root


def body_steps(program):
    """Yields (statement text, variable, value after) for every executed body statement, in order, plus the loop path."""
    decls, root = parse(program)
    state = dict(decls)

    def run(nodes, path):
        for node in nodes:
            if node[0] == 'for':
                for i in range(node[1]):
                    yield from run(node[2], path + [i + 1])
            else:
                _, name, op, k = node
                v = state[name]
                v = {'+=': v + k, '-=': v - k, '*=': v * k, '=': k}[op]
                state[name] = wrap(v)
                yield f'{name} {op} {k}', name, state[name], tuple(path)

    return decls, state, run(root, [])


def count_steps(program):
    decls, root = parse(program)

    def count(nodes):
        return sum(node[1] * count(node[2]) if node[0] == 'for' else 1 for node in nodes)

    return len(decls), count(root)


def bucket(length):
    return '1-9' if length < 10 else '10-29' if length < 30 else '30-99' if length < 100 else '100-999' if length < 1000 else '1000+'


STRATA = ['1-9', '10-29', '30-99', '100-999', '1000+']


def stratified_draw(corpus, seed, count, exclude=frozenset()):
    """Per model and per length stratum (the product's length: declarations plus unrolled body steps), the first
    `count` ids of a shuffle with `seed`, leaving out `exclude`. Returns ([(model, stratum, ids)], the generator, for
    any further draw that must follow from the same seed)."""
    groups = defaultdict(list)
    for row in read_corpus(corpus):
        if row['id'] in exclude:
            continue
        decl, body = count_steps(row['program'])
        groups[(row['model'], bucket(decl + body))].append(row['id'])
    rng = random.Random(seed)
    draws = []
    for model in sorted({m for m, _ in groups}):
        for stratum in STRATA:
            ids = sorted(groups[(model, stratum)])
            rng.shuffle(ids)
            draws.append((model, stratum, ids[:count]))
    return draws, rng


def draw_quota(groups, quota, rng):
    """For each selector group in sorted key order, the first quota[key] ids of its sorted ids shuffled with `rng`:
    yields (key, id). The challenge-set samplers share it, so a committed sample is redrawn identically."""
    for key in sorted(quota):
        ids = sorted(groups[key])
        rng.shuffle(ids)
        for id_ in ids[:quota[key]]:
            yield key, id_


def write_sample(base, sample_file, rows, rng, batches):
    """Writes the drawn rows (ids only) to data/labels/<sample_file>, then shuffles their ids with `rng` and deals them
    into the labeller batches data/labels/batches/<name>.txt, so every batch mixes models and strata."""
    with open(os.path.join(base, sample_file), 'w', encoding='utf-8') as f:
        for row in rows:
            f.write(json.dumps(row) + '\n')
    order = [row['id'] for row in rows]
    rng.shuffle(order)
    for k, name in enumerate(batches):
        with open(os.path.join(base, 'batches', name + '.txt'), 'w') as f:
            f.write('\n'.join(order[k::len(batches)]) + '\n')
