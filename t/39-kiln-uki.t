#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# kiln-uki (support/tools/) built with AddressSanitizer and UBSan (leaks
# included).  UKIs assembled for x86_64 and aarch64 from a small stub and
# kernel made here, from Debian's systemd-stub 252 and from the boards'
# kernels when they are there, read back with --list and objdump: the
# sections in order, aligned, their contents equal to the inputs, the
# checksum and SizeOfImage right, no gap between sections (signed by
# sbsign, verified by osslsigncode), the same bytes twice.  SBAT kept,
# rewritten in place, appended or refused.  Hostile stubs and wrong inputs
# refused with their message and exit status 1; the fuzz corpus replayed.
#
# Debian's stubs are looked for under $KILN_UKI_STUBS (a folder, searched
# for linuxx64.efi.stub and linuxaa64.efi.stub), in the boards' staging
# (package systemd-stub) and on the host; their cases are skipped if absent.
# Tier: test. Cost: about 40 s, 27 s of CPU (stubs truncated and run under the sanitizers).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../support/testing/tap.sh
. "$top/support/testing/tap.sh"

cache=${KILN_TEST_CACHE:-$top/output/test-cache}
tmp=$(mktemp -d /tmp/kiln-t39.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

make -s -C "$top/support/tools" O="$tmp/bin" SANITIZE=1 all fuzz-replay >"$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; echo "1..0 # kiln-uki does not build"; exit 1; }
uki=$tmp/bin/kiln-uki
log=$tmp/log
tap_log=$log

# exits STATUS PATTERN CMD...: CMD ends with STATUS (not a crash), its
# output holds PATTERN (unless empty), and the sanitizers said nothing
exits() {
	local want=$1 pattern=$2 status=0
	shift 2
	"$@" >"$log" 2>&1 || status=$?
	[ "$status" = "$want" ] && ! grep -q Sanitizer "$log" &&
		{ [ -z "$pattern" ] || grep -q -- "$pattern" "$log"; }
}
run() { exits 0 '' "$@"; }
fails() { exits 1 "$@"; }

# ---- writing little-endian fields ------------------------------------------

# poke FILE OFFSET WIDTH VALUE: VALUE as WIDTH little-endian bytes at OFFSET
poke() {
	local v=$(($4)) n=$3 s=''
	while [ "$n" -gt 0 ]; do
		s="$s$(printf '\\x%02x' $((v & 255)))"
		v=$((v >> 8))
		n=$((n - 1))
	done
	printf '%b' "$s" | dd of="$1" bs=1 seek=$(($2)) conv=notrunc status=none
}
# poke_text FILE OFFSET TEXT
poke_text() {
	printf '%s' "$3" | dd of="$1" bs=1 seek=$(($2)) conv=notrunc status=none
}

# A stub of our own (FILE MACHINE SECTION-ALIGNMENT): PE32+, headers up
# to 0x400, three sections like Debian's x86_64 stub: .text, .sbat with
# 0x100 bytes of memory before .sdmagic.  The section table is at 0x148.
stub_sbat='sbat,1,SBAT Version,sbat,1,https://github.com/rhboot/shim/blob/main/SBAT.md
fake,1,Kiln,fake-stub,1,https://example.org/
'
fake_stub() {
	local f=$1
	head -c $((0xa00)) /dev/zero >"$f"
	poke_text "$f" 0 MZ
	poke "$f" 0x3c 4 0x40
	poke_text "$f" 0x40 PE
	poke "$f" 0x44 2 "$2"
	poke "$f" 0x46 2 3
	poke "$f" 0x54 2 0xf0
	poke "$f" 0x56 2 0x206
	poke "$f" 0x58 2 0x20b
	poke "$f" 0x78 4 "$3"		# SectionAlignment
	poke "$f" 0x7c 4 0x200		# FileAlignment
	poke "$f" 0x90 4 0x3000		# SizeOfImage
	poke "$f" 0x94 4 0x400		# SizeOfHeaders
	poke "$f" 0x9c 2 10		# Subsystem
	poke "$f" 0xc4 4 16		# NumberOfRvaAndSizes
	fake_section "$f" 0 .text 0x100 0x1000 0x200 0x400 0x60000020
	fake_section "$f" 1 .sbat $((${#stub_sbat} + 1)) 0x2000 0x200 0x600 0x40000040
	fake_section "$f" 2 .sdmagic 0x20 0x2100 0x200 0x800 0x40000040
	poke_text "$f" 0x400 "$(printf 'kiln %.0s' $(seq 50))"
	poke_text "$f" 0x600 "$stub_sbat"
	poke_text "$f" 0x800 '#### LoaderInfo: fake stub ####'
	# after the sections, a COFF symbol table as Debian's x86_64 stub has
	poke "$f" 0x4c 4 0xa00
	poke "$f" 0x50 4 3
	poke_text "$f" 0xa00 "$(printf 'symbol%.0s' $(seq 10))"
}
# fake_section FILE INDEX NAME VSIZE VADDR RAWSIZE RAWOFFSET CHARACTERISTICS
fake_section() {
	local at=$((0x148 + 40 * $2))
	poke_text "$1" $at "$3"
	poke "$1" $((at + 8)) 4 "$4"
	poke "$1" $((at + 12)) 4 "$5"
	poke "$1" $((at + 16)) 4 "$6"
	poke "$1" $((at + 20)) 4 "$7"
	poke "$1" $((at + 36)) 4 "$8"
}
# A kernel of our own (FILE MACHINE): MZ, a PE signature, the banner; an
# x86_64 one has the setup header's kernel_version too.
fake_kernel() {
	local f=$1
	{
		head -c 4096 /dev/zero
		printf 'Linux version 6.1.0-t39-banner (t39@kiln) #1\n'
		seq 1 2000
	} >"$f"
	poke_text "$f" 0 MZ
	poke "$f" 0x3c 4 0x40
	poke_text "$f" 0x40 PE
	poke "$f" 0x44 2 "$2"
	if [ "$2" = 0x8664 ]; then
		poke_text "$f" 0x202 HdrS
		poke "$f" 0x20e 2 0x100
		poke_text "$f" 0x300 '6.1.0-t39-setup (t39@kiln) #1'
	fi
}

# ---- reading a UKI back ----------------------------------------------------

sha() { sha256sum | cut -d' ' -f1; }
# value LIST KEY: the first word after KEY in kiln-uki --list's output
value() { awk -v k="$2" '$1 == k { print $2; exit }' "$1"; }
# section_field LIST NAME FIELD (3 address, 4 size, 5 offset, 6 raw size, 7 sha256)
section_field() { awk -v n="$2" -v f="$3" '$1 == "section" && $2 == n { print $f }' "$1"; }

# check_layout LIST NEW UKI: the new sections come last, in the order of
# NEW, page- and FileAlignment-aligned, one after another in memory; in
# the file every section follows the previous one without a gap, and
# nothing follows the last (what Authenticode digests need); SizeOfImage
# is the end rounded to SectionAlignment.
check_layout() {
	local list=$1 new=$2 salign falign page end=0 fend='' n addr size off raw
	salign=$(($(awk '$1 == "alignment" { print $2 }' "$list")))
	falign=$(($(awk '$1 == "alignment" { print $3 }' "$list")))
	page=$((salign > 4096 ? salign : 4096))
	[ "$(awk '$1 == "section" { print $2 }' "$list" | tail -n "$(echo "$new" | wc -w)" |
		tr '\n' ' ')" = "$new " ] || { echo "order: not $new" >>"$log"; return 1; }
	while read -r _ n addr size off raw _; do
		addr=$((addr)) size=$((size)) off=$((off)) raw=$((raw))
		if [ -n "$fend" ] && [ "$off" != "$fend" ]; then
			echo "$n: at $off in the file, not right after the previous section ($fend)" >>"$log"
			return 1
		fi
		case " $new " in *" $n "*)
			if ! { [ $((addr % page)) = 0 ] && [ $((off % falign)) = 0 ] &&
				[ $((raw % falign)) = 0 ] && [ "$raw" -ge "$size" ] &&
				[ "$addr" -ge "$end" ]; }; then
				echo "$n misplaced" >>"$log"
				return 1
			fi
		esac
		end=$((addr + size)) fend=$((off + raw))
	done < <(grep '^section ' "$list")
	[ "$(stat -c %s "$3")" = "$fend" ] || { echo "data after the last section" >>"$log"; return 1; }
	[ $(($(value "$list" size-of-image))) = $(((end + salign - 1) / salign * salign)) ]
}

# signed_verifies UKI: signed by sbsign with a throwaway key, osslsigncode
# computes the same Authenticode digest
signed_verifies() {
	rm -f "$1.signed"
	sbsign --key "$tmp/sign.key" --cert "$tmp/sign.crt" --output "$1.signed" "$1" >"$log" 2>&1 &&
		! grep -q 'gaps' "$log" &&
		osslsigncode verify -CAfile "$tmp/sign.crt" "$1.signed" >"$log" 2>&1
}
can_sign=
if command -v sbsign >/dev/null && command -v osslsigncode >/dev/null &&
	openssl req -new -x509 -newkey rsa:2048 -nodes -keyout "$tmp/sign.key" -out "$tmp/sign.crt" \
		-subj /CN=kiln-t39/ -days 1 >/dev/null 2>&1; then
	can_sign=yes
fi

# check_objdump OBJDUMP UKI LIST: objdump reads the same sections (name,
# address, size, file offset)
check_objdump() {
	local idx name size vma file
	"$1" -h "$2" | while read -r idx name size vma _ file _; do
		case $idx in [0-9]*) printf '%s 0x%x 0x%x 0x%x\n' "$name" $((0x$vma)) $((0x$size)) $((0x$file)) ;; esac
	done >"$tmp/objdump.sections"
	grep '^section ' "$3" | while read -r _ name vma size file _; do
		printf '%s 0x%x 0x%x 0x%x\n' "$name" $((vma)) $((size)) $((file))
	done >"$tmp/list.sections"
	diff "$tmp/list.sections" "$tmp/objdump.sections" >"$log"
}

# same_contents LIST SECTION FILE...: the section's sha256 is that of the
# files (or of stdin when no file is named) put together
same_contents() {
	local list=$1 name=$2
	shift 2
	[ "$(section_field "$list" "$name" 7)" = "$(cat "$@" | sha)" ]
}

# stub_csv STUB: the stub's SBAT text, found by its first line, up to the NUL
stub_csv() {
	local at
	at=$(grep -obUa 'sbat,1,SBAT Version,' "$1" | head -n 1 | cut -d: -f1)
	tail -c +$((at + 1)) "$1" | tr '\0\n' '\n\001' | head -n 1 | tr -d '\n' | tr '\001' '\n'
}

# ---- assembling ------------------------------------------------------------

printf 'ID=kiln\nNAME="Kiln"\nVERSION_ID=t39\n' >"$tmp/os-release"
head -c 100000 /dev/zero | tr '\0' 'i' >"$tmp/initrd"
printf 'kiln.kernel,1,Kiln,linux,6.1,https://example.org/\n' >"$tmp/sbat-extra"
cmdline='console=ttyS0 root=/dev/vda rw quiet'
printf '%s' "$cmdline" >"$tmp/cmdline"

# all CMD... -- CMD... ...: every command succeeds
all() {
	local cmd=()
	for arg in "$@" --; do
		if [ "$arg" = -- ]; then
			"${cmd[@]}" || { echo "failed: ${cmd[*]}" >>"$log"; return 1; }
			cmd=()
		else
			cmd+=("$arg")
		fi
	done
}

# assemble NAME STUB KERNEL MACHINE OBJDUMP RELEASE [OPTION...]: a UKI with
# every input, read back
assemble() {
	local name=$1 stub=$2 kernel=$3 machine=$4 objdump=$5 release=$6 out=$tmp/$1.efi
	shift 6
	check "$name: assembled" run "$uki" --stub "$stub" --linux "$kernel" --machine "$machine" \
		--initrd "$tmp/initrd" --cmdline "$cmdline" --osrel "$tmp/os-release" "$@" -o "$out"
	check "$name: listed" run "$uki" --list "$out"
	cp "$log" "$tmp/$name.list"
	local list=$tmp/$name.list sbat=''
	printf '%s' "$release" >"$tmp/release"
	# a new .sbat when the UKI has one and the stub had none
	section_field "$list" .sbat 2 | grep -q . && sbat=.sbat
	if "$uki" --list "$stub" 2>/dev/null | grep -q '^section \.sbat '; then sbat=''; fi
	check "$name: the new sections in order, aligned, SizeOfImage right" \
		check_layout "$list" ".osrel .cmdline .uname${sbat:+ $sbat} .initrd .linux" "$out"
	check "$name: .linux is the kernel" same_contents "$list" .linux "$kernel"
	check "$name: .initrd, .osrel, .cmdline and .uname are their inputs" \
		all same_contents "$list" .initrd "$tmp/initrd" -- \
		same_contents "$list" .osrel "$tmp/os-release" -- \
		same_contents "$list" .cmdline "$tmp/cmdline" -- \
		same_contents "$list" .uname "$tmp/release"
	check "$name: checksum valid" grep -q '^checksum 0x[0-9a-f]* valid$' "$list"
	check "$name: the stub's sections unchanged" \
		diff <("$uki" --list "$stub" | grep '^section ' | grep -v ' \.sbat ') \
		<(grep '^section ' "$list" | head -n "$(value <("$uki" --list "$stub") sections)" |
		  grep -v ' \.sbat ')
	if command -v "$objdump" >/dev/null; then
		check "$name: $objdump -h reads the same sections" check_objdump "$objdump" "$out" "$list"
	else
		tap_skip "$name: $objdump is not installed"
	fi
	if [ -n "$can_sign" ]; then
		check "$name: signed by sbsign, verified by osslsigncode (the same digest)" \
			signed_verifies "$out"
	else
		tap_skip "$name: sbsign, osslsigncode or openssl is missing: signing not tried"
	fi
	run "$uki" --stub "$stub" --linux "$kernel" --machine "$machine" --initrd "$tmp/initrd" \
		--cmdline "$cmdline" --osrel "$tmp/os-release" "$@" -o "$out.again"
	check "$name: the same bytes twice" cmp "$out" "$out.again"
	check "$name: no temporary file left" [ ! -e "$out.tmp" ]
}

# find_stub NAME ARCH: Debian's stub, or nothing
find_stub() {
	local f
	if [ -n "${KILN_UKI_STUBS:-}" ]; then
		f=$(find "$KILN_UKI_STUBS" -name "$1" -type f 2>/dev/null | head -n 1)
		[ -z "$f" ] || { echo "$f"; return; }
	fi
	for f in "$cache/base-$2/staging/usr/lib/systemd/boot/efi/$1" "/usr/lib/systemd/boot/efi/$1"; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	true
}
stub_x86=$(find_stub linuxx64.efi.stub x86_64)
stub_arm=$(find_stub linuxaa64.efi.stub aarch64)
kernel_x86=$cache/base-x86_64/images/bzImage
kernel_arm=$cache/base-aarch64/build/linux/arch/arm64/boot/Image

fake_stub "$tmp/stub-x86" 0x8664 0x200	# new sections still page-aligned
fake_stub "$tmp/stub-arm" 0xaa64 0x1000
fake_kernel "$tmp/kernel-x86" 0x8664
fake_kernel "$tmp/kernel-arm" 0xaa64

assemble fake-x86_64 "$tmp/stub-x86" "$tmp/kernel-x86" x86_64 objdump 6.1.0-t39-setup
check "fake-x86_64: the stub's symbol table, after its sections, left out and forgotten" \
	[ "$(od -An -tx4 -j $((0x4c)) -N 8 "$tmp/fake-x86_64.efi" | tr -d ' ')" = 0000000000000000 ]
assemble fake-aarch64 "$tmp/stub-arm" "$tmp/kernel-arm" aarch64 aarch64-linux-gnu-objdump \
	6.1.0-t39-banner --uname 6.1.0-t39-banner

if [ -n "$stub_x86" ]; then
	tap_diag "x86_64 stub: $stub_x86: room for $(value <("$uki" --list "$stub_x86") header-room) more section headers"
	assemble debian-x86_64 "$stub_x86" "$tmp/kernel-x86" x86_64 objdump 6.1.0-t39-setup
	check "debian-x86_64: the stub's .sbat kept" \
		same_contents "$tmp/debian-x86_64.list" .sbat <(stub_csv "$stub_x86"; printf '\0')
	if [ -f "$kernel_x86" ]; then
		assemble board-x86_64 "$stub_x86" "$kernel_x86" x86_64 objdump \
			"$(strings "$kernel_x86" | sed -n 's/^\([0-9][^ ]*\) (.*#.*/\1/p' | head -n 1)"
	else
		tap_skip "no x86_64 board kernel in $cache (t/41 builds it)"
	fi
else
	tap_skip "Debian's linuxx64.efi.stub not found (set KILN_UKI_STUBS)"
fi
if [ -n "$stub_arm" ]; then
	tap_diag "aarch64 stub: $stub_arm: room for $(value <("$uki" --list "$stub_arm") header-room) more section headers"
	assemble debian-aarch64 "$stub_arm" "$tmp/kernel-arm" aarch64 aarch64-linux-gnu-objdump \
		6.1.0-t39-banner --sbat "$tmp/sbat-extra"
	check "debian-aarch64: .sbat appended: the stub's CSV (found in its data), --sbat's lines, a NUL" \
		same_contents "$tmp/debian-aarch64.list" .sbat \
		<(stub_csv "$stub_arm"; cat "$tmp/sbat-extra"; printf '\0')
	if [ -f "$kernel_arm" ]; then
		assemble board-aarch64 "$stub_arm" "$kernel_arm" aarch64 aarch64-linux-gnu-objdump \
			"$(strings "$kernel_arm" | sed -n 's/^Linux version \([^ ]*\) .*/\1/p' | head -n 1)"
	else
		tap_skip "no aarch64 board kernel in $cache (t/42 builds it)"
	fi
else
	tap_skip "Debian's linuxaa64.efi.stub not found (set KILN_UKI_STUBS)"
fi

# ---- SBAT --------------------------------------------------------------------

out=$tmp/out.efi
check ".sbat rewritten in place when the lines fit" \
	run "$uki" --stub "$tmp/stub-x86" --linux "$tmp/kernel-x86" --machine x86_64 \
	--sbat "$tmp/sbat-extra" -o "$out"
"$uki" --list "$out" >"$tmp/out.list"
check ".sbat in place: the stub's CSV, the new line, a NUL" same_contents "$tmp/out.list" .sbat \
	<(printf '%s' "$stub_sbat"; cat "$tmp/sbat-extra"; printf '\0')
check ".sbat in place: at its address, no second .sbat" \
	[ "$(section_field "$tmp/out.list" .sbat 3)" = 0x2000 ]
head -c 300 /dev/zero | tr '\0' 'x' >"$tmp/sbat-long"
check "SBAT lines too long for the stub's .sbat: refused with both sizes" \
	fails '0x200 bytes in the file\|512 bytes in the file, 256 before the next section' \
	"$uki" --stub "$tmp/stub-x86" --linux "$tmp/kernel-x86" --machine x86_64 \
	--sbat "$tmp/sbat-long" -o "$out.long"
check "nothing written after a failure" all [ ! -e "$out.long" ] -- [ ! -e "$out.long.tmp" ]
printf 'sbat,1,SBAT Version,sbat,1,x\n' >"$tmp/sbat-header"
check "--sbat with the header line: refused" fails 'comes from the stub' \
	"$uki" --stub "$tmp/stub-x86" --linux "$tmp/kernel-x86" --machine x86_64 \
	--sbat "$tmp/sbat-header" -o "$out"
cp "$tmp/stub-x86" "$tmp/stub-nosbat"
poke_text "$tmp/stub-nosbat" 0x600 "$(head -c 200 /dev/zero | tr '\0' ' ')"
fake_section "$tmp/stub-nosbat" 1 .rdata 0xe0 0x2000 0x200 0x600 0x40000040
check "no SBAT anywhere: a warning, no .sbat" \
	run "$uki" --stub "$tmp/stub-nosbat" --linux "$tmp/kernel-x86" --machine x86_64 -o "$out"
check "no SBAT anywhere: the warning says so" grep -q 'no SBAT text in the stub' "$log"
"$uki" --list "$out" >"$tmp/out.list"
check "no SBAT anywhere: no .sbat section" [ -z "$(section_field "$tmp/out.list" .sbat 3)" ]

# ---- .uname -----------------------------------------------------------------

cp "$tmp/kernel-arm" "$tmp/kernel-anonymous"
poke_text "$tmp/kernel-anonymous" 4096 'Linux ver5ion'
check "no release in the kernel: a warning, no .uname" \
	run "$uki" --stub "$tmp/stub-arm" --linux "$tmp/kernel-anonymous" --machine aarch64 -o "$out"
check "no release: the warning names --uname" grep -q 'give --uname' "$log"
"$uki" --list "$out" >"$tmp/out.list"
check "no release: no .uname, .linux last" all [ -z "$(section_field "$tmp/out.list" .uname 3)" ] -- \
	[ "$(tail -n 1 "$tmp/out.list" | cut -d' ' -f2)" = .linux ]

# ---- hostile stubs -----------------------------------------------------------

# refused WHAT PATTERN STUB: assembling with STUB fails with PATTERN
refused() {
	check "$1: refused" fails "$2" "$uki" --stub "$3" --linux "$tmp/kernel-x86" \
		--machine x86_64 -o "$out"
}
bad() { # bad NAME: a copy of the fake stub to spoil
	cp "$tmp/stub-x86" "$tmp/$1"
	echo "$tmp/$1"
}
truncations=0
for at in 0 1 2 0x3b 0x3c 0x40 0x43 0x44 0x57 0x58 0x90 0xc7 0x147 0x148 0x16f 0x170 \
	0x1bf 0x1c0 0x3ff 0x400 0x401 0x5ff 0x600 0x7ff 0x800 0x9ff; do
	head -c $((at)) "$tmp/stub-x86" >"$tmp/truncated"
	if fails 'not a PE\|past the end\|truncated\|too short\|is empty' "$uki" --stub "$tmp/truncated" \
		--linux "$tmp/kernel-x86" --machine x86_64 -o "$out" &&
		fails 'not a PE\|past the end\|truncated\|too short\|is empty' "$uki" --list "$tmp/truncated"; then
		truncations=$((truncations + 1))
	else
		echo "truncated at $at: not refused" >>"$log"
		break
	fi
done
check "the stub truncated at 26 offsets: each refused (assembling and --list)" [ "$truncations" = 26 ]
for stub in "$stub_x86" "$stub_arm"; do
	[ -n "$stub" ] || continue
	size=$(($(tail -n 1 <("$uki" --list "$stub") | awk '{ print $4 "+" $5 }')))
	truncations=0 tried=0
	for at in $(seq 0 997 $((size - 1))) $((size - 1)); do
		head -c "$at" "$stub" >"$tmp/truncated"
		tried=$((tried + 1))
		fails 'not a PE\|past the end\|truncated\|too short\|is empty' "$uki" --list "$tmp/truncated" &&
			truncations=$((truncations + 1))
	done
	check "$(basename "$stub") truncated at $tried offsets before its last section's end: each refused" \
		[ "$truncations" = "$tried" ]
done

# Each line: what, the field spoilt (offset, width, value), the message,
# and whether --list refuses the file too (it is not wrong as a PE image
# when only a stub cannot be so).
# The fake stub's section table is at 0x148, 40 bytes a section: +8
# VirtualSize, +12 VirtualAddress, +16 SizeOfRawData, +20 PointerToRawData.
while IFS='|' read -r what at width value pattern list; do
	f=$(bad spoilt)
	poke "$f" "$at" "$width" "$value"
	refused "$what" "$pattern" "$f"
	if [ "$list" = list ]; then
		check "$what: --list refuses it too" fails "$pattern" "$uki" --list "$f"
	fi
done <<'EOF'
a section past the end of the file|0x148+80+20|4|0x100000|past the end of the file|list
a section of 4 GiB|0x148+80+16|4|0xfffffe00|past the end of the file|list
FileAlignment 0|0x7c|4|0|must be powers of two|list
SectionAlignment 0x1001|0x78|4|0x1001|must be powers of two|list
0xffff sections|0x46|2|0xffff|claims 65535 sections|list
no sections|0x46|2|0|claims 0 sections|list
e_lfanew past the end|0x3c|4|0x7ffffff0|PE header at 0x7ffffff0 lies past the end|list
e_lfanew 0xffffffff|0x3c|4|0xffffffff|lies past the end|list
sections overlapping in the file|0x148+40+20|4|0x400|overlap in the file|list
sections overlapping in memory|0x148+40+12|4|0x1080|overlaps or comes before|list
sections out of address order|0x148+80+12|4|0x1800|overlaps or comes before|list
a section ending past 4 GiB in memory|0x148+80+12|4|0xfffffff0|ends past 4 GiB|list
no addresses left for the new sections|0x148+80+12|4|0xfffff000|larger than 4 GiB|-
SizeOfOptionalHeader too small|0x54|2|0x40|too short for PE32+|list
SizeOfOptionalHeader past the end|0x54|2|0xfff0|too short for PE32+ or lies past the end|list
NumberOfRvaAndSizes 0x40000000|0xc4|4|0x40000000|data directories do not fit|list
a PE32 (32-bit) stub|0x58|2|0x10b|not a PE32+ image|list
a section's data inside the headers|0x148+20|4|0x100|inside the headers|list
the section table past SizeOfHeaders|0x94|4|0x150|past SizeOfHeaders|list
no room for the new section headers|0x94|4|0x148+160|no room for 2 more section headers (there is room for 1|-
a stub that is not an EFI application|0x9c|2|3|not an EFI application|-
EOF
f=$(bad no-pe); poke_text "$f" 0x40 NE
refused "no PE signature" 'no PE signature' "$f"
f=$(bad no-mz); poke_text "$f" 0 ZM
refused "no MZ" 'no MZ header' "$f"
f=$(bad cert-past-end); poke "$f" 0xe8 4 0x900; poke "$f" 0xec 4 0x200
refused "a certificate table past the end" 'certificate table' "$f"
f=$(bad signed); poke "$f" 0xe8 4 0x900; poke "$f" 0xec 4 0x100
refused "a signed stub" 'sign the UKI, not the stub' "$f"
check "a signed image can be listed" run "$uki" --list "$f"
refused "the aarch64 stub for x86_64" 'the stub is for arm64, the board is x86_64: use linuxx64.efi.stub' \
	"${stub_arm:-$tmp/stub-arm}"
check "the x86_64 stub for aarch64: refused" fails 'the stub is for x86_64, the board is aarch64: use linuxaa64.efi.stub' \
	"$uki" --stub "$tmp/stub-x86" --linux "$tmp/kernel-arm" --machine aarch64 -o "$out"
: >"$tmp/empty"
refused "an empty stub" 'is empty' "$tmp/empty"
refused "a missing stub" 'cannot read the stub' "$tmp/missing"

# ---- wrong inputs --------------------------------------------------------------

# wrong WHAT PATTERN OPTION...: assembling on the fake x86_64 stub fails
wrong() {
	local what=$1 pattern=$2
	shift 2
	check "$what: refused" fails "$pattern" "$uki" --stub "$tmp/stub-x86" --machine x86_64 "$@" -o "$out"
}
if [ -f "$kernel_arm.gz" ]; then gz=$kernel_arm.gz; else gz=$tmp/Image.gz; gzip -c "$tmp/kernel-arm" >"$gz"; fi
check "a gzip kernel: refused" fails 'is compressed (Image.gz?): the stub needs the EFI-stub image' \
	"$uki" --stub "$tmp/stub-arm" --machine aarch64 --linux "$gz" -o "$out"
wrong "an empty kernel" 'the kernel is empty' --linux "$tmp/empty"
wrong "a missing kernel" 'cannot read the kernel' --linux "$tmp/missing"
printf 'not a kernel at all, just text\n' >"$tmp/text"
wrong "a kernel without a PE header" 'built without CONFIG_EFI_STUB' --linux "$tmp/text"
wrong "an aarch64 kernel for x86_64" 'kernel for aarch64' --linux "$tmp/kernel-arm"
wrong "a missing initrd" 'cannot read the initrd' --linux "$tmp/kernel-x86" --initrd "$tmp/missing"
wrong "an empty initrd" 'the initrd is empty' --linux "$tmp/kernel-x86" --initrd "$tmp/empty"
wrong "an empty os-release" 'os-release file is empty' --linux "$tmp/kernel-x86" --osrel "$tmp/empty"
wrong "an empty SBAT file" 'SBAT file is empty' --linux "$tmp/kernel-x86" --sbat "$tmp/empty"
wrong "an empty command line" 'empty command line' --linux "$tmp/kernel-x86" --cmdline ''
wrong "an empty --uname" 'empty release' --linux "$tmp/kernel-x86" --uname ''
wrong "an unknown machine" 'knows x86_64 and aarch64' --linux "$tmp/kernel-x86" --machine riscv64
check "--list of a file that is not PE: refused" fails 'not a PE image' "$uki" --list "$tmp/text"
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	wrong "an output folder that cannot be written" 'cannot write' --linux "$tmp/kernel-x86" \
		--machine x86_64 -o "$tmp/ro/uki.efi"
fi

# ---- the fuzz corpus -------------------------------------------------------------

check "the fuzz corpus replayed (fuzz-uki-pe) under the sanitizers" \
	run "$tmp/bin/fuzz-uki-pe" "$top"/support/tools/fuzz/corpus/uki-pe/*
# the fake stub cut at every offset, in one process: nothing read past
# what is there, and the whole one still makes a UKI that parses
mkdir "$tmp/cuts"
size=$(stat -c %s "$tmp/stub-x86")
for at in $(seq 0 "$size"); do
	head -c "$at" "$tmp/stub-x86" >"$tmp/cuts/$at"
done
check "the stub cut at each of its $((size + 1)) lengths, through the fuzz target" \
	run "$tmp/bin/fuzz-uki-pe" "$tmp"/cuts/*

tap_done
