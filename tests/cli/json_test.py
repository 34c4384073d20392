#!/usr/bin/env python3
"""JSON and text output against the XML, for the samples and every corpus document.

usage: json_test.py AHCONV SOURCE_DIR [sample|corpus|all]

For each input (the sample part: samples/*.pdf, samples/*.html; the corpus part:
../shared/corpus/pdf/*.pdf, html/*.html and official-xml/*.xml with their metadata
records, exit 77 when the corpus is absent, 1 with AHCONV_REQUIRE_CORPUS=1):
  1. `ahconv convert -f json` validates against schema/aanhangsel.schema.json
     (python3-jsonschema, Draft 2020-12);
  2. it carries exactly what `ahconv convert -f xml` carries: the XML is turned into
     the JSON shape here, independently of the C writer, and the two must be equal —
     metadata, omschrijvingen with their inline elements, every vraag / antwoord /
     mededeling with numbers, label, pages and blocks, every note; the pages the XML
     does not have (blocks, markers) must lie within their section's or note's pages,
     and a note's first page is the page of its first marker;
  3. `ahconv convert -f text` holds every block's text as a line, each antwoord after
     the vraag(en) it answers, and the notes at the end.
Prints one line per failure and "N passed, M failed"; exit 1 on any failure.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import jsonschema
except ImportError:
    print("FAIL: python3-jsonschema is not installed (tools/install-deps.sh installs it)")
    sys.exit(1)

NS = "{urn:ahconv:aanhangsel:1}"
BLOCKS_IN_TEXT = {"label", "noten", "noot", "al", "lijst", "li", "tabel", "rij", "cel"}
# elements whose white space between children is the writer's indentation
ELEMENT_ONLY = {"aanhangsel", "vraag", "antwoord", "mededeling", "noten", "noot", "lijst", "tabel", "rij"}


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


# ---- the XML in the JSON shape ---------------------------------------------------

def node_text(elem, refs=True):
    """ah_node_text: text below elem, markers as [^n], blocks a space apart."""
    out = []

    def put(s):
        if s:
            out.append(s)

    def ends_with_space():
        joined = "".join(out)
        return joined.endswith(" ")

    def walk(e, top):
        name = local(e.tag)
        if not top and name in BLOCKS_IN_TEXT and out and not ends_with_space():
            out.append(" ")
        if name == "noot-ref":
            if refs:
                put("[^%s]" % e.get("n"))
        else:
            indented = name in ELEMENT_ONLY
            if not indented:
                put(e.text)
            for c in e:
                walk(c, False)
                if not indented:
                    put(c.tail)

    walk(elem, True)
    return "".join(out)


def section_text(elem):
    """ah_section_text: the children but the label, a space apart."""
    out = ""
    for c in elem:
        if local(c.tag) == "label":
            continue
        t = node_text(c)
        if out and t:
            out += " "
        out += t
    return out


INLINE_ATTRS = {"vragensteller": ["partij"], "datum": ["iso"], "beantwoorder": ["functie", "ministerie"]}


def inhoud(elem):
    items = []
    if elem.text:
        items.append(elem.text)
    for c in elem:
        name = local(c.tag)
        if name == "noot-ref":
            obj = {"type": name, "n": int(c.get("n"))}
        else:
            obj = {"type": name, "tekst": node_text(c)}
            for a in INLINE_ATTRS.get(name, []):
                obj[a] = c.get(a)
        items.append(obj)
        if c.tail:
            items.append(c.tail)
    return items


def pages(elem):
    p = elem.get("pagina")
    if p is None:
        return None
    first, _, last = p.partition("-")
    return {"eerste": int(first), "laatste": int(last or first)}


def block(elem):
    name = local(elem.tag)
    if name == "al":
        return {"type": "al", "tekst": node_text(elem), "inhoud": inhoud(elem)}
    if name == "lijst":
        return {"type": "lijst", "items": [{"tekst": node_text(li), "inhoud": inhoud(li)} for li in elem]}
    rows = [[{"tekst": node_text(cel), "inhoud": inhoud(cel)} for cel in rij] for rij in elem]
    return {"type": "tabel", "rijen": rows}


def with_pages(obj, elem, after):
    """obj with "pagina" from elem inserted after key `after` (key order matters)."""
    p = pages(elem)
    if p is None:
        return obj
    out = {}
    for k, v in obj.items():
        out[k] = v
        if k == after:
            out["pagina"] = p
    return out


def section(elem):
    name = local(elem.tag)
    label = elem.find(NS + "label")
    nums = [int(n) for n in elem.get("nummers", "").split()]
    obj = {"type": name, "nummers": nums, "label": label.text if label is not None else None}
    obj = with_pages(obj, elem, "label")
    obj["tekst"] = section_text(elem)
    obj["blokken"] = [block(c) for c in elem if local(c.tag) != "label"]
    return obj


def meta_items(oms, name, attrs):
    out = []
    for om in oms:
        for c in om:
            if local(c.tag) != name:
                continue
            if not attrs:
                out.append(node_text(c))
            else:
                item = {"naam": node_text(c)}
                for a in attrs:
                    item[a] = c.get(a)
                out.append(item)
    return out


def first_date(oms, kinds):
    for om in oms:
        if om.get("type") in kinds:
            d = om.find(NS + "datum")
            return d.get("iso") if d is not None else None
    return None


def source(root):
    bron = root.find(NS + "bron")
    if bron is None:
        return None
    paginas = bron.get("paginas")
    out = {"formaat": bron.get("formaat"), "bestand": bron.get("bestand"),
           "paginas": int(paginas) if paginas else None, "sha256": bron.get("sha256"),
           "converter": bron.get("converter")}
    for attr, key in (("pagina-van", "pagina_van"), ("pagina-tot", "pagina_tot")):
        if bron.get(attr):  # one document of a bundle
            out[key] = int(bron.get(attr))
    return out


def registratie(root):
    reg = root.find(NS + "registratie")
    if reg is None:
        return None
    texts = lambda name: [e.text for e in reg.findall(NS + name)]
    ontvanger = texts("ontvanger-naam")
    return {"vraagnummer": reg.get("vraagnummer"), "datum_ontvangst": reg.get("datum-ontvangst"),
            "titel": reg.get("titel"), "indieners": texts("indiener"),
            "ontvanger_naam": ontvanger[0] if ontvanger else None, "categorieen": texts("categorie")}


def expected_from_xml(xml_bytes):
    root = ET.fromstring(xml_bytes)
    oms = [c for c in root if local(c.tag) == "omschrijving"]
    nummer = root.get("nummer")
    doc = {"versie": 1, "id": root.get("id"), "kamer": root.get("kamer"),
           "vergaderjaar": root.get("vergaderjaar"), "nummer": int(nummer) if nummer else None,
           "ingezonden": first_date(oms, ["vraag"]),
           "ontvangen": first_date(oms, ["antwoord", "mededeling"])}
    bron = source(root)
    if bron:
        doc["bron"] = bron
        doc["registratie"] = registratie(root)
    doc["vragenstellers"] = meta_items(oms, "vragensteller", ["partij"])
    doc["ontvangers"] = meta_items(oms, "ontvanger", [])
    subjects = meta_items(oms, "onderwerp", [])
    doc["onderwerp"] = subjects[0] if subjects else None
    doc["beantwoorders"] = meta_items(oms, "beantwoorder", ["functie", "ministerie"])
    doc["zie_ook"] = meta_items(oms, "zie-ook", [])
    doc["omschrijvingen"] = [{"type": om.get("type"), "tekst": node_text(om), "inhoud": inhoud(om)} for om in oms]
    doc["secties"] = [section(c) for c in root if local(c.tag) in ("vraag", "antwoord", "mededeling")]
    notes = []
    for noten in root.findall(NS + "noten"):
        for noot in noten:
            obj = with_pages({"n": int(noot.get("n"))}, noot, "n")
            obj["tekst"] = section_text(noot)
            obj["blokken"] = [block(c) for c in noot]
            notes.append(obj)
    doc["noten"] = notes
    return doc


# ---- pages the XML does not carry -------------------------------------------------

def strip_pages(obj, outer, problems, where, keep):
    """Removes "pagina" below the sections and notes (and from omschrijvingen and
    markers), checking each lies within `outer`; returns the stripped copy."""
    if isinstance(obj, list):
        return [strip_pages(x, outer, problems, where, keep) for x in obj]
    if not isinstance(obj, dict):
        return obj
    out = {}
    p = obj.get("pagina")
    if p is not None:
        first, last = (p, p) if isinstance(p, int) else (p["eerste"], p["laatste"])
        if first > last or (outer and not (outer[0] <= first and last <= outer[1])):
            problems.append("%s: pages %s outside %s" % (where, p, outer))
        if not keep:
            outer = (first, last)
    for k, v in obj.items():
        if k == "pagina" and not keep:
            continue
        out[k] = strip_pages(v, outer, problems, where, False)
    return out


def comparable(actual, problems):
    doc = dict(actual)
    doc["omschrijvingen"] = strip_pages(actual["omschrijvingen"], None, problems, "omschrijving", False)
    secs = []
    for s in actual["secties"]:
        p = s.get("pagina")
        outer = (p["eerste"], p["laatste"]) if p else None
        secs.append(strip_pages(s, outer, problems, "%s %s" % (s["type"], s["nummers"]), True))
    doc["secties"] = secs
    notes = []
    for n in actual["noten"]:
        p = n.get("pagina")
        outer = (p["eerste"], p["laatste"]) if p else None
        notes.append(strip_pages(n, outer, problems, "noot %d" % n["n"], True))
    doc["noten"] = notes
    return doc


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return "%s: %r vs %r" % (path, a, b)
    if isinstance(a, dict):
        if list(a) != list(b):
            return "%s: keys %s vs %s" % (path, list(a), list(b))
        for k in a:
            d = first_difference(a[k], b[k], "%s.%s" % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None if len(a) == len(b) else "%s: %d vs %d items" % (path, len(a), len(b))
    return None if a == b else "%s: %r vs %r" % (path, a, b)


def check_marker_pages(doc, problems):
    """A note is printed at the foot of the page of its first marker: the marker's
    page (from the span it was read from) must be the note's first page."""
    first = {}

    def walk(o):
        if isinstance(o, dict):
            if o.get("type") == "noot-ref" and "pagina" in o:
                first.setdefault(o["n"], o["pagina"])
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(doc["omschrijvingen"])
    walk(doc["secties"])
    for n in doc["noten"]:
        p = n.get("pagina")
        if p and n["n"] in first and first[n["n"]] != p["eerste"]:
            problems.append("noot %d on page %d, its first marker on page %d" % (n["n"], p["eerste"], first[n["n"]]))


