/* ahconv.h — the public API of libahconv.
 *
 * Reads official renditions (PDF, HTML) of the Dutch parliament's
 * "Aanhangsel van de Handelingen" (written questions with their answers),
 * reconstructs the document's structure as a node tree and renders it as
 * normalized XML (namespace urn:ahconv:aanhangsel:1).
 *
 * Shape follows cmark: opaque types, one prefix, an enter/exit iterator,
 * getters that return NULL/0 when a value is absent, renderers that return
 * a malloc'd buffer the caller frees with free().  The library never prints;
 * failures come back as an ah_error.
 */
#ifndef AHCONV_H
#define AHCONV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AHCONV_STATIC_DEFINE)
#  define AH_EXPORT
#elif defined(_WIN32)
#  ifdef AHCONV_BUILDING
#    define AH_EXPORT __declspec(dllexport)
#  else
#    define AH_EXPORT __declspec(dllimport)
#  endif
#else
#  define AH_EXPORT __attribute__((visibility("default")))
#endif

#define AHCONV_VERSION_STRING "0.1.0"
#define AHCONV_VERSION_MAJOR 0
#define AHCONV_VERSION_MINOR 1
#define AHCONV_VERSION_PATCH 0

/* ---- errors ---------------------------------------------------------- */

typedef enum {
  AH_OK = 0,
  AH_ERROR_IO,          /* file cannot be read or written */
  AH_ERROR_EMPTY,       /* input has no bytes */
  AH_ERROR_FORMAT,      /* input is neither PDF nor HTML (nor gzip of one) */
  AH_ERROR_DAMAGED,     /* PDF or gzip stream is broken or truncated */
  AH_ERROR_ENCRYPTED,   /* PDF needs a password */
  AH_ERROR_NOT_AANHANGSEL, /* readable, but no Aanhangsel structure found */
  AH_ERROR_USAGE,       /* invalid argument passed to the API */
  AH_ERROR_NOMEM,       /* out of memory */
  AH_ERROR_RENDER,      /* a library ahconv renders with failed (cairo, Pango, libxml2's writer) */
  AH_ERROR_COMPRESS,    /* zlib could not compress the output */
  AH_ERROR_LIMIT        /* input beyond one of ahconv's stated limits (size, nesting): refused whole, never cut */
} ah_status;

/* A caller-owned error value: pass a pointer to one (or NULL) to any
 * function that can fail.  The message is one line, no trailing period,
 * and does not name the file (the caller knows it). */
typedef struct {
  ah_status code;
  char message[256];
} ah_error;

AH_EXPORT const char *ah_status_string(ah_status code);

/* ---- documents ------------------------------------------------------- */

typedef struct ah_doc ah_doc;
typedef struct ah_node ah_node;
typedef struct ah_iter ah_iter;

/* Option bits for opening and rendering. */
#define AH_OPT_DEFAULT 0
/* Leave out the bron element and pagina attributes (they differ between
 * renditions of one document). */
#define AH_OPT_NO_SOURCE (1 << 0)
/* No embedded XML.  Rendering a PDF: the clean PDF carries no copy of the
 * document's XML.  Opening a PDF: the pages are read even when the file
 * carries ahconv's XML (without it, a clean PDF whose embedded XML matches
 * — same converter version, checksum in its XMP — is read from that XML). */
#define AH_OPT_NO_EMBED (1 << 1)
/* Rendering XML: write where each block was printed as the optional
 * attributes "box" (PDF: "PAGE X0 Y0 X1 Y1" in points from the page's top
 * left, one per page, separated by ";"), "line" and "path" (HTML: the
 * element's source line and its path).  Opening: keep the bytes of a PDF
 * rendition, so that ah_render_report_html can show its pages. */
#define AH_OPT_POSITIONS (1 << 2)

/* Open a rendition.  The type is detected from the content, not the name;
 * gzip-compressed input (one layer) is inflated first.
 * `name` (may be NULL) is recorded as the source file's name. */
AH_EXPORT ah_doc *ah_doc_open_file(const char *path, int options, ah_error *err);
AH_EXPORT ah_doc *ah_doc_open_memory(const void *data, size_t len,
                                     const char *name, int options,
                                     ah_error *err);
AH_EXPORT void ah_doc_free(ah_doc *doc);

