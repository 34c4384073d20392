/* init.h — what the libraries ahconv uses need set up once per process
 * (init.c). */
#ifndef AHCONV_INIT_H
#define AHCONV_INIT_H

/* Runs the one-time set-up exactly once, whichever thread comes first;
 * every other caller waits until it is done.  Cheap after the first call:
 * every public entry point that reaches a third-party library calls it. */
void ah_library_init(void);

/* Every use of libqpdf takes its turn: it is not safe from several threads
 * at once (init.c says why). */
void ah_qpdf_take_turn(void);
void ah_qpdf_end_turn(void);

#endif
