#!/usr/bin/env bash
# Creates (or refreshes) the project's Python environment at <repo>/.venv:
# pyspark (which is also a complete Spark distribution usable as SPARK_HOME for jobs/mizan),
# pandas, pyarrow, matplotlib and the notebook runtime. Idempotent: does nothing when
# everything is already installed at the pinned versions.
# Env: PYTHON (interpreter used to create the venv, default python3); PIP_FIND_LINKS etc. are honoured by pip.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
PYSPARK_VERSION="4.2.0"
PACKAGES=("pyspark==$PYSPARK_VERSION" pandas pyarrow matplotlib nbclient ipykernel nbformat)

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup-venv: creating $VENV with $("$PYTHON" --version 2>&1)" >&2
  "$PYTHON" -m venv "$VENV"
fi

satisfied() {
  "$VENV/bin/python" - "$PYSPARK_VERSION" <<'PY' 2>/dev/null
import sys, importlib
import pyspark
assert pyspark.__version__ == sys.argv[1], pyspark.__version__
for m in ("pandas", "pyarrow", "matplotlib", "nbclient", "ipykernel", "nbformat"):
    importlib.import_module(m)
PY
}

if satisfied; then
  echo "setup-venv: $VENV already has pyspark==$PYSPARK_VERSION and the notebook packages" >&2
else
  echo "setup-venv: installing ${PACKAGES[*]} (pyspark is a large source distribution; this takes a few minutes)" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >&2 || true
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PACKAGES[@]}" >&2
  satisfied || { echo "setup-venv: packages installed but the import check failed" >&2; exit 1; }
fi

SPARK_HOME_DIR="$("$VENV/bin/python" -c 'import pyspark,os;print(os.path.dirname(pyspark.__file__))')"
echo "setup-venv: to run jobs/mizan through spark-submit:" >&2
echo "export SPARK_HOME=$SPARK_HOME_DIR"
