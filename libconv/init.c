/* init.c — the one-time set-up of the libraries ahconv uses, so that
 * documents can be opened and rendered from several threads at once.
 *
 * Takes: nothing.  Gives: libxml2's globals set up before any thread
 * parses or writes.  The rest was checked and needs nothing here:
 * - libxml2 (2.9): xmlInitParser() sets up its global state, locks and
 *   per-thread storage.  Without it the first parses set them up lazily
 *   from whichever threads come first, a race (ThreadSanitizer saw it in
 *   9 of 10 runs of four threads).  This is the one call made here.
 * - poppler-glib: every poppler_document_new_* holds a GlobalParamsIniter,
 *   which creates and frees poppler's globalParams under poppler's own
 *   mutex.
 * - GLib and GObject: type registration and g_once are thread-safe; GLib
 *   needs no initialisation call since 2.36.
 * - Pango and fontconfig: pango_cairo_font_map_get_default() gives each
 *   thread its own font map, and fontconfig (2.10 and later) sets up its
 *   configuration with atomic operations; nothing is shared that needs a
 *   lock from here.  FcInit() is not called: it would load the font
 *   configuration for programs that never write a PDF.
 * - cairo: its global caches are under its own mutexes.
 * - zlib: no global state.
 * The library never calls the matching clean-up functions
 * (xmlCleanupParser, FcFini): another part of the program may still use
 * these libraries.
 */
#include "init.h"

#include <libxml/parser.h>
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void) { xmlInitParser(); }

void ah_library_init(void) { pthread_once(&once, init_once); }
