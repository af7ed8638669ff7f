#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# pideisn's network (net.c, rtnl.c, dhcp-client.c, resolv.c) for real, in
# two network namespaces this test creates, joined by a veth pair: on one
# side a DHCP server, on the other tests/net-run (net.c and loop.c as
# pideisn runs them at boot), built with ASan and UBSan.  dnsmasq gives the
# lease (address, prefix, default route, MTU, DNS server and search
# domain in resolv.conf), renews it at T1 and sees it released at stop;
# tests/dhcp-test-server gives 8 s leases to watch renewal, rebinding and
# expiry once it is killed, then answers with a volley of broken and
# hostile messages, then refuses a REQUEST (NAK); then ip= static (command
# line and /etc/pideisn/ip) and a link without a server (boot goes on).
# Needs root and dnsmasq (Debian: dnsmasq-base); skipped otherwise.
# Touches nothing outside the namespaces and its temporary folder.
# Tier: test. Cost: about 30 s (a small sanitizer build, then 20 s of
# leases).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/package/pideisn/src
tests=16

# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

skip_all() {
	local _
	for _ in $(seq "$tests"); do tap_skip "$1"; done
	tap_done
	exit
}

[ "$(id -u)" = 0 ] || skip_all "not root: network namespaces need root"
command -v dnsmasq >/dev/null || skip_all "no dnsmasq (Debian: dnsmasq-base, support/dependencies/install-debian)"
command -v ip >/dev/null || skip_all "no ip (Debian: iproute2)"

