/* typography.h — the typographic thresholds by which the reader tells the
 * parts of a printed page apart, in one place, because two sides depend on
 * them: the PDF reader (source_pdf.c, layout.c) decides with them, and the
 * clean-PDF writer (write_pdf.c) sets its pages so that every decision
 * comes out right (write_pdf.c checks its own sizes against these).
 *
 * Sizes are fractions of the body size (the size carrying most text),
 * positions fractions of the page, distances in points.  The values were
 * measured on the official 2020–2024 PDFs and hold with room to spare for
 * both the official layout and ahconv's own.
 */
#ifndef AHCONV_TYPOGRAPHY_H
#define AHCONV_TYPOGRAPHY_H

/* ---- sizes, as fractions of the body size -------------------------------- */

/* Within this of the body size, a line is running text. */
#define AH_BODY_SIZE_TOLERANCE 0.08
/* Below this, type is small: notes, tables, colophon (official: 6.9 / 8.5 =
 * 0.81; ahconv's notes and tables 8 / 10). */
#define AH_SMALL_TYPE 0.9
/* A note's number set as its own object is smaller than this (official
 * 5.5 / 8.5 = 0.65); table type must stay above it, or a table cell of
 * digits would be read as a note number. */
#define AH_NOTE_NUMBER_TYPE 0.7
/* The masthead's Aanhangsel number is large, but not the chamber's digit. */
#define AH_MASTHEAD_NUMBER_MIN 1.2
#define AH_MASTHEAD_NUMBER_MAX 3.0
/* Sizes closer than this (points) are one size (font matrices round). */
#define AH_SAME_SIZE 0.05

/* ---- glyphs within a line (source_pdf.c) --------------------------------- */

/* A gap wider than this fraction of the font size between two glyphs is a
 * space: tight kerning can close a real one ("Inge vanDijk"). */
#define AH_WORD_GAP_EM 0.14
/* A gap wider than this separates table columns (written as a tab); the
 * writer's column gap must be well over it. */
#define AH_COLUMN_GAP_EM 1.0
/* A list item's number or letter read as a line of its own goes back to
 * the line beside it only across a hanging indent's gap, under this many
 * ems (a wider gap is a table's column). */
#define AH_LABEL_GAP_EM 2.5
/* Glyphs smaller than this fraction of their line's size may be raised or
 * lowered (markers, CO2). */
#define AH_SMALL_GLYPH 0.85
/* A baseline this far above (fraction of the line size) is raised, this far
 * below is lowered. */
#define AH_RAISED 0.15
#define AH_LOWERED 0.08
/* poppler gives the glyphs of one word one box: a lowered and a raised
 * small glyph that touch ("CO₂" and its note marker "³") share a box this
 * many times their size tall, where one glyph's box is about 1.2.  Such
 * glyphs are both: inlines.c tells the subscript from the marker. */
#define AH_MIXED_RISE 1.6
/* The share of a glyph box below the baseline in ordinary text faces, to
 * compare baselines of glyphs in different sizes. */
#define AH_DESCENT_SHARE 0.2
/* Glyphs of comparable size (within this ratio) whose baselines differ by
 * half their size stand on different printed lines (table rows merged by
 * poppler). */
#define AH_COMPARABLE_SIZE 0.1
#define AH_OTHER_LINE_SHIFT 0.5

/* ---- positions on the page ----------------------------------------------- */

/* The running footer stands below this fraction of the page height. */
#define AH_FOOTER_ZONE 0.8
/* A bare number below this fraction of the page height is a page number:
 * the writer keeps body and notes above it. */
#define AH_PAGE_NUMBER_ZONE 0.9
/* The masthead's number stands right of this fraction of the page width
 * (the chamber's big digit stands left of it). */
#define AH_MASTHEAD_NUMBER_X 0.2
/* A masthead that opens a later page of a file (a bundle of documents)
 * has its number in the top part of the page: official 268 of 771 pt,
 * ahconv's own 124 of 842. */
#define AH_MASTHEAD_ZONE 0.45
/* Small type this far (points) left of the body column is the colophon. */
#define AH_MARGIN_GAP 5.0
/* Objects whose baselines are this close (points) share a line: the footer
 * and its page number, the cells of a table row. */
#define AH_SAME_BASELINE 2.0
#define AH_SAME_ROW 1.5
/* Left edges within this (points) are one column edge. */
#define AH_SAME_EDGE 1.0
/* The body's right edge is the edge reached by this share of its lines (a
 * stray wide line does not count). */
#define AH_RIGHT_EDGE_PERCENTILE 0.9
/* ... unless the document is so short that the share falls on short lines:
 * when the second-widest line reaches this far (points) past it, the edge
 * is that line's, less AH_RIGHT_EDGE_TOLERANCE.  In official documents the
 * share lies within a few points of the widest lines; their typesetter
 * breaks lines for the best fit, so a line may stop though a short word
 * would have fit by a point or two, and the edge stays that much inside. */
#define AH_SHORT_DOCUMENT_EDGE 36.0
#define AH_RIGHT_EDGE_TOLERANCE 3.0

/* ---- paragraphs ---------------------------------------------------------- */

/* A baseline step over this many line pitches is a blank line (official
 * paragraphs are set apart by 1.5 lines or more, ahconv's by 1.6). */
#define AH_PARAGRAPH_GAP 1.45
/* Line pitch assumed when a document has too few lines to measure it. */
#define AH_DEFAULT_PITCH 1.2
/* A word space, as a fraction of the body size: a line that ended although
 * the next word and a space would have fit ended its paragraph. */
#define AH_WORD_SPACE 0.28
/* Slack (points) for "would have fit" and "back at the left edge". */
#define AH_EDGE_SLACK 1.0

#endif
