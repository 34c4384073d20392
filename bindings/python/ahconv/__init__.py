"""ahconv — Python binding of libahconv, the converter of the Dutch parliament's
"Aanhangsel van de Handelingen" (written questions with their answers).

Standard library only (ctypes), no build step.  The shared library is found, in
this order, at $AHCONV_LIBRARY (a path to libahconv.so.0), in the library folder of
the prefix this package was installed into (`cmake --install` records it in
_paths.py), beside this file, and through the system's loader (LD_LIBRARY_PATH,
ldconfig).

    import ahconv
    doc = ahconv.open("ah-tk-20232024-2210.pdf")      # a path, or the bytes of one
    for q in doc.questions:
        print(q.label, q.body)
        for a in q.answers:
            print("   ", a.label, a.body)

A Document owns its tree: every Node keeps its Document alive, so nodes stay valid
as long as they are referenced.  Document.close() (or leaving a `with` block) frees
the tree at once; any use of its nodes after that raises ahconv.Error (code
Status.USAGE), always.  Errors of the library raise ahconv.Error with .code (a
Status) and .message.  A document may be read from several threads at once (ctypes
lets go of the GIL while the library works); close() from another thread waits
for the calls in flight to return, then frees the tree, and later calls raise.
read_metadata() likewise waits for the calls in flight and holds off new ones.
"""

import collections
import ctypes
import enum
import json
import os
import threading

__all__ = ["open", "compare", "version", "version_number", "Document", "Node", "Section", "Error", "Status",
           "Asker", "Answerer", "Lost", "NO_SOURCE"]

# ---- the C library -------------------------------------------------------------

# Option bits (ahconv.h: AH_OPT_*).
NO_SOURCE = 1 << 0
NO_METADATA_FILE = 1 << 3


class Status(enum.IntEnum):
    """ah_status of ahconv.h."""
    OK = 0
    IO = 1
    EMPTY = 2
    FORMAT = 3
    DAMAGED = 4
    ENCRYPTED = 5
    NOT_AANHANGSEL = 6
    USAGE = 7
    NOMEM = 8
    RENDER = 9
    COMPRESS = 10
    LIMIT = 11
    BUNDLE = 12


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char * 256)]


_FINDING_FN = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p)

_p, _s, _i, _z = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_size_t
_E = ctypes.POINTER(_Error)
# name: (restype, argtypes); char * results the caller frees are c_void_p.
_PROTOTYPES = {
    "ah_version": (_s, []),
    "ah_version_number": (_i, []),
    "ah_status_string": (_s, [_i]),
    "ah_free": (None, [_p]),
    "ah_doc_open_file": (_p, [_s, _i, _E]),
    "ah_doc_open_memory": (_p, [_p, _z, _s, _i, _E]),
    "ah_doc_free": (None, [_p]),
    "ah_doc_open_split_file": (_i, [_s, _i, ctypes.POINTER(ctypes.POINTER(_p)), ctypes.POINTER(_z), _E]),
    "ah_doc_open_split_memory": (_i, [_p, _z, _s, _i, ctypes.POINTER(ctypes.POINTER(_p)), ctypes.POINTER(_z), _E]),
    "ah_doc_file_page_first": (_i, [_p]),
    "ah_doc_file_page_last": (_i, [_p]),
    "ah_doc_root": (_p, [_p]),
    "ah_doc_nummer": (_i, [_p]),
    "ah_doc_pages": (_i, [_p]),
    "ah_doc_lost_count": (_z, [_p]),
    "ah_doc_lost_text": (_s, [_p, _z, ctypes.POINTER(_i)]),
    "ah_doc_lost_kind": (_i, [_p, _z]),
    "ah_node_get_type": (_i, [_p]),
    "ah_node_type_string": (_s, [_i]),
    "ah_node_parent": (_p, [_p]),
    "ah_node_first_child": (_p, [_p]),
    "ah_node_last_child": (_p, [_p]),
    "ah_node_next": (_p, [_p]),
    "ah_node_previous": (_p, [_p]),
    "ah_node_get_literal": (_s, [_p]),
    "ah_node_text": (_p, [_p]),
    "ah_node_plain_text": (_p, [_p]),
    "ah_node_get_attr": (_s, [_p, _s]),
    "ah_node_get_numbers": (_z, [_p, ctypes.POINTER(ctypes.POINTER(_i))]),
    "ah_node_get_note_number": (_i, [_p]),
    "ah_node_note_of": (_p, [_p]),
    "ah_node_get_page_first": (_i, [_p]),
    "ah_node_get_page_last": (_i, [_p]),
    "ah_iter_new": (_p, [_p]),
    "ah_iter_next": (_i, [_p]),
    "ah_iter_get_node": (_p, [_p]),
    "ah_iter_free": (None, [_p]),
    "ah_verify": (_z, [_p, _FINDING_FN, _p]),
    "ah_compare": (_z, [_p, _p, _FINDING_FN, _p]),
}
for _name in ("id", "kamer", "vergaderjaar", "ingezonden", "ontvangen", "source_format", "source_name", "sha256",
              "onderwerp", "vraagnummer", "datum_ontvangst", "registratie_titel", "ontvanger_naam", "metadata_file"):
    _PROTOTYPES["ah_doc_" + _name] = (_s, [_p])
