/* source_xml.h — the publisher's XML to the flow (source_xml.c). */
#ifndef AHCONV_SOURCE_XML_H
#define AHCONV_SOURCE_XML_H

#include "flow.h"

/* The root element names of a publisher XML document: officiele-publicatie,
 * or kamervragen alone. */
bool ah_is_publisher_xml_root(const char *name);

/* The document's blocks in reading order (omschrijving sentences, a heading
 * block per vraag, antwoord and mededeling, their paragraphs, lists and
 * tables, one NOTE block per noot after the body), the masthead's year,
 * chamber and number and the id its metadata pointer names into *meta,
 * metadata record fields of its own metadata block into meta->record, and
 * text it could not place into *losses.  The caller frees *out, *meta and
 * *losses either way. */
int ah_source_xml(const void *data, size_t len, ah_flow *out, ah_docmeta *meta, ah_losses *losses, ah_error *err);

#endif