# ---- the text output --------------------------------------------------------------

def check_text(text, doc, problems):
    lines = text.split("\n")
    index = {}
    for i, line in enumerate(lines):
        index.setdefault(line, i)
    heads = {}
    for s in doc["secties"]:
        head = s["label"] or s["type"].capitalize()
        pos = index.get(head)
        if pos is None:
            problems.append("text: no heading %r" % head)
            continue
        heads[id(s)] = pos
        for b in s["blokken"]:
            want = [b["tekst"]] if b["type"] == "al" else \
                ["- " + it["tekst"] for it in b.get("items", [])] + \
                [" | ".join(c["tekst"] for c in row) for row in b.get("rijen", [])]
            for w in want:
                if w not in index:
                    problems.append("text: %s: line missing: %.60s" % (head, w))
    for a in doc["secties"]:
        if a["type"] != "antwoord" or id(a) not in heads:
            continue
        for q in doc["secties"]:
            if q["type"] == "vraag" and set(q["nummers"]) & set(a["nummers"]) and id(q) in heads:
                if heads[id(q)] > heads[id(a)]:
                    problems.append("text: %s before %s" % (a["label"], q["label"]))
    if doc["noten"]:
        start = index.get("Noten")
        if start is None or any(index.get("[^%d] %s" % (n["n"], n["tekst"]), -1) < start for n in doc["noten"]):
            problems.append("text: the notes are not all at the end")