/* Metadata; NULL or 0 when the rendition does not give it. */
AH_EXPORT const char *ah_doc_id(const ah_doc *doc);           /* ah-tk-20232024-2210 */
AH_EXPORT const char *ah_doc_kamer(const ah_doc *doc);        /* "tk" or "ek" */
AH_EXPORT const char *ah_doc_vergaderjaar(const ah_doc *doc); /* "2023-2024" */
AH_EXPORT int ah_doc_nummer(const ah_doc *doc);               /* 2210 */
AH_EXPORT const char *ah_doc_ingezonden(const ah_doc *doc);   /* ISO date */
AH_EXPORT const char *ah_doc_ontvangen(const ah_doc *doc);    /* ISO date */
AH_EXPORT const char *ah_doc_source_format(const ah_doc *doc);/* "pdf" / "html" */
AH_EXPORT const char *ah_doc_source_name(const ah_doc *doc);
AH_EXPORT const char *ah_doc_sha256(const ah_doc *doc);       /* of the rendition (after gunzip) */
AH_EXPORT int ah_doc_pages(const ah_doc *doc);                /* PDF only, else 0 */
AH_EXPORT ah_node *ah_doc_root(const ah_doc *doc);

/* Text the rendition printed that the tree does not hold: a printed line
 * no stage placed, a note number printed with no note text beside it, HTML
 * text inside an element the reader does not take.  Every line of a PDF is
 * accounted for: it is body, note, table, or page furniture (masthead,
 * running footer, page number, colophon), or it is listed here.  A
 * complete conversion lists nothing; ah_verify reports each one. */
AH_EXPORT size_t ah_doc_lost_count(const ah_doc *doc);
/* The i-th lost text (NULL past the end), white space collapsed; *page
 * (may be NULL) gets the page it was printed on, 1-based, 0 if unknown.
 * The string lives as long as the document. */
AH_EXPORT const char *ah_doc_lost_text(const ah_doc *doc, size_t i, int *page);
typedef enum {
  AH_LOST_NONE = 0,    /* no such entry */
  AH_LOST_LINE,        /* a printed line in no block and no furniture */
  AH_LOST_NOTE_NUMBER, /* a note number printed with no note text beside it */
  AH_LOST_MARKUP       /* HTML text inside an element the reader does not take */
} ah_lost_kind;
/* What the i-th lost text is; AH_LOST_NONE past the end. */
AH_EXPORT ah_lost_kind ah_doc_lost_kind(const ah_doc *doc, size_t i);

/* ---- the node tree --------------------------------------------------- */

typedef enum {
  AH_NODE_NONE = 0,
  /* blocks */
  AH_NODE_DOCUMENT,     /* aanhangsel */
  AH_NODE_OMSCHRIJVING, /* attribute "type": vraag / antwoord / mededeling */
  AH_NODE_VRAAG,
  AH_NODE_ANTWOORD,
  AH_NODE_MEDEDELING,
  AH_NODE_LABEL,        /* heading text of a vraag/antwoord */
  AH_NODE_NOTEN,
  AH_NODE_NOOT,         /* attribute "n" */
  AH_NODE_PARAGRAPH,    /* al */
  AH_NODE_LIST,         /* lijst */
  AH_NODE_ITEM,         /* li */
  AH_NODE_TABLE,        /* tabel */
  AH_NODE_ROW,          /* rij */
  AH_NODE_CELL,         /* cel */
  /* inlines */
  AH_NODE_TEXT,
  AH_NODE_NOTE_REF,     /* noot-ref, attribute "n" */
  AH_NODE_SUP,
  AH_NODE_SUB,
  AH_NODE_URL,
  AH_NODE_VRAGENSTELLER,/* attribute "partij" */
  AH_NODE_ONTVANGER,
  AH_NODE_ONDERWERP,
  AH_NODE_DATUM,        /* attribute "iso" */
  AH_NODE_BEANTWOORDER, /* attributes "functie", "ministerie" */
  AH_NODE_ZIE_OOK
} ah_node_type;

AH_EXPORT ah_node_type ah_node_get_type(const ah_node *node);
/* The XML element name of a type ("vraag", "al", "noot-ref", …). */
AH_EXPORT const char *ah_node_type_string(ah_node_type type);

AH_EXPORT ah_node *ah_node_parent(const ah_node *node);
AH_EXPORT ah_node *ah_node_first_child(const ah_node *node);
AH_EXPORT ah_node *ah_node_last_child(const ah_node *node);
AH_EXPORT ah_node *ah_node_next(const ah_node *node);
AH_EXPORT ah_node *ah_node_previous(const ah_node *node);

