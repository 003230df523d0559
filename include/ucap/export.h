/* UCAP_API marks what libucap exports. The library is compiled with hidden
   visibility, so its ABI is exactly what the headers in include/ucap/ mark;
   the rooms behind it (parser, layout, PDF writer) stay private and can
   change between releases. Plain C so that ucap.h can include it. */
#ifndef UCAP_EXPORT_H
#define UCAP_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define UCAP_API __attribute__((visibility("default")))
#else
#define UCAP_API
#endif

#endif
