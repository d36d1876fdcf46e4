#!/usr/bin/env python3
"""An independent, deliberately simple reading of spec section 2 (ingest rules) in Python.

It reads an inbox the way the spec says and prints the rejects (file,line,reason) it finds,
plus the UNKNOWN_PERSON warnings and per-kind row counts. It exists to cross-check the sample
inbox against sample-data/expected-rejects.csv without the Java implementation:

    python3 jobs/bench/check_inbox.py sample-data/inbox --as-of 2026-11-20 \
        | diff - <(tail -n +2 sample-data/expected-rejects.csv)

Not a second implementation of learnstats: one run, one inbox, no store.
"""
import argparse
import csv
import io
import os
import re
import sys
from datetime import date
from decimal import Decimal

KINDS = ["units", "people", "surveys", "attendance", "training", "research", "responses"]
HEADER_ORDER = ["units", "people", "attendance", "training", "research", "surveys", "responses"]

COLS = {
    "units": {"unit_code": ["单位代码", "单位编码"], "unit_name": ["单位名称"], "parent_code": ["上级单位代码", "上级代码"],
              "unit_type": ["单位类型"]},
    "people": {"person_id": ["人员编号", "工号"], "name": ["姓名"], "unit_code": ["单位代码", "所在单位代码"], "rank": ["职级"],
               "education": ["学历"], "birth_date": ["出生日期"], "joined_on": ["入职日期", "到岗日期"],
               "left_on": ["离职日期", "调离日期"], "in_degree_program": ["在职学历教育"]},
    "attendance": {"unit_code": ["单位代码"], "session_id": ["活动编号", "学习编号"], "session_date": ["活动日期", "学习日期", "日期"],
                   "session_type": ["活动类型", "学习形式"], "duration_hours": ["时长", "时长(小时)", "学时"],
                   "person_id": ["人员编号", "工号"], "status": ["出勤情况", "考勤状态", "状态"]},
    "training": {"unit_code": ["单位代码"], "record_id": ["记录编号"], "person_id": ["人员编号", "工号"], "course_name": ["课程名称"],
                 "course_type": ["培训类型", "课程类型"], "credits": ["学分"], "completed_on": ["完成日期", "结业日期"]},
    "research": {"unit_code": ["单位代码"], "trip_id": ["调研编号"], "person_id": ["人员编号", "工号"], "start_date": ["开始日期"],
                 "end_date": ["结束日期"], "topic": ["调研主题"], "report_submitted": ["是否提交调研报告", "调研报告"]},
    "surveys": {"unit_code": ["单位代码"], "survey_id": ["问卷编号"], "title": ["问卷名称"], "opened_on": ["发放日期"],
                "distributed": ["发放数量", "发放份数"]},
    "responses": {"unit_code": ["单位代码"], "survey_id": ["问卷编号"], "response_id": ["答卷编号"], "submitted_on": ["提交日期"],
                  "suggestion": ["意见建议"]},
}
REQUIRED = {
    "units": ["unit_code", "unit_name", "unit_type"],
    "people": ["person_id", "name", "unit_code", "rank", "education", "birth_date"],
    "attendance": ["unit_code", "session_id", "session_date", "session_type", "duration_hours", "person_id", "status"],
    "training": ["unit_code", "record_id", "person_id", "course_name", "credits", "completed_on"],
    "research": ["unit_code", "trip_id", "person_id", "start_date", "end_date"],
    "surveys": ["unit_code", "survey_id", "title", "opened_on", "distributed"],
    "responses": ["unit_code", "survey_id", "response_id", "submitted_on"],
}
KEYS = {"units": ["unit_code"], "people": ["person_id"], "attendance": ["unit_code", "session_id", "person_id"],
        "training": ["unit_code", "record_id"], "research": ["unit_code", "trip_id"], "surveys": ["unit_code", "survey_id"],
        "responses": ["unit_code", "survey_id", "response_id"]}
ENUMS = {
    "rank": {"bureau": "厅级 厅局级 副厅级", "division": "处级 县处级 副处级", "section": "科级 乡科级 副科级", "staff": "科员 办事员 一般干部"},
    "education": {"postgraduate": "研究生 博士 硕士", "bachelor": "本科 大学本科", "college": "大专 专科 大学专科",
                  "secondary": "中专 高中 初中 初中及以下 高中及以下"},
    "session_type": {"central_group": "中心组学习 理论学习中心组", "branch_study": "支部集中学习 支部学习 三会一课",
                     "study_day": "学习日 周五学习日", "lecture": "专题讲座 辅导报告 讲座", "other": "其他"},
    "status": {"present": "出勤 到会 已到", "late": "迟到", "excused": "请假", "absent": "缺勤 缺席 未到"},
    "course_type": {"online": "网络培训 网络学习", "classroom": "集中培训 脱产培训", "lecture": "专题讲座", "degree": "学历教育",
                    "other": "其他"},
}
YES = {"yes", "y", "true", "1", "是"}
NO = {"no", "n", "false", "0", "否"}
DATE_RES = [re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
            re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"), re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
            re.compile(r"^(\d{4})(\d{2})(\d{2})$")]
