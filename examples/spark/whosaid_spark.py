#!/usr/bin/env python3
"""whosaid on Apache Spark: the attribution CSV (or Parquet) of a corpus, partition by partition.

Each partition of JSONL records {"id": ..., "text": ...} is piped through

    whosaid extract - --format jsonl --quiet -j 1

with RDD.pipe. whosaid streams: it reads the records as they arrive and writes one JSON line
per document (its id and its quotes), and JSON never spans lines, so every line Spark reads
back is one whole document. The quotes become rows with the columns of the attribution CSV,
which Spark writes as CSV (RFC 4180 quoting, a header in each part file) or Parquet.

    python3 examples/spark/whosaid_spark.py --input data/articles --output out/quotes \\
        --whosaid target/release/whosaid --master 'local[2]' --partitions 2

--input is a local folder of .txt articles (made into JSONL records here, with the ids
`whosaid extract FOLDER` gives: paths relative to the folder), or JSONL files as Spark reads
text (a path, a glob, hdfs://..., s3a://...), one record per line.
"""

import argparse
import json
import os
import shlex
import shutil
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import (
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The columns of the attribution CSV (whosaid::output::CSV_HEADER), in order.
SCHEMA = StructType(
    [
        StructField("doc_id", StringType(), False),
        StructField("quote_index", LongType(), False),
        StructField("kind", StringType(), False),
        StructField("quote_start", LongType(), False),
        StructField("quote_end", LongType(), False),
        StructField("quote", StringType(), False),
        StructField("speaker", StringType(), True),
        StructField("speaker_title", StringType(), True),
        StructField("speaker_mention", StringType(), True),
        StructField("speaker_start", LongType(), True),
        StructField("speaker_end", LongType(), True),
        StructField("cue", StringType(), True),
        StructField("rule", StringType(), False),
        StructField("confidence", DoubleType(), False),
    ]
)
COLUMNS = [field.name for field in SCHEMA.fields]


def folder_records(folder):
    """The .txt articles under `folder` (recursive, hidden entries skipped, in path order) as
    JSONL lines {"id": path relative to the folder, "text": the text verbatim}."""
    paths = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(".txt"):
                continue
            path = os.path.join(root, name)
            paths.append(os.path.relpath(path, folder).replace(os.sep, "/"))
    records = []
    for rel in sorted(paths, key=lambda p: p.encode()):
        with open(os.path.join(folder, rel), "rb") as f:
            data = f.read()
        if b"\0" in data[:8192]:
            continue  # binary: whosaid skips it too
        text = data.decode("utf-8", errors="replace")
        # json.dumps escapes every newline: one record is one line.
        records.append(json.dumps({"id": rel, "text": text}, ensure_ascii=False))
    return records


def quote_rows(line):
    """The rows of one document's JSON line from `whosaid extract --format jsonl`."""
    doc = json.loads(line)
    for quote in doc["quotes"]:
        yield tuple(quote[c] for c in COLUMNS)


def whosaid_command(binary, threads):
    # RDD.pipe starts the command with an empty environment (no PATH): name the binary by
    # its path. One thread per process: Spark runs one process per task, one task per core.
    if os.path.exists(binary):
        binary = os.path.abspath(binary)
    elif shutil.which(binary):
        binary = shutil.which(binary)
    cmd = [binary, "extract", "-", "--format", "jsonl", "--quiet", "-j", str(threads)]
    return " ".join(shlex.quote(c) for c in cmd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="a folder of .txt articles, or JSONL")
    parser.add_argument("--output", required=True, help="the output folder (replaced)")
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument(
        "--whosaid",
        default="whosaid",
        help="the whosaid binary, at the same path on every worker (default: whosaid on PATH)",
    )
    parser.add_argument(
        "--master", help="Spark master, e.g. local[2] (default: as spark-submit sets it)"
    )
    parser.add_argument("--partitions", type=int, help="partitions of the input")
    parser.add_argument("--threads", type=int, default=1, help="whosaid -j, per task")
    args = parser.parse_args()

    # The Python workers run the interpreter running this script (which has pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("whosaid")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Everything on this machine: no network lookups.
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
                "spark.driver.host", "127.0.0.1"
            )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext

    if os.path.isdir(args.input):
        records = sc.parallelize(
            folder_records(args.input), args.partitions or sc.defaultParallelism
        )
    else:
        records = sc.textFile(args.input, args.partitions)
        if args.partitions:
            records = records.repartition(args.partitions)

    # checkCode: a whosaid exit status other than 0 fails the task (2: a record could not be
    # read, reported on the task's stderr; 1: a fatal error).
    documents = records.pipe(whosaid_command(args.whosaid, args.threads), checkCode=True)
    quotes = spark.createDataFrame(documents.flatMap(quote_rows), SCHEMA).cache()

    writer = quotes.write.mode("overwrite")
    if args.format == "parquet":
        writer.parquet(args.output)
    else:
        (
            writer.option("header", True)
            # RFC 4180: a quotation mark inside a cell is doubled, as whosaid writes it.
            .option("quote", '"')
            .option("escape", '"')
            # Spark trims cells when writing CSV unless told not to.
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
            .csv(args.output)
        )
    print(f"whosaid_spark: {quotes.count()} quotes -> {args.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
