#!/usr/bin/env python3
"""Unit tests of the Python binding (bindings/python/ahconv) against a built library.

usage: test_python.py SOURCE_DIR      (ctest sets AHCONV_LIBRARY to the built
                                       libahconv.so.0 and PYTHONPATH to bindings/python)
"""
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import unittest

import ahconv

SRC = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
PDF = os.path.join(SRC, "samples", "ah-tk-20252026-9999.pdf")
HTML = os.path.join(SRC, "samples", "ah-tk-20252026-9999.html")


class Constants(unittest.TestCase):
    """The values the binding spells out agree with ahconv.h."""

    def test_header(self):
        with open(os.path.join(SRC, "include", "ahconv.h"), encoding="utf-8") as f:
            header = f.read()
        body = re.search(r"typedef enum \{(.*?)\} ah_status;", header, re.S).group(1)
        names = re.findall(r"^\s*AH_(OK|ERROR_\w+)", body, re.M)
        self.assertEqual([n.replace("ERROR_", "") for n in names], [s.name for s in ahconv.Status])
        self.assertEqual(list(range(len(names))), [s.value for s in ahconv.Status])
        self.assertIn("#define AH_OPT_NO_SOURCE (1 << 0)", header)
        self.assertEqual(ahconv.NO_SOURCE, 1)
        major, minor, patch = (int(re.search(r"#define AHCONV_VERSION_%s (\d+)" % k, header).group(1))
                               for k in ("MAJOR", "MINOR", "PATCH"))
        self.assertEqual(ahconv.version(), "%d.%d.%d" % (major, minor, patch))
        self.assertEqual(ahconv.version_number(), major << 16 | minor << 8 | patch)


class Opening(unittest.TestCase):
    def test_bundle(self):
        """A PDF of two documents is refused by open() and split by open_split()."""
        with tempfile.TemporaryDirectory() as tmp:
            bundle = os.path.join(tmp, "bundle.pdf")
            subprocess.run(["qpdf", "--empty", "--pages", PDF, PDF, "--", bundle], check=True)
            with self.assertRaises(ahconv.Error) as cm:
                ahconv.open(bundle)
            self.assertEqual(cm.exception.code, ahconv.Status.BUNDLE)
            self.assertEqual(cm.exception.message, "holds 2 documents: ah-tk-20252026-9999 (pages 1-3), "
                                                   "ah-tk-20252026-9999 (pages 4-6)")
            with open(bundle, "rb") as f:
                docs = ahconv.open_split(f.read(), name="bundle.pdf")
            self.assertEqual([d.file_pages for d in docs], [(1, 3), (4, 6)])
            self.assertEqual([d.pages for d in docs], [3, 3])
            plain = ahconv.open(PDF).to_xml(no_source=True)
            self.assertEqual([d.to_xml(no_source=True) for d in docs], [plain, plain])
            self.assertIn('pagina-van="4" pagina-tot="6"', docs[1].to_xml())
            one = ahconv.open_split(PDF)
            self.assertEqual(len(one), 1)
            self.assertIsNone(one[0].file_pages)

    def test_path_and_bytes(self):
        by_path = ahconv.open(PDF)
        with open(PDF, "rb") as f:
            data = f.read()
        by_bytes = ahconv.open(data, name="sample.pdf")
        self.assertEqual(by_path.to_xml(no_source=True), by_bytes.to_xml(no_source=True))
        self.assertEqual(by_path.source_name, "ah-tk-20252026-9999.pdf")
        self.assertEqual(by_bytes.source_name, "sample.pdf")
        self.assertEqual(ahconv.open(bytearray(data)).id, "ah-tk-20252026-9999")
        self.assertEqual(ahconv.open(memoryview(data)).pages, 3)

    def test_errors(self):
        with self.assertRaises(ahconv.Error) as cm:
            ahconv.open(os.path.join(SRC, "no-such-file.pdf"))
        self.assertEqual(cm.exception.code, ahconv.Status.IO)
        self.assertEqual(cm.exception.message, "cannot open: No such file or directory")
        with self.assertRaises(ahconv.Error) as cm:
            ahconv.open(b"")
        self.assertEqual(cm.exception.code, ahconv.Status.EMPTY)
        with self.assertRaises(ahconv.Error) as cm:
            ahconv.open(b"plain words, no markup")
        self.assertEqual(cm.exception.code, ahconv.Status.FORMAT)
        self.assertEqual(str(cm.exception), "not a PDF, HTML or publisher XML document")

    def test_no_source(self):
        doc = ahconv.open(PDF, no_source=True)
        self.assertNotIn("<bron", doc.to_xml())
        self.assertNotIn("bron", doc.to_dict())


