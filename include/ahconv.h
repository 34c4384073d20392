/* ahconv.h — the public API of libahconv.
 *
 * Reads official renditions (PDF, HTML, the publisher's XML) of the Dutch parliament's
 * "Aanhangsel van de Handelingen" (written questions with their answers),
 * reconstructs the document's structure as a node tree and renders it as
 * normalized XML (namespace urn:ahconv:aanhangsel:1), JSON, plain text or
 * a clean PDF.
 *
 * Shape follows cmark: opaque types, one prefix, an enter/exit iterator,
 * getters that return NULL/0 when a value is absent, renderers that return
 * a malloc'd buffer the caller frees with free() (or ah_free()).  The
 * library never prints; failures come back as an ah_error.  The manual
 * ahconv(3) describes every function; the XML's schema is installed as
 * PREFIX/share/ahconv/aanhangsel.rng, the JSON's as aanhangsel.schema.json.
 *
 * Errors.  Every function that can fail takes an `ah_error *err` and
 * either returns a new object (a document, a buffer: NULL on failure) or
 * returns an ah_status: AH_OK (0) on success, else the code of the failure,
 * the same as err->code.  Getters, the iterator's steps and the checks
 * cannot fail.
 *
 * Out of memory.  The library's own allocations abort the process
 * (abort()) when malloc fails: no function returns a partial result.
 * AH_ERROR_NOMEM is returned only when a dependency (zlib, libxml2) reports
 * that it cannot allocate its own state.  A program that must survive an
 * input needing more memory than it has converts in a child process with a
 * memory limit (as `ahconv batch` does).
 *
 * Ownership and lifetime.  A document (ah_doc) owns its tree: every
 * ah_node, every string a getter returns (const char *) and every array
 * (ah_node_get_numbers) lives until ah_doc_free() of that document and
 * must not be freed by the caller.  An iterator (ah_iter) belongs to the
 * caller (ah_iter_free) but walks nodes of a document: it must not be used
 * after that document is freed.  What a function returns as `char *` (the
 * renderers, ah_node_text, ah_node_plain_text) is the caller's, allocated
 * with malloc: free it with free() or ah_free(); it stays valid after the
 * document is freed.
 *
 * NULL.  Every function accepts NULL for every pointer argument without
 * crashing.  A getter given NULL returns NULL, 0 or AH_NODE_NONE; a
 * function that can fail (it takes an ah_error *) returns NULL or a
 * non-zero status and sets AH_ERROR_USAGE.  An `ah_error *err` may itself
 * be NULL when the caller does not want the details.
 *
 * Threads.  The library keeps no global state of its own; what its
 * dependencies need set up once (libxml2's parser globals) is done inside
 * the library, once per process, under pthread_once, on the first open.
 * - Any number of threads may open, render and free different documents
 *   at the same time.
 * - A document is not changed after ah_doc_open_* returns, except by
 *   ah_doc_read_metadata_file/_memory: any number of threads may read one
 *   document at the same time — its getters, the node tree, their own
 *   iterators, ah_node_text, every ah_render_* and ah_write_*_file,
 *   ah_verify and ah_compare.
 * - ah_doc_free and ah_doc_read_metadata_* must not run while another
 *   thread still uses that document, its nodes, its strings or an iterator
 *   over them (the caller orders this).
 * - One iterator is used by one thread at a time.
 * - The finding callback of ah_verify/ah_compare runs in the calling
 *   thread, before that call returns.
 * - The library never calls xmlCleanupParser() or FcFini(); a program may,
 *   at exit, once no thread uses ahconv any more.
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
/* The version as one number, 0xMMmmpp (major, minor, patch): 0x000100 is
 * 0.1.0.  Compare it with ah_version_number() to tell the header a program
 * was built with from the library it runs with. */