_PROTOTYPES["ah_doc_has_registratie"] = (_i, [_p])
_PROTOTYPES["ah_doc_read_metadata_file"] = (_i, [_p, _s, _E])
_PROTOTYPES["ah_doc_read_metadata_memory"] = (_i, [_p, _p, _z, _E])
for _name in ("vragensteller", "ontvanger", "beantwoorder", "zie_ook", "indiener", "categorie"):
    _PROTOTYPES["ah_doc_%s_count" % _name] = (_z, [_p])
    _PROTOTYPES["ah_doc_" + _name] = (_s, [_p, _z])
for _name in ("vragensteller_partij", "beantwoorder_functie", "beantwoorder_ministerie"):
    _PROTOTYPES["ah_doc_" + _name] = (_s, [_p, _z])
for _fmt in ("xml", "pdf", "json", "text"):
    _PROTOTYPES["ah_render_" + _fmt] = (_p, [_p, _i, ctypes.POINTER(_z), _E])
    _PROTOTYPES["ah_write_%s_file" % _fmt] = (_i, [_p, _s, _i, _E])

# The oldest library this binding works with (AHCONV_VERSION_NUMBER, 0xMMmmpp).
_MIN_VERSION = 0x000100


def _candidates():
    here = os.path.dirname(os.path.abspath(__file__))
    if os.environ.get("AHCONV_LIBRARY"):
        yield os.environ["AHCONV_LIBRARY"]
    try:
        from . import _paths  # written by cmake --install
        yield os.path.normpath(os.path.join(here, _paths.LIBDIR_FROM_PACKAGE, "libahconv.so.0"))
    except ImportError:
        pass
    yield os.path.join(here, "libahconv.so.0")
    yield "libahconv.so.0"


def _load():
    tried = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            continue
        for name, (res, args) in _PROTOTYPES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        number = lib.ah_version_number()
        if number >> 16 != _MIN_VERSION >> 16 or number < _MIN_VERSION:
            raise ImportError("ahconv: %s is version %s; this binding needs %d.%d or later of the same major"
                              % (path, lib.ah_version().decode(), _MIN_VERSION >> 16, (_MIN_VERSION >> 8) & 0xFF))
        return lib
    raise ImportError("ahconv: cannot load libahconv.so.0; tried: " + "; ".join(tried))


_lib = _load()


def _str(b):
    return None if b is None else b.decode("utf-8")


