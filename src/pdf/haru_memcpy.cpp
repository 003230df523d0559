// libharu copies every byte it stores or saves through HPDF_MemCpy, a loop
// of one byte at a time: every content, font and image stream passes
// through it three times (into the object's stream, out of it, into the
// saved file), ~3 M instructions for a Japanese plan, a tenth of writing
// it. libharu calls it through its PLT, so this definition, which the
// dynamic linker finds first (in the program or in libucap, loaded before
// libharu), takes those calls: the same contract — copy n bytes, return
// the end of what was written — done by memcpy.
#include <cstring>

#include <hpdf_utils.h>

extern "C" __attribute__((visibility("default"))) HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in,
                                                                          HPDF_UINT n) {
  if (n == 0) return out;
  std::memcpy(out, in, n);
  return out + n;
}
