#!/usr/bin/env python3
"""Validate an action plan held in memory and render it to PDF bytes through
libucap's C API, with ctypes (standard library only).

    python3 render_plan.py PLAN.xml OUT.pdf [--lang ja] [--library PATH]

The library is --library, else $UCAP_LIBRARY, else libucap.so.0 wherever the
dynamic loader finds it. Its data (templates, font manifest) is found beside
it, as for any program that links it.
"""
import argparse
import ctypes
import os
import sys


class Diagnostic(ctypes.Structure):
    """struct ucap_diagnostic (ucap/ucap.h)."""
    _fields_ = [
        ("code", ctypes.c_char_p),
        ("severity", ctypes.c_int),
        ("file", ctypes.c_char_p),
        ("line", ctypes.c_uint32),
        ("column", ctypes.c_uint32),
        ("message", ctypes.c_char_p),
        ("hint", ctypes.c_char_p),
    ]

    def __str__(self):
        where = self.file.decode()
        if self.line:
            where += f":{self.line}:{self.column}"
        severity = ("error", "warning", "note")[self.severity]
        text = f"{where}: {severity}[{self.code.decode()}]: {self.message.decode()}"
        return text + (f" ({self.hint.decode()})" if self.hint else "")


UCAP_OK = 0
HANDLE = ctypes.c_void_p  # every ucap_* handle is opaque


def load_library(path):
    """libucap with the argument and result types of the functions used here."""
    lib = ctypes.CDLL(path)
    out = ctypes.POINTER(HANDLE)
    signatures = {
        "ucap_engine_load": ([ctypes.c_char_p, ctypes.c_uint, out, ctypes.c_char_p, ctypes.c_size_t], ctypes.c_int),
        "ucap_engine_free": ([HANDLE], None),
        "ucap_document_load_buffer": ([ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, out], ctypes.c_int),
        "ucap_document_free": ([HANDLE], None),
        "ucap_validate": ([HANDLE, HANDLE, HANDLE, out], ctypes.c_int),
        "ucap_render": ([HANDLE, HANDLE, ctypes.c_char_p, HANDLE, ctypes.c_char_p, out], ctypes.c_int),
        "ucap_result_pdf": ([HANDLE, ctypes.POINTER(ctypes.c_size_t)], ctypes.c_void_p),
        "ucap_result_diagnostic_count": ([HANDLE], ctypes.c_size_t),
        "ucap_result_diagnostic": ([HANDLE, ctypes.c_size_t], ctypes.POINTER(Diagnostic)),
        "ucap_result_free": ([HANDLE], None),
        "ucap_status_name": ([ctypes.c_int], ctypes.c_char_p),
    }
    for name, (argtypes, restype) in signatures.items():
        function = getattr(lib, name)
        function.argtypes, function.restype = argtypes, restype
    return lib


class Ucap:
    """One engine, loaded once: fonts and templates. Thread-safe to share."""

    def __init__(self, library_path):
        self.lib = load_library(library_path)
        self.engine = HANDLE()
        error = ctypes.create_string_buffer(512)
        if self.lib.ucap_engine_load(None, 0, ctypes.byref(self.engine), error, len(error)) != UCAP_OK:
            raise RuntimeError(f"cannot load ucap: {error.value.decode()}")

    def close(self):
        self.lib.ucap_engine_free(self.engine)

    def load(self, name, xml):
        """A document from bytes in memory; name is what diagnostics print."""
        document = HANDLE()
        status = self.lib.ucap_document_load_buffer(name.encode(), xml, len(xml), ctypes.byref(document))
        if status != UCAP_OK:
            raise RuntimeError(self.lib.ucap_status_name(status).decode())
        return document

    def validate(self, document):
        """(ok, diagnostics)"""
        result = HANDLE()
        status = self.lib.ucap_validate(self.engine, document, None, ctypes.byref(result))
        return status == UCAP_OK, self._take(result)[1]

    def render(self, document, language):
        """(pdf bytes or None, diagnostics)"""
        result = HANDLE()
        status = self.lib.ucap_render(self.engine, document, language.encode(), None, None, ctypes.byref(result))
        pdf, diagnostics = self._take(result)
        return (pdf if status == UCAP_OK else None), diagnostics

    def _take(self, result):
        """Copies what the result holds into Python objects, then frees it."""
        size = ctypes.c_size_t()
        address = self.lib.ucap_result_pdf(result, ctypes.byref(size))
        pdf = ctypes.string_at(address, size.value) if address else b""
        count = self.lib.ucap_result_diagnostic_count(result)
        diagnostics = [str(self.lib.ucap_result_diagnostic(result, i).contents) for i in range(count)]
        self.lib.ucap_result_free(result)
        return pdf, diagnostics


def report(diagnostics):
    for line in diagnostics:
        print(line, file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan")
    parser.add_argument("output")
    parser.add_argument("--lang", default="en", choices=["en", "ja"])
    parser.add_argument("--library", default=os.environ.get("UCAP_LIBRARY", "libucap.so.0"))
    args = parser.parse_args()

    ucap = Ucap(args.library)
    with open(args.plan, "rb") as f:
        document = ucap.load(args.plan, f.read())
    try:
        ok, diagnostics = ucap.validate(document)
        report(diagnostics)
        if not ok:
            return 1
        pdf, diagnostics = ucap.render(document, args.lang)
        report(diagnostics)
        if pdf is None:
            return 1
        with open(args.output, "wb") as f:
            f.write(pdf)
        print(f"{args.output}: {len(pdf)} bytes, {args.lang}")
        return 0
    finally:
        ucap.lib.ucap_document_free(document)
        ucap.close()


if __name__ == "__main__":
    sys.exit(main())
