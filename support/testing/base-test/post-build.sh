#!/bin/sh
# post-build script of the base-system tests: records its arguments and
# environment in the target
set -eu
printf '%s\n' "$@" >"$1/etc/post-build-args"
printf 'TARGET_DIR=%s\n' "$TARGET_DIR" >"$1/etc/post-build-env"
