"""Checks a labels file against the schema in docs/labels.md; prints each problem as file(line): reason."""
import json, sys

LABELS = {'missing_answer', 'premature_answer', 'self_correction', 'under_executed', 'extra_steps',
          'arithmetic_error', 'readout_error', 'correct'}
FIELDS = {'id', 'labels', 'answers', 'first_answer_right', 'last_answer_right', 'steps_executed', 'steps_total',
          'first_divergence', 'right_for_wrong_reasons', 'confidence', 'evidence', 'labeller', 'pass', 'revision'}
REQUIRED = FIELDS - {'revision'}

problems = 0
for path in sys.argv[1:]:
    seen = set()
    for n, line in enumerate(open(path, encoding='utf-8'), start=1):
        def bad(reason):
            global problems
            problems += 1
            print(f'{path}({n}): {reason}')
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            bad(f'not JSON: {e}')
            continue
        if missing := REQUIRED - row.keys():
            bad(f'missing fields {sorted(missing)}')
        if unknown := row.keys() - FIELDS:
            bad(f'unknown fields {sorted(unknown)}')
        if row.get('id') in seen:
            bad(f'id {row.get("id")} labelled twice')
        seen.add(row.get('id'))
        labels = set(row.get('labels') or [])
        if not labels or labels - LABELS:
            bad(f'labels must be a non-empty subset of {sorted(LABELS)}')
        if 'correct' in labels and len(labels) > 1:
            bad('correct excludes every other label')
        answers = row.get('answers')
        if not isinstance(answers, list) or not all(isinstance(a, (int, float)) for a in answers):
            bad('answers must be a list of numbers')
        elif not answers:
            if 'missing_answer' not in labels:
                bad('no answers but no missing_answer')
            if row.get('first_answer_right') is not None or row.get('last_answer_right') is not None:
                bad('no answers: first/last_answer_right must be null')
        if row.get('confidence') not in ('high', 'medium', 'low'):
            bad('confidence must be high, medium or low')
        if not isinstance(row.get('evidence'), str) or len(row.get('evidence', '')) < 10:
            bad('evidence must be one sentence')
        se, st = row.get('steps_executed'), row.get('steps_total')
        if not (isinstance(se, int) and isinstance(st, int) and 0 <= se <= st):
            bad('steps_executed and steps_total must be integers with 0 <= executed <= total')
        fd = row.get('first_divergence')
        if fd is not None and not (isinstance(fd, int) and 1 <= fd <= (st or 0)):
            bad('first_divergence must be null or a body step number 1..steps_total')
        rfwr = row.get('right_for_wrong_reasons')
        expected = bool(row.get('first_answer_right')) and bool(labels & {'under_executed', 'extra_steps', 'arithmetic_error'})
        if rfwr is not expected:
            bad(f'right_for_wrong_reasons must be {expected} (first answer right and under_executed/extra_steps/arithmetic_error)')
print(f'{problems} problem(s)')
sys.exit(1 if problems else 0)