NUM_RE = re.compile(r"^[+-]?\d+(\.\d+)?$")


class Bad(Exception):
    pass


def decode(b):
    if b[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return b.decode("utf-16"), "UTF-16"
    if b"\x00" in b:
        raise Bad("NOT_TEXT")
    try:
        t = b.decode("utf-8")
        return (t[1:], "UTF-8 BOM") if t.startswith("\ufeff") else (t, "UTF-8")
    except UnicodeDecodeError:
        try:
            return b.decode("gb18030"), "GB18030"
        except UnicodeDecodeError:
            raise Bad("NOT_TEXT")


def canon(kind, label):
    label = label.strip()
    low = label.lower()
    for c, aliases in COLS[kind].items():
        if low == c or label in aliases:
            return c
    if kind == "responses":
        m = re.match(r"^(?:q|题)(\d+)$", low)
        if m:
            return "q" + m.group(1)
    return None


def recognize(header):
    best = None
    for kind in HEADER_ORDER:
        cols = {}
        for i, h in enumerate(header):
            c = canon(kind, h)
            if c and c not in cols:
                cols[c] = i
        ok = all(r in cols for r in REQUIRED[kind]) and (kind != "responses" or any(c.startswith("q") for c in cols))
        if ok and (best is None or len(cols) > len(best[1])):
            best = (kind, cols)
    if best:
        return best
    return None, None


def parse_date(s):
    for r in DATE_RES:
        m = r.match(s)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise Bad("BAD_DATE")
    raise Bad("BAD_DATE")


def parse_num(s, integer=False):
    if not NUM_RE.match(s) or (integer and "." in s):
        raise Bad("BAD_NUMBER")
    return Decimal(s)


def parse_enum(field, s):
    low = s.lower()
    for c, words in ENUMS[field].items():
        if low == c or s in words.split():
            return c
    raise Bad("BAD_CODE")


def parse_bool(s):
    if s.lower() in YES:
        return True
    if s.lower() in NO:
        return False
    raise Bad("BAD_CODE")


def check_code(s):
    if len(s) > 64:
        raise Bad("BAD_CODE")
    return s


def validate(kind, v, as_of):
    """Returns the typed row or raises Bad(reason) for the first of MISSING_VALUE .. FUTURE_DATE."""
    for r in REQUIRED[kind]:
        if not v.get(r):
            raise Bad("MISSING_VALUE")
    # parse errors (BAD_DATE, BAD_NUMBER, BAD_CODE) share one rank in the table: the first met in column order wins
    out = {}
    errs = []

    def attempt(name, fn):
        try:
            out[name] = fn()
        except Bad as b:
            errs.append(str(b))
    for name, s in v.items():
        if s == "" or s is None:
            continue
        if name in ("unit_code", "person_id", "session_id", "record_id", "trip_id", "survey_id", "response_id", "parent_code"):
            attempt(name, lambda s=s: check_code(s))
        elif name in ("birth_date", "joined_on", "left_on", "session_date", "completed_on", "start_date", "end_date",
                      "opened_on", "submitted_on"):
            attempt(name, lambda s=s: parse_date(s))
        elif name in ("duration_hours", "credits"):
            attempt(name, lambda s=s: parse_num(s))
        elif name == "distributed" or re.match(r"^q\d+$", name):
            attempt(name, lambda s=s: parse_num(s, True))
        elif name in ENUMS:
            attempt(name, lambda name=name, s=s: parse_enum(name, s))
        elif name in ("in_degree_program", "report_submitted"):
            attempt(name, lambda s=s: parse_bool(s))
        else:
            out[name] = s
    if errs:
        # BAD_DATE, BAD_NUMBER and BAD_CODE are listed on one line of the table; report the first in that order
        for r in ("BAD_DATE", "BAD_NUMBER", "BAD_CODE"):
            if r in errs:
                raise Bad(r)
    if kind == "attendance" and not (0 < out["duration_hours"] <= 24):
        raise Bad("OUT_OF_RANGE")
    if kind == "training" and not (0 <= out["credits"] <= 100):
        raise Bad("OUT_OF_RANGE")
    if kind == "surveys" and out["distributed"] < 0:
        raise Bad("OUT_OF_RANGE")
    if kind == "responses" and any(not (1 <= out[k] <= 5) for k in out if re.match(r"^q\d+$", k)):
        raise Bad("OUT_OF_RANGE")
    if kind == "research" and out["end_date"] < out["start_date"]:
        raise Bad("OUT_OF_RANGE")
    if kind == "people" and out.get("left_on") and out.get("joined_on") and out["left_on"] <= out["joined_on"]:
        raise Bad("OUT_OF_RANGE")
    for d in ("birth_date", "session_date", "completed_on", "start_date", "end_date", "opened_on", "submitted_on"):
        if d in out and out[d] > as_of:
            raise Bad("FUTURE_DATE")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inbox")
    ap.add_argument("--as-of", required=True)
    a = ap.parse_args()
    as_of = date.fromisoformat(a.as_of)
    files = []
    for root, _, names in os.walk(a.inbox):
        for n in names:
            if n.lower().endswith((".csv", ".tsv", ".txt")):
                p = os.path.join(root, n)
                files.append(os.path.relpath(p, a.inbox))
    seen_hash = set()
    parsed = {k: [] for k in KINDS}
    rejects = []
    import hashlib
    for rel in sorted(files, key=lambda s: s.encode("utf-8")):
        b = open(os.path.join(a.inbox, rel), "rb").read()
        h = hashlib.sha256(b).hexdigest()
        if h in seen_hash:
            print(f"# re-delivery skipped: {rel}", file=sys.stderr)
            continue
        seen_hash.add(h)
        try:
            text, enc = decode(b)
        except Bad as e:
            rejects.append((rel, "", str(e)))
            continue
        first = text.splitlines()[0] if text.strip() else ""
        delim = max([",", "\t", ";"], key=lambda d: (first.count(d), d == ","))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        rows = []
        line = 1
        header = None
        for rec in reader:
            start = line
            line = reader.line_num + 1
            if not rec or (len(rec) == 1 and rec[0] == "" ):
                continue
            if header is None:
                header = rec
                continue
            rows.append((start, rec))
        if header is None:
            rejects.append((rel, "", "EMPTY_FILE"))
            continue
        kind, cols = recognize(header)
        if kind is None:
            shared = {"unit_code", "person_id", "survey_id"}
            own = max(len({canon(k, h) for h in header} - {None} - shared) for k in KINDS)
            rejects.append((rel, "", "MISSING_COLUMN" if own else "UNKNOWN_KIND"))
            continue
        parsed[kind].append((rel, header, cols, rows, enc, delim))
    units = {}
    people = set()
    surveys = set()
    counts = {}
    warnings = []
    for kind in KINDS:
        for rel, header, cols, rows, enc, delim in parsed[kind]:
            n_ok = 0
            file_units = set()
            if kind == "units":
                for _, rec in rows:
                    if len(rec) == len(header) and "unit_code" in cols:
                        file_units.add(rec[cols["unit_code"]].strip())
            keys = set()
            applied = []
            for line, rec in rows:
                try:
                    if len(rec) != len(header):
                        raise Bad("FIELD_COUNT")
                    v = {c: rec[i].strip() for c, i in cols.items()}
                    out = validate(kind, v, as_of)
                    known = set(units) | file_units
                    if kind != "units" and out["unit_code"] not in known:
                        raise Bad("UNKNOWN_UNIT")
                    if kind == "units" and out.get("parent_code") and out["parent_code"] not in known:
                        raise Bad("UNKNOWN_UNIT")
                    if kind == "responses" and (out["unit_code"], out["survey_id"]) not in surveys:
                        raise Bad("UNKNOWN_SURVEY")
                    if kind == "units":
                        parents = {**{u: p for u, p in units.items()}, **{k2: p2 for k2, p2 in applied}}
                        parents[out["unit_code"]] = out.get("parent_code") or None
                        cur, hops = out["unit_code"], 0
                        while cur is not None and hops < 10000:
                            cur = parents.get(cur)
                            hops += 1
                            if cur == out["unit_code"]:
                                raise Bad("CYCLE")
                    key = tuple(out[k] for k in KEYS[kind])
                    if key in keys:
                        raise Bad("DUPLICATE_KEY")
                    keys.add(key)
                    n_ok += 1
                    if kind == "units":
                        applied.append((out["unit_code"], out.get("parent_code") or None))
                    elif kind == "people":
                        people.add(out["person_id"])
                    elif kind == "surveys":
                        surveys.add((out["unit_code"], out["survey_id"]))
                    if kind in ("attendance", "training", "research") and out["person_id"] not in people:
                        warnings.append((rel, line, out["person_id"]))
                except Bad as e:
                    rejects.append((rel, str(line), str(e)))
            for u, p in applied:
                units[u] = p
            c = counts.setdefault(kind, [0, 0, 0])
            c[0] += 1
            c[1] += len(rows)
            c[2] += len(rows) - n_ok
    for r in sorted(rejects, key=lambda r: (r[0].encode("utf-8"), int(r[1]) if r[1] else 0)):
        print(",".join(r))
    for k, c in counts.items():
        print(f"# {k}: {c[0]} files, {c[1]} rows, {c[2]} rejected", file=sys.stderr)
    for w in warnings:
        print(f"# UNKNOWN_PERSON {w}", file=sys.stderr)


if __name__ == "__main__":
    main()
