"""Reads Mizan's Parquet tables with pyarrow and pandas only (no Spark) and checks them.

usage: python check_tables.py OUTPUT_DIR EXPECTED_DIR

OUTPUT_DIR: a directory written by `mizan run`. EXPECTED_DIR: <table>.jsonl per table, the same rows as Spark
itself reads them (Spark's JSON: dates as "YYYY-MM-DD", null fields left out). Checks, per table:
  1. the columns and Arrow types are the documented ones (the contract's columns, and _schema.json's types);
  2. every row read by pyarrow equals the row Spark reads (dates, codes, arrays and evidence structs round-trip);
  3. pandas reads the same table (pd.read_parquet on the directory) with the same rows, lists as arrays and
     evidence as dicts; dates from the partition column parse as the same days;
  4. codes: ISO3 countries, country_a < country_b, dyads "AAA-BBB" in alphabetical order, actor slugs,
     stances/quad classes from the contract, scores in [-1, 1], evidence offsets that cut their text out of the sentence.
Prints what it checked; exits 1 with the problems otherwise.
"""
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

CONTRACT = {
    "sentences": ["article_id", "date", "source", "lang", "sentence_idx", "sentence", "stance", "score", "confidence",
                  "quad_class", "dyads", "speaker", "actors", "evidence"],
    "mentions": ["article_id", "date", "source", "lang", "sentence_idx", "country_a", "country_b", "stance", "score",
                 "confidence", "quad_class", "speaker", "actors", "evidence"],
    "trends": ["date", "country_a", "country_b", "mentions", "articles", "sources", "mean_score", "cooperative",
               "neutral", "conflictual", "ci_low", "ci_high", "score_7d"],
    "actor_trends": ["date", "actor", "actor_country", "country_a", "country_b", "mentions", "as_speaker", "mean_score"],
    "quarantine": ["id", "reason", "detail", "source_file", "date"],
}
EVIDENCE = pa.list_(pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("weight", pa.float64())]))
SIMPLE = {"string": pa.string(), "integer": pa.int32(), "long": pa.int64(), "double": pa.float64(), "date": pa.date32()}
ISO3 = re.compile(r"^[A-Z]{3}$")
DYAD = re.compile(r"^([A-Z]{3})-([A-Z]{3})$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STANCES = {"cooperative", "neutral", "conflictual"}
QUADS = {"irrelevant", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}

problems = []


def fail(msg):
    problems.append(msg)


def arrow_type(t):
    """Spark's StructType JSON type → the Arrow type Spark writes to Parquet."""
    if isinstance(t, str):
        return SIMPLE[t]
    if t["type"] == "array":
        return pa.list_(arrow_type(t["elementType"]))
    if t["type"] == "struct":
        return pa.struct([(f["name"], arrow_type(f["type"])) for f in t["fields"]])
    raise ValueError(t)


def same_type(actual, expected):
    """Equal up to list item names and nullability (Parquet's 'element' vs 'item')."""
    if pa.types.is_list(actual) and pa.types.is_list(expected):
        return same_type(actual.value_type, expected.value_type)
    if pa.types.is_struct(actual) and pa.types.is_struct(expected):
        return [f.name for f in actual] == [f.name for f in expected] and all(
            same_type(a.type, e.type) for a, e in zip(actual, expected))
    return actual == expected


def canon(v):
    """A JSON-comparable value: dates as ISO strings, null struct fields dropped (as Spark's JSON writer does)."""
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items() if x is not None}
    if isinstance(v, (list, tuple)):
        return [canon(x) for x in v]
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return canon(v.tolist())
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, float) and v != v:
        return "NaN"
    return v


def key(row):
    return json.dumps(canon(row), sort_keys=True, ensure_ascii=False)


def utf16(s, start, end):
    b = s.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le")


def check_codes(table, rows):
    for r in rows:
        where = f"{table} {r.get('article_id') or r.get('actor') or r.get('id')} {r.get('date')}"
        for c in ("country_a", "country_b", "actor_country"):
            if r.get(c) is not None and not ISO3.match(r[c]):
                fail(f"{where}: {c} {r[c]!r} is not ISO3")
        if r.get("country_a") and r.get("country_b") and not r["country_a"] < r["country_b"]:
            fail(f"{where}: country_a {r['country_a']} !< country_b {r['country_b']}")
        for d in r.get("dyads") or []:
            m = DYAD.match(d)
            if not m or not m.group(1) < m.group(2):
                fail(f"{where}: dyad {d!r} is not AAA-BBB in alphabetical order")
        for a in (r.get("actors") or []) + ([r["speaker"]] if r.get("speaker") else []) + ([r["actor"]] if r.get("actor") else []):
            if not SLUG.match(a):
                fail(f"{where}: actor {a!r} is not a lowercase ASCII slug")
        if "stance" in r and r["stance"] not in STANCES:
            fail(f"{where}: stance {r['stance']!r}")
        if "quad_class" in r and r["quad_class"] not in QUADS:
            fail(f"{where}: quad_class {r['quad_class']!r}")
        for c in ("score", "mean_score", "ci_low", "ci_high", "score_7d"):
            if r.get(c) is not None and not -1 <= r[c] <= 1:
                fail(f"{where}: {c} {r[c]} outside [-1, 1]")
        if r.get("confidence") is not None and not 0 <= r["confidence"] <= 1:
            fail(f"{where}: confidence {r['confidence']} outside [0, 1]")
        if table == "sentences":
            for e in r.get("evidence") or []:
                if utf16(r["sentence"], e["start"], e["end"]) != e["text"]:
                    fail(f"{where}: evidence {e} does not cut {e['text']!r} out of the sentence")


