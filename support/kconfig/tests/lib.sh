# shellcheck shell=bash disable=SC2034  # kt_* globals are read by the runners
# Shared helpers for the Kconfig test runners (run-golden, run-errors).
# Sourced, not executed; needs bash 4.4 or later.
#
# Process creation is slow on some machines (sandboxes), so these
# helpers use shell builtins wherever they can: files are copied with
# read/printf, and conf and the few other programs needed are started by
# one small helper shell (a coprocess, see kt_sh_start) instead of by
# forking this bash for each of them.
#
# The format of the "case" files (and of the "run" lines in the "expect"
# files of the error cases) is described in cases/README.  The runners
# print TAP with support/testing/tap.sh, which this file sources.

shopt -s nullglob dotglob globstar

# shellcheck source=../../testing/tap.sh
. "${BASH_SOURCE[0]%/*}/../../testing/tap.sh"

# CPU seconds allowed for a single conf invocation (ulimit -t).
KT_TIMEOUT=${KT_TIMEOUT:-10}

# Largest file (in KiB) a conf run may write (ulimit -f).  This protects
# against a conf that loops printing prompts forever: Linux's oldconfig
# and syncconfig do that at end of input when an int or hex symbol has
# no valid value.
KT_FILE_LIMIT=${KT_FILE_LIMIT:-8192}

# Stored instead of a file that a run did not produce.
KT_ABSENT='<<< file does not exist >>>'

# State shared by the functions below and the runners.
kt_error=''       # why the last function failed
kt_rc=''          # exit status from kt_sh
kt_val=''         # value found by kt_env_get
kt_ran=''         # set by kt_exec when it ran conf
kt_lines=()       # the lines of a case to execute in order
kt_kconfig=Kconfig # top-level Kconfig file
kt_use_srctree='' # case wants srctree
kt_all_stdout=''  # case compares stdout of every run
kt_dirs=()        # directories kt_fill needs
kt_files=()       # files kt_fill copies
kt_src=''         # copy of the case directory
kt_cwd=''         # where conf runs
kt_srctree=''     # value for srctree, if any
kt_envs=()        # NAME=VALUE settings of the case

