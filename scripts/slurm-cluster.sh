#!/usr/bin/env bash
# Start or stop a real one-node Slurm cluster on localhost, for tests that
# submit jobs through sbatch/squeue/scancel against a genuine scheduler.
#
#   scripts/slurm-cluster.sh available    exit 0 if Slurm is installed or installable
#   scripts/slurm-cluster.sh start DIR    install if needed, start munged+slurmctld+slurmd
#   scripts/slurm-cluster.sh stop DIR     stop what `start DIR` started (never fails)
#
# Everything the cluster writes lives under DIR (the script owns it): slurm.conf,
# state, spool, logs, pid files and munged's socket (for a DIR longer than 60
# characters, the sockets and spool go to /run/slurm-cluster-HASH instead). The only global things are
# the Debian packages and /etc/munge/munge.key (created if missing). Clients must
# be pointed at DIR/slurm.conf: `export SLURM_CONF=DIR/slurm.conf` (start prints it).
# `start` exits 77 ("slurm unavailable: ...") when it cannot install Slurm, so a
# test harness can skip; any other failure prints the daemons' log tails.
#
# Non-obvious choices:
# - munged runs as root (--force) on its own socket under DIR, and slurm.conf's
#   AuthInfo=socket=... points Slurm at it: no clash with a system munged, and
#   `stop` only kills our own daemon. Its pid/log/seed files are under DIR too.
# - NodeName is `hostname -s`: slurmd finds its own node entry by the short
#   hostname; NodeAddr=127.0.0.1 keeps all traffic on loopback.
# - ProctrackType=proctrack/linuxproc, TaskPlugin=task/none and no cgroup
#   plugins: the machine may be a container/VM without a usable cgroup tree.
# - select/cons_tres with CR_CPU: each task takes one CPU, so a job array runs
#   nproc tasks at a time instead of one task per whole node.
# - No accounting (accounting_storage/none, jobacct_gather/none): no slurmdbd or
#   database. So sacct does not work; wait for jobs with squeue (a job is done
#   when `squeue -h -j ID` prints nothing) and check their output files.
# - DependencyParameters=kill_invalid_depend: a job whose dependency can never be
#   met (e.g. afterok on a failed job) is cancelled instead of pending forever,
#   so "wait until squeue is empty" always terminates.
# - ReturnToService=2: a node that was DOWN (e.g. after a restart) returns to
#   service as soon as its slurmd registers with a valid configuration.
# - MailProg=/bin/true: Debian has no /bin/mail by default and slurmctld logs an error.
# - slurmctld -c: every start begins with an empty queue, even when DIR is reused.
# - Ports default to 6817/6818; set SLURMCTLD_PORT/SLURMD_PORT to run a second cluster.
set -euo pipefail

PACKAGES=(slurmctld slurmd slurm-client munge)
TIMEOUT=${SLURM_CLUSTER_TIMEOUT:-60}
MUNGE_KEY=/etc/munge/munge.key
export PATH=/usr/sbin:/sbin:$PATH # the daemons live in sbin, absent from some PATHs

die() { echo "slurm-cluster: $*" >&2; exit 1; }
unavailable() { echo "slurm unavailable: $*" >&2; exit 77; }
usage() { echo "usage: $0 available | start DIR | stop DIR" >&2; exit 2; }

# ---------------------------------------------------------------- packages

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed' || echo "$p"
  done
}

# Prints why Slurm cannot be had here, or nothing (and returns 0) if it can.
unavailability_reason() {
  [[ $(id -u) == 0 ]] || { echo "not root (slurmd and munged need root)"; return 1; }
  [[ -z $(missing_packages) ]] && return 0
  command -v apt-get >/dev/null || { echo "packages missing and no apt-get: $(missing_packages | xargs)"; return 1; }
}