#define AHCONV_VERSION_NUMBER                                                    \
  ((AHCONV_VERSION_MAJOR << 16) | (AHCONV_VERSION_MINOR << 8) | AHCONV_VERSION_PATCH)

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
  AH_ERROR_COMPRESS,    /* zlib could not compress the output */
  AH_ERROR_LIMIT,       /* input beyond one of ahconv's stated limits (size, nesting; a table the clean PDF cannot set): refused whole, never cut */
  AH_ERROR_BUNDLE       /* the file holds several documents: the message lists them with their pages;
                           ah_doc_open_split_* opens each */
} ah_status;

/* A caller-owned error value: pass a pointer to one (or NULL) to any
 * function that can fail.  The message is one line, no trailing period,
 * and does not name the file (the caller knows it).  Every function that
 * takes an ah_error sets it on every call: AH_OK and an empty message on
 * success, the code and its message on failure. */
typedef struct {
  ah_status code;
  char message[256];
} ah_error;

/* A short English phrase for a code ("invalid argument"); "unknown error"
 * for a value outside the enum.  Static storage: never freed. */
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
#define AH_OPT_NO_METADATA_FILE (1 << 3)
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

/* Which option bits each function takes.  A bit outside its function's
 * mask is refused with AH_ERROR_USAGE (never ignored), so a program built
 * against a newer header learns that this library does not know the bit.
 * - ah_doc_open_file, ah_doc_open_memory: AH_OPT_ALL_OPEN.
 *   AH_OPT_NO_SOURCE given at open becomes the document's own: every
 *   rendering of that document leaves the source out, whatever options
 *   the render call passes.
 * - ah_render_* and ah_write_*_file: AH_OPT_ALL_RENDER.  AH_OPT_NO_SOURCE
 *   leaves out bron and pagina (XML), "bron" and every "pagina" (JSON),
 *   the source line (text); the clean PDF holds neither, so it has no
 *   effect there.  AH_OPT_NO_EMBED applies to the clean PDF only,
 *   AH_OPT_POSITIONS to the XML only; other renderers ignore them.
 * A new bit is added to the mask of each function that takes it. */
#define AH_OPT_ALL_OPEN (AH_OPT_NO_SOURCE | AH_OPT_NO_EMBED | AH_OPT_POSITIONS | AH_OPT_NO_METADATA_FILE)
#define AH_OPT_ALL_RENDER (AH_OPT_NO_SOURCE | AH_OPT_NO_EMBED | AH_OPT_POSITIONS)

/* Open a rendition: PDF, HTML or the publisher's XML (officiele-publicatie/
 * kamervragen).  The type is detected from the content, not the name;
 * gzip-compressed input (one layer) is inflated first.
 * `name` (may be NULL) is recorded as the source file's name (its last
 * path component); ah_doc_open_file records the path's.  The data is read
 * during the call and not kept: the caller may free it on return.
 * Returns a new document the caller frees with ah_doc_free, or NULL with
 * err set: AH_ERROR_USAGE for a NULL path or data or an option bit outside
 * AH_OPT_ALL_OPEN; AH_ERROR_IO, AH_ERROR_EMPTY, AH_ERROR_FORMAT,
 * AH_ERROR_DAMAGED, AH_ERROR_ENCRYPTED, AH_ERROR_NOT_AANHANGSEL or
 * AH_ERROR_LIMIT for the input; AH_ERROR_BUNDLE for a PDF that holds
 * several documents, each with its own masthead (never merged into one):
 * the message lists them, "holds 2 documents: ah-tk-20232024-1 (pages
 * 1-3), ah-tk-20232024-2 (pages 4-6)"; ah_doc_open_split_* opens them.
 * ah_doc_open_file also reads the publisher's metadata record when one lies
 * beside the input and the rendition carries none itself (an official HTML
 * page carries it in its head): X.metadata.xml or X.metadata_owms.xml next
 * to X.pdf, X.html or X.xml (also X.*.gz), or metadata/metadata.xml in the
 * publisher's folder layout (…/<id>/<n>/{pdf,html,xml}/X.*).  A record
 * that names another publication, or cannot be read, is passed over;
 * AH_OPT_NO_METADATA_FILE: none is looked for. */
