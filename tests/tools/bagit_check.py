#!/usr/bin/env python3
"""bagit_check.py: check a BagIt bag as RFC 8493 describes it.

usage: bagit_check.py BAG

Written from the RFC's text (sections 2 and 3), Python 3 standard library
only.  It checks, and prints one line per problem (exit 1), or "valid: N
payload files, M octets" (exit 0):
  - bagit.txt (2.1.1): exactly two lines, "BagIt-Version: M.N" and
    "Tag-File-Character-Encoding: ENCODING";
  - the payload directory data/ (2.1.2);
  - at least one payload manifest manifest-ALG.txt (2.1.3), each line a
    checksum, one or more spaces, a path below data/ (CR, LF and % in a path
    percent-encoded); every file listed is there and has that checksum, and
    every payload file is listed in every manifest (3: "complete");
  - bag-info.txt (2.2.2), if there: "Label: value" lines (continuation lines
    start with white space); Payload-Oxum, if given, is the octet count and
    the number of payload files;
  - tag manifests tagmanifest-ALG.txt (2.2.1): every tag file listed is there
    with that checksum and none of them is below data/.
"""
import hashlib
import os
import re
import sys

ALGORITHMS = {'md5', 'sha1', 'sha256', 'sha512'}


def decode_path(p):
    return p.replace('%0D', '\r').replace('%0A', '\n').replace('%25', '%')


def digest(path, alg):
    h = hashlib.new(alg)
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 16), b''):
            h.update(chunk)
    return h.hexdigest()


def read_manifest(path, problems):
    """{relative path: checksum} of one manifest."""
    entries = {}
    with open(path, 'rb') as f:
        for n, raw in enumerate(f.read().decode('utf-8').split('\n'), 1):
            line = raw.rstrip('\r')
            if not line:
                continue
            m = re.match(r'^([0-9A-Fa-f]+)[ \t]+(.+)$', line)
            if not m:
                problems.append(f'{os.path.basename(path)} line {n}: not "checksum path"')
                continue
            rel = decode_path(m.group(2))
            if rel.startswith('./'):
                rel = rel[2:]
            if rel.startswith('/') or '..' in rel.split('/'):
                problems.append(f'{os.path.basename(path)} line {n}: path outside the bag: {rel}')
                continue
            entries[rel] = m.group(1).lower()
    return entries


def check_bagit_txt(bag, problems):
    path = os.path.join(bag, 'bagit.txt')
    if not os.path.isfile(path):
        problems.append('no bagit.txt')
        return
    lines = open(path, 'rb').read().decode('utf-8').splitlines()
    if len(lines) != 2 or not re.match(r'^BagIt-Version: [0-9]+\.[0-9]+$', lines[0]) or \
            not re.match(r'^Tag-File-Character-Encoding: \S+$', lines[1]):
        problems.append(f'bagit.txt is not the two declarations: {lines!r}')


def payload_files(bag):
    out = []
    for root, dirs, files in os.walk(os.path.join(bag, 'data')):
        dirs.sort()
        for name in sorted(files):
            out.append(os.path.relpath(os.path.join(root, name), bag).replace(os.sep, '/'))
    return out


def check_manifests(bag, kind, files, problems):
    """Every manifest of this kind ('manifest' or 'tagmanifest'); returns them."""
    found = {}
    for name in sorted(os.listdir(bag)):
        m = re.match(rf'^{kind}-([a-z0-9]+)\.txt$', name)
        if not m:
            continue
        alg = m.group(1)
        if alg not in ALGORITHMS:
            problems.append(f'{name}: unknown algorithm {alg}')
            continue
        entries = read_manifest(os.path.join(bag, name), problems)
        for rel, want in entries.items():
            full = os.path.join(bag, rel)
            if kind == 'tagmanifest' and rel.startswith('data/'):
                problems.append(f'{name}: lists a payload file {rel}')
            elif not os.path.isfile(full):
                problems.append(f'{name}: {rel} is missing')
            elif digest(full, alg) != want:
                problems.append(f'{name}: {rel} has another checksum')
        if files is not None:
            for rel in files:
                if rel not in entries:
                    problems.append(f'{name}: payload file {rel} is not listed')
        found[name] = entries
    return found


def check_bag_info(bag, files, problems):
    path = os.path.join(bag, 'bag-info.txt')
    if not os.path.isfile(path):
        return {}
    info = {}
    label = None
    for n, line in enumerate(open(path, 'rb').read().decode('utf-8').splitlines(), 1):
        if line[:1] in (' ', '\t') and label:
            info[label] += ' ' + line.strip()
            continue
        m = re.match(r'^([^:\s][^:]*):\s?(.*)$', line)
        if not m:
            problems.append(f'bag-info.txt line {n}: not "Label: value"')
            continue
        label = m.group(1)
        info[label] = m.group(2)
    if 'Payload-Oxum' in info:
        octets = sum(os.path.getsize(os.path.join(bag, f)) for f in files)
        want = f'{octets}.{len(files)}'
        if info['Payload-Oxum'] != want:
            problems.append(f'Payload-Oxum {info["Payload-Oxum"]}, the payload is {want}')
    return info


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    bag = sys.argv[1]
    problems = []
    check_bagit_txt(bag, problems)
    if not os.path.isdir(os.path.join(bag, 'data')):
        problems.append('no data/ folder')
        files = []
    else:
        files = payload_files(bag)
    if not check_manifests(bag, 'manifest', files, problems):
        problems.append('no payload manifest')
    check_bag_info(bag, files, problems)
    check_manifests(bag, 'tagmanifest', None, problems)
    for p in problems:
        print(p)
    if problems:
        return 1
    octets = sum(os.path.getsize(os.path.join(bag, f)) for f in files)
    print(f'valid: {len(files)} payload files, {octets} octets')
    return 0


if __name__ == '__main__':
    sys.exit(main())
