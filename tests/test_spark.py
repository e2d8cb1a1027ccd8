"""The Spark job in local[2] mode: the same facts as `newstrace ingest` of the same WARC files.

Skips when pyspark or Java is absent (./dev installs Debian's default-jre-headless).
"""

import json
import os
import shutil
import sys

import pytest
from warc_files import SAMPLE_RESPONSES, write_warc

from newstrace import pipeline
from newstrace.store import Store

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Java is not installed (apt-get install default-jre-headless)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this .venv's Python (Spark's default is the first python3 on PATH).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    session = (
        SparkSession.builder.master("local[2]")
        .appName("newstrace-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture
def warcs(tmp_path):
    """Two WARC files (one task each) and the list naming them, as cc-pyspark jobs take."""
    first = write_warc(tmp_path / "first.warc.gz", SAMPLE_RESPONSES[:2])
    second = write_warc(tmp_path / "second.warc.gz", SAMPLE_RESPONSES[2:])
    listing = tmp_path / "warcs.txt"
    listing.write_text(f"{first}\n{second}\n")
    return [first, second], listing


def test_the_job_gives_the_facts_ingest_gives_and_loads_into_the_same_database(spark, warcs, tmp_path, nlp):
    from typer.testing import CliRunner

    from newstrace.cli import app
    from newstrace.spark.job import run

    paths, listing = warcs
    output = str(tmp_path / "out.parquet")
    run(spark, str(listing), output, partitions=2)

    rows = spark.read.parquet(output).orderBy("source").collect()
    expected = sorted(pipeline.analyze_paths(paths, nlp=nlp), key=lambda item: item.article.source)
    assert [row.problem for row in rows] == [None] * 4  # the PNG and the 404 are no pages
    assert [json.loads(row.facts) for row in rows] == [analysis.to_dict() for analysis in expected]
    assert [row.url for row in rows] == [analysis.article.url for analysis in expected]

    result = CliRunner().invoke(app, ["load", output, "--db", str(tmp_path / "loaded.db")])
    assert result.exit_code == 0, result.output
    assert f"Loaded 4 articles, 0 duplicates, 0 skipped into {tmp_path / 'loaded.db'}" in result.output
    loaded, ingested = Store(str(tmp_path / "loaded.db")), Store(str(tmp_path / "ingested.db"))
    pipeline.ingest(paths, ingested, nlp=nlp)
    assert [a.to_dict() for a in loaded.analyses()] == [a.to_dict() for a in ingested.analyses()]
    links = "select copy_id, source_id, verdict from links order by copy_id, source_id"
    with loaded.engine.connect() as one, ingested.engine.connect() as other:
        assert list(one.exec_driver_sql(links)) == list(other.exec_driver_sql(links))