AH_EXPORT ah_doc *ah_doc_open_file(const char *path, int options, ah_error *err);
AH_EXPORT ah_doc *ah_doc_open_memory(const void *data, size_t len,
                                     const char *name, int options,
                                     ah_error *err);
/* Frees the document and everything it owns: its nodes, the strings and
 * arrays its getters returned.  NULL is allowed (nothing happens). */
AH_EXPORT void ah_doc_free(ah_doc *doc);

/* Open every document a file holds: a PDF bundle (several documents
 * joined, each opening with its own masthead) gives one document per
 * masthead, in file order; any other input gives one, as ah_doc_open_*
 * does.  Each split document counts its own pages from 1 (its pagina
 * attributes and ah_doc_pages are its own) and says where it stands in
 * the file (ah_doc_file_page_first/last, the XML's bron pagina-van and
 * pagina-tot).  Options, errors and the metadata record as for
 * ah_doc_open_file / ah_doc_open_memory, but never AH_ERROR_BUNDLE; a
 * record beside the file is attached to the document it names (the others
 * list it as not read).  The documents of a bundle are read from their
 * pages (a file of one document as ah_doc_open_* reads it).
 * Returns AH_OK with *docs a new array of *n documents (at least one) the
 * caller frees with ah_docs_free, or the error's code with *docs NULL and
 * *n 0 (nothing is opened when one document fails). */
AH_EXPORT ah_status ah_doc_open_split_file(const char *path, int options, ah_doc ***docs, size_t *n,
                                           ah_error *err);
AH_EXPORT ah_status ah_doc_open_split_memory(const void *data, size_t len, const char *name, int options,
                                             ah_doc ***docs, size_t *n, ah_error *err);
/* Frees each of the n documents and the array; NULL is allowed. */
AH_EXPORT void ah_docs_free(ah_doc **docs, size_t n);
/* A split document's pages in its file (1-based, inclusive); 0 for a
 * document that is its whole file, or that is not a PDF (or NULL). */
AH_EXPORT int ah_doc_file_page_first(const ah_doc *doc);
AH_EXPORT int ah_doc_file_page_last(const ah_doc *doc);

/* Metadata; NULL or 0 when the rendition does not give it (or doc is
 * NULL).  The strings belong to the document. */
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
/* The AH_NODE_DOCUMENT node, root of the tree; NULL only for a NULL doc. */
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
 * the record's.  The strings of the record it replaces are freed.
 * Returns AH_OK, or with the document unchanged: AH_ERROR_USAGE for a NULL
 * doc, path or data (or an empty path), AH_ERROR_IO when the file cannot be
 * read, AH_ERROR_EMPTY for no bytes, AH_ERROR_DAMAGED for a broken gzip
 * stream, AH_ERROR_FORMAT for bytes that are not well-formed XML (or over
 * the size cap) and for a record of another publication, AH_ERROR_LIMIT
 * past the element cap, AH_ERROR_NOMEM when libxml2 cannot make a parser. */
AH_EXPORT ah_status ah_doc_read_metadata_file(ah_doc *doc, const char *path, ah_error *err);
AH_EXPORT ah_status ah_doc_read_metadata_memory(ah_doc *doc, const void *data, size_t len, ah_error *err);

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
AH_EXPORT size_t ah_doc_lost_count(const ah_doc *doc); /* 0 for NULL */
/* The i-th lost text (NULL past the end), white space collapsed; *page
 * (may be NULL) gets the page it was printed on, 1-based, 0 if unknown.
 * The string lives as long as the document. */
