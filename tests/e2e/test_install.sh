#!/usr/bin/env bash
# The library as a program outside the source tree uses it: `cmake --install`
# into a scratch prefix; samples/embed built by a separate CMake project with
# find_package(ucap); the C example compiled with pkg-config; the Python
# example run through ctypes against the built and the installed library.
# Every program must validate and render a plan to a PDF that poppler reads.
source "$(dirname "$0")/lib/check.sh"
build=$(dirname "$ucap")
prefix="$work/prefix"
plan="$src/samples/plans/frankfurt-yokohama.xml"
is_pdf() { pdfinfo "$1" >/dev/null 2>&1; }

# 1. What the install places.
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1
check "install exit 0" test $? -eq 0
library=$(find "$prefix" -name libucap.so.0 -print -quit)
libdir=$(dirname "${library:-$prefix/lib/libucap.so.0}")
check "library with its soname" grep -q "SONAME.*\[libucap.so.0\]" <(readelf -d "$libdir/libucap.so.0")
for header in ucap.h engine.h document.h diagnostic.h export.h; do
  check "header $header" test -f "$prefix/include/ucap/$header"
done
check "templates" test -f "$prefix/share/ucap/templates/ucap.xml" -a -f "$prefix/share/ucap/templates/progress-report.xml" -a -f "$prefix/share/ucap/templates/data/sdg.xml"
check "font manifest" test -f "$prefix/share/ucap/fonts/manifest.xml"
check "cmake package" test -f "$libdir/cmake/ucap/ucapConfig.cmake" -a -f "$libdir/cmake/ucap/ucapConfigVersion.cmake"
check "pkg-config file" test -f "$libdir/pkgconfig/ucap.pc"
# Only the API is exported: C functions ucap_*, C++ names in ucap::, and
# HPDF_MemCpy, libharu's byte loop taken over (src/pdf/haru_memcpy.cpp).
nm -D --defined-only -C "$libdir/libucap.so.0" | awk '{ $1 = ""; $2 = ""; sub(/^  /, ""); print }' >"$work/exports"
check "exports: the API only" test -z "$(grep -v -e '^ucap::' -e '^ucap_' -e '^HPDF_MemCpy$' "$work/exports")"
check "exports: the C API" grep -qx "ucap_render" "$work/exports"
env -u UCAP_DATA_DIR "$prefix/bin/ucap" render "$plan" --lang en -o "$work/installed-cli.pdf" 2>/dev/null
check "installed command renders" is_pdf "$work/installed-cli.pdf"

# 2. A separate CMake project: find_package(ucap), the C++ and C examples.
cmake -S "$src/samples/embed" -B "$work/embed" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$work/embed.log" 2>&1 && cmake --build "$work/embed" -j2 >>"$work/embed.log" 2>&1
built=$?
check "find_package project builds" test $built -eq 0
[ $built -eq 0 ] || cat "$work/embed.log"
"$work/embed/render_plan" "$plan" "$work/cpp.pdf" ja >/dev/null 2>"$work/cpp.err"
check "C++ example exit 0" test $? -eq 0
check "C++ example PDF" is_pdf "$work/cpp.pdf"
"$work/embed/render_plan_c" "$plan" "$work/cmake-c.pdf" en >/dev/null 2>&1
check "C example (CMake) PDF" is_pdf "$work/cmake-c.pdf"
# The installed library reads its own share/ucap: without it, it cannot load.
mv "$prefix/share/ucap/fonts/manifest.xml" "$work/manifest.xml"
"$work/embed/render_plan" "$plan" "$work/none.pdf" 2>"$work/no-data.err"
check "no installed data: exit 2" test $? -eq 2
check "no installed data: says so" grep -q "cannot load ucap: .*$prefix/share/ucap/fonts/manifest.xml" "$work/no-data.err"
mv "$work/manifest.xml" "$prefix/share/ucap/fonts/manifest.xml"

# 3. pkg-config: a C program compiled and linked by hand.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
check "pkg-config version" test "$(pkg-config --modversion ucap)" = "$("$ucap" --version | cut -d' ' -f2)"
cc -std=c99 -Wall -Wextra -Werror -pedantic "$src/samples/embed/render_plan.c" $(pkg-config --cflags --libs ucap) \
  -o "$work/render_plan_c" 2>"$work/cc.log"
compiled=$?
check "C example compiles with pkg-config flags" test $compiled -eq 0
[ $compiled -eq 0 ] || cat "$work/cc.log"
LD_LIBRARY_PATH="$libdir" "$work/render_plan_c" "$plan" "$work/pkg-c.pdf" ja >/dev/null 2>&1
check "C example (pkg-config) PDF" is_pdf "$work/pkg-c.pdf"

# 4. Python through ctypes, against the built library and the installed one.
python3 "$src/samples/embed/render_plan.py" "$plan" "$work/py.pdf" --lang ja --library "$build/libucap.so" \
  >/dev/null 2>&1
check "Python example exit 0" test $? -eq 0
check "Python example PDF" is_pdf "$work/py.pdf"
"$ucap" render "$plan" --lang ja -o "$work/cli.pdf" 2>/dev/null
check "Python bytes = command's bytes" cmp -s "$work/py.pdf" "$work/cli.pdf"
check "C++ bytes = command's bytes" cmp -s "$work/cpp.pdf" "$work/cli.pdf"
UCAP_LIBRARY="$libdir/libucap.so.0" python3 "$src/samples/embed/render_plan.py" "$plan" "$work/py-installed.pdf" \
  >/dev/null 2>&1
check "Python with the installed library" is_pdf "$work/py-installed.pdf"
sed 's/<target id="11.7"\/>/<target id="11.8"\/>/' "$src/tests/fixtures/plans/minimal.xml" >"$work/bad.xml"
python3 "$src/samples/embed/render_plan.py" "$work/bad.xml" "$work/bad.pdf" --library "$build/libucap.so" \
  >/dev/null 2>"$work/py.err"
check "Python: invalid plan exit 1" test $? -eq 1
check "Python: the finding with its position" grep -q "bad.xml:16:17: error\[UCAP031\]" "$work/py.err"
check "Python: no PDF for an invalid plan" test ! -e "$work/bad.pdf"

finish
