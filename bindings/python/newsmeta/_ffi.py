"""ctypes mirror of include/newsmeta.h and the loading of libnewsmeta.

The Structure classes below copy the public structs field for field, in
declaration order and with the same names, so their offsets can be checked
against the C compiler's (bindings/python/layout_dump.c and
tests/test_layout.py). newsmeta's ABI promise -- public structs only grow at
their end, enum values are never renumbered -- keeps this mirror valid for
every later library with the same soname (libnewsmeta.so.0).

The library is loaded lazily, on the first call that needs it, from:

1. the file named by the environment variable NEWSMETA_LIBRARY (when it is
   set, it is the only place tried, so a wrong path is reported rather than
   silently replaced by another copy of the library);
2. libnewsmeta.so.0 next to this package (inside the ``newsmeta`` directory);
3. the system's library path: dlopen("libnewsmeta.so.0") (LD_LIBRARY_PATH,
   the ld.so cache), then ctypes.util.find_library("newsmeta") when that
   names the same soname.

The functions are bound from a ctypes.CDLL, which releases the GIL for the
duration of every foreign call, so parses on several threads run in
parallel.
"""
import ctypes
import ctypes.util
import os
import threading
from ctypes import (POINTER, Structure, c_bool, c_char, c_char_p, c_int, c_int32,
                    c_int64, c_size_t, c_uint32, c_uint64, c_void_p)

SONAME = "libnewsmeta.so.0"
ENV_VAR = "NEWSMETA_LIBRARY"
# The library version whose structs the mirrors below describe. A library
# of the same major version and at least this version has them (its structs
# only grow at their end); an older one lacks fields read here, a newer
# major one may lay them out differently.
LAYOUT_VERSION = (0, 2, 0)


def version_mismatch(number):
    """Why a library whose newsmeta_version_number() is number cannot be
    used with these mirrors, or None when it can."""
    found = ((number >> 16) & 0xFF, (number >> 8) & 0xFF, number & 0xFF)
    if found[0] == LAYOUT_VERSION[0] and found >= LAYOUT_VERSION:
        return None
    return ("it is libnewsmeta %d.%d.%d; this binding needs %d.%d.%d or a later %d.x "
            "(the layout of its structs)" % (found + LAYOUT_VERSION + LAYOUT_VERSION[:1]))

# C enums (newsmeta_status, newsmeta_source, ...) have the size of an int
# on the platforms newsmeta supports; test_layout checks it.
c_enum = c_int

# newsmeta_options flags and newsmeta_to_json flags.
OPT_NO_BODY = 1 << 0
OPT_NO_LINKS = 1 << 1
JSON_PRETTY = 1 << 0
# newsmeta_format values and the newsmeta_render flag.
FORMAT_JSON, FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_HTML = 0, 1, 2, 3
RENDER_METADATA = 1 << 1

# newsmeta_charset_source, by value, with the names used in JSON.
CHARSET_SOURCES = ("bom", "option", "meta", "detected", "default")
# NEWSMETA_TRUNCATED_* bits (1 << index), with the names used in JSON.
TRUNCATED = ("depth", "paragraphs", "links", "jsonld", "attributes", "text", "values")


class NmError(Structure):
    """newsmeta_error"""
    _fields_ = [
        ("code", c_enum),
        ("message", c_char * 256),
    ]


class NmOptions(Structure):
    """newsmeta_options"""
    _fields_ = [
        ("size", c_uint32),
        ("flags", c_uint32),
        ("charset", c_char_p),
        ("default_timezone", c_char_p),
        ("max_input_bytes", c_size_t),
        ("max_depth", c_uint32),
        ("max_paragraphs", c_uint32),
        ("max_links", c_uint32),
        ("max_jsonld_depth", c_uint32),
        ("max_jsonld_bytes", c_size_t),
        ("now", c_int64),
    ]


class NmTimestamp(Structure):
    """newsmeta_timestamp"""
    _fields_ = [
        ("present", c_bool),
        ("offset_known", c_bool),
        ("offset_minutes", c_int32),
        ("utc_seconds", c_int64),
        ("precision", c_enum),
        ("iso", c_char_p),
        ("zone", c_char_p),
        ("raw", c_char_p),
        ("source", c_enum),
    ]


