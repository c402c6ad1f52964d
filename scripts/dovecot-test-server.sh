#!/usr/bin/env bash
# Starts (or stops) a private Dovecot IMAP server for the real-server test tier and the benchmark:
# loopback only, its own config and passwd-file users foi1..foi16 (password "secret"), maildir
# under DIR. Usage: dovecot-test-server.sh start DIR [PORT] | stop DIR
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?directory}
port=${3:-10143}

if [ "$cmd" = stop ]; then
  if [ -f "$dir/dovecot.conf" ]; then doveadm -c "$dir/dovecot.conf" stop 2>/dev/null || true; fi
  exit 0
fi

if ! command -v dovecot >/dev/null 2>&1; then
  echo "dovecot is not installed (apt-get install -y dovecot-imapd)" >&2
  exit 1
fi

mkdir -p "$dir/run" "$dir/state" "$dir/home"
: > "$dir/passwd"
for i in $(seq 1 16); do printf 'foi%s:{PLAIN}secret\n' "$i" >> "$dir/passwd"; done

if [ "$(id -u)" = 0 ]; then
  internal_user=dovecot; login_user=dovenull; userdb_args="uid=dovecot gid=dovecot home=$dir/home/%u"; chroot_lines=""
  chown dovecot:dovecot "$dir/home"
else
  # Without root: run every process as ourselves and without chroot.
  internal_user=$(id -un); login_user=$(id -un); userdb_args="home=$dir/home/%u"
  chroot_lines=$'service anvil {\n  chroot =\n}'
fi

cat > "$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_fsync = never
first_valid_uid = 1
default_internal_user = $internal_user
default_login_user = $login_user
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/passwd
}
userdb {
  driver = static
  args = $userdb_args
}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
$( [ "$(id -u)" = 0 ] || echo '  chroot =' )
}
$chroot_lines
CONF

dovecot -c "$dir/dovecot.conf"

# Wait for the greeting, with a deadline: a port can accept connections yet never greet.
for _ in $(seq 1 100); do
  if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    if read -r -t 2 greeting <&3 && [[ "$greeting" == "* OK"* ]]; then
      exec 3>&- 3<&-
      echo "dovecot ready on 127.0.0.1:$port"
      exit 0
    fi
    exec 3>&- 3<&- || true
  fi
  sleep 0.1
done
echo "dovecot did not greet within 10 s; see $dir/dovecot.log" >&2
exit 1
