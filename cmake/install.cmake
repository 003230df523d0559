# `cmake --install`: the library, the command, the headers, the data the
# engine loads (templates and the font manifest, under share/ucap, where
# ucap::default_data_directory() looks), a CMake package and a pkg-config
# file.
include(CMakePackageConfigHelpers)

set(UCAP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ucap)

install(TARGETS ucap_library EXPORT ucapTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ucap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/ucap DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY templates DESTINATION ${CMAKE_INSTALL_DATADIR}/ucap)
# The manifest names Debian's font files by absolute path, so the fonts
# stay where their packages put them.
install(FILES fonts/manifest.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/ucap/fonts)

install(EXPORT ucapTargets NAMESPACE ucap:: DESTINATION ${UCAP_CMAKE_DIR})
configure_package_config_file(cmake/ucapConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/ucapConfig.cmake
  INSTALL_DESTINATION ${UCAP_CMAKE_DIR})
# 0.x: a minor release may change the API, so only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ucapConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ucapConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/ucapConfigVersion.cmake
  DESTINATION ${UCAP_CMAKE_DIR})

# pkg-config: paths relative to the .pc file (${pcfiledir}), so that
# `cmake --install --prefix` anywhere gives a working file. A static link
# needs the dependencies' flags too (Libs.private, Requires.private).
file(RELATIVE_PATH UCAP_PREFIX_FROM_PKGCONFIG ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" UCAP_PREFIX_FROM_PKGCONFIG "${UCAP_PREFIX_FROM_PKGCONFIG}")
set(UCAP_PC_PRIVATE "")
if(NOT BUILD_SHARED_LIBS)
  set(private_libs "-lhpdf -lhyphen -lstdc++ -lm")
  foreach(lib IN LISTS CMAKE_DL_LIBS)
    string(APPEND private_libs " -l${lib}")
  endforeach()
  set(UCAP_PC_PRIVATE "Requires.private: icu-uc icu-i18n harfbuzz harfbuzz-subset libdeflate libpng pugixml fmt zlib\nLibs.private: ${private_libs}\n")
endif()
configure_file(cmake/ucap.pc.in ${CMAKE_CURRENT_BINARY_DIR}/ucap.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ucap.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