class NmParagraph(Structure):
    """newsmeta_paragraph"""
    _fields_ = [
        ("kind", c_enum),
        ("level", c_int32),
        ("text", c_char_p),
        ("length", c_size_t),
    ]


class NmLink(Structure):
    """newsmeta_link"""
    _fields_ = [
        ("href", c_char_p),
        ("text", c_char_p),
        ("kind", c_enum),
        ("paragraph", c_int64),
        ("start", c_size_t),
        ("end", c_size_t),
    ]


class NmSources(Structure):
    """newsmeta_sources"""
    _fields_ = [
        ("headline", c_enum),
        ("byline", c_enum),
        ("authors", c_enum),
        ("description", c_enum),
        ("language", c_enum),
        ("site_name", c_enum),
        ("canonical_url", c_enum),
        ("image", c_enum),
        ("section", c_enum),
        ("tags", c_enum),
        ("body", c_enum),
        ("publisher", c_enum),
    ]


class NmArticle(Structure):
    """newsmeta_article"""
    _fields_ = [
        ("url", c_char_p),
        ("headline", c_char_p),
        ("byline", c_char_p),
        ("authors", POINTER(c_char_p)),
        ("author_count", c_size_t),
        ("publisher", c_char_p),
        ("published", NmTimestamp),
        ("modified", NmTimestamp),
        ("description", c_char_p),
        ("language", c_char_p),
        ("site_name", c_char_p),
        ("canonical_url", c_char_p),
        ("image", c_char_p),
        ("image_credit", c_char_p),
        ("section", c_char_p),
        ("tags", POINTER(c_char_p)),
        ("tag_count", c_size_t),
        ("paragraphs", POINTER(NmParagraph)),
        ("paragraph_count", c_size_t),
        ("links", POINTER(NmLink)),
        ("link_count", c_size_t),
        ("charset", c_char_p),
        ("sources", NmSources),
        ("captions", POINTER(c_char_p)),
        ("caption_count", c_size_t),
        ("agency", c_char_p),
        ("charset_source", c_enum),
        ("truncated", c_uint32),
    ]


class NmWarcRecord(Structure):
    """newsmeta_warc_record (owned by the reader; only read here)"""
    _fields_ = [
        ("error", c_enum),
        ("message", c_char_p),
        ("offset", c_uint64),
        ("record_id", c_char_p),
        ("date", c_char_p),
        ("target_uri", c_char_p),
        ("http_status", c_int),
        ("content_type", c_char_p),
        ("charset", c_char_p),
        ("body", c_void_p),  # not NUL-terminated: body_length bytes
        ("body_length", c_size_t),
    ]


class NmWarcCounts(Structure):
    """newsmeta_warc_counts"""
    _fields_ = [(name, c_uint64) for name in (
        "pages", "errors", "not_html", "requests", "metadata", "revisits", "warcinfo", "other")]


# C struct name -> its mirror; test_layout compares each with the compiler.
STRUCTS = {
    "newsmeta_error": NmError,
    "newsmeta_options": NmOptions,
    "newsmeta_timestamp": NmTimestamp,
    "newsmeta_paragraph": NmParagraph,
    "newsmeta_link": NmLink,
    "newsmeta_sources": NmSources,
    "newsmeta_article": NmArticle,
    "newsmeta_warc_record": NmWarcRecord,
    "newsmeta_warc_counts": NmWarcCounts,
}

# C scalar type name -> its ctypes type (also checked by test_layout).
SCALARS = {
    "bool": c_bool,
    "newsmeta_status": c_enum,
    "newsmeta_source": c_enum,
    "newsmeta_precision": c_enum,
    "newsmeta_paragraph_kind": c_enum,
    "newsmeta_link_kind": c_enum,
    "newsmeta_charset_source": c_enum,
}

_P_ARTICLE = POINTER(NmArticle)

