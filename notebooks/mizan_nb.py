"""Helpers shared by Mizan's notebooks: a Spark session with the Mizan jar, table readers, plots, HTML evidence.

Nothing here is needed by the jobs; it only reads what `jobs/mizan run` wrote (any output path Spark can read:
a local directory, hdfs://, s3a://) and calls the JVM scorer in the Mizan jar for ad-hoc scoring.
Charts are labelled with ASCII codes and slugs (matplotlib's default font does not shape Arabic);
Arabic text is shown in HTML tables instead.
"""
from __future__ import annotations

import glob
import html
import json
import os
import tempfile
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
# pyspark 4.2.0 warns on every toPandas() that it does not fully support pandas >= 3; the conversions used here work.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
STANCES = ["cooperative", "neutral", "conflictual"]


# ---------------------------------------------------------------- Spark

def find_jar() -> str:
    """The Mizan job jar: $MIZAN_JAR, else <repo>/target/mizan-<version>.jar (build it with `mvn -DskipTests package`)."""
    env = os.environ.get("MIZAN_JAR")
    if env:
        return env
    jars = [j for j in glob.glob(str(REPO / "target" / "mizan-*.jar")) if "original-" not in j]
    if not jars:
        raise FileNotFoundError(f"no Mizan jar under {REPO / 'target'}: run `mvn -B -DskipTests package` or set MIZAN_JAR")
    return sorted(jars)[-1]


