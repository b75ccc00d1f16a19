#!/usr/bin/env bash
# Installs the pinned Schemathesis (scripts/requirements-schemathesis.txt) into a virtualenv
# outside the clone, once; later runs reuse it until the requirements file changes.
# Prints the venv's bin directory.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${HUIYIN_VENV:-$HOME/.cache/huiyin-venv}
requirements=scripts/requirements-schemathesis.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/schemathesis" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	echo "installing Schemathesis into $venv" >&2
	python3 -m venv "$venv" >&2
	"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
	echo "$want" >"$stamp"
fi
echo "$venv/bin"