def _take_string(ptr, length=None):
    """A char * the library returned and the caller frees, as bytes."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr, length) if length is not None else ctypes.string_at(ptr)
    finally:
        _lib.ah_free(ptr)


def _node_type_names():
    names = {}
    i = 1
    while True:
        name = _lib.ah_node_type_string(i).decode()
        if name == "none":
            return names
        names[i] = name
        i += 1


_TYPE_NAMES = _node_type_names()  # 2 -> "omschrijving", …, as the library names them
_LEAVES = {"text", "noot-ref"}
_ENTER, _EXIT, _DONE = 2, 3, 1  # ah_event_type


def version():
    """The library's version string, "0.1.0"."""
    return _lib.ah_version().decode()


def version_number():
    """The library's AHCONV_VERSION_NUMBER, 0xMMmmpp."""
    return _lib.ah_version_number()


# ---- errors ------------------------------------------------------------------------

class Error(Exception):
    """A failure of the library: .code (a Status) and .message (one line)."""

    def __init__(self, code, message):
        self.code = Status(code)
        self.message = message
        super().__init__(message or _lib.ah_status_string(code).decode())


def _raise(err):
    raise Error(err.code, err.message.decode("utf-8", "replace"))


# ---- documents ---------------------------------------------------------------------

Asker = collections.namedtuple("Asker", "naam partij")
Answerer = collections.namedtuple("Answerer", "naam functie ministerie")
Lost = collections.namedtuple("Lost", "kind text page")
_LOST_KINDS = {1: "line", 2: "note-number", 3: "markup", 4: "encoding", 5: "glyph", 6: "structure"}


def open(source, no_source=False, name=None, no_metadata_file=False):
    """Opens a rendition (PDF, HTML or the publisher's XML, each optionally
    gzip-compressed): a path (str or os.PathLike) or its bytes (bytes, bytearray,
    memoryview).  `name` names bytes in the output's bron (default: none).  With
    no_source, every rendering leaves out bron and pagina.  A path's metadata record
    beside it (X.metadata.xml, or the publisher's folder layout) is read unless
    no_metadata_file.  Raises Error."""
    err = _Error()
    options = (NO_SOURCE if no_source else 0) | (NO_METADATA_FILE if no_metadata_file else 0)
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if isinstance(source, bytes):
        handle = _lib.ah_doc_open_memory(source, len(source), os.fsencode(name) if name else None, options,
                                         ctypes.byref(err))
    else:
        handle = _lib.ah_doc_open_file(os.fsencode(source), options, ctypes.byref(err))
    if not handle:
        _raise(err)
    return Document(handle)


def open_split(source, no_source=False, name=None, no_metadata_file=False):
    """Every document a rendition holds, as a list of Documents: one per masthead
    of a PDF bundle (which open() refuses with Status.BUNDLE), else one.  Arguments
    as for open().  Raises Error."""
    err = _Error()
    options = (NO_SOURCE if no_source else 0) | (NO_METADATA_FILE if no_metadata_file else 0)
    docs = ctypes.POINTER(ctypes.c_void_p)()
    n = ctypes.c_size_t(0)
    if isinstance(source, (bytearray, memoryview)):
        source = bytes(source)
    if isinstance(source, bytes):
        rc = _lib.ah_doc_open_split_memory(source, len(source), os.fsencode(name) if name else None, options,
                                           ctypes.byref(docs), ctypes.byref(n), ctypes.byref(err))
    else:
        rc = _lib.ah_doc_open_split_file(os.fsencode(source), options, ctypes.byref(docs), ctypes.byref(n),
                                         ctypes.byref(err))
    if rc != 0:
        _raise(err)
    out = [Document(docs[i]) for i in range(n.value)]
    _lib.ah_free(docs)  # the array; each Document frees its own
    return out


def compare(a, b):
    """The differences between two renditions of one document, as (element, what)."""
    return a.compare(b)