def session(master: str | None = None, jar: str | None = None, app: str = "mizan-notebook", **conf):
    """A SparkSession with the Mizan jar on spark.jars. Master: argument, else $MIZAN_MASTER, else local[2]
    (on a cluster edge node pass master="yarn" or set MIZAN_MASTER; spark-submit settings in
    PYSPARK_SUBMIT_ARGS also apply)."""
    from pyspark.sql import SparkSession

    master = master or os.environ.get("MIZAN_MASTER", "local[2]")
    b = (SparkSession.builder.appName(app).master(master)
         .config("spark.jars", jar or find_jar())
         .config("spark.sql.session.timeZone", "UTC")
         .config("spark.sql.shuffle.partitions", os.environ.get("MIZAN_SHUFFLE_PARTITIONS", "2"))
         .config("spark.ui.showConsoleProgress", "false"))
    if master.startswith("local"):
        b = (b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.ui.enabled", os.environ.get("MIZAN_SPARK_UI", "false")))
    for k, v in conf.items():
        b = b.config(k.replace("_", "."), v)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def read(spark, output: str, table: str, date_from=None, date_to=None, fmt: str = "parquet"):
    """A Spark DataFrame of OUTPUT/TABLE with its documented schema (from TABLE/_schema.json), limited to
    [date_from, date_to] (ISO strings or dates; None = unbounded) on dated tables."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    path = f"{output.rstrip('/')}/{table}"
    schema = StructType.fromJson(json.loads(_read_text(spark, f"{path}/_schema.json")))
    df = spark.read.schema(schema).format(fmt).load(path)
    if "date" in schema.fieldNames():
        if date_from:
            df = df.where(F.col("date") >= F.lit(str(date_from)).cast("date"))
        if date_to:
            df = df.where(F.col("date") <= F.lit(str(date_to)).cast("date"))
    return df


def _read_text(spark, path: str) -> str:
    if "://" not in path or path.startswith("file:"):
        return Path(path.replace("file://", "")).read_text(encoding="utf-8")
    return "\n".join(spark.sparkContext.textFile(path, 1).collect())


def with_dyad(df):
    """Adds a `dyad` column "AAA-BBB" to a table with country_a/country_b."""
    from pyspark.sql import functions as F

    return df.withColumn("dyad", F.concat_ws("-", "country_a", "country_b"))


def dyad_parts(dyad: str) -> tuple[str, str]:
    a, b = sorted(dyad.upper().split("-"))
    return a, b


def manifest(output: str) -> dict:
    p = Path(output.replace("file://", "")) / "_manifest.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


# ---------------------------------------------------------------- plots

def plot_trend(ax, days: pd.DataFrame, title: str, window=None):
    """A dyad's trend on one axis: volume bars (right axis), the daily mean score with its 95% band, the
    7-day line. `days`: rows of the trends table for one dyad (date, mentions, mean_score, ci_low, ci_high, score_7d)."""
    d = days.sort_values("date")
    x = pd.to_datetime(d["date"])
    vol = ax.twinx()
    vol.bar(x, d["mentions"], width=0.8, color="#a8b8cc", alpha=0.6, label="mentions")
    vol.set_ylabel("mentions per day")
    vol.set_ylim(0, max(1, d["mentions"].max()) * 3)
    ax.set_zorder(vol.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.fill_between(x, d["ci_low"], d["ci_high"], color="#457b9d", alpha=0.2, label="95% band")
    ax.plot(x, d["mean_score"], "o-", color="#1d3557", label="daily mean")
    ax.plot(x, d["score_7d"], "--", color="#e76f51", label="7-day mean")
    ax.axhline(0, color="#8a94a6", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("score (-1 conflictual .. +1 cooperative)")
    ax.set_title(title)
    ax.legend(loc="lower left", fontsize=8)
    if window:
        ax.set_xlim(pd.to_datetime(window[0]), pd.to_datetime(window[1]))
    ax.figure.autofmt_xdate()
    return ax


def heatmap(ax, table: pd.DataFrame, title: str, cmap="RdYlGn", vmin=-1, vmax=1, annot: pd.DataFrame | None = None):
    """A labelled heatmap of a DataFrame (index = rows, columns = columns); `annot` (same shape) is printed in cells."""
    im = ax.imshow(table.values.astype(float), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    if annot is not None:
        for i in range(annot.shape[0]):
            for j in range(annot.shape[1]):
                v = annot.iat[i, j]
                if pd.notna(v) and v != 0:
                    ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8)
    ax.set_title(title)
    ax.figure.colorbar(im, ax=ax, fraction=0.046)
    return ax


# ---------------------------------------------------------------- evidence as HTML

def _utf16_slice(s: str, start: int, end: int) -> str:
    b = s.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le", errors="replace")


def highlight(sentence: str, evidence) -> str:
    """The sentence HTML-escaped, with each evidence cue in <mark> (green cooperative, red conflictual).
    Offsets are Java (UTF-16) offsets into the sentence, as stored in the tables."""
    sentence = sentence or ""
    units = len(sentence.encode("utf-16-le")) // 2
    spans = sorted(((int(e["start"]), int(e["end"]), float(e["weight"] or 0)) for e in (evidence if evidence is not None else [])
                    if e is not None and e["start"] is not None and e["end"] is not None))
    out, at = [], 0
    for start, end, w in spans:
        if start < at or end <= start or end > units:
            continue
        out.append(html.escape(_utf16_slice(sentence, at, start)))
        color = "#c9f2dc" if w >= 0 else "#ffd3d3"
        out.append(f'<mark style="background:{color}" title="cue weight {w:+.2f}">'
                   f"{html.escape(_utf16_slice(sentence, start, end))}</mark>")
        at = end
    out.append(html.escape(_utf16_slice(sentence, at, units)))
    return "".join(out)


def evidence_html(rows: pd.DataFrame, limit: int = 50) -> str:
    """An HTML table of sentences (columns date, sentence, evidence, speaker, stance, score, confidence, source,
    article_id) with cues highlighted; every value is escaped."""
    head = ("<table><tr><th>date</th><th>sentence (cues highlighted)</th><th>speaker</th><th>stance</th>"
            "<th>score</th><th>conf.</th><th>source</th><th>article</th></tr>")
    body = []
    for r in rows.head(limit).itertuples(index=False):
        body.append(
            f"<tr><td>{html.escape(str(r.date))}</td>"
            f"<td dir=\"auto\" style=\"text-align:start;max-width:640px\">{highlight(r.sentence, r.evidence)}</td>"
            f"<td>{html.escape(str(r.speaker or '-'))}</td><td>{html.escape(str(r.stance))}</td>"
            f"<td>{r.score:+.2f}</td><td>{r.confidence:.2f}</td><td>{html.escape(str(r.source or ''))}</td>"
            f"<td>{html.escape(str(r.article_id))}</td></tr>")
    more = f"<p>{len(rows) - limit} more not shown.</p>" if len(rows) > limit else ""
    return head + "".join(body) + "</table>" + more


# ---------------------------------------------------------------- the JVM scorer and commands

def score_text(spark, text: str, lang: str | None = None, date: str | None = None) -> dict:
    """Scores one text unit with dev.mizan.analysis.Analyzer (the same scorer as the jobs, default settings)."""
    jvm = spark._jvm
    analyzer = getattr(spark, "_mizan_analyzer", None)
    if analyzer is None:
        analyzer = jvm.dev.mizan.analysis.Analyzer.create(jvm.dev.mizan.analysis.AnalyzerOptions.defaults())
        spark._mizan_analyzer = analyzer
    day = jvm.java.time.LocalDate.parse(date) if date else None
    r = analyzer.analyzeUnit(text, lang, day)
    return {
        "sentence": r.sentence(), "lang": r.lang(), "stance": r.stance(), "score": r.score(),
        "confidence": r.confidence(), "quad_class": r.quadClass(), "dyads": list(r.dyads()),
        "speaker": r.speaker(), "actors": list(r.actors()),
        "evidence": [{"text": e.text(), "start": e.start(), "end": e.end(), "weight": e.weight()} for e in r.evidence()],
    }


def mizan(spark, *args: str) -> tuple[int, str, str]:
    """Runs a Mizan command (`run`, `classify`, ...) in this notebook's JVM and Spark session, exactly as
    `jobs/mizan COMMAND ARGS` would; returns (exit status, stdout, stderr)."""
    jvm = spark._jvm
    gw = spark.sparkContext._gateway
    arr = gw.new_array(jvm.java.lang.String, len(args))
    for i, a in enumerate(args):
        arr[i] = str(a)
    out_b, err_b = jvm.java.io.ByteArrayOutputStream(), jvm.java.io.ByteArrayOutputStream()
    status = jvm.dev.mizan.cli.Main.run(arr, jvm.java.io.PrintStream(out_b, True, "UTF-8"),
                                        jvm.java.io.PrintStream(err_b, True, "UTF-8"))
    return status, out_b.toString("UTF-8"), err_b.toString("UTF-8")


def classify(spark, input_path: str, fmt: str = "json", mode: str = None) -> str:
    """Runs `classify` on input_path into a fresh temporary directory; returns the output directory.
    mode: mizan.model.mode ("hybrid", "model" or "rules"); None = the configured default (hybrid)."""
    out = tempfile.mkdtemp(prefix="mizan-classify-")
    extra = ["--set", f"model.mode={mode}"] if mode else []
    status, stdout, stderr = mizan(spark, "classify", "--input", input_path, "--input-format", fmt, "--output", out, *extra)
    if status != 0:
        raise RuntimeError(f"mizan classify exited {status}:\n{stderr}")
    return out


# ---------------------------------------------------------------- evaluation

def confusion(gold, pred, labels=STANCES) -> pd.DataFrame:
    """Counts: rows = gold, columns = predicted."""
    m = pd.crosstab(pd.Categorical(gold, categories=labels), pd.Categorical(pred, categories=labels), dropna=False)
    m.index.name, m.columns.name = "gold", "predicted"
    return m.reindex(index=labels, columns=labels, fill_value=0)


def per_class(gold, pred, labels=STANCES) -> pd.DataFrame:
    """Precision, recall, F1 and support per class, plus the macro average."""
    m = confusion(gold, pred, labels).values
    rows = []
    for i, lab in enumerate(labels):
        tp = m[i, i]
        p = tp / m[:, i].sum() if m[:, i].sum() else 0.0
        r = tp / m[i, :].sum() if m[i, :].sum() else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"class": lab, "precision": p, "recall": r, "f1": f, "support": int(m[i, :].sum())})
    df = pd.DataFrame(rows).set_index("class")
    df.loc["macro"] = [df.precision.mean(), df.recall.mean(), df.f1.mean(), int(df.support.sum())]
    return df


def reliability(correct, confidence, bins: int = 10) -> tuple[pd.DataFrame, float]:
    """Binned accuracy against mean confidence, and the expected calibration error (ECE)."""
    d = pd.DataFrame({"correct": np.asarray(correct, dtype=float), "confidence": np.asarray(confidence, dtype=float)})
    edges = np.linspace(0, 1, bins + 1)
    d["bin"] = np.clip(np.digitize(d.confidence, edges[1:-1]), 0, bins - 1)
    g = d.groupby("bin").agg(n=("correct", "size"), accuracy=("correct", "mean"), confidence=("confidence", "mean"))
    g["low"], g["high"] = edges[g.index], edges[g.index + 1]
    ece = float((g.n / g.n.sum() * (g.accuracy - g.confidence).abs()).sum()) if len(g) else float("nan")
    return g.reset_index(drop=True), ece
