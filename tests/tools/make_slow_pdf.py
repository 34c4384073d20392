#!/usr/bin/env python3
"""A small PDF that takes hours to read: a test input for `batch --timeout`.

usage: make_slow_pdf.py OUT.pdf [DEPTH]

The page draws form X0, which draws X1 ten times, which draws X2 ten times,
and so on down to X{DEPTH}, which strokes one short line: 10**DEPTH drawing
operations from a file of about 2 KB.  A PDF reader walks every one of them
to find the page's text (there is none).  Depth 6 takes poppler about ten
seconds; the default, 9, takes hours, with constant memory.
"""
import sys


def stream(head, content):
    return head + b" /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def slow_pdf(depth):
    forms = [5 + i for i in range(depth + 1)]
    body = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
           b" /Resources << /XObject << /X0 %d 0 R >> >> >>" % forms[0],
        4: stream(b"<<", b"/X0 Do"),
    }
    for i, obj in enumerate(forms):
        head = b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
        if i < depth:
            head += b" /Resources << /XObject << /X %d 0 R >> >>" % forms[i + 1]
            body[obj] = stream(head, b" ".join([b"/X Do"] * 10))
        else:
            body[obj] = stream(head, b"0 0 m 1 1 l S")
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for k in sorted(body):
        offsets[k] = len(out)
        out += b"%d 0 obj\n" % k + body[k] + b"\nendobj\n"
    xref = len(out)
    n = max(body) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % n
    for k in range(1, n):
        out += b"%010d 00000 n \n" % offsets[k]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, xref)
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(slow_pdf(int(sys.argv[2]) if len(sys.argv) > 2 else 9))
