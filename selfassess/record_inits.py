# ruff: noqa
# mypy: ignore-errors
"""The ``__init__`` of every ``@record`` class of the package, by its source
(written by tools/record_inits.py; tests/test_record_inits.py holds it to the
classes). Do not edit by hand: the names a factory is read from are the class's,
given to the code when a class makes its own ``__init__`` from it."""

INITS = {}


def __init__(__record_self, answers=None, bonus=None, veto=None):
    __values = __record_self.__dict__
    __values['answers'] = __factory_0() if answers is __no_value else answers
    __values['bonus'] = __factory_1() if bonus is __no_value else bonus
    __values['veto'] = __factory_2() if veto is __no_value else veto
INITS[(
    "def __init__(__record_self, answers=None, bonus=None, veto=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['answers'] = __factory_0() if answers is __no_value else answers\n"
    "    __values['bonus'] = __factory_1() if bonus is __no_value else bonus\n"
    "    __values['veto'] = __factory_2() if veto is __no_value else veto\n"
)] = __init__


def __init__(__record_self, at, actor, department_id, action, target, old, new):
    __values = __record_self.__dict__
    __values['at'] = at
    __values['actor'] = actor
    __values['department_id'] = department_id
    __values['action'] = action
    __values['target'] = target
    __values['old'] = old
    __values['new'] = new
INITS[(
    "def __init__(__record_self, at, actor, department_id, action, target, old, new):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['at'] = at\n"
    "    __values['actor'] = actor\n"
    "    __values['department_id'] = department_id\n"
    "    __values['action'] = action\n"
    "    __values['target'] = target\n"
    "    __values['old'] = old\n"
    "    __values['new'] = new\n"
)] = __init__


def __init__(__record_self, at, actor, text):
    __values = __record_self.__dict__
    __values['at'] = at
    __values['actor'] = actor
    __values['text'] = text
INITS[(
    "def __init__(__record_self, at, actor, text):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['at'] = at\n"
    "    __values['actor'] = actor\n"
    "    __values['text'] = text\n"
)] = __init__


def __init__(__record_self, category, text, item_code=None):
    __values = __record_self.__dict__
    __values['category'] = category
    __values['text'] = text
    __values['item_code'] = item_code
INITS[(
    "def __init__(__record_self, category, text, item_code=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['category'] = category\n"
    "    __values['text'] = text\n"
    "    __values['item_code'] = item_code\n"
)] = __init__


def __init__(__record_self, code, max_points, applicable_max, score):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['max_points'] = max_points
    __values['applicable_max'] = applicable_max
    __values['score'] = score
INITS[(
    "def __init__(__record_self, code, max_points, applicable_max, score):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['max_points'] = max_points\n"
    "    __values['applicable_max'] = applicable_max\n"
    "    __values['score'] = score\n"
)] = __init__