AH_EXPORT const char *ah_doc_lost_text(const ah_doc *doc, size_t i, int *page);
typedef enum {
  AH_LOST_NONE = 0,    /* no such entry */
  AH_LOST_LINE,        /* a printed line in no block and no furniture */
  AH_LOST_NOTE_NUMBER, /* a note number printed with no note text beside it */
  AH_LOST_MARKUP,      /* markup the reader does not take: HTML text in an element it skips, an
                          entity not expanded or a note reference naming no note (publisher XML) */
  AH_LOST_ENCODING,    /* bytes of an HTML page or publisher XML taken as UTF-8 that are not
                          UTF-8, each invalid sequence read as U+FFFD; the text says how many
                          ("3 invalid UTF-8 sequences replaced by U+FFFD") */
  AH_LOST_GLYPH        /* a PDF word with a drawn character whose font says nothing reliable
                          about what it is (no map entry, no known glyph name): U+FFFD stands
                          in the text for each such character; the text is the word */,
  AH_LOST_STRUCTURE    /* text the structure stage could not place as printed or marked: a
                          table or figure before the first section (not in the output), a label
                          whose number is out of range before the first section (not in the
                          output), a vraag or antwoord heading with no number (kept as text);
                          the text says which and quotes it */
} ah_lost_kind;
/* What the i-th lost text is; AH_LOST_NONE past the end. */
AH_EXPORT ah_lost_kind ah_doc_lost_kind(const ah_doc *doc, size_t i);

/* ---- the node tree --------------------------------------------------- */

/* The tree: an AH_NODE_DOCUMENT root; below it the omschrijvingen, then
 * vraag / antwoord / mededeling sections in the order printed, then one
 * noten holding every noot in number order.  A section holds an optional
 * label and blocks (al, lijst of li, tabel of rij of cel, figuur of
 * bijschrift and tekst); inline content (text, noot-ref, sup, sub, url,
 * and in an omschrijving the metadata elements) sits in al, li, cel,
 * bijschrift, label and omschrijving; tekst holds text only.
 *
 * Leaves: AH_NODE_TEXT and AH_NODE_NOTE_REF never have children, and the
 * iterator gives them ENTER only, no EXIT.  Every other type (including
 * SUP, SUB, URL and the metadata inlines, which hold a TEXT child) gets
 * ENTER and EXIT, with or without children. */
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
  AH_NODE_ZIE_OOK,
  /* blocks added in version 0.2: a chart or picture */
  AH_NODE_FIGURE,       /* figuur, in a section between its blocks */
  AH_NODE_CAPTION,      /* bijschrift: the figure's caption, inline content */
  AH_NODE_FIGURE_TEXT   /* tekst: the words drawn inside the figure, text only */
} ah_node_type;

/* The node's type; AH_NODE_NONE for NULL. */
AH_EXPORT ah_node_type ah_node_get_type(const ah_node *node);
/* The XML element name of a type ("vraag", "al", "noot-ref", …; "text" for
 * AH_NODE_TEXT); "none" for AH_NODE_NONE and values outside the enum.
 * Static storage. */
AH_EXPORT const char *ah_node_type_string(ah_node_type type);

/* Links; NULL when there is no such node (or node is NULL). */
AH_EXPORT ah_node *ah_node_parent(const ah_node *node);
AH_EXPORT ah_node *ah_node_first_child(const ah_node *node);
AH_EXPORT ah_node *ah_node_last_child(const ah_node *node);
AH_EXPORT ah_node *ah_node_next(const ah_node *node);
AH_EXPORT ah_node *ah_node_previous(const ah_node *node);

/* Text of a TEXT node (UTF-8, never empty); NULL for others.  Belongs to
 * the document. */
AH_EXPORT const char *ah_node_get_literal(const ah_node *node);
/* All text below a node (itself included), note references as [^n] and
 * blocks (paragraphs, list items, cells, the label) a space apart.  A new
 * string the caller frees (free or ah_free); "" for a node without text;
 * NULL only for a NULL node. */
AH_EXPORT char *ah_node_text(const ah_node *node);
/* As ah_node_text without the note references: the words as printed,
 * for reading and search ("bericht[^1] over" reads "bericht over"). */
AH_EXPORT char *ah_node_plain_text(const ah_node *node);
/* A named attribute ("partij", "iso", "type", "functie", "ministerie",
 * "n") or NULL when the node's type has no such attribute or it is not
 * set.  Belongs to the document. */
