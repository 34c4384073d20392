/* init.c — the one-time set-up of the libraries ahconv uses, so that
 * documents can be opened and rendered from several threads at once.
 *
 * Takes: nothing.  Gives: the lazily set-up globals of libxml2 and poppler
 * set up once, by one thread, before any conversion runs.  What was
 * checked (under ThreadSanitizer with tests/unit/test_threads.c, and in the
 * libraries' sources):
 * - libxml2 (2.9): xmlInitParser() sets up its global state, locks and
 *   per-thread storage.  Without it the first parses and XML writers set
 *   them up lazily from whichever threads come first, a race.
 * - poppler: every GfxState's constructor creates poppler's shared sRGB and
 *   XYZ colour profiles (static shared_ptrs, lcms2) when they are not there
 *   yet, without a lock: two threads reading their first PDF page at once
 *   both create one and one frees the other's (ThreadSanitizer: frees in
 *   lcms2 of profiles another thread made).  Reading the text of a tiny
 *   one-page PDF here creates them once.  poppler's globalParams is
 *   created and freed by each PopplerDocument's GlobalParamsIniter under
 *   poppler's own mutex: nothing to do.
 * - GLib and GObject: type registration and g_once are thread-safe; GLib
 *   needs no initialisation call since 2.36.
 * - Pango: pango_cairo_font_map_get_default() gives each thread its own
 *   font map; the renderer and HarfBuzz buffer Pango caches for all
 *   threads are handed over under its own locks.
 * - fontconfig (2.10 and later) sets up its configuration and caches with
 *   atomic operations.  FcInit() is not called here: it would load the
 *   font configuration in programs that never write a PDF.
 * - cairo: its global caches are under its own mutexes.  zlib: no globals.
 * The library never calls the matching clean-up functions
 * (xmlCleanupParser, FcFini): another part of the program may still use
 * these libraries.
 */
#include "init.h"

#include <libxml/parser.h>
#include <poppler.h>
#include <pthread.h>

/* A PDF of one empty page (10 by 10 points) with exact offsets: poppler
 * reads it without a warning. */
static const char tiny_pdf[] = "%PDF-1.4\n"
                               "1 0 obj\n"
                               "<< /Type /Catalog /Pages 2 0 R >>\n"
                               "endobj\n"
                               "2 0 obj\n"
                               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
                               "endobj\n"
                               "3 0 obj\n"
                               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\n"
                               "endobj\n"
                               "xref\n"
                               "0 4\n"
                               "0000000000 65535 f \n"
                               "0000000009 00000 n \n"
                               "0000000058 00000 n \n"
                               "0000000115 00000 n \n"
                               "trailer\n"
                               "<< /Size 4 /Root 1 0 R >>\n"
                               "startxref\n"
                               "184\n"
                               "%%EOF\n";

/* A page's text read once: its GfxState creates poppler's shared colour
 * profiles.  The document is kept for the life of the process: poppler
 * makes its globalParams (font tables, encodings, Unicode maps) when the
 * first open document needs them and frees them with the last, and making
 * them costs about a tenth of a typical document's conversion.  With this
 * document open, a program that converts documents one after the other (a
 * batch worker) makes them once. */
/* volatile: a store never read back would be dropped by the compiler, and
 * the document would look lost to leak checkers */
static PopplerDocument *volatile kept_document;

static void warm_up_poppler(void) {
  GBytes *bytes = g_bytes_new_static(tiny_pdf, sizeof tiny_pdf - 1);
  PopplerDocument *doc = kept_document = poppler_document_new_from_bytes(bytes, NULL, NULL);
  PopplerPage *page = doc ? poppler_document_get_page(doc, 0) : NULL;
  if (page) {
    g_free(poppler_page_get_text(page));
    g_object_unref(page);
  }
  g_bytes_unref(bytes); /* the document holds its own reference */
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void) {
  xmlInitParser();
  warm_up_poppler();
}

void ah_library_init(void) { pthread_once(&once, init_once); }

/* libqpdf 11 is not safe to use from several threads at once, even with
 * one qpdf_data each: its objects share process-wide state (ThreadSanitizer
 * saw two threads' qpdf_done write and read one string).  The finishing
 * pass is short, so renderings take turns for it (and so does reading a
 * clean PDF's embedded XML, source_embedded.c); the typesetting before it stays
 * parallel.  The only lock in the library, for the only third-party
 * library that needs one. */
static pthread_mutex_t qpdf_turn = PTHREAD_MUTEX_INITIALIZER;

void ah_qpdf_take_turn(void) { pthread_mutex_lock(&qpdf_turn); }
void ah_qpdf_end_turn(void) { pthread_mutex_unlock(&qpdf_turn); }