def __init__(__record_self, code, points=None, narrative=None, review_points=None, review_reason=None,
             review_flag=None, previous_review=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['points'] = points
    __values['narrative'] = narrative
    __values['review_points'] = review_points
    __values['review_reason'] = review_reason
    __values['review_flag'] = review_flag
    __values['previous_review'] = previous_review
INITS[(
    "def __init__(__record_self, code, points=None, narrative=None, review_points=None, review_reason=None, review_flag=None, previous_review=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['points'] = points\n"
    "    __values['narrative'] = narrative\n"
    "    __values['review_points'] = review_points\n"
    "    __values['review_reason'] = review_reason\n"
    "    __values['review_flag'] = review_flag\n"
    "    __values['previous_review'] = previous_review\n"
)] = __init__


def __init__(__record_self, code, possible, lost, rate, losers):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['possible'] = possible
    __values['lost'] = lost
    __values['rate'] = rate
    __values['losers'] = losers
INITS[(
    "def __init__(__record_self, code, possible, lost, rate, losers):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['possible'] = possible\n"
    "    __values['lost'] = lost\n"
    "    __values['rate'] = rate\n"
    "    __values['losers'] = losers\n"
)] = __init__


def __init__(__record_self, code, possible, lost, rate, mean=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['possible'] = possible
    __values['lost'] = lost
    __values['rate'] = rate
    __values['mean'] = mean
INITS[(
    "def __init__(__record_self, code, possible, lost, rate, mean=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['possible'] = possible\n"
    "    __values['lost'] = lost\n"
    "    __values['rate'] = rate\n"
    "    __values['mean'] = mean\n"
)] = __init__


def __init__(__record_self, code, section_code, title, max_points, step, mode, content=None,
             criteria=None, evidence_hint=None, target=None, reference=None, na_allowed=None,
             evidence_required=None, deductions=None, counts=None, levels=None,
             evidence_requirements=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['section_code'] = section_code
    __values['title'] = title
    __values['max_points'] = max_points
    __values['step'] = step
    __values['mode'] = mode
    __values['content'] = content
    __values['criteria'] = criteria
    __values['evidence_hint'] = evidence_hint
    __values['target'] = target
    __values['reference'] = reference
    __values['na_allowed'] = na_allowed
    __values['evidence_required'] = evidence_required
    __values['deductions'] = deductions
    __values['counts'] = counts
    __values['levels'] = levels
    __values['evidence_requirements'] = evidence_requirements
INITS[(
    "def __init__(__record_self, code, section_code, title, max_points, step, mode, content=None, criteria=None, evidence_hint=None, target=None, reference=None, na_allowed=None, evidence_required=None, deductions=None, counts=None, levels=None, evidence_requirements=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['section_code'] = section_code\n"
    "    __values['title'] = title\n"
    "    __values['max_points'] = max_points\n"
    "    __values['step'] = step\n"
    "    __values['mode'] = mode\n"
    "    __values['content'] = content\n"
    "    __values['criteria'] = criteria\n"
    "    __values['evidence_hint'] = evidence_hint\n"
    "    __values['target'] = target\n"
    "    __values['reference'] = reference\n"
    "    __values['na_allowed'] = na_allowed\n"
    "    __values['evidence_required'] = evidence_required\n"
    "    __values['deductions'] = deductions\n"
    "    __values['counts'] = counts\n"
    "    __values['levels'] = levels\n"
    "    __values['evidence_requirements'] = evidence_requirements\n"
)] = __init__


def __init__(__record_self, code, text):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['text'] = text
INITS[(
    "def __init__(__record_self, code, text):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['text'] = text\n"
)] = __init__


def __init__(__record_self, code, text, points):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['text'] = text
    __values['points'] = points
INITS[(
    "def __init__(__record_self, code, text, points):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['text'] = text\n"
    "    __values['points'] = points\n"
)] = __init__


def __init__(__record_self, code, text, points, per_occurrence=None, unit=None, cap=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['text'] = text
    __values['points'] = points
    __values['per_occurrence'] = per_occurrence
    __values['unit'] = unit
    __values['cap'] = cap
INITS[(
    "def __init__(__record_self, code, text, points, per_occurrence=None, unit=None, cap=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['text'] = text\n"
    "    __values['points'] = points\n"
    "    __values['per_occurrence'] = per_occurrence\n"
    "    __values['unit'] = unit\n"
    "    __values['cap'] = cap\n"
)] = __init__


def __init__(__record_self, code, text, target, points_per_shortfall, unit=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['text'] = text
    __values['target'] = target
    __values['points_per_shortfall'] = points_per_shortfall
    __values['unit'] = unit
INITS[(
    "def __init__(__record_self, code, text, target, points_per_shortfall, unit=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['text'] = text\n"
    "    __values['target'] = target\n"
    "    __values['points_per_shortfall'] = points_per_shortfall\n"
    "    __values['unit'] = unit\n"
)] = __init__


def __init__(__record_self, code, title, max_points, items, suggested_category=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['title'] = title
    __values['max_points'] = max_points
    __values['items'] = items
    __values['suggested_category'] = suggested_category
INITS[(
    "def __init__(__record_self, code, title, max_points, items, suggested_category=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['title'] = title\n"
    "    __values['max_points'] = max_points\n"
    "    __values['items'] = items\n"
    "    __values['suggested_category'] = suggested_category\n"
)] = __init__


def __init__(__record_self, code, title, max_points, rule=None, evidence_required=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['title'] = title
    __values['max_points'] = max_points
    __values['rule'] = rule
    __values['evidence_required'] = evidence_required
INITS[(
    "def __init__(__record_self, code, title, max_points, rule=None, evidence_required=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['title'] = title\n"
    "    __values['max_points'] = max_points\n"
    "    __values['rule'] = rule\n"
    "    __values['evidence_required'] = evidence_required\n"
)] = __init__


def __init__(__record_self, code, triggered=None, explanation=None, review_triggered=None,
             review_reason=None, review_flag=None, previous_review=None):
    __values = __record_self.__dict__
    __values['code'] = code
    __values['triggered'] = triggered
    __values['explanation'] = explanation
    __values['review_triggered'] = review_triggered
    __values['review_reason'] = review_reason
    __values['review_flag'] = review_flag
    __values['previous_review'] = previous_review
INITS[(
    "def __init__(__record_self, code, triggered=None, explanation=None, review_triggered=None, review_reason=None, review_flag=None, previous_review=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['code'] = code\n"
    "    __values['triggered'] = triggered\n"
    "    __values['explanation'] = explanation\n"
    "    __values['review_triggered'] = review_triggered\n"
    "    __values['review_reason'] = review_reason\n"
    "    __values['review_flag'] = review_flag\n"
    "    __values['previous_review'] = previous_review\n"
)] = __init__


def __init__(__record_self, count, mean, highest, lowest, grades, sections, items=None):
    __values = __record_self.__dict__
    __values['count'] = count
    __values['mean'] = mean
    __values['highest'] = highest
    __values['lowest'] = lowest
    __values['grades'] = grades
    __values['sections'] = sections
    __values['items'] = items
INITS[(
    "def __init__(__record_self, count, mean, highest, lowest, grades, sections, items=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['count'] = count\n"
    "    __values['mean'] = mean\n"
    "    __values['highest'] = highest\n"
    "    __values['lowest'] = lowest\n"
    "    __values['grades'] = grades\n"
    "    __values['sections'] = sections\n"
    "    __values['items'] = items\n"
)] = __init__


def __init__(__record_self, data, digest, own, final, rank, problems, review, renamed_from=None,
             state=None, state_since=None, returns=None, approvals=None, ledger=None, earlier=None,
             adjustment=None):
    __values = __record_self.__dict__
    __values['data'] = data
    __values['digest'] = digest
    __values['own'] = own
    __values['final'] = final
    __values['rank'] = rank
    __values['problems'] = problems
    __values['review'] = review
    __values['renamed_from'] = renamed_from
    __values['state'] = state
    __values['state_since'] = state_since
    __values['returns'] = returns
    __values['approvals'] = approvals
    __values['ledger'] = __factory_12() if ledger is __no_value else ledger
    __values['earlier'] = earlier
    __values['adjustment'] = adjustment
INITS[(
    "def __init__(__record_self, data, digest, own, final, rank, problems, review, renamed_from=None, state=None, state_since=None, returns=None, approvals=None, ledger=None, earlier=None, adjustment=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['data'] = data\n"
    "    __values['digest'] = digest\n"
    "    __values['own'] = own\n"
    "    __values['final'] = final\n"
    "    __values['rank'] = rank\n"
    "    __values['problems'] = problems\n"
    "    __values['review'] = review\n"
    "    __values['renamed_from'] = renamed_from\n"
    "    __values['state'] = state\n"
    "    __values['state_since'] = state_since\n"
    "    __values['returns'] = returns\n"
    "    __values['approvals'] = approvals\n"
    "    __values['ledger'] = __factory_12() if ledger is __no_value else ledger\n"
    "    __values['earlier'] = earlier\n"
    "    __values['adjustment'] = adjustment\n"
)] = __init__


def __init__(__record_self, department, answers, bonus, veto, shortcomings, measures, evidence,
             carried=None):
    __values = __record_self.__dict__
    __values['department'] = department
    __values['answers'] = answers
    __values['bonus'] = bonus
    __values['veto'] = veto
    __values['shortcomings'] = shortcomings
    __values['measures'] = measures
    __values['evidence'] = evidence
    __values['carried'] = carried
INITS[(
    "def __init__(__record_self, department, answers, bonus, veto, shortcomings, measures, evidence, carried=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department'] = department\n"
    "    __values['answers'] = answers\n"
    "    __values['bonus'] = bonus\n"
    "    __values['veto'] = veto\n"
    "    __values['shortcomings'] = shortcomings\n"
    "    __values['measures'] = measures\n"
    "    __values['evidence'] = evidence\n"
    "    __values['carried'] = carried\n"
)] = __init__


def __init__(__record_self, department, code, title, scores):
    __values = __record_self.__dict__
    __values['department'] = department
    __values['code'] = code
    __values['title'] = title
    __values['scores'] = scores
INITS[(
    "def __init__(__record_self, department, code, title, scores):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department'] = department\n"
    "    __values['code'] = code\n"
    "    __values['title'] = title\n"
    "    __values['scores'] = scores\n"
)] = __init__


def __init__(__record_self, department, department_id, target, ref, kind, flags=None):
    __values = __record_self.__dict__
    __values['department'] = department
    __values['department_id'] = department_id
    __values['target'] = target
    __values['ref'] = ref
    __values['kind'] = kind
    __values['flags'] = flags
INITS[(
    "def __init__(__record_self, department, department_id, target, ref, kind, flags=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department'] = department\n"
    "    __values['department_id'] = department_id\n"
    "    __values['target'] = target\n"
    "    __values['ref'] = ref\n"
    "    __values['kind'] = kind\n"
    "    __values['flags'] = flags\n"
)] = __init__


def __init__(__record_self, department, kind, code, value=None, reason=None):
    __values = __record_self.__dict__
    __values['department'] = department
    __values['kind'] = kind
    __values['code'] = code
    __values['value'] = value
    __values['reason'] = reason
INITS[(
    "def __init__(__record_self, department, kind, code, value=None, reason=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department'] = department\n"
    "    __values['kind'] = kind\n"
    "    __values['code'] = code\n"
    "    __values['value'] = value\n"
    "    __values['reason'] = reason\n"
)] = __init__


def __init__(__record_self, department, measure, problem, status, colour, latest, closed, documents=None,
             deadline=None, sealed_deadline=None):
    __values = __record_self.__dict__
    __values['department'] = department
    __values['measure'] = measure
    __values['problem'] = problem
    __values['status'] = status
    __values['colour'] = colour
    __values['latest'] = latest
    __values['closed'] = closed
    __values['documents'] = documents
    __values['deadline'] = deadline
    __values['sealed_deadline'] = sealed_deadline
INITS[(
    "def __init__(__record_self, department, measure, problem, status, colour, latest, closed, documents=None, deadline=None, sealed_deadline=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department'] = department\n"
    "    __values['measure'] = measure\n"
    "    __values['problem'] = problem\n"
    "    __values['status'] = status\n"
    "    __values['colour'] = colour\n"
    "    __values['latest'] = latest\n"
    "    __values['closed'] = closed\n"
    "    __values['documents'] = documents\n"
    "    __values['deadline'] = deadline\n"
    "    __values['sealed_deadline'] = sealed_deadline\n"
)] = __init__


def __init__(__record_self, department_id, department, place, label, snippet):
    __values = __record_self.__dict__
    __values['department_id'] = department_id
    __values['department'] = department
    __values['place'] = place
    __values['label'] = label
    __values['snippet'] = snippet
INITS[(
    "def __init__(__record_self, department_id, department, place, label, snippet):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department_id'] = department_id\n"
    "    __values['department'] = department\n"
    "    __values['place'] = place\n"
    "    __values['label'] = label\n"
    "    __values['snippet'] = snippet\n"
)] = __init__


def __init__(__record_self, department_id, grade, reason, adjusted_by, adjusted_at, lowers=None):
    __values = __record_self.__dict__
    __values['department_id'] = department_id
    __values['grade'] = grade
    __values['reason'] = reason
    __values['adjusted_by'] = adjusted_by
    __values['adjusted_at'] = adjusted_at
    __values['lowers'] = lowers
INITS[(
    "def __init__(__record_self, department_id, grade, reason, adjusted_by, adjusted_at, lowers=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['department_id'] = department_id\n"
    "    __values['grade'] = grade\n"
    "    __values['reason'] = reason\n"
    "    __values['adjusted_by'] = adjusted_by\n"
    "    __values['adjusted_at'] = adjusted_at\n"
    "    __values['lowers'] = lowers\n"
)] = __init__


def __init__(__record_self, file, outcome, reason, department_id=None, revision=None, digest=None):
    __values = __record_self.__dict__
    __values['file'] = file
    __values['outcome'] = outcome
    __values['reason'] = reason
    __values['department_id'] = department_id
    __values['revision'] = revision
    __values['digest'] = digest
INITS[(
    "def __init__(__record_self, file, outcome, reason, department_id=None, revision=None, digest=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['file'] = file\n"
    "    __values['outcome'] = outcome\n"
    "    __values['reason'] = reason\n"
    "    __values['department_id'] = department_id\n"
    "    __values['revision'] = revision\n"
    "    __values['digest'] = digest\n"
)] = __init__


def __init__(__record_self, file_name, media_type, sha256, size, added_at, added_by=None):
    __values = __record_self.__dict__
    __values['file_name'] = file_name
    __values['media_type'] = media_type
    __values['sha256'] = sha256
    __values['size'] = size
    __values['added_at'] = added_at
    __values['added_by'] = added_by
INITS[(
    "def __init__(__record_self, file_name, media_type, sha256, size, added_at, added_by=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['file_name'] = file_name\n"
    "    __values['media_type'] = media_type\n"
    "    __values['sha256'] = sha256\n"
    "    __values['size'] = size\n"
    "    __values['added_at'] = added_at\n"
    "    __values['added_by'] = added_by\n"
)] = __init__


def __init__(__record_self, fingerprint, checklist, period, allow_drafts):
    __values = __record_self.__dict__
    __values['fingerprint'] = fingerprint
    __values['checklist'] = checklist
    __values['period'] = period
    __values['allow_drafts'] = allow_drafts
INITS[(
    "def __init__(__record_self, fingerprint, checklist, period, allow_drafts):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['fingerprint'] = fingerprint\n"
    "    __values['checklist'] = checklist\n"
    "    __values['period'] = period\n"
    "    __values['allow_drafts'] = allow_drafts\n"
)] = __init__


def __init__(__record_self, grade, share):
    __values = __record_self.__dict__
    __values['grade'] = grade
    __values['share'] = share
INITS[(
    "def __init__(__record_self, grade, share):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['grade'] = grade\n"
    "    __values['share'] = share\n"
)] = __init__


def __init__(__record_self, grade, share, allowed, computed, count):
    __values = __record_self.__dict__
    __values['grade'] = grade
    __values['share'] = share
    __values['allowed'] = allowed
    __values['computed'] = computed
    __values['count'] = count
INITS[(
    "def __init__(__record_self, grade, share, allowed, computed, count):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['grade'] = grade\n"
    "    __values['share'] = share\n"
    "    __values['allowed'] = allowed\n"
    "    __values['computed'] = computed\n"
    "    __values['count'] = count\n"
)] = __init__


def __init__(__record_self, id, department_id, revision, digest, approved_at, approved_by,
             withdrawn_at=None, withdrawn_by=None):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['department_id'] = department_id
    __values['revision'] = revision
    __values['digest'] = digest
    __values['approved_at'] = approved_at
    __values['approved_by'] = approved_by
    __values['withdrawn_at'] = withdrawn_at
    __values['withdrawn_by'] = withdrawn_by
INITS[(
    "def __init__(__record_self, id, department_id, revision, digest, approved_at, approved_by, withdrawn_at=None, withdrawn_by=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['department_id'] = department_id\n"
    "    __values['revision'] = revision\n"
    "    __values['digest'] = digest\n"
    "    __values['approved_at'] = approved_at\n"
    "    __values['approved_by'] = approved_by\n"
    "    __values['withdrawn_at'] = withdrawn_at\n"
    "    __values['withdrawn_by'] = withdrawn_by\n"
)] = __init__


def __init__(__record_self, id, department_id, revision, returned_at, returned_by, note, entries,
             reopened_at=None):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['department_id'] = department_id
    __values['revision'] = revision
    __values['returned_at'] = returned_at
    __values['returned_by'] = returned_by
    __values['note'] = note
    __values['entries'] = entries
    __values['reopened_at'] = reopened_at
INITS[(
    "def __init__(__record_self, id, department_id, revision, returned_at, returned_by, note, entries, reopened_at=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['department_id'] = department_id\n"
    "    __values['revision'] = revision\n"
    "    __values['returned_at'] = returned_at\n"
    "    __values['returned_by'] = returned_by\n"
    "    __values['note'] = note\n"
    "    __values['entries'] = entries\n"
    "    __values['reopened_at'] = reopened_at\n"
)] = __init__


def __init__(__record_self, id, name, filled_by, revision, sealed, created_at, digest=None,
             source_file=None, merged_at=None):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['name'] = name
    __values['filled_by'] = filled_by
    __values['revision'] = revision
    __values['sealed'] = sealed
    __values['created_at'] = created_at
    __values['digest'] = digest
    __values['source_file'] = source_file
    __values['merged_at'] = merged_at
INITS[(
    "def __init__(__record_self, id, name, filled_by, revision, sealed, created_at, digest=None, source_file=None, merged_at=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['name'] = name\n"
    "    __values['filled_by'] = filled_by\n"
    "    __values['revision'] = revision\n"
    "    __values['sealed'] = sealed\n"
    "    __values['created_at'] = created_at\n"
    "    __values['digest'] = digest\n"
    "    __values['source_file'] = source_file\n"
    "    __values['merged_at'] = merged_at\n"
)] = __init__


def __init__(__record_self, id, target_kind, target_code, position, file_name, media_type, sha256, size,
             added_at):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['target_kind'] = target_kind
    __values['target_code'] = target_code
    __values['position'] = position
    __values['file_name'] = file_name
    __values['media_type'] = media_type
    __values['sha256'] = sha256
    __values['size'] = size
    __values['added_at'] = added_at
INITS[(
    "def __init__(__record_self, id, target_kind, target_code, position, file_name, media_type, sha256, size, added_at):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['target_kind'] = target_kind\n"
    "    __values['target_code'] = target_code\n"
    "    __values['position'] = position\n"
    "    __values['file_name'] = file_name\n"
    "    __values['media_type'] = media_type\n"
    "    __values['sha256'] = sha256\n"
    "    __values['size'] = size\n"
    "    __values['added_at'] = added_at\n"
)] = __init__


def __init__(__record_self, id, version, items=None):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['version'] = version
    __values['items'] = items
INITS[(
    "def __init__(__record_self, id, version, items=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['version'] = version\n"
    "    __values['items'] = items\n"
)] = __init__


def __init__(__record_self, id, version, title, full_marks, step, na_policy, bonus_cap, cap_total,
             sections, bonus_items, veto_items, grade_bands, shortcoming_categories, description=None,
             warnings=None, previous=None, grade_quota=None, quota_rounding=None):
    __values = __record_self.__dict__
    __values['id'] = id
    __values['version'] = version
    __values['title'] = title
    __values['full_marks'] = full_marks
    __values['step'] = step
    __values['na_policy'] = na_policy
    __values['bonus_cap'] = bonus_cap
    __values['cap_total'] = cap_total
    __values['sections'] = sections
    __values['bonus_items'] = bonus_items
    __values['veto_items'] = veto_items
    __values['grade_bands'] = grade_bands
    __values['shortcoming_categories'] = shortcoming_categories
    __values['description'] = description
    __values['warnings'] = warnings
    __values['previous'] = previous
    __values['grade_quota'] = grade_quota
    __values['quota_rounding'] = quota_rounding
INITS[(
    "def __init__(__record_self, id, version, title, full_marks, step, na_policy, bonus_cap, cap_total, sections, bonus_items, veto_items, grade_bands, shortcoming_categories, description=None, warnings=None, previous=None, grade_quota=None, quota_rounding=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['id'] = id\n"
    "    __values['version'] = version\n"
    "    __values['title'] = title\n"
    "    __values['full_marks'] = full_marks\n"
    "    __values['step'] = step\n"
    "    __values['na_policy'] = na_policy\n"
    "    __values['bonus_cap'] = bonus_cap\n"
    "    __values['cap_total'] = cap_total\n"
    "    __values['sections'] = sections\n"
    "    __values['bonus_items'] = bonus_items\n"
    "    __values['veto_items'] = veto_items\n"
    "    __values['grade_bands'] = grade_bands\n"
    "    __values['shortcoming_categories'] = shortcoming_categories\n"
    "    __values['description'] = description\n"
    "    __values['warnings'] = warnings\n"
    "    __values['previous'] = previous\n"
    "    __values['grade_quota'] = grade_quota\n"
    "    __values['quota_rounding'] = quota_rounding\n"
)] = __init__


def __init__(__record_self, item_code, self_score=None, narrative=None, deduction_reason=None,
             not_applicable=None, na_reason=None, aid=None, review_score=None, review_reason=None,
             review_flag=None, previous_review=None, updated_at=None):
    __values = __record_self.__dict__
    __values['item_code'] = item_code
    __values['self_score'] = self_score
    __values['narrative'] = narrative
    __values['deduction_reason'] = deduction_reason
    __values['not_applicable'] = not_applicable
    __values['na_reason'] = na_reason
    __values['aid'] = __factory_6() if aid is __no_value else aid
    __values['review_score'] = review_score
    __values['review_reason'] = review_reason
    __values['review_flag'] = review_flag
    __values['previous_review'] = previous_review
    __values['updated_at'] = updated_at
INITS[(
    "def __init__(__record_self, item_code, self_score=None, narrative=None, deduction_reason=None, not_applicable=None, na_reason=None, aid=None, review_score=None, review_reason=None, review_flag=None, previous_review=None, updated_at=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['item_code'] = item_code\n"
    "    __values['self_score'] = self_score\n"
    "    __values['narrative'] = narrative\n"
    "    __values['deduction_reason'] = deduction_reason\n"
    "    __values['not_applicable'] = not_applicable\n"
    "    __values['na_reason'] = na_reason\n"
    "    __values['aid'] = __factory_6() if aid is __no_value else aid\n"
    "    __values['review_score'] = review_score\n"
    "    __values['review_reason'] = review_reason\n"
    "    __values['review_flag'] = review_flag\n"
    "    __values['previous_review'] = previous_review\n"
    "    __values['updated_at'] = updated_at\n"
)] = __init__


def __init__(__record_self, items, reviewed, to_redo, differences, any):
    __values = __record_self.__dict__
    __values['items'] = items
    __values['reviewed'] = reviewed
    __values['to_redo'] = to_redo
    __values['differences'] = differences
    __values['any'] = any
INITS[(
    "def __init__(__record_self, items, reviewed, to_redo, differences, any):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['items'] = items\n"
    "    __values['reviewed'] = reviewed\n"
    "    __values['to_redo'] = to_redo\n"
    "    __values['differences'] = differences\n"
    "    __values['any'] = any\n"
)] = __init__


def __init__(__record_self, items, sections, raw_base, applicable_max, base, bonus_claimed, bonus, total,
             veto, vetoed_by, grade, explanation):
    __values = __record_self.__dict__
    __values['items'] = items
    __values['sections'] = sections
    __values['raw_base'] = raw_base
    __values['applicable_max'] = applicable_max
    __values['base'] = base
    __values['bonus_claimed'] = bonus_claimed
    __values['bonus'] = bonus
    __values['total'] = total
    __values['veto'] = veto
    __values['vetoed_by'] = vetoed_by
    __values['grade'] = grade
    __values['explanation'] = explanation
INITS[(
    "def __init__(__record_self, items, sections, raw_base, applicable_max, base, bonus_claimed, bonus, total, veto, vetoed_by, grade, explanation):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['items'] = items\n"
    "    __values['sections'] = sections\n"
    "    __values['raw_base'] = raw_base\n"
    "    __values['applicable_max'] = applicable_max\n"
    "    __values['base'] = base\n"
    "    __values['bonus_claimed'] = bonus_claimed\n"
    "    __values['bonus'] = bonus\n"
    "    __values['total'] = total\n"
    "    __values['veto'] = veto\n"
    "    __values['vetoed_by'] = vetoed_by\n"
    "    __values['grade'] = grade\n"
    "    __values['explanation'] = explanation\n"
)] = __init__


def __init__(__record_self, key, header, width, note=None, required=None):
    __values = __record_self.__dict__
    __values['key'] = key
    __values['header'] = header
    __values['width'] = width
    __values['note'] = note
    __values['required'] = required
INITS[(
    "def __init__(__record_self, key, header, width, note=None, required=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['key'] = key\n"
    "    __values['header'] = header\n"
    "    __values['width'] = width\n"
    "    __values['note'] = note\n"
    "    __values['required'] = required\n"
)] = __init__


def __init__(__record_self, key, title, columns):
    __values = __record_self.__dict__
    __values['key'] = key
    __values['title'] = title
    __values['columns'] = columns
INITS[(
    "def __init__(__record_self, key, title, columns):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['key'] = key\n"
    "    __values['title'] = title\n"
    "    __values['columns'] = columns\n"
)] = __init__


def __init__(__record_self, kind, code, fields, added=None, removed=None, before=None, after=None):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['code'] = code
    __values['fields'] = fields
    __values['added'] = added
    __values['removed'] = removed
    __values['before'] = before
    __values['after'] = after
INITS[(
    "def __init__(__record_self, kind, code, fields, added=None, removed=None, before=None, after=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['code'] = code\n"
    "    __values['fields'] = fields\n"
    "    __values['added'] = added\n"
    "    __values['removed'] = removed\n"
    "    __values['before'] = before\n"
    "    __values['after'] = after\n"
)] = __init__


def __init__(__record_self, kind, code, points, text):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['code'] = code
    __values['points'] = points
    __values['text'] = text
INITS[(
    "def __init__(__record_self, kind, code, points, text):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['code'] = code\n"
    "    __values['points'] = points\n"
    "    __values['text'] = text\n"
)] = __init__


def __init__(__record_self, kind, code, reason):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['code'] = code
    __values['reason'] = reason
INITS[(
    "def __init__(__record_self, kind, code, reason):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['code'] = code\n"
    "    __values['reason'] = reason\n"
)] = __init__


def __init__(__record_self, kind, department_id, target, file_name, sha256, detail):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['department_id'] = department_id
    __values['target'] = target
    __values['file_name'] = file_name
    __values['sha256'] = sha256
    __values['detail'] = detail
INITS[(
    "def __init__(__record_self, kind, department_id, target, file_name, sha256, detail):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['department_id'] = department_id\n"
    "    __values['target'] = target\n"
    "    __values['file_name'] = file_name\n"
    "    __values['sha256'] = sha256\n"
    "    __values['detail'] = detail\n"
)] = __init__


def __init__(__record_self, kind, old, new, detail=None):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['old'] = old
    __values['new'] = new
    __values['detail'] = detail
INITS[(
    "def __init__(__record_self, kind, old, new, detail=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['old'] = old\n"
    "    __values['new'] = new\n"
    "    __values['detail'] = detail\n"
)] = __init__


def __init__(__record_self, kind, period, bureau_name, created_at, created_with):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['period'] = period
    __values['bureau_name'] = bureau_name
    __values['created_at'] = created_at
    __values['created_with'] = created_with
INITS[(
    "def __init__(__record_self, kind, period, bureau_name, created_at, created_with):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['period'] = period\n"
    "    __values['bureau_name'] = bureau_name\n"
    "    __values['created_at'] = created_at\n"
    "    __values['created_with'] = created_with\n"
)] = __init__


def __init__(__record_self, kind, revision, digest_bits, draft, page, short, subject=None, pages=None,
             digest_prefix=None, full=None):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['revision'] = revision
    __values['digest_bits'] = digest_bits
    __values['draft'] = draft
    __values['page'] = page
    __values['short'] = short
    __values['subject'] = subject
    __values['pages'] = pages
    __values['digest_prefix'] = digest_prefix
    __values['full'] = full
INITS[(
    "def __init__(__record_self, kind, revision, digest_bits, draft, page, short, subject=None, pages=None, digest_prefix=None, full=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['revision'] = revision\n"
    "    __values['digest_bits'] = digest_bits\n"
    "    __values['draft'] = draft\n"
    "    __values['page'] = page\n"
    "    __values['short'] = short\n"
    "    __values['subject'] = subject\n"
    "    __values['pages'] = pages\n"
    "    __values['digest_prefix'] = digest_prefix\n"
    "    __values['full'] = full\n"
)] = __init__


def __init__(__record_self, kind, subject, name, revision, digest, draft):
    __values = __record_self.__dict__
    __values['kind'] = kind
    __values['subject'] = subject
    __values['name'] = name
    __values['revision'] = revision
    __values['digest'] = digest
    __values['draft'] = draft
INITS[(
    "def __init__(__record_self, kind, subject, name, revision, digest, draft):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['kind'] = kind\n"
    "    __values['subject'] = subject\n"
    "    __values['name'] = name\n"
    "    __values['revision'] = revision\n"
    "    __values['digest'] = digest\n"
    "    __values['draft'] = draft\n"
)] = __init__


def __init__(__record_self, matches, line):
    __values = __record_self.__dict__
    __values['matches'] = matches
    __values['line'] = line
INITS[(
    "def __init__(__record_self, matches, line):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['matches'] = matches\n"
    "    __values['line'] = line\n"
)] = __init__


def __init__(__record_self, name, department_id, received, outcome=None, reason=None, since=None):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['department_id'] = department_id
    __values['received'] = received
    __values['outcome'] = outcome
    __values['reason'] = reason
    __values['since'] = since
INITS[(
    "def __init__(__record_self, name, department_id, received, outcome=None, reason=None, since=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['department_id'] = department_id\n"
    "    __values['received'] = received\n"
    "    __values['outcome'] = outcome\n"
    "    __values['reason'] = reason\n"
    "    __values['since'] = since\n"
)] = __init__


def __init__(__record_self, name, department_id=None):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['department_id'] = department_id
INITS[(
    "def __init__(__record_self, name, department_id=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['department_id'] = department_id\n"
)] = __init__


def __init__(__record_self, name, fraction):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['fraction'] = fraction
INITS[(
    "def __init__(__record_self, name, fraction):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['fraction'] = fraction\n"
)] = __init__


def __init__(__record_self, name, label, kind, options=None, placeholder=None):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['label'] = label
    __values['kind'] = kind
    __values['options'] = options
    __values['placeholder'] = placeholder
INITS[(
    "def __init__(__record_self, name, label, kind, options=None, placeholder=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['label'] = label\n"
    "    __values['kind'] = kind\n"
    "    __values['options'] = options\n"
    "    __values['placeholder'] = placeholder\n"
)] = __init__


def __init__(__record_self, name, minimum):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['minimum'] = minimum
INITS[(
    "def __init__(__record_self, name, minimum):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['minimum'] = minimum\n"
)] = __init__


def __init__(__record_self, name, minimum=None, types=None):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['minimum'] = minimum
    __values['types'] = types
INITS[(
    "def __init__(__record_self, name, minimum=None, types=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['minimum'] = minimum\n"
    "    __values['types'] = types\n"
)] = __init__


def __init__(__record_self, name, results, change):
    __values = __record_self.__dict__
    __values['name'] = name
    __values['results'] = results
    __values['change'] = change
INITS[(
    "def __init__(__record_self, name, results, change):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['name'] = name\n"
    "    __values['results'] = results\n"
    "    __values['change'] = change\n"
)] = __init__


def __init__(__record_self, note, entries):
    __values = __record_self.__dict__
    __values['note'] = note
    __values['entries'] = entries
INITS[(
    "def __init__(__record_self, note, entries):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['note'] = note\n"
    "    __values['entries'] = entries\n"
)] = __init__


def __init__(__record_self, number, status=None, note=None, evidence=None, deadline=None):
    __values = __record_self.__dict__
    __values['number'] = number
    __values['status'] = status
    __values['note'] = note
    __values['evidence'] = evidence
    __values['deadline'] = deadline
INITS[(
    "def __init__(__record_self, number, status=None, note=None, evidence=None, deadline=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['number'] = number\n"
    "    __values['status'] = status\n"
    "    __values['note'] = note\n"
    "    __values['evidence'] = evidence\n"
    "    __values['deadline'] = deadline\n"
)] = __init__


def __init__(__record_self, number, status=None, updated_at=None, closed_by=None, closed_at=None,
             notes=None, evidence=None, deadline=None):
    __values = __record_self.__dict__
    __values['number'] = number
    __values['status'] = status
    __values['updated_at'] = updated_at
    __values['closed_by'] = closed_by
    __values['closed_at'] = closed_at
    __values['notes'] = notes
    __values['evidence'] = evidence
    __values['deadline'] = deadline
INITS[(
    "def __init__(__record_self, number, status=None, updated_at=None, closed_by=None, closed_at=None, notes=None, evidence=None, deadline=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['number'] = number\n"
    "    __values['status'] = status\n"
    "    __values['updated_at'] = updated_at\n"
    "    __values['closed_by'] = closed_by\n"
    "    __values['closed_at'] = closed_at\n"
    "    __values['notes'] = notes\n"
    "    __values['evidence'] = evidence\n"
    "    __values['deadline'] = deadline\n"
)] = __init__


def __init__(__record_self, occurrences=None, counts=None, level=None, met=None):
    __values = __record_self.__dict__
    __values['occurrences'] = __factory_0() if occurrences is __no_value else occurrences
    __values['counts'] = __factory_1() if counts is __no_value else counts
    __values['level'] = level
    __values['met'] = met
INITS[(
    "def __init__(__record_self, occurrences=None, counts=None, level=None, met=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['occurrences'] = __factory_0() if occurrences is __no_value else occurrences\n"
    "    __values['counts'] = __factory_1() if counts is __no_value else counts\n"
    "    __values['level'] = level\n"
    "    __values['met'] = met\n"
)] = __init__


def __init__(__record_self, path, made_at, reason, size):
    __values = __record_self.__dict__
    __values['path'] = path
    __values['made_at'] = made_at
    __values['reason'] = reason
    __values['size'] = size
INITS[(
    "def __init__(__record_self, path, made_at, reason, size):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['path'] = path\n"
    "    __values['made_at'] = made_at\n"
    "    __values['reason'] = reason\n"
    "    __values['size'] = size\n"
)] = __init__


def __init__(__record_self, path, name):
    __values = __record_self.__dict__
    __values['path'] = path
    __values['name'] = name
INITS[(
    "def __init__(__record_self, path, name):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['path'] = path\n"
    "    __values['name'] = name\n"
)] = __init__


def __init__(__record_self, path_name, info, checklist, departments, statistics, roster=None,
             history=None, quotas=None):
    __values = __record_self.__dict__
    __values['path_name'] = path_name
    __values['info'] = info
    __values['checklist'] = checklist
    __values['departments'] = departments
    __values['statistics'] = statistics
    __values['roster'] = roster
    __values['history'] = history
    __values['quotas'] = quotas
INITS[(
    "def __init__(__record_self, path_name, info, checklist, departments, statistics, roster=None, history=None, quotas=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['path_name'] = path_name\n"
    "    __values['info'] = info\n"
    "    __values['checklist'] = checklist\n"
    "    __values['departments'] = departments\n"
    "    __values['statistics'] = statistics\n"
    "    __values['roster'] = roster\n"
    "    __values['history'] = history\n"
    "    __values['quotas'] = quotas\n"
)] = __init__


def __init__(__record_self, period, bureau_name, checklist_id, checklist_version, source_sha256,
             added_at, added_by, departments=None):
    __values = __record_self.__dict__
    __values['period'] = period
    __values['bureau_name'] = bureau_name
    __values['checklist_id'] = checklist_id
    __values['checklist_version'] = checklist_version
    __values['source_sha256'] = source_sha256
    __values['added_at'] = added_at
    __values['added_by'] = added_by
    __values['departments'] = departments
INITS[(
    "def __init__(__record_self, period, bureau_name, checklist_id, checklist_version, source_sha256, added_at, added_by, departments=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['period'] = period\n"
    "    __values['bureau_name'] = bureau_name\n"
    "    __values['checklist_id'] = checklist_id\n"
    "    __values['checklist_version'] = checklist_version\n"
    "    __values['source_sha256'] = source_sha256\n"
    "    __values['added_at'] = added_at\n"
    "    __values['added_by'] = added_by\n"
    "    __values['departments'] = departments\n"
)] = __init__


def __init__(__record_self, period, department_id, name, own_total, total, grade, rank, measures,
             measures_done, items=None, max_points=None, documents=None):
    __values = __record_self.__dict__
    __values['period'] = period
    __values['department_id'] = department_id
    __values['name'] = name
    __values['own_total'] = own_total
    __values['total'] = total
    __values['grade'] = grade
    __values['rank'] = rank
    __values['measures'] = measures
    __values['measures_done'] = measures_done
    __values['items'] = __factory_9() if items is __no_value else items
    __values['max_points'] = __factory_10() if max_points is __no_value else max_points
    __values['documents'] = documents
INITS[(
    "def __init__(__record_self, period, department_id, name, own_total, total, grade, rank, measures, measures_done, items=None, max_points=None, documents=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['period'] = period\n"
    "    __values['department_id'] = department_id\n"
    "    __values['name'] = name\n"
    "    __values['own_total'] = own_total\n"
    "    __values['total'] = total\n"
    "    __values['grade'] = grade\n"
    "    __values['rank'] = rank\n"
    "    __values['measures'] = measures\n"
    "    __values['measures_done'] = measures_done\n"
    "    __values['items'] = __factory_9() if items is __no_value else items\n"
    "    __values['max_points'] = __factory_10() if max_points is __no_value else max_points\n"
    "    __values['documents'] = documents\n"
)] = __init__


def __init__(__record_self, period, total, done, rate):
    __values = __record_self.__dict__
    __values['period'] = period
    __values['total'] = total
    __values['done'] = done
    __values['rate'] = rate
INITS[(
    "def __init__(__record_self, period, total, done, rate):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['period'] = period\n"
    "    __values['total'] = total\n"
    "    __values['done'] = done\n"
    "    __values['rate'] = rate\n"
)] = __init__


def __init__(__record_self, periods, rows, means, mean_change, lost, measures):
    __values = __record_self.__dict__
    __values['periods'] = periods
    __values['rows'] = rows
    __values['means'] = means
    __values['mean_change'] = mean_change
    __values['lost'] = lost
    __values['measures'] = measures
INITS[(
    "def __init__(__record_self, periods, rows, means, mean_change, lost, measures):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['periods'] = periods\n"
    "    __values['rows'] = rows\n"
    "    __values['means'] = means\n"
    "    __values['mean_change'] = mean_change\n"
    "    __values['lost'] = lost\n"
    "    __values['measures'] = measures\n"
)] = __init__


def __init__(__record_self, revision, sealed_at, sealed_by, digest, audit_digest=None):
    __values = __record_self.__dict__
    __values['revision'] = revision
    __values['sealed_at'] = sealed_at
    __values['sealed_by'] = sealed_by
    __values['digest'] = digest
    __values['audit_digest'] = audit_digest
INITS[(
    "def __init__(__record_self, revision, sealed_at, sealed_by, digest, audit_digest=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['revision'] = revision\n"
    "    __values['sealed_at'] = sealed_at\n"
    "    __values['sealed_by'] = sealed_by\n"
    "    __values['digest'] = digest\n"
    "    __values['audit_digest'] = audit_digest\n"
)] = __init__


def __init__(__record_self, run, at, file_name, outcome, reason, department_id=None, revision=None,
             digest=None):
    __values = __record_self.__dict__
    __values['run'] = run
    __values['at'] = at
    __values['file_name'] = file_name
    __values['outcome'] = outcome
    __values['reason'] = reason
    __values['department_id'] = department_id
    __values['revision'] = revision
    __values['digest'] = digest
INITS[(
    "def __init__(__record_self, run, at, file_name, outcome, reason, department_id=None, revision=None, digest=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['run'] = run\n"
    "    __values['at'] = at\n"
    "    __values['file_name'] = file_name\n"
    "    __values['outcome'] = outcome\n"
    "    __values['reason'] = reason\n"
    "    __values['department_id'] = department_id\n"
    "    __values['revision'] = revision\n"
    "    __values['digest'] = digest\n"
)] = __init__


def __init__(__record_self, runs, width, start):
    __values = __record_self.__dict__
    __values['runs'] = runs
    __values['width'] = width
    __values['start'] = start
INITS[(
    "def __init__(__record_self, runs, width, start):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['runs'] = runs\n"
    "    __values['width'] = width\n"
    "    __values['start'] = start\n"
)] = __init__


def __init__(__record_self, score=None, not_applicable=None, reason=None):
    __values = __record_self.__dict__
    __values['score'] = score
    __values['not_applicable'] = not_applicable
    __values['reason'] = reason
INITS[(
    "def __init__(__record_self, score=None, not_applicable=None, reason=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['score'] = score\n"
    "    __values['not_applicable'] = not_applicable\n"
    "    __values['reason'] = reason\n"
)] = __init__


def __init__(__record_self, target, code, check, message):
    __values = __record_self.__dict__
    __values['target'] = target
    __values['code'] = code
    __values['check'] = check
    __values['message'] = message
INITS[(
    "def __init__(__record_self, target, code, check, message):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['target'] = target\n"
    "    __values['code'] = code\n"
    "    __values['check'] = check\n"
    "    __values['message'] = message\n"
)] = __init__


def __init__(__record_self, text, owner=None, deadline=None, shortcoming=None, leader=None,
             standard=None, progress=None, number=None):
    __values = __record_self.__dict__
    __values['text'] = text
    __values['owner'] = owner
    __values['deadline'] = deadline
    __values['shortcoming'] = shortcoming
    __values['leader'] = leader
    __values['standard'] = standard
    __values['progress'] = progress
    __values['number'] = number
INITS[(
    "def __init__(__record_self, text, owner=None, deadline=None, shortcoming=None, leader=None, standard=None, progress=None, number=None):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['text'] = text\n"
    "    __values['owner'] = owner\n"
    "    __values['deadline'] = deadline\n"
    "    __values['shortcoming'] = shortcoming\n"
    "    __values['leader'] = leader\n"
    "    __values['standard'] = standard\n"
    "    __values['progress'] = progress\n"
    "    __values['number'] = number\n"
)] = __init__


def __init__(__record_self, title, addressee, paragraphs, org, date, issued):
    __values = __record_self.__dict__
    __values['title'] = title
    __values['addressee'] = addressee
    __values['paragraphs'] = paragraphs
    __values['org'] = org
    __values['date'] = date
    __values['issued'] = issued
INITS[(
    "def __init__(__record_self, title, addressee, paragraphs, org, date, issued):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['title'] = title\n"
    "    __values['addressee'] = addressee\n"
    "    __values['paragraphs'] = paragraphs\n"
    "    __values['org'] = org\n"
    "    __values['date'] = date\n"
    "    __values['issued'] = issued\n"
)] = __init__


def __init__(__record_self, value, coordinate):
    __values = __record_self.__dict__
    __values['value'] = value
    __values['coordinate'] = coordinate
INITS[(
    "def __init__(__record_self, value, coordinate):\n"
    "    __values = __record_self.__dict__\n"
    "    __values['value'] = value\n"
    "    __values['coordinate'] = coordinate\n"
)] = __init__