class _Handle:
    """The library's document, guarded.  Every call on the document or its
    nodes runs inside use(), which counts it per thread; ctypes lets go of the
    GIL during the call, so without the count another thread's close() would
    free the tree under it.  close() stops new calls at once and waits for
    those in flight; exclusive() (attaching a record changes the document)
    waits for them too and holds new ones off until it is done."""

    __slots__ = ("ptr", "cond", "users", "writing")

    def __init__(self, ptr):
        self.ptr = ptr
        self.cond = threading.Condition()
        self.users = {}  # thread id -> calls of that thread in flight
        self.writing = False

    def _own_call(self, what):
        if threading.get_ident() in self.users:
            raise Error(Status.USAGE, "%s inside a call on the same document" % what)

    def use(self):
        return _Use(self)

    def close(self):
        with self.cond:
            if not self.ptr:
                return None
            self._own_call("close()")
            ptr, self.ptr = self.ptr, None  # no call starts after this
            self.cond.notify_all()  # whoever waits for a change sees it closed
            while self.users or self.writing:
                self.cond.wait()
        return ptr

    def exclusive(self, fn):
        with self.cond:
            self._own_call("read_metadata()")
            while self.writing or (self.ptr and self.users):
                self.cond.wait()
            if not self.ptr:
                raise Error(Status.USAGE, "the document is closed")
            self.writing = True
        try:
            return fn(self.ptr)
        finally:
            with self.cond:
                self.writing = False
                self.cond.notify_all()


class _Use:
    """with doc._use() as ptr: one call (or a few) on a document that is open."""

    __slots__ = ("h",)

    def __init__(self, handle):
        self.h = handle

    def __enter__(self):
        h, me = self.h, threading.get_ident()
        with h.cond:
            while h.writing and me not in h.users:
                h.cond.wait()
            if not h.ptr:
                raise Error(Status.USAGE, "the document is closed")
            h.users[me] = h.users.get(me, 0) + 1
            return h.ptr

    def __exit__(self, *exc):
        h, me = self.h, threading.get_ident()
        with h.cond:
            n = h.users.pop(me) - 1
            if n:
                h.users[me] = n
            elif not h.users:
                h.cond.notify_all()