# kt_trim VAR STRING: set VAR to STRING without leading/trailing blanks.
kt_trim() {
	local s=$2
	s=${s#"${s%%[![:space:]]*}"}
	s=${s%"${s##*[![:space:]]}"}
	printf -v "$1" '%s' "$s"
}

# kt_slurp VAR FILE: set VAR to the exact content of FILE.
kt_slurp() {
	IFS= read -r -d '' "$1" <"$2" || true
}

# kt_copy SRC DST: copy a (text) file.
kt_copy() {
	local data
	kt_slurp data "$1"
	printf '%s' "$data" >"$2"
}

# kt_snap FILE DEST: copy FILE to DEST, or store the absent marker.
kt_snap() {
	if [ -f "$1" ]; then
		kt_copy "$1" "$2"
	else
		printf '%s\n' "$KT_ABSENT" >"$2"
	fi
}

# kt_q VAR STRING: set VAR to STRING quoted for a POSIX shell.
kt_q() {
	printf -v "$1" "'%s'" "${2//\'/\'\\\'\'}"
}

# kt_sh_start: start the helper shell.  It runs with the environment of
# this runner (only PATH and HOME, see kt_clean_env_reexec) and with the
# CPU time and file size limits that protect against a looping conf.
kt_sh_start() {
	local sh=sh
	if command -v dash >/dev/null 2>&1; then
		sh=dash
	fi
	# The helper's own stderr goes nowhere: it only carries messages such
	# as "File size limit exceeded" about programs killed by the limits.
	coproc KT_SH {
		unset OLDPWD
		export -n PWD SHLVL
		exec "$sh" -s 2>/dev/null
	}
	# ulimit -f counts 512-byte blocks in a POSIX shell.
	kt_sh "ulimit -t $KT_TIMEOUT; ulimit -f $((KT_FILE_LIMIT * 2))"
}

# kt_sh COMMAND: run COMMAND (POSIX shell syntax, already quoted) in the
# helper shell; its exit status goes to kt_rc.  If the helper shell is
# gone, a new one is started and 1 is returned.
kt_sh() {
	kt_rc=
	if { printf '%s; echo "$?"\n' "$1" >&"${KT_SH[1]}"; } 2>/dev/null &&
		IFS= read -r kt_rc <&"${KT_SH[0]}" && [ -n "$kt_rc" ]; then
		return 0
	fi
	kt_sh_stop
	kt_sh_start
	return 1
}

# kt_sh_stop: end the helper shell.
kt_sh_stop() {
	if [ -n "${KT_SH_PID-}" ]; then
		{ printf 'exit 0\n' >&"${KT_SH[1]}"; } 2>/dev/null || true
		wait "$KT_SH_PID" 2>/dev/null || true
	fi
}

# kt_run_argv ARG...: run a command with arguments in the helper shell.
kt_run_argv() {
	local a q cmd=
	for a in "$@"; do
		kt_q q "$a"
		cmd+=" $q"
	done
	kt_sh "$cmd"
}

# kt_env_get NAME: set kt_val to the value NAME has in kt_envs and
# return 0, or return 1 if it is not set there.
kt_env_get() {
	local e found=1
	kt_val=
	for e in ${kt_envs[@]+"${kt_envs[@]}"}; do
		if [ "${e%%=*}" = "$1" ]; then
			kt_val=${e#*=}
			found=0
		fi
	done
	return "$found"
}

# kt_env_unset NAME / kt_env_set NAME=VALUE: edit kt_envs.
kt_env_unset() {
	local e
	local -a kept=()
	for e in ${kt_envs[@]+"${kt_envs[@]}"}; do
		[ "${e%%=*}" = "$1" ] || kept+=("$e")
	done
	kt_envs=(${kept[@]+"${kept[@]}"})
}
kt_env_set() {
	kt_env_unset "${1%%=*}"
	kt_envs+=("$1")
}

# kt_path VAR PATH: set VAR to PATH as seen from where conf runs.
kt_path() {
	case $2 in
	/*) printf -v "$1" '%s' "$2" ;;
	*) printf -v "$1" '%s/%s' "$kt_cwd" "$2" ;;
	esac
}

# kt_load_case CASEFILE: read the case file into kt_lines (trimmed, no
# blank or comment lines) and set the global settings kt_kconfig,
# kt_use_srctree, kt_all_stdout.  Returns 1 with kt_error set on a bad
# line.
kt_load_case() {
	local raw line
	local -a all=()
	kt_lines=()
	kt_kconfig=Kconfig
	kt_use_srctree=
	kt_all_stdout=
	kt_error=
	mapfile -t all <"$1"
	for raw in ${all[@]+"${all[@]}"}; do
		kt_trim line "$raw"
		case $line in
		"" | "#"*) continue ;;
		srctree) kt_use_srctree=1 ;;
		stdout) kt_all_stdout=1 ;;
		"kconfig "*) kt_trim kt_kconfig "${line#kconfig}" ;;
		"env "*)
			kt_trim raw "${line#env }"
			case ${raw%%=*} in
			"$raw" | "" | [0-9]* | *[!A-Za-z0-9_]*)
				kt_error="bad env line (want env NAME=VALUE): $line"
				return 1
				;;
			esac
			kt_lines+=("$line")
			;;
		"unset "*) kt_lines+=("$line") ;;
		defconfig | defconfig\ * | savedefconfig | savedefconfig\ * | \
			olddefconfig* | oldconfig* | syncconfig* | listnewconfig* | \
			helpnewconfig* | alldefconfig | allnoconfig | allyesconfig | \
			allmodconfig | randconfig\ *)
			kt_lines+=("$line")
			;;
		*)
			kt_error="unknown line: $line"
			return 1
			;;
		esac
	done
	return 0
}

# kt_scan CASEDIR WORK: list what kt_fill will need: kt_dirs (the
# directories to create, WORK/src and WORK/obj included) and kt_files
# (files relative to CASEDIR).
kt_scan() {
	local casedir=$1 work=$2 f rel
	kt_dirs=("$work/src" "$work/obj")
	kt_files=()
	for f in "$casedir"/**; do
		rel=${f#"$casedir"/}
		rel=${rel%/}
		[ -n "$rel" ] || continue
		if [ -d "$f" ]; then
			kt_dirs+=("$work/src/$rel")
		else
			kt_files+=("$rel")
		fi
	done
}

# kt_fill CASEDIR WORK: after kt_scan and once the kt_dirs exist, copy
# the case into WORK/src and set kt_src, kt_cwd, kt_srctree; empty
# kt_envs.
kt_fill() {
	local casedir=$1 work=$2 rel
	for rel in ${kt_files[@]+"${kt_files[@]}"}; do
		kt_copy "$casedir/$rel" "$work/src/$rel"
	done
	kt_src=$work/src
	kt_cwd=$work/src
	kt_srctree=
	if [ -n "$kt_use_srctree" ]; then
		kt_cwd=$work/obj
		kt_srctree=$kt_src
	fi
	kt_envs=()
}

# kt_exec CONF OUT N LINE: handle one line of kt_lines.  env/unset lines
# edit kt_envs; run lines invoke CONF and store what it produced:
#   OUT/N.cmd        the run line
#   OUT/N.rc         exit status
#   OUT/N.config     the config file after the run
#   OUT/N.defconfig  the savedefconfig output (savedefconfig only)
#   OUT/N.stdout     stdout (listnewconfig/helpnewconfig, or "stdout")
#   OUT/N.auto.conf, OUT/N.autoconf.h   the two autoconf files
#   OUT/N.stdout.raw, OUT/N.stderr      for diagnostics
# Sets kt_ran to 1 if it ran conf.  Returns 1 (kt_error set) on a bad
# line.
kt_exec() {
	local conf=$1 out=$2 n=$3 line=$4
	local cmdpart stdin=/dev/null mode arg='' cfg cfgpath opt keep_stdout='' val
	local -a words extra=()
	kt_ran=
	case $line in
	"env "*)
		kt_trim val "${line#env }"
		kt_env_set "${val//@SRC@/$kt_src}"
		return 0
		;;
	"unset "*)
		kt_trim val "${line#unset }"
		kt_env_unset "$val"
		return 0
		;;
	esac

	cmdpart=$line
	case $line in
	*"<"*)
		cmdpart=${line%%<*}
		kt_trim stdin "${line#*<}"
		[ -n "$stdin" ] || { kt_error="missing file after <: $line"; return 1; }
		stdin=$kt_src/$stdin
		[ -f "$stdin" ] || { kt_error="no such file: ${stdin#"$kt_src"/}"; return 1; }
		;;
	esac
	read -r -a words <<<"$cmdpart"
	mode=${words[0]}
	[ "${#words[@]}" -le 2 ] || { kt_error="too many words: $line"; return 1; }
	[ "${#words[@]}" -lt 2 ] || arg=${words[1]}

	kt_env_get KCONFIG_CONFIG && cfg=$kt_val || cfg=.config
	kt_path cfgpath "$cfg"
	case $mode in
	defconfig)
		[ -n "$arg" ] || { kt_error="defconfig needs a file"; return 1; }
		opt=--defconfig=$arg
		;;
	savedefconfig)
		[ -n "$arg" ] || arg=defconfig.out
		opt=--savedefconfig=$arg
		;;
	olddefconfig | oldconfig | syncconfig | listnewconfig | helpnewconfig)
		opt=--$mode
		if [ -n "$arg" ]; then
			[ -f "$kt_src/$arg" ] || { kt_error="no such file: $arg"; return 1; }
			[ -d "${cfgpath%/*}" ] || mkdir -p "${cfgpath%/*}"
			kt_copy "$kt_src/$arg" "$cfgpath"
		fi
		case $mode in listnewconfig | helpnewconfig) keep_stdout=1 ;; esac
		;;
	alldefconfig | allnoconfig | allyesconfig | allmodconfig)
		[ -z "$arg" ] || { kt_error="$mode takes no argument"; return 1; }
		opt=--$mode
		;;
	randconfig)
		[ -n "$arg" ] || { kt_error="randconfig needs a seed"; return 1; }
		opt=--randconfig
		extra=("KCONFIG_SEED=$arg")
		;;
	*)
		kt_error="unknown run mode: $mode"
		return 1
		;;
	esac
	[ -z "$kt_all_stdout" ] || keep_stdout=1

	printf '%s\n' "$line" >"$out/$n.cmd"
	# conf sees only PATH, HOME, LC_ALL=C, srctree (if the case asks for
	# it) and the variables set by the case.
	local cmd q
	kt_q q "$kt_cwd"
	cmd="if cd $q; then unset PWD OLDPWD; (LC_ALL=C"
	if [ -n "$kt_srctree" ]; then
		kt_q q "$kt_srctree"
		cmd+=" srctree=$q"
	fi
	for val in ${kt_envs[@]+"${kt_envs[@]}"} ${extra[@]+"${extra[@]}"}; do
		kt_q q "${val#*=}"
		cmd+=" ${val%%=*}=$q"
	done
	# conf runs in a subshell so that the helper shell never has its
	# output files open itself (it would be killed by the file size limit
	# when reporting a conf that was).
	cmd+=" exec"
	for val in "$conf" "$opt" "$kt_kconfig"; do
		kt_q q "$val"
		cmd+=" $q"
	done
	for val in "<$stdin" ">$out/$n.stdout.raw" "2>$out/$n.stderr"; do
		kt_q q "${val#*[<>]}"
		cmd+=" ${val%"${val#*[<>]}"}$q"
	done
	cmd+="); else (exit 126); fi"
	kt_sh "$cmd" || kt_rc="aborted (the helper shell died)"
	printf '%s\n' "$kt_rc" >"$out/$n.rc"
	kt_ran=1

	kt_snap "$cfgpath" "$out/$n.config"
	if [ "$mode" = savedefconfig ]; then
		kt_path val "$arg"
		kt_snap "$val" "$out/$n.defconfig"
	fi
	[ -z "$keep_stdout" ] || kt_copy "$out/$n.stdout.raw" "$out/$n.stdout"
	kt_env_get KCONFIG_AUTOCONFIG || kt_val=include/config/auto.conf
	kt_path val "$kt_val"
	kt_snap "$val" "$out/$n.auto.conf"
	kt_env_get KCONFIG_AUTOHEADER || kt_val=include/generated/autoconf.h
	kt_path val "$kt_val"
	kt_snap "$val" "$out/$n.autoconf.h"
	return 0
}

# kt_clean_env_reexec SCRIPT ARGS...: make sure the runner runs with an
# environment holding only PATH, HOME and the KT_* settings, so that
# conf sees the same environment for both binaries.  The KT_* variables
# are un-exported again by kt_unexport_settings.
kt_clean_env_reexec() {
	[ -z "${KT_CLEAN_ENV-}" ] || return 0
	local -a kept=("KT_CLEAN_ENV=1" "PATH=$PATH" "HOME=${HOME:-/}")
	local v
	for v in TMPDIR KT_TIMEOUT KT_FILE_LIMIT KT_JOBS KT_LINUX KT_KILN; do
		[ -z "${!v+set}" ] || kept+=("$v=${!v}")
	done
	exec env -i "${kept[@]}" "$BASH" "$@"
}
kt_unexport_settings() {
	export -n KT_CLEAN_ENV TMPDIR KT_TIMEOUT KT_FILE_LIMIT KT_JOBS KT_LINUX KT_KILN
}
