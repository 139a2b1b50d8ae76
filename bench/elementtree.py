"""Yardstick for `npm run bench`: Python's C ElementTree on a (gzipped) PubMed/MEDLINE XML file.

Parses the file ROUNDS times, reading per citation what LaySum's parser reads (PMID, title,
abstract sections with labels, authors, journal, date, MeSH, keywords, ids), and prints
"<records> <articles per second>". Timing excludes interpreter start-up and reading the file.
"""
import gzip
import sys
import time
import xml.etree.ElementTree as ET


def text(node):
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def citation(c):
    art = c.find("Article")
    return {
        "pmid": c.findtext("PMID"),
        "title": text(art.find("ArticleTitle")),
        "abstract": [(a.get("Label"), text(a)) for a in art.iter("AbstractText")],
        "authors": [
            " ".join(filter(None, [a.findtext("ForeName"), a.findtext("LastName")]))
            for a in art.iter("Author")
        ],
        "journal": art.findtext("Journal/Title"),
        "year": art.findtext("Journal/JournalIssue/PubDate/Year"),
        "mesh": [text(m) for m in c.iter("DescriptorName")],
        "keywords": [text(k) for k in c.iter("Keyword")],
        "ids": [e.text for e in art.iter("ELocationID")],
    }


def main():
    path, rounds = sys.argv[1], int(sys.argv[2])
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    records = 0
    start = time.perf_counter()
    for _ in range(rounds):
        root = ET.fromstring(data)
        records = len([citation(c) for c in root.iter("MedlineCitation")])
    seconds = time.perf_counter() - start
    print(records, records * rounds / seconds)


main()