# ---- driver -----------------------------------------------------------------------

def run(ahconv, fmt, path):
    r = subprocess.run([ahconv, "convert", "-f", fmt, path], capture_output=True)
    if r.returncode != 0:
        raise RuntimeError("ahconv -f %s exited %d: %s" % (fmt, r.returncode, r.stderr.decode(errors="replace")))
    return r.stdout


def check(ahconv, validator, path):
    problems = []
    raw = run(ahconv, "json", path)
    actual = json.loads(raw)
    for e in validator.iter_errors(actual):
        problems.append("schema: %s at %s" % (e.message[:200], "/".join(str(p) for p in e.absolute_path)))
    expected = expected_from_xml(run(ahconv, "xml", path))
    diff = first_difference(expected, comparable(actual, problems))
    if diff:
        problems.append("JSON differs from the XML: " + diff[:300])
    check_marker_pages(actual, problems)
    check_text(run(ahconv, "text", path).decode(), actual, problems)
    return problems


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        return 2
    ahconv, src = sys.argv[1], sys.argv[2]
    part = sys.argv[3] if len(sys.argv) == 4 else "all"
    schema = json.load(open(os.path.join(src, "schema", "aanhangsel.schema.json")))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    samples = os.path.join(src, "samples")
    inputs = []
    if part != "corpus":
        inputs = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith((".pdf", ".html")))
    corpus = os.path.join(src, "..", "shared", "corpus")
    subs = (("pdf", ".pdf"), ("html", ".html"), ("official-xml", ".xml"))
    missing = [os.path.join(corpus, sub) for sub, _ in subs if not os.path.isdir(os.path.join(corpus, sub))]
    if part != "sample" and missing:
        # as tests/tools/lib.sh: skipped (77), or failed under AHCONV_REQUIRE_CORPUS=1
        if os.environ.get("AHCONV_REQUIRE_CORPUS") == "1":
            print("FAIL: %s not found, and AHCONV_REQUIRE_CORPUS=1 requires the corpus" % os.path.normpath(missing[0]))
            return 1
        print("skipped: %s not found; the corpus part needs ../shared beside the checkout" % os.path.normpath(missing[0]))
        if part == "corpus":
            return 77
    elif part != "sample":
        for sub, ext in subs:
            d = os.path.join(corpus, sub)
            inputs += sorted(os.path.join(d, f) for f in os.listdir(d)
                             if f.endswith(ext) and not f.endswith((".metadata.xml", ".metadata_owms.xml")))
    passed = failed = 0
    for path in inputs:
        try:
            problems = check(ahconv, validator, path)
        except Exception as e:  # a crash of ahconv or bad JSON is a failure of this input
            problems = [str(e)]
        for p in problems:
            print("%s: %s" % (os.path.basename(path), p))
        if problems:
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