/* Text of a TEXT node; NULL for others. */
AH_EXPORT const char *ah_node_get_literal(const ah_node *node);
/* All text below a node, note references as [^n]; caller frees. */
AH_EXPORT char *ah_node_text(const ah_node *node);
/* A named attribute ("partij", "iso", "type", "functie", …) or NULL. */
AH_EXPORT const char *ah_node_get_attr(const ah_node *node, const char *name);
/* Question numbers of a VRAAG/ANTWOORD; returns the count, *nums may be NULL. */
AH_EXPORT size_t ah_node_get_numbers(const ah_node *node, const int **nums);
/* Footnote number of a NOOT or NOTE_REF; 0 otherwise. */
AH_EXPORT int ah_node_get_note_number(const ah_node *node);
/* First and last page (1-based) a block was printed on; 0 when unknown. */
AH_EXPORT int ah_node_get_page_first(const ah_node *node);
AH_EXPORT int ah_node_get_page_last(const ah_node *node);

/* Where a block was printed.  Paragraphs (al), list items, cells, labels,
 * tables, notes (noot) and markers (noot-ref) know it; other nodes give 0
 * or NULL.  A PDF rendition gives one box per page the block stands on,
 * the union of its printed lines there, in points from the page's top left
 * corner, y growing downward; a cell has its table's box, a marker its
 * paragraph's (the marker's own glyph is not kept). */
AH_EXPORT size_t ah_node_get_box_count(const ah_node *node);
/* The i-th box: returns its page (1-based), 0 past the end; each of the
 * coordinates may be NULL. */
AH_EXPORT int ah_node_get_box(const ah_node *node, size_t i, double *x0, double *y0, double *x1, double *y1);
/* An HTML rendition: the source line of the element the block came from
 * (libxml2's xmlGetLineNo), 0 when unknown, and its path
 * ("/html/body/div[2]/p[3]", xmlGetNodePath), NULL when unknown.  The
 * string lives as long as the document. */
AH_EXPORT int ah_node_get_source_line(const ah_node *node);
AH_EXPORT const char *ah_node_get_source_path(const ah_node *node);

/* ---- iteration ------------------------------------------------------- */

typedef enum { AH_EVENT_NONE = 0, AH_EVENT_DONE, AH_EVENT_ENTER, AH_EVENT_EXIT } ah_event_type;

/* Walks the subtree of `root`: ENTER for every node, EXIT after the
 * children of a node that can have children, DONE at the end. */
AH_EXPORT ah_iter *ah_iter_new(ah_node *root);
AH_EXPORT ah_event_type ah_iter_next(ah_iter *iter);
AH_EXPORT ah_node *ah_iter_get_node(const ah_iter *iter);
AH_EXPORT void ah_iter_free(ah_iter *iter);

/* ---- rendering ------------------------------------------------------- */

/* Normalized XML, UTF-8, NUL-terminated; caller frees with free().
 * Returns NULL and fills err on failure. */
AH_EXPORT char *ah_render_xml(const ah_doc *doc, int options, size_t *len,
                              ah_error *err);
/* Writes the XML to `path` through a temporary file renamed into place:
 * on failure no file is left and an existing file is untouched.  A path
 * ending in ".gz" gets gzip-compressed XML (no time stamp: same XML, same
 * bytes). */
AH_EXPORT int ah_write_xml_file(const ah_doc *doc, const char *path,
                                int options, ah_error *err);

/* A clean, re-typeset PDF of the document (A4, DejaVu fonts embedded):
 * masthead, omschrijvingen, every section with its label, footnotes at the
 * foot of the page of their first marker, an outline entry per section,
 * markers linked to their notes, title/author/subject/keywords metadata.
 * Tagged (a structure tree in reading order, furniture as artifacts,
 * language nl-NL), with XMP metadata and, unless AH_OPT_NO_EMBED, the
 * document's XML as an associated file.  ahconv reads it back to the same
 * tree.  Caller frees with free(). */
AH_EXPORT char *ah_render_pdf(const ah_doc *doc, int options, size_t *len,
                              ah_error *err);
/* As ah_write_xml_file, for the PDF. */
AH_EXPORT int ah_write_pdf_file(const ah_doc *doc, const char *path,
                                int options, ah_error *err);

/* ---- verification ---------------------------------------------------- */

/* Called once per finding.  `element` says where ("Vraag 3", "noot 2",
 * "ingezonden"), `what` says what is wrong: one line, no final period. */
