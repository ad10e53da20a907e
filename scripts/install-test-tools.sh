#!/usr/bin/env bash
# Installs what the tests use besides Swift: SQLite's headers, PostgreSQL (started per run by with-postgres.sh),
# headless Chromium with its driver, poppler-utils (pdfinfo and pdftotext read the reports' PDFs), R's survey and
# forecast packages (the references for the survey estimators and the forecasts), and from PyPI selenium, axe-selenium-python (axe-core),
# openapi-spec-validator and schemathesis (fuzzes the API from its OpenAPI document). Debian packages need root.
#   scripts/install-test-tools.sh && scripts/with-postgres.sh swift test
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libsqlite3-dev sqlite3 postgresql chromium chromium-driver r-cran-survey r-cran-forecast poppler-utils >/dev/null
python3 -m pip install --quiet --disable-pip-version-check --break-system-packages \
    selenium axe-selenium-python openapi-spec-validator schemathesis