def main(out, expected):
    out, expected = Path(out), Path(expected)
    for table, contract_cols in CONTRACT.items():
        path = out / table
        spark_schema = json.loads((path / "_schema.json").read_text(encoding="utf-8"))
        declared = {f["name"]: arrow_type(f["type"]) for f in spark_schema["fields"]}
        missing = [c for c in contract_cols if c not in declared]
        if missing:
            fail(f"{table}: _schema.json lacks the contract's columns {missing}")
        # 1. pyarrow, the date partition typed as date32 (Spark's __HIVE_DEFAULT_PARTITION__ reads as null)
        part = ds.partitioning(pa.schema([("date", pa.date32())]), flavor="hive")
        dset = ds.dataset(path, format="parquet", partitioning=part)
        at = dset.to_table()
        cols = at.schema.names
        if sorted(cols) != sorted(declared):
            fail(f"{table}: pyarrow columns {cols} != _schema.json {list(declared)}")
        for name in cols:
            if name in declared and not same_type(at.schema.field(name).type, declared[name]):
                fail(f"{table}.{name}: Arrow type {at.schema.field(name).type} != declared {declared[name]}")
        if "evidence" in cols and not same_type(at.schema.field("evidence").type, EVIDENCE):
            fail(f"{table}.evidence: {at.schema.field('evidence').type} is not array<struct<text,start,end,weight>>")
        rows = at.to_pylist()
        # 2. the same rows as Spark
        want = [json.loads(l) for l in (expected / f"{table}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        got_keys, want_keys = sorted(key(r) for r in rows), sorted(key(r) for r in want)
        if got_keys != want_keys:
            diff = sorted(set(got_keys) ^ set(want_keys))[:3]
            fail(f"{table}: pyarrow rows ({len(rows)}) differ from Spark's ({len(want)}), e.g. {diff}")
        if rows and "date" in cols:
            dates = {type(r["date"]) for r in rows if r["date"] is not None}
            if dates != {dt.date}:
                fail(f"{table}: date reads as {dates}, not datetime.date")
        check_codes(table, rows)
        # 3. pandas on its own: with the date partition typed (needed for quarantine, whose null-date partition
        #    __HIVE_DEFAULT_PARTITION__ makes pyarrow's inferred dictionary partitioning fail), and plainly
        pdf = pd.read_parquet(path, partitioning=part)
        if table != "quarantine":
            plain = pd.read_parquet(path)
            if len(plain) != len(rows) or sorted(plain["date"].astype(str).unique()) != sorted({str(r["date"]) for r in rows}):
                fail(f"{table}: plain pd.read_parquet gives {len(plain)} rows / other dates")
        if len(pdf) != len(rows):
            fail(f"{table}: pandas read {len(pdf)} rows, pyarrow {len(rows)}")
        if sorted(pdf.columns) != sorted(cols):
            fail(f"{table}: pandas columns {sorted(pdf.columns)} != {sorted(cols)}")
        if len(pdf):
            pd_rows = []
            for r in pdf.to_dict(orient="records"):
                if r.get("date") is not None and not isinstance(r["date"], dt.date) and r["date"] == r["date"]:
                    fail(f"{table}: pandas date {r['date']!r} is not a datetime.date")
                pd_rows.append({k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()})
            if sorted(key(r) for r in pd_rows) != want_keys:
                diff = sorted(set(key(r) for r in pd_rows) ^ set(want_keys))[:2]
                fail(f"{table}: pandas rows differ from Spark's, e.g. {diff}")
            for c in ("dyads", "actors", "evidence"):
                if c in pdf.columns:
                    v = next((x for x in pdf[c] if x is not None and len(x)), None)
                    if v is not None and not hasattr(v, "__len__"):
                        fail(f"{table}.{c}: pandas gives {type(v)}")
                    if c == "evidence" and v is not None and not isinstance(v[0], dict):
                        fail(f"{table}.evidence: pandas gives items of {type(v[0])}, not dict")
        print(f"{table}: {len(rows)} rows checked (schema, pyarrow and pandas rows against Spark, codes)", flush=True)
    for p in problems[:40]:
        print("PROBLEM:", p, flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
