#!/usr/bin/env bash
# The Debian packages the test suites run: one list, used by `npm test` (scripts/test.sh)
# and by CI (.ci/run). Source it, then call `require_packages SUITE...`:
#   e2e       chromium       (Playwright drives Debian's Chromium, /usr/bin/chromium)
#   imap      dovecot-imapd  (the poller tests start a real Dovecot, /usr/sbin/dovecot)
#   postgres  postgresql     (`npm run test:pg` starts a throw-away server)
# As root with apt-get it installs what is missing; otherwise it names the exact packages
# and returns 1 so the caller stops before running any suite.

missing_packages() { # suite... → prints the missing packages, one line, space separated
  local need=() suite
  for suite in "$@"; do
    case $suite in
      e2e) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium) ;;
      imap) [ -x "${DOVECOT_BIN:-/usr/sbin/dovecot}" ] || need+=(dovecot-imapd) ;;
      postgres) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
      *) echo "system-packages.sh: unknown suite '$suite'" >&2; return 2 ;;
    esac
  done
  echo "${need[*]}"
}

require_packages() { # suite...
  local missing
  missing=$(missing_packages "$@") || return 2
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "── installing Debian packages: $missing"
    # shellcheck disable=SC2086 # one word per package
    if ! (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null); then
      echo "apt-get install $missing failed" >&2
      return 1
    fi
    # Debian starts the packaged services on install; the tests start their own.
    systemctl stop dovecot postgresql >/dev/null 2>&1 || service dovecot stop >/dev/null 2>&1 || true
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    echo "still missing after apt-get install: $missing" >&2
    return 1
  fi
  echo "The tests need these Debian packages, which are not installed: $missing" >&2
  echo "Install them with: sudo apt-get install $missing" >&2
  echo "(or run npm test as root on Debian, which installs them)" >&2
  return 1
}
