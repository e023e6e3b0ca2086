"""Mizan's daily job as an Apache Airflow DAG (apache-airflow-providers-apache-spark).

One task per day: spark-submit of the shaded job jar with ``run --from {{ ds }} --to {{ ds }}``, i.e. exactly what
``jobs/mizan run`` submits (same jar, main class and options). Airflow retries a failed day; Mizan's output commit is
per date partition, so a retry or a re-run of a day replaces that day's partitions and nothing else. ``catchup=True``
backfills missed days one by one (``airflow dags backfill -s A -e B mizan_daily`` for a range).

Adapt the constants below (or set the Airflow Variables) to your installation; the Spark connection ``spark_default``
names the master (``yarn``, ``spark://host:7077`` or ``k8s://https://...``) and the deploy mode.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# A checkout of Mizan with the jar built (mvn -B -DskipTests package), the same layout jobs/mizan uses.
MIZAN_HOME = "/opt/mizan"
MIZAN_JAR = MIZAN_HOME + "/target/mizan-0.1.0-SNAPSHOT.jar"
MIZAN_MAIN_CLASS = "dev.mizan.cli.Main"
# HOCON overrides for a cluster; shipped with --files and named by file name (found by the driver in cluster mode).
MIZAN_CONF = MIZAN_HOME + "/conf/cluster.conf"
# Storage is configuration only: hdfs://, s3a:// (add hadoop-aws, see README "Running on a cluster"), file://.
MIZAN_INPUT = "hdfs:///data/news/articles"
MIZAN_OUTPUT = "hdfs:///data/mizan"

default_args = {
    "owner": "mizan",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "depends_on_past": False,
}

with DAG(
    dag_id="mizan_daily",
    description="Mizan: stance on bilateral relations in the news, one day per run",
    schedule="15 2 * * *",
    start_date=datetime(2025, 8, 1),
    catchup=True,
    max_active_runs=1,
    default_args=default_args,
    tags=["mizan", "spark"],
) as dag:
    mizan_run = SparkSubmitOperator(
        task_id="mizan_run",
        conn_id="spark_default",
        application=MIZAN_JAR,
        java_class=MIZAN_MAIN_CLASS,
        name="mizan-daily-{{ ds }}",
        files=MIZAN_CONF,
        application_args=[
            "run",
            "--input", MIZAN_INPUT,
            "--output", MIZAN_OUTPUT,
            "--conf", "cluster.conf",
            "--from", "{{ ds }}",
            "--to", "{{ ds }}",
        ],
        conf={
            "spark.sql.adaptive.enabled": "true",
        },
        executor_memory="4g",
        driver_memory="2g",
        verbose=False,
    )