class Document:
    """An opened rendition and its tree."""

    def __init__(self, handle):
        self._handle = _Handle(handle)

    # lifetime
    def close(self):
        """Frees the tree now, once calls in flight in other threads have
        returned; the document and its nodes raise Error after this."""
        ptr = self._handle.close()
        if ptr:
            _lib.ah_doc_free(ptr)

    @property
    def closed(self):
        return not self._handle.ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self, _free=_lib.ah_doc_free):  # bound now: module globals may be gone at exit
        # unreferenced: no node and no call can use it any more
        h = getattr(self, "_handle", None)
        if h is not None and h.ptr:
            _free(h.ptr)
            h.ptr = None

    def _use(self):
        return self._handle.use()

    def _node(self, ptr):
        """A Node for ptr; called inside _use()."""
        return Node._make(self, ptr)

    # metadata
    def _get(self, name):
        with self._use() as h:
            return _str(getattr(_lib, "ah_doc_" + name)(h))

    id = property(lambda self: self._get("id"), doc="publication id, 'ah-tk-20232024-2210'")
    kamer = property(lambda self: self._get("kamer"), doc="'tk' or 'ek'")
    vergaderjaar = property(lambda self: self._get("vergaderjaar"), doc="'2023-2024'")
    ingezonden = property(lambda self: self._get("ingezonden"), doc="ISO date the questions were sent in")
    ontvangen = property(lambda self: self._get("ontvangen"), doc="ISO date the answer was received")
    source_format = property(lambda self: self._get("source_format"), doc="'pdf' or 'html'")
    source_name = property(lambda self: self._get("source_name"))
    sha256 = property(lambda self: self._get("sha256"))
    onderwerp = property(lambda self: self._get("onderwerp"), doc="the subject of the questions")

    # the publisher's metadata record (registratie): None / [] when there is none
    vraagnummer = property(lambda self: self._get("vraagnummer"), doc="the Kamer's number, '2021Z09739'")
    datum_ontvangst = property(lambda self: self._get("datum_ontvangst"), doc="ISO date of receipt, recorded")
    registratie_titel = property(lambda self: self._get("registratie_titel"), doc="the record's title")
    ontvanger_naam = property(lambda self: self._get("ontvanger_naam"), doc="the answerer's name, 'W. Koolmees'")
    metadata_file = property(lambda self: self._get("metadata_file"), doc="the file the record came from")

    @property
    def has_registratie(self):
        with self._use() as h:
            return bool(_lib.ah_doc_has_registratie(h))

    @property
    def indieners(self):
        """The askers as recorded, with initials: ['S.P.R.A. van Weyenberg', ...]."""
        return [t[0] for t in self._list("indiener")]

    @property
    def categorieen(self):
        return [t[0] for t in self._list("categorie")]

    def read_metadata(self, source):
        """Attach a metadata record: a path, or the record's bytes."""
        err = _Error()
        if isinstance(source, (bytes, bytearray)):
            data = bytes(source)
            rc = self._handle.exclusive(
                lambda h: _lib.ah_doc_read_metadata_memory(h, data, len(data), ctypes.byref(err)))
        else:
            path = os.fsencode(source)
            rc = self._handle.exclusive(lambda h: _lib.ah_doc_read_metadata_file(h, path, ctypes.byref(err)))
        if rc != Status.OK:
            _raise(err)

    @property
    def nummer(self):
        with self._use() as h:
            return _lib.ah_doc_nummer(h) or None

    @property
    def pages(self):
        """Page count (PDF), else None."""
        with self._use() as h:
            return _lib.ah_doc_pages(h) or None

    @property
    def file_pages(self):
        """One document of a bundle (open_split): its (first, last) pages in the file, else None."""
        with self._use() as h:
            first = _lib.ah_doc_file_page_first(h)
            return (first, _lib.ah_doc_file_page_last(h)) if first else None

    def _list(self, name, *attrs):
        with self._use() as h:
            count = getattr(_lib, "ah_doc_%s_count" % name)(h)
            out = []
            for i in range(count):
                first = _str(getattr(_lib, "ah_doc_" + name)(h, i))
                out.append((first,) + tuple(_str(getattr(_lib, "ah_doc_%s_%s" % (name, a))(h, i)) for a in attrs))
            return out

    @property
    def vragenstellers(self):
        return [Asker(*t) for t in self._list("vragensteller", "partij")]

    @property
    def ontvangers(self):
        return [t[0] for t in self._list("ontvanger")]

    @property
    def beantwoorders(self):
        return [Answerer(*t) for t in self._list("beantwoorder", "functie", "ministerie")]

    @property
    def zie_ook(self):
        return [t[0] for t in self._list("zie_ook")]

    @property
    def lost(self):
        """Text the rendition printed that the tree does not hold (verify reports it)."""
        with self._use() as h:
            out = []
            for i in range(_lib.ah_doc_lost_count(h)):
                page = ctypes.c_int()
                text = _str(_lib.ah_doc_lost_text(h, i, ctypes.byref(page)))
                out.append(Lost(_LOST_KINDS.get(_lib.ah_doc_lost_kind(h, i), "none"), text, page.value or None))
            return out

    # the tree
    @property
    def root(self):
        with self._use() as h:
            return self._node(_lib.ah_doc_root(h))

    def _children_of_type(self, *types):
        return [c for c in self.root.children if c.type in types]

    @property
    def omschrijvingen(self):
        return self._children_of_type("omschrijving")

    @property
    def sections(self):
        """vraag, antwoord and mededeling sections in the order printed."""
        return self._children_of_type("vraag", "antwoord", "mededeling")

    @property
    def questions(self):
        return self._children_of_type("vraag")

    @property
    def answers(self):
        return self._children_of_type("antwoord")

    @property
    def notes(self):
        """The noot nodes, in number order."""
        return [n for noten in self._children_of_type("noten") for n in noten.children]

    # output
    def _render(self, fmt, no_source, path):
        options = NO_SOURCE if no_source else 0
        err = _Error()
        if path is not None:
            with self._use() as h:
                rc = getattr(_lib, "ah_write_%s_file" % fmt)(h, os.fsencode(path), options, ctypes.byref(err))
            if rc != Status.OK:
                _raise(err)
            return None
        length = ctypes.c_size_t()
        with self._use() as h:
            ptr = getattr(_lib, "ah_render_" + fmt)(h, options, ctypes.byref(length), ctypes.byref(err))
        if not ptr:
            _raise(err)
        return _take_string(ptr, length.value)  # the caller's buffer: valid after close

    def to_xml(self, path=None, no_source=False):
        """The normalized XML as str, or written to `path` (atomically; .gz compressed)."""
        out = self._render("xml", no_source, path)
        return None if out is None else out.decode("utf-8")

    def to_json(self, path=None, no_source=False):
        """The JSON (schema/aanhangsel.schema.json) as str, or written to `path`."""
        out = self._render("json", no_source, path)
        return None if out is None else out.decode("utf-8")

    def to_dict(self, no_source=False):
        """The JSON, parsed."""
        return json.loads(self.to_json(no_source=no_source))

    def to_text(self, path=None, no_source=False):
        """Plain text: each question followed by its answer, notes at the end."""
        out = self._render("text", no_source, path)
        return None if out is None else out.decode("utf-8")

    def to_pdf(self, path=None):
        """The clean PDF: bytes, or written to `path` (atomically)."""
        return self._render("pdf", False, path)

    # checks
    def _findings(self, call):
        found = []

        def report(element, what, _user):
            found.append((element.decode("utf-8", "replace"), what.decode("utf-8", "replace")))

        fn = _FINDING_FN(report)
        call(fn)
        return found

    def verify(self):
        """Findings of the consistency check, as (element, what); [] when all is well."""
        with self._use() as h:
            return self._findings(lambda fn: _lib.ah_verify(h, fn, None))

    def compare(self, other):
        """Differences from another rendition of the same document, as (element, what)."""
        with self._use() as a, other._use() as b:
            return self._findings(lambda fn: _lib.ah_compare(a, b, fn, None))

    def __repr__(self):
        try:
            return "<ahconv.Document %s>" % self._get("id")
        except Error:
            return "<ahconv.Document closed>"


