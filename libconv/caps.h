/* caps.h — every limit ahconv puts on its input, with its reason (the way
 * md4c lists its limits).  Nothing is cut silently at a limit: an input
 * over a byte or inflation cap is refused with an error naming the cap;
 * a number over AH_MAX_LABEL_NUMBER makes the line ordinary text (verify
 * then sees the gap); the rest are ranges inside which every real
 * document lies by orders of magnitude.
 */
#ifndef AHCONV_CAPS_H
#define AHCONV_CAPS_H

/* Bytes of one input file, and of a gzip input once inflated.  The largest
 * official Aanhangsel PDF seen is under 1 MiB; the cap bounds the memory a
 * hostile file can claim.  Over it: AH_ERROR_IO / AH_ERROR_DAMAGED. */
#define AH_MAX_INPUT_BYTES (256u * 1024u * 1024u)
#define AH_MAX_INFLATED_BYTES (256u * 1024u * 1024u)

/* Element nesting the HTML reader follows.  Official pages nest about 15
 * deep; deeper is an attack on the stack (every walk is recursive). */
#define AH_MAX_HTML_DEPTH 200

/* The highest question number a label may carry ("Vraag 999").  Documents
 * have at most a few dozen questions; a larger number in a label-like line
 * is read as text.  It also sizes verify's table of numbers seen. */
#define AH_MAX_LABEL_NUMBER 999

/* The highest footnote number.  Documents have at most a few dozen notes;
 * a larger raised or note-zone number is not taken for a note's. */
#define AH_MAX_NOTE_NUMBER 9999

/* A label is a short heading line; longer text that starts with "Vraag 1"
 * is a sentence of the answer, not a heading. */
#define AH_MAX_LABEL_BYTES 80

/* Element nesting the publisher-XML and metadata-record readers follow.
 * The publisher's documents nest about 10 deep; libxml2 itself refuses
 * more than 256 levels (XML_PARSE_HUGE is never set).  Text nested deeper
 * than this is not read and is reported as lost (verify says so). */
#define AH_MAX_XML_DEPTH 200

/* Bytes of one publisher XML document or metadata record.  The publisher's
 * XML of an Aanhangsel is a few dozen KiB; libxml2's tree takes several
 * times the bytes it parses, so this bounds the memory a hostile file can
 * claim to a few hundred MiB.  Over it: AH_ERROR_FORMAT, naming the cap. */
#define AH_MAX_XML_BYTES (64u * 1024u * 1024u)

/* Bytes of one HTML page (after inflation).  An official page, menus and
 * all, is some tens of KiB.  Reading takes several times the page's bytes
 * at its peak (libxml2's tree, the text's copies through the stages, the
 * NFC normalisation at four bytes a character): a 150 MiB page of text once
 * took 1.4 GB.  This bounds a hostile page to under 200 MiB.  Over it:
 * AH_ERROR_LIMIT, naming the cap; nothing of the page is read. */
#define AH_MAX_HTML_BYTES (16u * 1024u * 1024u)

/* Elements of one HTML page, publisher XML document or metadata record.
 * A publisher's XML has a few hundred, an official HTML page a few
 * thousand (menus included); many tiny elements are what makes libxml2's
 * tree, and the reading after it, largest per byte (about 350 bytes and
 * 4 µs an element), so this bounds a hostile file to about 100 MiB and a
 * second.  Over it: AH_ERROR_LIMIT, the parse stopped at that element. */
#define AH_MAX_ELEMENTS 250000u

/* Element nesting of ahconv's own XML read back (a clean PDF's embedded
 * XML, a stored XML).  The vocabulary nests at most 6 deep (aanhangsel,
 * vraag, tabel, rij, cel, sup); deeper is not ahconv's XML and the file is
 * not taken for it (a clean PDF's pages are read instead). */
#define AH_MAX_OWNXML_DEPTH 12

/* XML indentation stops growing at this depth (the tree is at most 6 deep;
 * deeper nesting would only widen the file). */
#define AH_MAX_INDENT_DEPTH 30

#endif
