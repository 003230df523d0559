# The sRGB ICC profile for PDF/A's OutputIntent, compiled into the library
# (src/pdf/srgb_profile.h) from the Debian package icc-profiles-free.
set(UCAP_SRGB_PROFILE /usr/share/color/icc/sRGB.icc CACHE FILEPATH
    "The sRGB ICC profile (ICC v2) embedded in PDF/A output intents")
if(NOT EXISTS ${UCAP_SRGB_PROFILE})
  message(FATAL_ERROR "${UCAP_SRGB_PROFILE} not found: install the Debian package icc-profiles-free "
                      "(scripts/setup-deps.sh), or set UCAP_SRGB_PROFILE to an sRGB ICC v2 profile")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${UCAP_SRGB_PROFILE})
file(READ ${UCAP_SRGB_PROFILE} UCAP_SRGB_HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," UCAP_SRGB_BYTES "${UCAP_SRGB_HEX}")
set(UCAP_SRGB_SOURCE ${CMAKE_CURRENT_BINARY_DIR}/generated/srgb_profile.cpp)
configure_file(cmake/srgb_profile.cpp.in ${UCAP_SRGB_SOURCE} @ONLY)