tmp=$(mktemp -d /tmp/kiln-t37.XXXXXX)
server_ns=kiln-t37-$$-server
client_ns=kiln-t37-$$-client
pids=
cleanup() {
	local pid
	for pid in $pids; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	ip netns del "$server_ns" 2>/dev/null || true
	ip netns del "$client_ns" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

tap_log=$tmp/build.log
make -s -C "$src" O="$tmp/san" SANITIZE=1 "$tmp/san/net-run" "$tmp/san/dhcp-test-server" \
	>"$tap_log" 2>&1 || tap_abort "net-run and dhcp-test-server build" "$(tail -n 20 "$tap_log")"

ip netns add "$server_ns"
ip netns add "$client_ns"
ip link add vs netns "$server_ns" type veth peer name vc netns "$client_ns"
in_server() { ip netns exec "$server_ns" "$@"; }
in_client() { ip netns exec "$client_ns" "$@"; }
in_server ip link set lo up
in_server ip addr add 10.37.0.1/24 dev vs
in_server ip link set vs up
# the kernel's default, which a guest has: no reverse path filter
# dropping the server's answers before the link has an address
in_client sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0

log=$tmp/client.log
resolv=$tmp/resolv.conf
client=

# wait_for FILE REGEX SECONDS: until a line of FILE matches
wait_for() {
	local tenths=0
	until grep -qE "$2" "$1" 2>/dev/null; do
		tenths=$((tenths + 1))
		[ "$tenths" -le $(($3 * 10)) ] || return 1
		sleep 0.1
	done
}

# start_client ARGS...: net-run in the client's namespace, a fresh log
start_client() {
	: >"$log"
	# not through in_client: $! must be net-run itself, not a subshell
	ip netns exec "$client_ns" "$tmp/san/net-run" -r "$resolv" -i "$tmp/ip" "$@" >"$log" 2>&1 &
	client=$!
	pids="$pids $client"
}

# stop_client: SIGTERM (net_stop), then its exit status is 0 (ASan clean)
stop_client() {
	local status=0
	kill -TERM "$client"
	wait "$client" || status=$?
	[ "$status" -eq 0 ] || echo "net-run exited with status $status" >>"$log"
	return "$status"
}

# start_server NAME COMMAND...: a server in the server's namespace
start_server() {
	local name=$1
	shift
	ip netns exec "$server_ns" "$@" >"$tmp/$name.out" 2>&1 &
	server=$!
	pids="$pids $server"
}

stop_server() {
	kill "$server"
	wait "$server" 2>/dev/null || true
}

# fresh_link: the client's link as a new boot finds it
fresh_link() {
	in_client ip -4 addr flush dev vc
	in_client ip link set vc mtu 1500
	rm -f "$resolv"
}

client_has() {
	in_client "$@" >"$tmp/state" 2>&1
	grep -qE "$expect" "$tmp/state"
}

# ---- dnsmasq: the lease, renewal at T1, release ----

start_server dnsmasq dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 \
	--interface=vs --bind-interfaces --no-ping --pid-file="$tmp/dnsmasq.pid" \
	--dhcp-range=10.37.0.50,10.37.0.60,255.255.255.0,120s \
	--dhcp-option=option:router,10.37.0.1 --dhcp-option=option:dns-server,10.37.0.53 \
	--dhcp-option=option:domain-search,t37.example --dhcp-option=option:mtu,1400 \
	--dhcp-option=58,3 --dhcp-option=59,100 \
	--dhcp-leasefile="$tmp/leases" --log-dhcp --log-facility="$tmp/dnsmasq.log"
start_client
tap_log=$log
if wait_for "$log" 'network configured' 10 &&
	grep -qE '^pideisn: vc: 10\.37\.0\.(5[0-9]|60)/24 from 10\.37\.0\.1, lease 120 s$' "$log"; then
	ok "a lease from dnsmasq: the log says the address, prefix, server and time"
else
	not_ok "a lease from dnsmasq: the log says the address, prefix, server and time"
fi
address=$(sed -n 's|^pideisn: vc: \(10\.37\.0\.[0-9]*\)/24 from.*|\1|p' "$log")
tap_log=$tmp/state
expect="inet $address/24 brd 10\.37\.0\.255 .*vc"
check "the address installed, with prefix and broadcast" client_has ip -4 addr show dev vc
expect="^default via 10\.37\.0\.1 dev vc"
check "the default route installed" client_has ip -4 route
expect="mtu 1400"
check "the MTU of option 26 set" client_has ip link show dev vc
expect="inet 127\.0\.0\.1/8"
check "lo up with 127.0.0.1/8" client_has ip addr show dev lo
tap_log=$resolv
check "resolv.conf written with the DNS server and the search domain" \
	grep -qzE 'search t37\.example.nameserver 10\.37\.0\.53' "$resolv"
tap_log=$log
if wait_for "$log" "lease of $address renewed by 10\.37\.0\.1, 120 s" 6 &&
	[ "$(grep -c 'DHCPACK(vs)' "$tmp/dnsmasq.log")" -ge 2 ]; then
	ok "the lease renewed at T1 (3 s: dnsmasq takes no less), dnsmasq acknowledging"
else
	not_ok "the lease renewed at T1 (3 s: dnsmasq takes no less), dnsmasq acknowledging"
fi
grep -q "$address" "$tmp/leases" || echo "# dnsmasq's lease file lacks $address before the stop"
if stop_client && grep -q "lease of $address released to 10.37.0.1" "$log" &&
	wait_for "$tmp/dnsmasq.log" "DHCPRELEASE\(vs\) $address" 3 &&
	! grep -q "$address" "$tmp/leases"; then
	ok "stopped: the lease released, gone from dnsmasq's lease file; no sanitizer report"
else
	not_ok "stopped: the lease released, gone from dnsmasq's lease file; no sanitizer report"
fi
stop_server

# ---- short leases: renewal, then the server gone: rebinding, expiry ----

fresh_link
start_server short "$tmp/san/dhcp-test-server" vs 10.37.0.1 10.37.0.77 short
start_client
if wait_for "$log" '^pideisn: vc: 10\.37\.0\.77/24 from 10\.37\.0\.1, lease 8 s$' 10 &&
	wait_for "$log" 'lease of 10\.37\.0\.77 renewed by 10\.37\.0\.1, 8 s' 4; then
	ok "an 8 s lease, renewed at T1"
else
	not_ok "an 8 s lease, renewed at T1"
fi
stop_server
expect="10\.37\.0\.77"
if wait_for "$log" 'vc: 10\.37\.0\.1 did not renew the lease of 10\.37\.0\.77; asking any server' 6 &&
	wait_for "$log" 'vc: the lease of 10\.37\.0\.77 ended; address and routes removed' 6 &&
	! client_has ip -4 addr show dev vc && expect="default" && ! client_has ip -4 route; then
	ok "the server gone: rebinding at T2, then the lease's end removes address and route"
else
	not_ok "the server gone: rebinding at T2, then the lease's end removes address and route"
fi
check "net-run stopped cleanly after the expiry (no sanitizer report)" stop_client

# ---- a hostile server ----

fresh_link
start_server hostile "$tmp/san/dhcp-test-server" vs 10.37.0.1 10.37.0.88 hostile
start_client
if wait_for "$log" '^pideisn: vc: 10\.37\.0\.88/24 from 10\.37\.0\.1, lease 3600 s$' 10 &&
	grep -q 'ignored a DHCP message from 10.37.0.1' "$log" && stop_client; then
	ok "broken and hostile answers ignored, the good one taken; no sanitizer report"
else
	not_ok "broken and hostile answers ignored, the good one taken; no sanitizer report"
fi
stop_server

# ---- a NAK: back to DISCOVER ----

fresh_link
start_server nak "$tmp/san/dhcp-test-server" vs 10.37.0.1 10.37.0.66 nak
start_client
if wait_for "$log" '^pideisn: vc: 10\.37\.0\.66/24 from 10\.37\.0\.1, lease 3600 s$' 10 &&
	grep -q 'vc: 10.37.0.1 refused the address (DHCPNAK: wrong network); asking again' "$log" &&
	stop_client; then
	ok "a DHCPNAK reported with its message, then a lease from a new DISCOVER"
else
	not_ok "a DHCPNAK reported with its message, then a lease from a new DISCOVER"
fi
stop_server

# ---- ip= static, from the command line and from the file; no server ----

fresh_link
start_client -c 'console=ttyS0 ip=10.37.0.99::10.37.0.1:255.255.255.0::vc:off:10.37.0.53'
expect="inet 10\.37\.0\.99/24 "
if wait_for "$log" 'network configured' 3 && grep -q '^pideisn: vc: 10.37.0.99/24 (static, ip=)$' "$log" &&
	client_has ip -4 addr show dev vc && expect="^default via 10\.37\.0\.1 dev vc" &&
	client_has ip -4 route && grep -q 'nameserver 10.37.0.53' "$resolv" && stop_client; then
	ok "ip= static from the command line: address, route, DNS"
else
	not_ok "ip= static from the command line: address, route, DNS"
fi
fresh_link
printf '# the address of this box\nip=10.37.0.98:::255.255.0.0::vc:off\n' >"$tmp/ip"
start_client
expect="inet 10\.37\.0\.98/16 "
if wait_for "$log" 'network configured' 3 && client_has ip -4 addr show dev vc && stop_client; then
	ok "ip= static from the file (/etc/pideisn/ip)"
else
	not_ok "ip= static from the file (/etc/pideisn/ip)"
fi
rm "$tmp/ip"
fresh_link
start_client -t 1500
if wait_for "$log" 'network configured' 4 &&
	grep -q 'vc: no DHCP lease after 2 s; still asking, boot goes on' "$log" && stop_client; then
	ok "no DHCP server: a warning after the timeout, and boot goes on"
else
	not_ok "no DHCP server: a warning after the timeout, and boot goes on"
fi
tap_done
