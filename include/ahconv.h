/* ahconv.h — the public API of libahconv.
 *
 * Reads official renditions (PDF, HTML, the publisher's XML) of the Dutch parliament's
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
  AH_ERROR_FORMAT,      /* input is neither PDF nor HTML nor publisher XML (nor gzip of one) */
  AH_ERROR_DAMAGED,     /* PDF or gzip stream is broken or truncated */
  AH_ERROR_ENCRYPTED,   /* PDF needs a password */
  AH_ERROR_NOT_AANHANGSEL, /* readable, but no Aanhangsel structure found */
  AH_ERROR_USAGE,       /* invalid argument passed to the API */
  AH_ERROR_NOMEM,       /* out of memory */
  AH_ERROR_RENDER,      /* a library ahconv renders with failed (cairo, Pango, libxml2's writer) */
  AH_ERROR_COMPRESS     /* zlib could not compress the output */
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
/* Leave out the bron and registratie elements and the pagina attributes
 * (they differ between renditions of one document). */
#define AH_OPT_NO_SOURCE (1 << 0)
/* ah_doc_open_file: do not look for the publisher's metadata record beside
 * the input (see ah_doc_read_metadata_file). */
#define AH_OPT_NO_METADATA_FILE (1 << 1)

/* Open a rendition: PDF, HTML or the publisher's XML (officiele-publicatie/
 * kamervragen).  The type is detected from the content, not the name;
 * gzip-compressed input (one layer) is inflated first.
 * `name` (may be NULL) is recorded as the source file's name.
 * ah_doc_open_file also reads the publisher's metadata record when one lies
 * beside the input and the rendition carries none itself (an official HTML
 * page carries it in its head): X.metadata.xml or X.metadata_owms.xml next
 * to X.pdf, X.html or X.xml (also X.*.gz), or metadata/metadata.xml in the
 * publisher's folder layout (…/<id>/<n>/{pdf,html,xml}/X.*).  A record
 * that names another publication, or cannot be read, is passed over. */
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
AH_EXPORT const char *ah_doc_source_format(const ah_doc *doc);/* "pdf" / "html" / "xml" */
AH_EXPORT const char *ah_doc_source_name(const ah_doc *doc);
AH_EXPORT const char *ah_doc_sha256(const ah_doc *doc);       /* of the rendition (after gunzip) */
AH_EXPORT int ah_doc_pages(const ah_doc *doc);                /* PDF only, else 0 */
AH_EXPORT ah_node *ah_doc_root(const ah_doc *doc);

/* ---- the publisher's metadata record (registratie) -------------------- */

/* What the publisher records about the publication and no rendition
 * prints: the Kamer's registration number of the questions, each asker's
 * full name with initials, the answering official, the date of receipt,
 * subject categories.  Written as the registratie element of the XML.
 *
 * Attach a record (metadata.xml <metadata_gegevens> or metadata_owms.xml
 * <owms-metadata>, optionally gzip) to an opened document; it replaces any
 * record the document had.  The record's DC.identifier must be the
 * document's id (AH_ERROR_FORMAT otherwise); a document without an id takes
 * the record's.  0, or -1 with err set and the document unchanged. */
AH_EXPORT int ah_doc_read_metadata_file(ah_doc *doc, const char *path, ah_error *err);
AH_EXPORT int ah_doc_read_metadata_memory(ah_doc *doc, const void *data, size_t len, ah_error *err);

/* 1 when the document has a record with anything to show, else 0. */
AH_EXPORT int ah_doc_has_registratie(const ah_doc *doc);
/* Each NULL when the record does not give it; strings live as long as the
 * document (or until another record is attached). */
AH_EXPORT const char *ah_doc_vraagnummer(const ah_doc *doc);      /* "2021Z09739" */
AH_EXPORT const char *ah_doc_datum_ontvangst(const ah_doc *doc);  /* ISO "2021-06-21" */
AH_EXPORT const char *ah_doc_registratie_titel(const ah_doc *doc);/* DC.title */
AH_EXPORT const char *ah_doc_ontvanger_naam(const ah_doc *doc);   /* "W. Koolmees" */
/* The askers as recorded ("S.P.R.A. van Weyenberg"), in the record's order:
 * the count, and the i-th (NULL past the end). */
AH_EXPORT size_t ah_doc_indiener_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_indiener(const ah_doc *doc, size_t i);
/* The subject categories ("Economie | Ondernemen"). */
AH_EXPORT size_t ah_doc_categorie_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_categorie(const ah_doc *doc, size_t i);
/* The path of the metadata file the record was read from; NULL when the
 * rendition carried it (HTML head), it came from memory, or there is none. */
AH_EXPORT const char *ah_doc_metadata_file(const ah_doc *doc);

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
 * ahconv reads it back to the same tree.  Caller frees with free(). */
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

/* Library version, "0.1.0". */
AH_EXPORT const char *ah_version(void);

#ifdef __cplusplus
}
#endif
#endif