AH_EXPORT const char *ah_node_get_attr(const ah_node *node, const char *name);
/* Question numbers of a VRAAG/ANTWOORD; returns the count.  *nums (nums
 * may be NULL) gets the array, owned by the document, or NULL when the
 * count is 0 (other types, NULL node). */
AH_EXPORT size_t ah_node_get_numbers(const ah_node *node, const int **nums);
/* Footnote number of a NOOT or NOTE_REF; 0 otherwise. */
AH_EXPORT int ah_node_get_note_number(const ah_node *node);
/* The NOOT a NOTE_REF (a marker) refers to: the first noot with the
 * marker's number; NULL when the document has no such note, for other
 * types and for NULL. */
AH_EXPORT ah_node *ah_node_note_of(const ah_node *ref);
/* First and last page (1-based) a node was printed on; 0 when unknown.
 * Known for PDF input for the document (1 to the page count), every
 * block (omschrijving, vraag, antwoord, mededeling, label, al, lijst, li,
 * tabel, rij, cel, noten, noot) and every NOTE_REF (a marker: first ==
 * last).  HTML input has no pages: 0 everywhere.  Other inlines: 0. */
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

/* Walks the subtree of `root` (root included) in document order: ENTER
 * for every node, EXIT after the children of every node that is not a
 * leaf (see the node types), DONE at the end and on every call after.
 * Returns a new iterator the caller frees with ah_iter_free, or NULL for
 * a NULL root.  It must not outlive the root's document. */
AH_EXPORT ah_iter *ah_iter_new(ah_node *root);
/* The next event; DONE for a NULL iterator. */
AH_EXPORT ah_event_type ah_iter_next(ah_iter *iter);
/* The node of the last event (the root after DONE); NULL before the first
 * ah_iter_next and for a NULL iterator. */
AH_EXPORT ah_node *ah_iter_get_node(const ah_iter *iter);
/* The last event: AH_EVENT_NONE before the first ah_iter_next (and for a
 * NULL iterator), then what ah_iter_next returned. */
AH_EXPORT ah_event_type ah_iter_get_event_type(const ah_iter *iter);
/* The root the iterator was made for; NULL for a NULL iterator. */
AH_EXPORT ah_node *ah_iter_get_root(const ah_iter *iter);
/* Moves the iterator: the next ah_iter_next goes on as if the last event
 * had been `event` on `current`.  `current` must be the root or below it;
 * `event` is ENTER, EXIT (not on a leaf), or NONE with current == root
 * (start over).  Returns AH_OK, or AH_ERROR_USAGE and leaves the
 * iterator as it was (it takes no ah_error). */
AH_EXPORT ah_status ah_iter_reset(ah_iter *iter, ah_node *current, ah_event_type event);
/* Frees an iterator (not the nodes); NULL is allowed. */
AH_EXPORT void ah_iter_free(ah_iter *iter);

/* ---- rendering ------------------------------------------------------- */

/* Every ah_render_* returns a new NUL-terminated buffer the caller frees
 * with free() or ah_free(), its length (without the NUL) in *len (len may
 * be NULL), or NULL with err set: AH_ERROR_USAGE for a NULL doc or an
 * option bit outside AH_OPT_ALL_RENDER, AH_ERROR_RENDER when a library it
 * renders with fails.  The same document and options always give the same
 * bytes.
 *
 * Every ah_write_*_file writes the same bytes to `path` through a temporary
 * file beside it, renamed into place: on failure no file is left and an
 * existing file is untouched.  A path ending in ".gz" gets the output
 * gzip-compressed (no time stamp: same output, same bytes).  Returns AH_OK
 * on success, else the ah_status of the failure (the same code as
 * err->code): AH_ERROR_USAGE for a NULL doc, a NULL or empty path or an
 * unknown option bit, AH_ERROR_IO when the file cannot be written,
 * AH_ERROR_COMPRESS, or what the renderer failed with. */