# ---- nodes -------------------------------------------------------------------------

class Node:
    """A node of a document's tree.  It keeps its document alive."""

    __slots__ = ("_doc", "_ptr")

    @staticmethod
    def _make(doc, ptr):
        if not ptr:
            return None
        kind = _TYPE_NAMES.get(_lib.ah_node_get_type(ptr))
        node = object.__new__(Section if kind in ("vraag", "antwoord", "mededeling") else Node)
        node._doc, node._ptr = doc, ptr
        return node

    def _call(self, fn, *args):
        """fn(node, *args) while the document is held open (Error once closed)."""
        with self._doc._use():
            return fn(self._ptr, *args)

    def __eq__(self, other):
        return isinstance(other, Node) and self._ptr == other._ptr

    def __hash__(self):
        return hash(self._ptr)

    @property
    def document(self):
        return self._doc

    @property
    def type(self):
        """The element name: 'vraag', 'al', 'noot-ref', 'text', …"""
        return _TYPE_NAMES.get(self._call(_lib.ah_node_get_type), "none")

    @property
    def is_leaf(self):
        """text and noot-ref nodes have no children (and no EXIT event)."""
        return self.type in _LEAVES

    def _link(self, fn):
        with self._doc._use():
            return self._doc._node(fn(self._ptr))

    parent = property(lambda self: self._link(_lib.ah_node_parent))
    first_child = property(lambda self: self._link(_lib.ah_node_first_child))
    last_child = property(lambda self: self._link(_lib.ah_node_last_child))
    next = property(lambda self: self._link(_lib.ah_node_next))
    previous = property(lambda self: self._link(_lib.ah_node_previous))
    note = property(lambda self: self._link(_lib.ah_node_note_of), doc="the noot a noot-ref refers to")

    @property
    def children(self):
        out = []
        c = self.first_child
        while c is not None:
            out.append(c)
            c = c.next
        return out

    def __iter__(self):
        return iter(self.children)

    @property
    def text(self):
        """All text below the node, note markers as [^n]."""
        return _take_string(self._call(_lib.ah_node_text)).decode("utf-8")

    @property
    def plain_text(self):
        """All text below the node without the note markers."""
        return _take_string(self._call(_lib.ah_node_plain_text)).decode("utf-8")

    @property
    def literal(self):
        """The text of a text node; None for others."""
        return _str(self._call(_lib.ah_node_get_literal))

    def attr(self, name):
        """An XML attribute: 'partij', 'iso', 'type', 'functie', 'ministerie', 'n'."""
        return _str(self._call(_lib.ah_node_get_attr, name.encode()))

    @property
    def numbers(self):
        """The question numbers of a vraag or antwoord, as a tuple."""
        nums = ctypes.POINTER(ctypes.c_int)()
        with self._doc._use():  # the array is the document's
            count = _lib.ah_node_get_numbers(self._ptr, ctypes.byref(nums))
            return tuple(nums[i] for i in range(count))

    @property
    def note_number(self):
        return self._call(_lib.ah_node_get_note_number) or None

    @property
    def pages(self):
        """(first, last) page the node was printed on; None when unknown (HTML)."""
        with self._doc._use():
            first = _lib.ah_node_get_page_first(self._ptr)
            return (first, _lib.ah_node_get_page_last(self._ptr)) if first else None

    def walk(self):
        """Yields ('enter', node) for every node below (and at) this one and
        ('exit', node) after the children of every node that is not a leaf."""
        it = self._call(_lib.ah_iter_new)
        try:
            while True:
                # each step holds the document (the iterator reads its nodes);
                # between steps another thread may close it: the next step raises
                with self._doc._use():
                    ev = _lib.ah_iter_next(it)
                    if ev == _DONE:
                        return
                    node = self._doc._node(_lib.ah_iter_get_node(it))
                yield ("enter" if ev == _ENTER else "exit"), node
        finally:
            _lib.ah_iter_free(it)  # frees the iterator alone, never a node: safe once closed

    def __repr__(self):
        try:
            return "<ahconv.Node %s %r>" % (self.type, self.plain_text[:40])
        except Error:
            return "<ahconv.Node of a closed document>"


class Section(Node):
    """A vraag, antwoord or mededeling."""

    __slots__ = ()

    @property
    def label(self):
        """The heading as printed ('Vraag 2 en 3'); None when there is none."""
        first = self.first_child
        return first.text if first is not None and first.type == "label" else None

    @property
    def blocks(self):
        """The paragraphs, lists and tables, without the label."""
        return [c for c in self.children if c.type != "label"]

    @property
    def paragraphs(self):
        return [c for c in self.children if c.type == "al"]

    @property
    def body(self):
        """The blocks' words without the label and without note markers, a
        space apart (Node.text and Node.plain_text include the label)."""
        return " ".join(t for t in (b.plain_text for b in self.blocks) if t)

    def _related(self, kind):
        mine = set(self.numbers)
        return [s for s in self._doc.sections if s.type == kind and mine & set(s.numbers)]

    @property
    def answers(self):
        """For a vraag: the antwoorden that answer it (sharing a number)."""
        return self._related("antwoord") if self.type == "vraag" else []

    @property
    def questions(self):
        """For an antwoord: the vragen it answers."""
        return self._related("vraag") if self.type == "antwoord" else []
