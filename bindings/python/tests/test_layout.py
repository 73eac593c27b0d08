"""The ctypes mirror against the C compiler: every public struct's size,
alignment, field names, order, offsets and sizes (from layout_dump.c), and
the enums against the library's own names."""
import ctypes
import json
import os
import subprocess
import unittest

import newsmeta
from newsmeta import _ffi, Precision, ParagraphKind, Source, Status


def c_layout():
    exe = os.environ.get("NEWSMETA_LAYOUT_DUMP")
    if not exe:
        raise unittest.SkipTest("NEWSMETA_LAYOUT_DUMP is not set (ctest sets it to the "
                                "layout_dump program built in bindings/python)")
    out = subprocess.run([exe], check=True, capture_output=True, text=True, timeout=30).stdout
    return json.loads(out)


class Layout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.layout = c_layout()

    def test_every_struct_is_mirrored(self):
        self.assertEqual(sorted(self.layout["structs"]), sorted(_ffi.STRUCTS))

    def test_structs(self):
        for name, c in self.layout["structs"].items():
            py = _ffi.STRUCTS[name]
            with self.subTest(struct=name):
                self.assertEqual(ctypes.sizeof(py), c["size"], "sizeof(%s)" % name)
                self.assertEqual(ctypes.alignment(py), c["align"], "alignof(%s)" % name)
                self.assertEqual([f[0] for f in py._fields_], [f[0] for f in c["fields"]],
                                 "fields of %s, in order" % name)
                for fname, offset, size in c["fields"]:
                    desc = getattr(py, fname)
                    self.assertEqual(desc.offset, offset, "offsetof(%s, %s)" % (name, fname))
                    self.assertEqual(desc.size, size, "sizeof(%s.%s)" % (name, fname))

    def test_scalars(self):
        for name, (size, align) in self.layout["scalars"].items():
            with self.subTest(type=name):
                self.assertEqual(ctypes.sizeof(_ffi.SCALARS[name]), size)
                self.assertEqual(ctypes.alignment(_ffi.SCALARS[name]), align)


class Enums(unittest.TestCase):
    """The Python enums carry the C values and the library's names."""

    @classmethod
    def setUpClass(cls):
        cls.lib = _ffi.load()

    def name(self, fn, value):
        return getattr(self.lib, fn)(value).decode()

    def test_source(self):
        for i, member in enumerate(Source):
            self.assertEqual(self.name("newsmeta_source_name", i), member.value)

    def test_paragraph_kind(self):
        for i, member in enumerate(ParagraphKind):
            self.assertEqual(self.name("newsmeta_paragraph_kind_name", i), member.value)

    def test_precision(self):
        for member in Precision:
            self.assertEqual(self.name("newsmeta_precision_name", int(member)), member.label)

    def test_status(self):
        self.assertEqual([int(s) for s in Status], list(range(len(Status))))
        for s in Status:
            self.assertNotEqual(self.name("newsmeta_strerror", int(s)), "unknown status", s)
        # no code beyond the last one the binding knows
        self.assertEqual(self.name("newsmeta_strerror", len(Status)), "unknown status")

    def test_schema_version(self):
        a = newsmeta.parse_html(b"<html><body><article><p>Some text here for a body."
                                b"</p></article></body></html>")
        self.assertEqual(json.loads(a.to_json())["schema_version"], newsmeta.SCHEMA_VERSION)


class Version(unittest.TestCase):
    """The binding refuses a library whose structs it does not mirror."""

    def test_the_loaded_library_has_the_mirrored_layout(self):
        lib = _ffi.load()
        self.assertIsNone(_ffi.version_mismatch(lib.newsmeta_version_number()))
        self.assertEqual(tuple(int(x) for x in newsmeta.__version__.split(".")[:2]),
                         _ffi.LAYOUT_VERSION[:2])

    def test_older_or_other_major_is_refused_with_both_versions(self):
        major, minor, patch = _ffi.LAYOUT_VERSION
        older = (major << 16) | ((minor - 1) << 8) if minor else None
        other_major = (major + 1) << 16
        for number in (n for n in (older, other_major) if n is not None):
            with self.subTest(number=hex(number)):
                why = _ffi.version_mismatch(number)
                self.assertIsNotNone(why)
                self.assertIn("%d.%d.%d" % _ffi.LAYOUT_VERSION, why)
                self.assertIn("%d.%d.%d" % ((number >> 16) & 255, (number >> 8) & 255,
                                             number & 255), why)

    def test_newer_minor_is_accepted(self):
        major, minor, patch = _ffi.LAYOUT_VERSION
        self.assertIsNone(_ffi.version_mismatch((major << 16) | ((minor + 1) << 8)))


if __name__ == "__main__":
    unittest.main()
