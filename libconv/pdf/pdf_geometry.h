/* pdf_geometry.h — the page of ahconv's clean PDF: A4, its margins, type
 * sizes and distances in points (y grows downward).  The reader's side of
 * the contract is typography.h; write_pdf.c checks these against it.  The
 * whole page's geometry is here: body, notes, tables, footer, masthead. */
#ifndef AHCONV_PDF_GEOMETRY_H
#define AHCONV_PDF_GEOMETRY_H

#define PAGE_W 595.276
#define PAGE_H 841.890
#define LEFT 72.0
#define COLUMN (PAGE_W - 2 * LEFT)
#define TOP 72.0              /* first line's top on pages after the first */
#define BOTTOM 748.0          /* lowest line bottom, body or notes: above 0.9 of the page, where the reader looks for page numbers */
#define FOOTER_BASE 806.0
#define BODY_SIZE 10.0
#define MARK_SIZE 6.5         /* markers and sup/sub: raised or lowered, small */
#define MARK_RISE 4.0
#define SUB_DROP 1.6
#define NOTE_SIZE 8.0
#define NOTE_NUM_SIZE 5.5
#define NOTE_NUM_RISE 2.5
#define NOTE_INDENT 10.0
#define NOTE_GAP 2.0
#define NOTES_RULE 10.0       /* space taken by the rule above the notes */
#define TABLE_SIZE 8.0        /* small type: the reader takes it for a table */
#define TABLE_MIN_SIZE 7.2    /* above 0.7 body: not taken for note numbers */
#define TABLE_GAP 18.0        /* column gap, well over the reader's 1 em */
#define BULLET_INDENT 16.0
#define SERIF "DejaVu Serif"
#define SANS "DejaVu Sans"

#define FOOTER_SIZE 8.0
#define MASTHEAD_CHAMBER_SIZE 13.0
#define MASTHEAD_SESSION_SIZE 9.0
#define MASTHEAD_SENTENCE_SIZE 7.5
#define MASTHEAD_SERIES_SIZE 12.0
#define MASTHEAD_NUMBER_SIZE 22.0  /* 2.2 body: inside the reader's masthead-number range */
/* the masthead's baselines on the first page, top down; the number stands
 * on the series name's baseline, right-aligned, and ends the masthead */
#define MASTHEAD_CHAMBER_BASE 70.0
#define MASTHEAD_SESSION_BASE 86.0
#define MASTHEAD_SENTENCE_BASE 100.0
#define MASTHEAD_SERIES_BASE 124.0
#define MASTHEAD_RULE_Y 134.0     /* the rule below it */
#define MASTHEAD_RULE_WIDTH 0.8
#define MASTHEAD_END 150.0        /* the first page's body starts here */

#endif
