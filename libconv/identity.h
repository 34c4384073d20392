/* identity.h — the converter's name as every output spells it: the XML's
 * and JSON's bron, the clean PDF's XMP creator tool, the report's footer.
 * A clean PDF's embedded XML is trusted only when it names exactly this. */
#ifndef AHCONV_IDENTITY_H
#define AHCONV_IDENTITY_H

#include "ahconv.h"

#define AH_CONVERTER "ahconv " AHCONV_VERSION_STRING

#endif