typedef void (*ah_finding_fn)(const char *element, const char *what, void *user);

/* Consistency of one document: numbering gaps and duplicates, a vraag
 * without antwoord (unless a mededeling stands in), markers without notes,
 * notes without markers, a missing id, number or date.  Calls `report`
 * (may be NULL) per finding; returns the number of findings. */
AH_EXPORT size_t ah_verify(const ah_doc *doc, ah_finding_fn report, void *user);

/* Differences between two renditions A and B of one document: metadata,
 * omschrijvingen, each vraag and antwoord paired by its numbers, each
 * mededeling, each note by number.  A text difference names the first
 * differing words with a little context.  Returns the number found. */
AH_EXPORT size_t ah_compare(const ah_doc *a, const ah_doc *b, ah_finding_fn report, void *user);

/* ---- findings as data ----------------------------------------------- */

/* What a finding is about. */
typedef enum {
  AH_FINDING_METADATA = 1, /* id, number, year, dates, askers, addressees… differ or are missing */
  AH_FINDING_TEXT,         /* the text of a section, omschrijving or note differs */
  AH_FINDING_MISSING,      /* a section or note is in one rendition only */
  AH_FINDING_NUMBERING,    /* numbers missing or twice, a vraag without antwoord, a section without text */
  AH_FINDING_NOTES,        /* markers and notes that do not match */
  AH_FINDING_LOST,         /* printed text not in the output */
  AH_FINDING_CHARACTERS    /* characters the source encoded wrongly, label-like text */
} ah_finding_class;

/* A finding handed to an ah_finding_ex_fn; it lives for the call only. */
typedef struct ah_finding ah_finding;
typedef void (*ah_finding_ex_fn)(const ah_finding *finding, void *user);

/* As ah_verify and ah_compare, with every finding as data.  The element
 * and what strings are the ones ah_finding_fn gets. */
AH_EXPORT size_t ah_verify_ex(const ah_doc *doc, ah_finding_ex_fn report, void *user);
AH_EXPORT size_t ah_compare_ex(const ah_doc *a, const ah_doc *b, ah_finding_ex_fn report, void *user);

AH_EXPORT ah_finding_class ah_finding_get_class(const ah_finding *f);
/* "metadata", "text", "missing", "numbering", "notes", "lost", "characters". */
AH_EXPORT const char *ah_finding_class_string(ah_finding_class cls);
AH_EXPORT const char *ah_finding_get_element(const ah_finding *f);
AH_EXPORT const char *ah_finding_get_what(const ah_finding *f);
/* The node the finding concerns in rendition `side` (0: A, or the one
 * document of ah_verify_ex; 1: B), NULL when none: a vraag, antwoord,
 * mededeling, omschrijving or noot for a text or missing finding, the
 * section for a numbering finding, the marker or noot for a notes finding. */
AH_EXPORT const ah_node *ah_finding_get_node(const ah_finding *f, int side);
/* A text finding: the differing words of that side's node, as word
 * indexes into its compared text (ah_node_text with a section's label left
 * out, split at white space): *first and *count (0 when the other side has
 * words there and this one none).  Returns 1 when the finding has words,
 * else 0. */
AH_EXPORT int ah_finding_get_words(const ah_finding *f, int side, size_t *first, size_t *count);
/* The page a lost-text finding is on (1-based), 0 when not known or not lost text. */
AH_EXPORT int ah_finding_get_page(const ah_finding *f);

/* ---- the findings report -------------------------------------------- */

/* One self-contained HTML page (no scripts, no external files) with the
 * findings of `a` alone (b NULL: ah_verify) or of a against b (ah_compare):
 * a summary, then per finding the concerned block of each rendition side
 * by side with the differing words marked and, for a PDF rendition opened
 * with AH_OPT_POSITIONS, the printed page around the block as an embedded
 * PNG with the differing words outlined.  name_a, name_b (may be NULL: the
 * source names) are how the renditions are named.  *findings (may be NULL)
 * gets the number of findings.  Caller frees. */
AH_EXPORT char *ah_render_report_html(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                                      size_t *findings, size_t *len, ah_error *err);
/* As ah_write_xml_file, for the report. */
AH_EXPORT int ah_write_report_file(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                                   const char *path, size_t *findings, ah_error *err);

/* Library version, "0.1.0". */
AH_EXPORT const char *ah_version(void);

#ifdef __cplusplus
}
#endif
#endif