class Metadata(unittest.TestCase):
    def check(self, doc):
        self.assertEqual(doc.id, "ah-tk-20252026-9999")
        self.assertEqual(doc.kamer, "tk")
        self.assertEqual(doc.vergaderjaar, "2025-2026")
        self.assertEqual(doc.nummer, 9999)
        self.assertEqual(doc.ingezonden, "2025-09-03")
        self.assertEqual(doc.ontvangen, "2025-09-24")
        self.assertEqual(doc.vragenstellers, [("Jansen", "VVD"), ("De Vries-van Dam", "GroenLinks-PvdA")])
        self.assertEqual(doc.vragenstellers[1].partij, "GroenLinks-PvdA")
        self.assertEqual(doc.ontvangers, ["Minister van Infrastructuur en Waterstaat", "Staatssecretaris van Financiën"])
        self.assertEqual(doc.onderwerp, "het bericht «Nieuwe sluizen vertraagd»")
        self.assertEqual(doc.beantwoorders, [("Bakker", "Minister", "Infrastructuur en Waterstaat")])
        self.assertEqual(doc.zie_ook, ["Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 9876"])
        self.assertEqual(doc.lost, [])

    def test_pdf(self):
        doc = ahconv.open(PDF)
        self.check(doc)
        self.assertEqual((doc.source_format, doc.pages), ("pdf", 3))

    def test_html(self):
        doc = ahconv.open(HTML)
        self.check(doc)
        self.assertEqual((doc.source_format, doc.pages), ("html", None))


class Registratie(unittest.TestCase):
    RECORD = (b'<?xml version="1.0"?>\n<metadata_gegevens>'
              b'<metadata name="DC.identifier" content="ah-tk-20252026-9999"/>'
              b'<metadata name="OVERHEIDop.vraagnummer" content="2025Z15001"/>'
              b'<metadata name="OVERHEIDop.indiener" content="P. Jansen"/>'
              b'<metadata name="OVERHEIDop.indiener" content="A.M. de Vries-van Dam"/>'
              b'<metadata name="OVERHEIDop.ontvanger" content="K. Bakker"/>'
              b'<metadata name="OVERHEIDop.datumOntvangst" content="2025-09-24"/>'
              b'<metadata name="OVERHEID.category" content="Verkeer | Waterwegen"/>'
              b'</metadata_gegevens>')

    def test_none(self):
        doc = ahconv.open(PDF)
        self.assertFalse(doc.has_registratie)
        self.assertEqual((doc.vraagnummer, doc.indieners, doc.categorieen, doc.metadata_file), (None, [], [], None))

    def test_from_bytes_and_file(self):
        doc = ahconv.open(HTML)
        doc.read_metadata(self.RECORD)
        self.assertTrue(doc.has_registratie)
        self.assertEqual(doc.vraagnummer, "2025Z15001")
        self.assertEqual(doc.indieners, ["P. Jansen", "A.M. de Vries-van Dam"])
        self.assertEqual((doc.ontvanger_naam, doc.datum_ontvangst), ("K. Bakker", "2025-09-24"))
        self.assertEqual(doc.categorieen, ["Verkeer | Waterwegen"])
        self.assertIn('<registratie vraagnummer="2025Z15001" datum-ontvangst="2025-09-24">', doc.to_xml())
        with tempfile.TemporaryDirectory() as d:
            pdf = os.path.join(d, "ah-tk-20252026-9999.pdf")
            with open(PDF, "rb") as src, open(pdf, "wb") as dst:
                dst.write(src.read())
            record = os.path.join(d, "ah-tk-20252026-9999.metadata.xml")
            with open(record, "wb") as f:
                f.write(self.RECORD)
            beside = ahconv.open(pdf)
            self.assertEqual((beside.vraagnummer, beside.metadata_file), ("2025Z15001", record))
            self.assertFalse(ahconv.open(pdf, no_metadata_file=True).has_registratie)

    def test_another_publication(self):
        doc = ahconv.open(PDF)
        with self.assertRaises(ahconv.Error) as cm:
            doc.read_metadata(self.RECORD.replace(b"9999", b"9998"))
        self.assertEqual(cm.exception.code, ahconv.Status.FORMAT)
        self.assertFalse(doc.has_registratie)