# name: (restype, argtypes)
_PROTOTYPES = {
    "newsmeta_version": (c_char_p, []),
    "newsmeta_version_number": (c_uint32, []),
    "newsmeta_strerror": (c_char_p, [c_enum]),
    "newsmeta_options_init_sized": (None, [POINTER(NmOptions), c_size_t]),
    "newsmeta_init": (None, []),
    "newsmeta_parse_html": (c_enum, [c_char_p, c_size_t, c_char_p, POINTER(NmOptions),
                                     POINTER(_P_ARTICLE), POINTER(NmError)]),
    "newsmeta_parse_text": (c_enum, [c_char_p, c_size_t, c_char_p, POINTER(NmOptions),
                                     POINTER(_P_ARTICLE), POINTER(NmError)]),
    "newsmeta_article_free": (None, [_P_ARTICLE]),
    "newsmeta_to_json": (c_enum, [_P_ARTICLE, c_uint32, POINTER(c_void_p), POINTER(c_size_t),
                                  POINTER(NmError)]),
    "newsmeta_free": (None, [c_void_p]),
    "newsmeta_render": (c_enum, [_P_ARTICLE, c_enum, c_uint32, POINTER(c_void_p),
                                 POINTER(c_size_t), POINTER(NmError)]),
    "newsmeta_format_name": (c_char_p, [c_enum]),
    "newsmeta_source_name": (c_char_p, [c_enum]),
    "newsmeta_paragraph_kind_name": (c_char_p, [c_enum]),
    "newsmeta_precision_name": (c_char_p, [c_enum]),
    "newsmeta_is_warc": (c_bool, [c_char_p, c_size_t]),
    "newsmeta_warc_open": (c_enum, [c_char_p, POINTER(NmOptions), POINTER(c_void_p),
                                    POINTER(NmError)]),
    "newsmeta_warc_next": (c_enum, [c_void_p, POINTER(POINTER(NmWarcRecord)), POINTER(NmError)]),
    "newsmeta_warc_get_counts": (POINTER(NmWarcCounts), [c_void_p]),
    "newsmeta_warc_close": (None, [c_void_p]),
}


class LibraryNotFoundError(OSError):
    """libnewsmeta could not be loaded from any of the places tried.

    ``tried`` lists ``(place, reason)`` pairs in the order they were tried.
    """

    def __init__(self, tried):
        self.tried = list(tried)
        lines = ["cannot load the newsmeta C library (%s); tried:" % SONAME]
        lines += ["  %s: %s" % (place, reason) for place, reason in self.tried]
        lines.append("Build it (cmake --build build), then set %s to the path of "
                     "build/%s, copy it next to the newsmeta package, or install it "
                     "(cmake --install build) where the dynamic loader finds it."
                     % (ENV_VAR, SONAME))
        super().__init__("\n".join(lines))


def candidates():
    """The places the library is looked for, in order: (label, name for dlopen)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return [("$%s=%s" % (ENV_VAR, env), env)]
    here = os.path.dirname(os.path.abspath(__file__))
    out = [("next to the package: " + os.path.join(here, SONAME), os.path.join(here, SONAME)),
           ("system library path: " + SONAME, SONAME)]
    return out


def _bind(lib):
    for name, (restype, argtypes) in _PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


_lock = threading.Lock()
_lib = None
_lib_path = None


def load():
    """Load (once) and return the ctypes.CDLL of libnewsmeta."""
    global _lib, _lib_path
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        tried = []
        places = candidates()
        for label, name in places:
            if os.sep in name and not os.path.exists(name):
                tried.append((label, "no such file"))
                continue
            try:
                lib = ctypes.CDLL(name)
                _bind(lib)
            except (OSError, AttributeError) as e:
                tried.append((label, str(e)))
                continue
            why = version_mismatch(lib.newsmeta_version_number())
            if why:
                tried.append((label, why))
                continue
            _lib_path, _lib = name, lib
            return lib
        if not os.environ.get(ENV_VAR):
            found = ctypes.util.find_library("newsmeta")
            if found is None:
                tried.append(('ctypes.util.find_library("newsmeta")', "not found"))
            elif os.path.basename(found) != SONAME:
                tried.append(('ctypes.util.find_library("newsmeta")',
                              "found %s, which is not ABI %s" % (found, SONAME)))
            else:
                try:
                    lib = _bind(ctypes.CDLL(found))
                    why = version_mismatch(lib.newsmeta_version_number())
                    if not why:
                        _lib_path, _lib = found, lib
                        return lib
                    tried.append(('ctypes.util.find_library("newsmeta") -> ' + found, why))
                except (OSError, AttributeError) as e:
                    tried.append(('ctypes.util.find_library("newsmeta") -> ' + found, str(e)))
        raise LibraryNotFoundError(tried)


def library_path():
    """The path (or soname) the library was loaded from; loads it if needed."""
    load()
    return _lib_path