/* Normalized XML (namespace urn:ahconv:aanhangsel:1; its RELAX NG schema is
 * installed as PREFIX/share/ahconv/aanhangsel.rng), UTF-8. */
AH_EXPORT char *ah_render_xml(const ah_doc *doc, int options, size_t *len,
                              ah_error *err);
/* ah_render_xml's bytes to a file (see above). */
AH_EXPORT ah_status ah_write_xml_file(const ah_doc *doc, const char *path, int options, ah_error *err);

/* A clean, re-typeset PDF of the document (A4, DejaVu fonts embedded):
 * masthead, omschrijvingen, every section with its label, footnotes at the
 * foot of the page of their first marker, an outline entry per section,
 * markers linked to their notes, title/author/subject/keywords metadata.
 * Tagged (a structure tree in reading order, furniture as artifacts,
 * language nl-NL), with XMP metadata and, unless AH_OPT_NO_EMBED, the
 * document's XML as an associated file.  ahconv reads it back to the same
 * tree.  Binary: *len is the length (the buffer also ends in a
 * NUL, not counted).  Caller frees with free().  AH_ERROR_LIMIT for a
 * table it cannot set (a column or one-cell row wider than the page at its
 * smallest table type, or more rows than a page holds): never cut. */
AH_EXPORT char *ah_render_pdf(const ah_doc *doc, int options, size_t *len,
                              ah_error *err);
/* ah_render_pdf's bytes to a file (see above). */
AH_EXPORT ah_status ah_write_pdf_file(const ah_doc *doc, const char *path, int options, ah_error *err);

/* JSON (RFC 8259, UTF-8): one object per document with the same content
 * as the XML — metadata, omschrijvingen with their inline elements, the
 * sections in order with numbers, label and blocks, the notes — in the
 * stable shape of the JSON Schema installed as
 * PREFIX/share/ahconv/aanhangsel.schema.json. */
AH_EXPORT char *ah_render_json(const ah_doc *doc, int options, size_t *len,
                               ah_error *err);
/* ah_render_json's bytes to a file (see above). */
AH_EXPORT ah_status ah_write_json_file(const ah_doc *doc, const char *path, int options, ah_error *err);
/* Plain UTF-8 text for reading and for search indexes: the id and the
 * omschrijvingen, then each vraag followed by the antwoord that answers it
 * (by number), mededelingen where they stand, the notes at the end;
 * markers as [^n]; one paragraph per line, a blank line between parts. */
AH_EXPORT char *ah_render_text(const ah_doc *doc, int options, size_t *len,
                               ah_error *err);
/* ah_render_text's bytes to a file (see above). */
AH_EXPORT ah_status ah_write_text_file(const ah_doc *doc, const char *path, int options, ah_error *err);

/* ---- verification ---------------------------------------------------- */

/* Called once per finding.  `element` says where ("Vraag 3", "noot 2",
 * "ingezonden"), `what` says what is wrong: one line, no final period.
 * Both strings live only during the call. */
typedef void (*ah_finding_fn)(const char *element, const char *what, void *user);

/* Consistency of one document: numbering gaps and duplicates, a vraag
 * without antwoord (unless a mededeling stands in), markers without notes,
 * notes without markers, a missing id, number or date, text lost (see
 * ah_doc_lost_count); for a clean PDF read from its embedded XML, every
 * place where its printed pages say something else.  Calls `report` (may
 * be NULL) per finding; returns the number of findings, 0 for a NULL doc. */
AH_EXPORT size_t ah_verify(const ah_doc *doc, ah_finding_fn report, void *user);

/* Differences between two renditions A and B of one document: metadata,
 * omschrijvingen, each vraag and antwoord paired by its numbers, each
 * mededeling, each note by number.  A text difference names the first
 * differing words with a little context.  Returns the number found, 0
 * when a or b is NULL. */
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
/* "metadata", "text", "missing", "numbering", "notes", "lost", "characters";
 * "other" for a value outside the enum.  Static storage. */
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
/* As ah_write_xml_file, for the report: AH_OK or the failure's status;
 * AH_ERROR_USAGE for a NULL a or a NULL or empty path. */