cmd_available() {
  local reason
  reason=$(unavailability_reason) || { echo "slurm unavailable: $reason" >&2; exit 1; }
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

ensure_packages() {
  local reason missing log=$DIR/log/apt.log
  reason=$(unavailability_reason) || unavailable "$reason"
  missing=$(missing_packages | xargs)
  [[ -z $missing ]] && return 0
  echo "slurm-cluster: installing $missing" >&2
  if ! apt_install $missing >"$log" 2>&1; then
    { apt-get update && apt_install $missing; } >>"$log" 2>&1 \
      || unavailable "apt-get install $missing failed (see $log)"
  fi
}

# ------------------------------------------------------------------ munge

# Where unix sockets go: munged's and slurmd/slurmstepd's (in SlurmdSpoolDir,
# e.g. spool/vm_12.4294967291). A socket path must fit in 108 bytes, so for a
# long DIR they move to a short directory under /run that `stop` removes.
socket_base() {
  if (( ${#DIR} <= 60 )); then
    echo "$DIR"
  else
    echo "/run/slurm-cluster-$(printf %s "$DIR" | md5sum | cut -c1-12)"
  fi
}

munge_socket() { echo "$(socket_base)/munge/munge.socket"; }

ensure_munge_key() {
  [[ -s $MUNGE_KEY ]] && return 0
  mkdir -p "$(dirname "$MUNGE_KEY")"
  if command -v mungekey >/dev/null; then
    mungekey --create --keyfile="$MUNGE_KEY"
  else
    dd if=/dev/urandom of="$MUNGE_KEY" bs=1024 count=1 status=none
  fi
  chown munge:munge "$MUNGE_KEY" 2>/dev/null || true
  chmod 0400 "$MUNGE_KEY"
}

start_munged() {
  local sock
  sock=$(munge_socket)
  chmod 0755 "$(dirname "$sock")"
  munged --force --socket="$sock" --key-file="$MUNGE_KEY" \
    --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
    --seed-file="$DIR/run/munged.seed" 2>>"$DIR/log/munged.log" \
    || fail "munged did not start"
  wait_for "munge -n | unmunge" munge_works \
    || fail "munge -n -S $sock | unmunge -S $sock does not work"
}

munge_works() {
  local sock
  sock=$(munge_socket)
  munge -n -S "$sock" 2>/dev/null | unmunge -S "$sock" >/dev/null 2>&1
}

# ------------------------------------------------------------ slurm.conf

write_slurm_conf() {
  local node
  node=$(hostname -s)
  cat >"$DIR/slurm.conf" <<EOF
# Generated by scripts/slurm-cluster.sh: a one-node test cluster; see its header.
ClusterName=testcluster
SlurmctldHost=localhost
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$(munge_socket)
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
DependencyParameters=kill_invalid_depend
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$(socket_base)/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

# ------------------------------------------------------------- daemons

# wait_for DESCRIPTION COMMAND...: retry COMMAND every 0.5 s until TIMEOUT.
wait_for() {
  local what=$1 deadline=$((SECONDS + TIMEOUT))
  shift
  until "$@"; do
    (( SECONDS < deadline )) || { echo "slurm-cluster: timed out waiting for $what" >&2; return 1; }
    sleep 0.5
  done
}

# Another cluster on our ports would answer our clients and fake a healthy start.
check_ports_free() {
  local port
  for port in "${SLURMCTLD_PORT:-6817}" "${SLURMD_PORT:-6818}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is in use (another Slurm running?); set SLURMCTLD_PORT/SLURMD_PORT"
    fi
  done
}

start_slurm_daemons() {
  slurmctld -c -f "$DIR/slurm.conf" 2>>"$DIR/log/slurmctld.log" || fail "slurmctld did not start"
  wait_for "slurmctld to answer" ctld_up || fail "slurmctld is not answering"
  slurmd -f "$DIR/slurm.conf" 2>>"$DIR/log/slurmd.log" || fail "slurmd did not start"
  wait_for "node $(hostname -s) to be idle" node_idle || fail "node never became idle"
}

ctld_up() { scontrol ping 2>/dev/null | grep -q 'is UP'; }

# True once the node is idle; resumes it if it came up down or drained.
node_idle() {
  local node state
  node=$(hostname -s)
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null | head -n1)
  case $state in
    idle) return 0 ;;
    down | drained | draining | drain) scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true ;;
  esac
  return 1
}

# pid_of NAME: the live pid recorded in DIR/run/NAME.pid, if that process is NAME.
pid_of() {
  local file=$DIR/run/$1.pid pid
  [[ -r $file ]] || return 1
  pid=$(tr -dc 0-9 <"$file")
  [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == "$1" ]] || return 1
  echo "$pid"
}

# stop_daemons NAME...: SIGTERM them all at once (each takes ~2 s to exit),
# wait up to 10 s, then SIGKILL any survivor.
stop_daemons() {
  local name pid pids=() i
  for name in "$@"; do
    pid=$(pid_of "$name") && pids+=("$pid") && kill -TERM "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 40; i++)); do
    alive "${pids[@]}" || break
    sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for name in "$@"; do rm -f "$DIR/run/$name.pid"; done
}

alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

# Cancel whatever is still queued so no slurmstepd outlives the cluster
# (only when our own slurmctld is the one answering on the port).
cancel_all_jobs() {
  local ids
  pid_of slurmctld >/dev/null && ctld_up || return 0
  ids=$(squeue -h -o %A 2>/dev/null | xargs) || return 0
  [[ -z $ids ]] && return 0
  scancel $ids 2>/dev/null || true
  TIMEOUT=10 wait_for "jobs to be cancelled" queue_empty || true
}

queue_empty() { [[ -z $(squeue -h -o %A 2>/dev/null) ]]; }

fail() {
  local f
  echo "slurm-cluster: $*" >&2
  for f in munged slurmctld slurmd; do
    [[ -f $DIR/log/$f.log ]] || continue
    echo "---- tail of $DIR/log/$f.log" >&2
    tail -n 20 "$DIR/log/$f.log" >&2
  done
  cmd_stop >/dev/null 2>&1 || true
  exit 1
}

# ------------------------------------------------------------- commands

cmd_start() {
  mkdir -p "$DIR"/{log,run,state} "$(socket_base)"/{spool,munge}
  ensure_packages
  export SLURM_CONF=$DIR/slurm.conf
  pid_of slurmctld >/dev/null && die "a cluster is already running in $DIR (stop it first)"
  ensure_munge_key
  check_ports_free
  write_slurm_conf
  pid_of munged >/dev/null || start_munged
  start_slurm_daemons
  echo "slurm-cluster: node $(hostname -s) idle with $(nproc) CPUs; for clients run:" >&2
  echo "export SLURM_CONF=$SLURM_CONF"
}

cmd_stop() {
  export SLURM_CONF=$DIR/slurm.conf
  [[ -f $SLURM_CONF ]] && cancel_all_jobs
  stop_daemons slurmd slurmctld munged
  remove_run_socket_dir
}

# The /run fallback of socket_base is outside DIR: remove it once the daemons are gone.
remove_run_socket_dir() {
  local dir
  dir=$(socket_base)
  [[ $dir == /run/slurm-cluster-* ]] && rm -rf "$dir"
  return 0
}

main() {
  case ${1:-} in
    available) [[ $# == 1 ]] || usage; cmd_available ;;
    start)
      [[ $# == 2 ]] || usage
      mkdir -p "$2" || die "cannot create $2"
      DIR=$(cd "$2" && pwd)
      cmd_start ;;
    stop)
      [[ $# == 2 ]] || usage
      [[ -d $2 ]] || exit 0
      DIR=$(cd "$2" && pwd)
      cmd_stop || true ;;
    *) usage ;;
  esac
}

main "$@"
