"""newstrace on a Spark cluster: WARC files in, Parquet of articles and facts out (``job``),
and that Parquet loaded into a database and linked (``load``). See docs/spark.md."""