AH_EXPORT ah_status ah_write_report_file(const ah_doc *a, const ah_doc *b, const char *name_a, const char *name_b,
                                         const char *path, size_t *findings, ah_error *err);
/* The same page for n renditions (1 to 3): one alone (n 1, ah_verify), or
 * the first against each other one (ah_compare of A with B, then of A with
 * C; with three, every finding says which pair).  names (may be NULL, and
 * so may each entry) as name_a, name_b.  n out of range or a NULL document:
 * NULL with AH_ERROR_USAGE.  Caller frees. */
AH_EXPORT char *ah_render_report_html_n(const ah_doc *const *docs, const char *const *names, size_t n,
                                        size_t *findings, size_t *len, ah_error *err);
/* AH_OK or the failure's status; AH_ERROR_USAGE also for a NULL or empty path. */
AH_EXPORT ah_status ah_write_report_file_n(const ah_doc *const *docs, const char *const *names, size_t n,
                                           const char *path, size_t *findings, ah_error *err);

/* ---- metadata from the omschrijvingen ---------------------------------- */

/* The metadata elements of the omschrijving sentences, as typed getters
 * (the same values the tree holds as VRAGENSTELLER, ONTVANGER, ONDERWERP,
 * BEANTWOORDER and ZIE_OOK nodes), in the order printed.  A count is 0 and
 * an indexed getter NULL past the end or for a NULL doc.  The strings
 * belong to the document.  Dates: ah_doc_ingezonden, ah_doc_ontvangen. */

/* The askers: name ("Van Weyenberg") and party ("D66"; NULL when none is
 * printed; "(allen D66)" gives each asker the party). */
AH_EXPORT size_t ah_doc_vragensteller_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_vragensteller(const ah_doc *doc, size_t i);
AH_EXPORT const char *ah_doc_vragensteller_partij(const ah_doc *doc, size_t i);
/* The addressees ("Minister van Justitie en Veiligheid"), one each. */
AH_EXPORT size_t ah_doc_ontvanger_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_ontvanger(const ah_doc *doc, size_t i);
/* The subject of the questions (the first onderwerp); NULL when none. */
AH_EXPORT const char *ah_doc_onderwerp(const ah_doc *doc);
/* Who answered (or sent a mededeling): name ("Hermans"), function
 * ("Minister"; NULL when not printed) and ministry ("Klimaat en Groene
 * Groei"; NULL when not printed). */
AH_EXPORT size_t ah_doc_beantwoorder_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_beantwoorder(const ah_doc *doc, size_t i);
AH_EXPORT const char *ah_doc_beantwoorder_functie(const ah_doc *doc, size_t i);
AH_EXPORT const char *ah_doc_beantwoorder_ministerie(const ah_doc *doc, size_t i);
/* Earlier publications the answer refers to ("Aanhangsel Handelingen,
 * vergaderjaar 2023–2024, nr. 1137"). */
AH_EXPORT size_t ah_doc_zie_ook_count(const ah_doc *doc);
AH_EXPORT const char *ah_doc_zie_ook(const ah_doc *doc, size_t i);

/* ---- memory and version ------------------------------------------------ */

/* Frees what the library returned to the caller (the ah_render_* buffers,
 * ah_node_text, ah_node_plain_text): the same as free(), for programs and
 * bindings that cannot call this library's free() directly.  NULL is
 * allowed.  Never for strings a document owns. */
AH_EXPORT void ah_free(void *ptr);

/* Library version, "0.1.0" (static storage). */
AH_EXPORT const char *ah_version(void);
/* The library's AHCONV_VERSION_NUMBER, 0xMMmmpp. */
AH_EXPORT int ah_version_number(void);

#ifdef __cplusplus
}
#endif
#endif
