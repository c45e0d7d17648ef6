#!/bin/sh
# Install what the HTML accessibility tests use into a project-local, ignored folder:
# axe-core (the accessibility engine) and puppeteer-core (drives Debian's chromium; it
# downloads no browser).  Fails soft: without them those tests skip and say why.
dir="$(dirname "$0")/../.axe-tools"
if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && [ -d "$dir/node_modules/puppeteer-core" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "axe-setup: npm is missing; the HTML accessibility tests will skip"
    exit 0
fi
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name": "peeldocs-axe-tools", "private": true}' > "$dir/package.json"
if ! (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent \
        axe-core@4 puppeteer-core@24 >/tmp/peeldocs-axe-setup.log 2>&1); then
    echo "axe-setup: could not install axe-core and puppeteer-core (see /tmp/peeldocs-axe-setup.log); the HTML accessibility tests will skip"
fi
exit 0