class Tree(unittest.TestCase):
    def setUp(self):
        self.doc = ahconv.open(PDF)

    def test_questions_with_answers(self):
        got = [(q.label, q.numbers, [a.label for a in q.answers]) for q in self.doc.questions]
        self.assertEqual(got, [("Vraag 1", (1,), ["Antwoord 1"]),
                               ("Vraag 2 en 3", (2, 3), ["Antwoord 2 en 3"]),
                               ("Vraag 4", (4,), ["Antwoord 4"]),
                               ("Vraag 5", (5,), ["Antwoord 5"])])
        self.assertEqual([s.type for s in self.doc.sections], ["vraag", "antwoord"] * 4)
        a = self.doc.answers[1]
        self.assertEqual([q.label for q in a.questions], ["Vraag 2 en 3"])
        self.assertEqual(a.pages, (2, 2))
        self.assertEqual([b.type for b in a.blocks], ["al", "lijst", "al", "al"])
        self.assertTrue(self.doc.questions[0].body.startswith("Bent u bekend met het bericht «Nieuwe sluizen"))
        self.assertIn("onderliggende rapport van de Inspectie", self.doc.questions[0].body)
        self.assertIn("onderliggende rapport[^1] van", self.doc.questions[0].text)

    def test_notes_and_markers(self):
        notes = self.doc.notes
        self.assertEqual([(n.note_number, n.pages) for n in notes], [(1, (1, 1)), (2, (2, 2)), (3, (2, 2)), (4, (3, 3))])
        self.assertEqual(notes[2].plain_text, "Kamerstuk 36 600 A, nr. 2")
        refs = [n for ev, n in self.doc.root.walk() if ev == "enter" and n.type == "noot-ref"]
        self.assertEqual([(r.note_number, r.pages, r.note) for r in refs],
                         [(1, (1, 1), notes[0]), (2, (2, 2), notes[1]), (3, (2, 2), notes[2]), (4, (3, 3), notes[3])])
        self.assertIsNone(self.doc.root.note)
        self.assertEqual(refs[0].attr("n"), "1")

    def test_walk(self):
        events = list(self.doc.root.walk())
        enters = [n for ev, n in events if ev == "enter"]
        exits = [n for ev, n in events if ev == "exit"]
        self.assertEqual(len(enters), 120)
        self.assertEqual(len(exits), 58)
        self.assertFalse(any(n.is_leaf for n in exits))
        self.assertEqual(events[0], ("enter", self.doc.root))
        self.assertEqual(events[-1], ("exit", self.doc.root))
        self.assertEqual(self.doc.omschrijvingen[0].children[1].attr("partij"), "VVD")

    def test_nodes_keep_the_document(self):
        vraag = ahconv.open(PDF).questions[0]
        gc.collect()
        self.assertEqual(vraag.label, "Vraag 1")
        self.assertEqual(vraag.document.id, "ah-tk-20252026-9999")

    def test_closed(self):
        doc = ahconv.open(PDF)
        vraag = doc.questions[0]
        with doc:
            pass
        with self.assertRaises(ahconv.Error) as cm:
            vraag.text
        self.assertEqual(cm.exception.code, ahconv.Status.USAGE)
        with self.assertRaises(ahconv.Error):
            doc.to_xml()
        doc.close()  # twice is fine
        self.assertIn("closed", repr(vraag))
        self.assertTrue(doc.closed)
        self.assertEqual(repr(doc), "<ahconv.Document closed>")

    def test_walk_after_close(self):
        # walk() once stepped the iterator over the freed tree before it
        # checked the document (heap-use-after-free under ASan)
        doc = ahconv.open(PDF)
        walk = doc.root.walk()
        self.assertEqual(next(walk)[0], "enter")
        doc.close()
        with self.assertRaises(ahconv.Error) as cm:
            next(walk)
        self.assertEqual((cm.exception.code, cm.exception.message), (ahconv.Status.USAGE, "the document is closed"))
        walk.close()  # frees the iterator, touches no node
        with self.assertRaises(ahconv.Error):
            doc.root


def _differing_html():
    with open(HTML, "rb") as f:
        data = f.read()
    return ahconv.open(data.replace(b"vertraagd", b"versneld"), name="changed.html")


