# The rooms of src/ as one CMake target each (see docs/architecture.md).
# A room's sources see include/ucap/ and the headers of the rooms it is
# allowed to use, nothing else: each room's headers are reached through a
# folder of its own in the build tree (rooms/<room>/<room> → src/<room>),
# and a room target puts on the include path only its own folder and those
# of the rooms it links. An #include against the flow therefore fails to
# compile ("No such file or directory").

# ucap_add_room(ROOM USES ROOM... [SOURCES extra.cpp...])
function(ucap_add_room room)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "USES;SOURCES")
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${room}/*.cpp)
  set(target ucap_room_${room})
  add_library(${target} OBJECT ${sources} ${arg_SOURCES})
  set(header_folder ${PROJECT_BINARY_DIR}/rooms/${room})
  file(MAKE_DIRECTORY ${header_folder})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${room} ${header_folder}/${room} SYMBOLIC)
  target_include_directories(${target}
    PUBLIC ${header_folder} ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${HPDF_INCLUDE_DIR} ${HYPHEN_INCLUDE_DIR})
  list(TRANSFORM arg_USES PREPEND ucap_room_ OUTPUT_VARIABLE used_targets)
  # Private: a room sees the rooms it names, not what those rooms use.
  target_link_libraries(${target} PRIVATE ${used_targets})
  set_property(TARGET ${target} PROPERTY UCAP_USED_ROOMS ${used_targets})
  target_link_libraries(${target} PUBLIC ${UCAP_DEPENDENCIES})
  set_target_properties(${target} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_compile_definitions(${target} PRIVATE
    UCAP_SOURCE_DATA_DIR="${PROJECT_SOURCE_DIR}"
    UCAP_DATA_FROM_LIBDIR="${UCAP_DATA_FROM_LIBDIR}"
    UCAP_VERSION="${PROJECT_VERSION}")
  # GCC 12 warns falsely about std::variant members ("may be used uninitialized").
  target_compile_options(${target} PRIVATE -Wall -Wextra $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  set_property(GLOBAL APPEND PROPERTY UCAP_ROOM_TARGETS ${target})
endfunction()

# ucap_room_include_test(ROOM HEADER REFUSED|ALLOWED): a ctest that compiles
# one file as ROOM's sources are compiled, holding only `#include "HEADER"`.
# REFUSED passes only if the compiler cannot find HEADER (the build refuses
# that reach); ALLOWED passes only if the file compiles, which shows that
# a refusal comes from the boundary and not from the probe.
function(ucap_room_include_test room header expectation)
  string(MAKE_C_IDENTIFIER "${room}_includes_${header}" name)
  set(probe ${PROJECT_BINARY_DIR}/rooms/probes/${name}.cpp)
  file(WRITE ${probe} "#include \"${header}\"\n")
  add_library(probe_${name} OBJECT EXCLUDE_FROM_ALL ${probe})
  get_target_property(used ucap_room_${room} UCAP_USED_ROOMS)
  if(NOT used)
    set(used "")
  endif()
  target_link_libraries(probe_${name} PRIVATE ucap_room_${room} ${used})
  add_test(NAME rooms.${name}
    COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target probe_${name})
  # One build-system run in the tree at a time (ctest -j).
  set_tests_properties(rooms.${name} PROPERTIES RESOURCE_LOCK ucap_build_tree)
  if(expectation STREQUAL "REFUSED")
    set_tests_properties(rooms.${name} PROPERTIES
      PASS_REGULAR_EXPRESSION "${header}: No such file or directory|'${header}' file not found")
  elseif(NOT expectation STREQUAL "ALLOWED")
    message(FATAL_ERROR "ucap_room_include_test: REFUSED or ALLOWED, not ${expectation}")
  endif()
endfunction()
