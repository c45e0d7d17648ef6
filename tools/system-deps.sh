#!/bin/sh
# Install the optional system tools that some output tests use, when we can.
# pdftoppm (poppler-utils) renders PDF pages to PNG; soffice (LibreOffice) is a
# second DOCX client, and with Calc prints the XLSX register; chromium and npm run axe-core on the HTML pack (tools/axe-setup.sh
# then installs axe-core and puppeteer-core locally).  Without them those tests skip and say why.
need=""
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
# Calc prints the register's workbook as a reader would (tests/test_register_read11.py)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need="$need libreoffice-calc-nogui"
# the tests convert documents in one running LibreOffice through its Python bridge (tests/lo_server.py)
[ -e /usr/lib/python3/dist-packages/uno.py ] || need="$need python3-uno"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -z "$need" ]; then
    sh "$(dirname "$0")/axe-setup.sh"
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: installing$need"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need) \
        >/tmp/peeldocs-system-deps.log 2>&1 \
        || echo "system-deps: could not install$need (see /tmp/peeldocs-system-deps.log); dependent tests will skip"
else
    echo "system-deps: missing$need; tests that need them will skip (install them to run those tests)"
fi
sh "$(dirname "$0")/axe-setup.sh"
exit 0