class CloseFromAnotherThread(unittest.TestCase):
    """close() while another thread is inside the library with the document:
    it waits for that call, then frees; later calls raise ahconv.Error."""

    def test_close_waits_for_a_call_in_flight(self):
        doc, other = ahconv.open(PDF), _differing_html()
        want = doc.compare(other)
        self.assertTrue(want)
        h, closer, seen = doc._handle, [], []

        def report(finding):
            # first finding, inside ah_compare: another thread closes the
            # document; wait until it has (it then waits for this call)
            if not closer:
                closer.append(threading.Thread(target=doc.close))
                closer[0].start()
                with h.cond:
                    h.cond.wait_for(lambda: h.ptr is None)
            seen.append(finding)

        got = doc._findings(lambda fn: _compare_with(doc, other, fn, report))
        closer[0].join()
        self.assertEqual(got, want)  # the call in flight ran to its end on a live tree
        self.assertEqual(seen, want)
        self.assertTrue(doc.closed)
        with self.assertRaises(ahconv.Error) as cm:
            doc.to_xml()
        self.assertEqual(cm.exception.code, ahconv.Status.USAGE)

    def test_close_during_rendering(self):
        # to_xml/to_pdf let go of the GIL; a close() from another thread
        # once freed the document under them (heap-use-after-free under ASan)
        want = ahconv.open(PDF).to_pdf()
        for _ in range(3):
            doc = ahconv.open(PDF)
            started, out = threading.Event(), []

            def render():
                started.set()
                try:
                    out.append(doc.to_pdf())
                except ahconv.Error as e:
                    out.append(e)

            t = threading.Thread(target=render)
            t.start()
            started.wait()
            doc.close()
            t.join()
            # whole, or refused because it came after the close: never half
            self.assertTrue(out[0] == want or (isinstance(out[0], ahconv.Error)
                                               and out[0].code == ahconv.Status.USAGE), out[0])
            with self.assertRaises(ahconv.Error):
                doc.to_xml()

    def test_close_inside_a_call_is_refused(self):
        doc, other = ahconv.open(PDF), _differing_html()
        errors = []

        def report(finding):
            try:
                doc.close()
            except ahconv.Error as e:
                errors.append((e.code, e.message))

        doc._findings(lambda fn: _compare_with(doc, other, fn, report))
        self.assertTrue(errors)
        self.assertEqual(errors[0], (ahconv.Status.USAGE, "close() inside a call on the same document"))
        self.assertFalse(doc.closed)
        self.assertEqual(doc.id, "ah-tk-20252026-9999")


def _compare_with(doc, other, fn, report):
    """ah_compare as Document.compare makes it, with `report` also called
    per finding, inside the library's call."""
    def both(element, what, user):
        fn(element, what, user)
        report((element.decode(), what.decode()))
    with doc._use() as a, other._use() as b:
        return ahconv._lib.ah_compare(a, b, ahconv._FINDING_FN(both), None)


class Output(unittest.TestCase):
    def setUp(self):
        self.doc = ahconv.open(PDF)
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_same_as_the_command_line(self):
        ahconv_cli = os.environ.get("AHCONV_CLI")
        if not ahconv_cli:
            self.skipTest("AHCONV_CLI not set")
        for fmt, method in (("xml", self.doc.to_xml), ("json", self.doc.to_json), ("text", self.doc.to_text)):
            cli = subprocess.run([ahconv_cli, "convert", "-f", fmt, PDF], capture_output=True, check=True).stdout
            self.assertEqual(method(), cli.decode("utf-8"), fmt)
        cli = subprocess.run([ahconv_cli, "convert", "-f", "pdf", PDF], capture_output=True, check=True).stdout
        self.assertEqual(self.doc.to_pdf(), cli)

    def test_files(self):
        xml = os.path.join(self.tmp.name, "out.xml")
        self.assertIsNone(self.doc.to_xml(xml))
        with open(xml, encoding="utf-8") as f:
            self.assertEqual(f.read(), self.doc.to_xml())
        pdf = os.path.join(self.tmp.name, "out.pdf")
        self.doc.to_pdf(pdf)
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        self.assertEqual(ahconv.open(pdf).to_xml(no_source=True).count("<vraag "), 4)
        with self.assertRaises(ahconv.Error) as cm:
            self.doc.to_json(os.path.join(self.tmp.name, "missing", "out.json"))
        self.assertEqual(cm.exception.code, ahconv.Status.IO)
        with self.assertRaises(ahconv.Error) as cm:
            self.doc.to_text("")
        self.assertEqual((cm.exception.code, cm.exception.message), (ahconv.Status.USAGE, "empty path"))

    def test_json_and_text(self):
        d = self.doc.to_dict()
        self.assertEqual([s["nummers"] for s in d["secties"] if s["type"] == "vraag"], [[1], [2, 3], [4], [5]])
        self.assertEqual(len(d["noten"]), 4)
        text = self.doc.to_text()
        self.assertTrue(text.startswith("ah-tk-20252026-9999\nbron: ah-tk-20252026-9999.pdf (pdf)\n"))
        self.assertLess(text.index("Vraag 2 en 3\n"), text.index("Antwoord 2 en 3\n"))
        self.assertIn("\nNoten\n[^1] https://www.example.org/rapport-sluizen-2025\n", text)

    def test_verify_and_compare(self):
        self.assertEqual(self.doc.verify(), [])
        self.assertEqual(ahconv.compare(self.doc, ahconv.open(HTML)), [])


class Threads(unittest.TestCase):
    def test_one_document_from_threads(self):
        doc = ahconv.open(PDF)
        want = (doc.to_xml(), doc.to_json(), doc.to_pdf())
        results, errors = [], []

        def work():
            try:
                for _ in range(2):
                    results.append((doc.to_xml(), doc.to_json(), doc.to_pdf()))
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 8)
        self.assertTrue(all(r == want for r in results))


if __name__ == "__main__":
    unittest.main(verbosity=1)
